"""`rnnquiz stats` as a user runs it, on a tiny course and a tmp_path database."""

import json
import textwrap
from datetime import UTC, datetime

from fsrs import Rating

from rnnquiz.cli import main
from rnnquiz.study.clock import ManualClock
from rnnquiz.study.scheduler import StudyScheduler
from rnnquiz.study.store import Store


def _course(folder):
    folder.mkdir()
    (folder / "course.yaml").write_text("course: tiny\ntitle: Tiny\nsections: [t1]\n", encoding="utf-8")
    (folder / "t1.yaml").write_text(
        textwrap.dedent(
            """\
            section: t1
            title: One
            flashcards:
              - id: t-basic
                front: What is h[t-1]?
                back: The previous hidden state.
              - id: t-rev
                type: reversible
                front: RNN
                back: recurrent neural network
            """
        ),
        encoding="utf-8",
    )
    return folder


def test_stats_json_for_one_course(tmp_path, capsys):
    content = _course(tmp_path / "content")
    data = tmp_path / "data"
    with Store.open(data, clock=ManualClock(datetime.now(UTC))) as store:
        store.record_review("t-basic", "card", Rating.Good, StudyScheduler(enable_fuzzing=False))
    assert main(["stats", "--content", str(content), "--data-dir", str(data), "--course", "tiny", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["course"] == "tiny"
    assert report["cards"] == {"new": 2, "learning": 1, "review": 0, "relearning": 0, "suspended": 0}
    assert report["reviews_today"] == 1 and report["streak"] == 1


def test_stats_text_and_flagged_cards_with_file_and_line(tmp_path, capsys):
    content = _course(tmp_path / "content")
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.flag("t-rev~rev", note="back is unclear")
    assert main(["stats", "--content", str(content), "--data-dir", str(data)]) == 0
    assert "True retention, last 30 days" in capsys.readouterr().out
    assert main(["stats", "--content", str(content), "--data-dir", str(data), "--flagged", "--course", "tiny"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(str(content / "t1.yaml") + ":")
    assert out.endswith("card t-rev~rev - back is unclear")
    line = int(out.split(":")[1])
    assert "id: t-rev" in (content / "t1.yaml").read_text().splitlines()[line - 1]


def test_unknown_course_and_unusable_data_dir_are_one_line_errors(tmp_path, capsys):
    assert main(["stats", "--data-dir", str(tmp_path), "--course", "nope"]) == 1
    assert "no course 'nope'" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["stats", "--data-dir", str(blocker / "sub")]) == 1
    err = capsys.readouterr().err
    assert "rnnquiz stats: cannot create the data folder" in err and "Traceback" not in err


def test_damaged_database_notice_is_printed_once(tmp_path):
    """A damaged progress.db is moved aside and said so once on stderr, not twice (logging too)."""
    import subprocess
    import sys

    data = tmp_path / "data"
    data.mkdir()
    (data / "progress.db").write_bytes(b"garbage, not SQLite " * 100)
    result = subprocess.run([sys.executable, "-m", "rnnquiz", "--data-dir", str(data), "stats"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("could not be read") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert list(data.glob("progress.db.corrupt-*"))
