"""The command line as a user meets it: exit codes, output shape, no tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rnnquiz import __version__
from rnnquiz.cli import main


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rnnquiz", *args], capture_output=True, text=True, env=env, timeout=60)


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"rnnquiz {__version__}"


def test_help_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("learn", "study", "quiz", "lab", "demo", "glossary", "stats", "validate", "schema", "new",
                 "import", "export", "preview"):
        assert name in out


def test_validate_bundled_course_is_clean(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: 1 course(s), 7 section(s)")


def test_validate_reports_problems_one_per_line_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("section: s1\ntitle: One\nflashcard: []\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert f"{bad}:3:1: flashcard: unknown field `flashcard` (did you mean `flashcards`?)" in lines
    assert captured.err.strip().startswith(f"{len(lines)} problem(s) in 1 file(s)")


def test_validate_single_file_resolves_against_its_siblings(tmp_path, capsys):
    (tmp_path / "course.yaml").write_text("course: c\ntitle: C\nsections: [s1]\n", encoding="utf-8")
    section = tmp_path / "s1.yaml"
    section.write_text("section: s1\ntitle: One\n", encoding="utf-8")
    assert main(["validate", str(section)]) == 0


def test_validate_json_format(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("section: s1\ntitle: One\nquiz:\n  - {id: q1, type: single, prompt: p, choices: [a], answer: 0}\n")
    assert main(["validate", "--format", "json", str(bad)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    problem = next(p for p in report["problems"] if p["path"])
    assert (problem["file"], problem["line"], problem["col"]) == (str(bad), 4, 48)
    assert problem["path"] == "quiz[0].choices"
    assert problem["message"] == "needs at least 2 items, has 1"


def test_validate_hostile_input_never_tracebacks(tmp_path):
    (tmp_path / "bin.yaml").write_bytes(b"\x00\xff\xfe garbage")
    (tmp_path / "tags.yaml").write_text("!!python/object/new:os.system [echo pwned]\n")
    (tmp_path / "deep.yaml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "pwned" not in result.stdout
    assert len(result.stdout.splitlines()) == 3


def test_content_option_adds_courses(tmp_path, capsys):
    (tmp_path / "course.yaml").write_text("course: extra\ntitle: Extra\nsections: [x1]\n---\nsection: x1\ntitle: X\n")
    assert main(["--content", str(tmp_path), "validate"]) == 0
    assert main(["validate", "--content", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "ok: 2 course(s), 8 section(s)" in out


def test_content_env_adds_courses(tmp_path):
    (tmp_path / "c.yaml").write_text("course: extra\ntitle: Extra\nsections: [{section: x1, title: X}]\n")
    import os

    result = run_cli("validate", env={**os.environ, "RNNQUIZ_CONTENT": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "ok: 2 course(s)" in result.stdout


def test_schema_is_json_schema_and_matches_the_shipped_copy(capsys):
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["title"] == "rnnquiz content file"
    assert {"Course", "Section", "Flashcard", "SingleQuestion"} <= set(printed["$defs"])
    shipped = Path(__file__).resolve().parents[1] / "content" / "schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == printed, "run: rnnquiz schema -o content/schema.json"


def test_module_entry_point_runs():
    result = run_cli("validate")
    assert result.returncode == 0
    assert result.stdout.startswith("ok:")


def test_qa_validate_names_devices_and_pipes_and_counts_one_item_in_the_singular(tmp_path, capsys):
    import os

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)  # reading it would block forever: it must be refused, not read, and not called missing
    (tmp_path / "course.yaml").write_text("course: c\ntitle: C\nsections: []\n", encoding="utf-8")
    assert main(["validate", str(pipe), str(tmp_path / "course.yaml"), str(tmp_path / "gone.yaml")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"{pipe}:1:1: not a regular file or folder (a device, pipe or socket)" in lines
    assert f"{tmp_path / 'gone.yaml'}:1:1: no such file or folder" in lines
    assert f"{tmp_path / 'course.yaml'}:3:11: sections: needs at least 1 item, has 0" in lines


def test_validate_warns_about_a_pattern_that_can_take_exponential_time(tmp_path, capsys):
    (tmp_path / "course.yaml").write_text("course: c\ntitle: C\nsections: [s1]\n", encoding="utf-8")
    section = tmp_path / "s1.yaml"
    section.write_text(
        "section: s1\ntitle: One\nquiz:\n  - id: q1\n    type: short\n    prompt: p\n    answer: b\n"
        "    pattern: \"(a+)+b\"\n",
        encoding="utf-8",
    )
    assert main(["validate", str(section)]) == 0  # a warning: the question still loads
    captured = capsys.readouterr()
    assert f"{section}:8:14: warning: question `q1`: pattern '(a+)+b' repeats a repeat" in captured.out
    assert captured.out.strip().endswith("; 1 warning(s)")


def test_an_internal_error_is_one_line_exit_70_and_its_traceback_is_kept(tmp_path, capsys, monkeypatch):
    import rnnquiz.content.library as library_module

    def broken(*args, **kwargs):
        raise RuntimeError("boom \x1b[31m")

    monkeypatch.setattr(library_module, "load_library", broken)
    home = tmp_path / "home"
    assert main(["--data-dir", str(home), "validate", str(tmp_path)]) == 70
    err = capsys.readouterr().err
    log = home / "errors.log"
    assert err == (f"rnnquiz: internal error in `rnnquiz validate`: RuntimeError: boom ␛[31m; please report it "
                   f"(details in {log})\n")
    kept = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in kept and "RuntimeError: boom" in kept


def test_validate_on_a_symlink_loop_says_so(tmp_path, capsys):
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    assert main(["validate", str(tmp_path / "a.yaml")]) == 1
    assert f"{tmp_path / 'a.yaml'}:1:1: a symbolic link to nothing (a loop, or its target is gone)" in (
        capsys.readouterr().out)


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_a_file_name_that_is_not_utf8_is_shown_not_a_traceback(tmp_path, encoding):
    import os

    name = os.fsdecode(b"bad\xff.yaml")
    (tmp_path / name).write_text("section: x\ntitle: [\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding, "RNNQUIZ_CONTENT": ""}
    result = run_cli("validate", str(tmp_path), env=env)
    assert result.returncode == 1, result.stderr
    assert "invalid YAML" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_an_empty_content_file_is_a_problem_not_ok(tmp_path, capsys, text):
    empty = tmp_path / "empty.yaml"
    empty.write_text(text, encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    assert f"{empty}:1:1: the file holds nothing: no course or section" in capsys.readouterr().out


def test_a_key_with_a_line_break_is_still_one_problem_on_one_line(tmp_path, capsys):
    bad = tmp_path / "k.yaml"
    bad.write_text('section: s\ntitle: T\n"a\\nb": 1\n', encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"{bad}:3:1: a\\nb: unknown field `a\\nb` (allowed here:" in "\n".join(lines)
    assert all(line.startswith(str(bad)) for line in lines)


def test_validate_dir_reports_a_symlinked_file_as_the_same_file_copied_in(tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "bad.yaml").write_text("section: s1\ntitle: One\nflashcard: []\n", encoding="utf-8")
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "linked.yaml").symlink_to(outside / "bad.yaml")
    assert main(["validate", str(folder)]) == 1
    assert "unknown field `flashcard`" in capsys.readouterr().out


def test_validate_file_reports_what_validate_dir_does_about_it_and_counts_only_it(tmp_path, capsys):
    (tmp_path / "course.yaml").write_text("course: c\ntitle: C\nsections: [s1, s2]\n", encoding="utf-8")
    (tmp_path / "s1.yaml").write_text("section: s1\ntitle: One\nflashcards:\n  - {id: same, front: a, back: b}\n",
                                      encoding="utf-8")
    (tmp_path / "s2.yaml").write_text("section: s2\ntitle: Two\nflashcards:\n  - {id: same, front: c, back: d}\n"
                                      "  - {id: other, front: e, back: f}\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    whole = capsys.readouterr().out
    assert main(["validate", str(tmp_path / "s1.yaml")]) == 1  # its id clashes with s2's
    one = capsys.readouterr()
    assert one.out == whole and "duplicate item id `same`" in one.out
    assert "loaded 0 course(s), 1 section(s), 1 flashcard(s), 0 question(s) in 1 file(s)" in one.err
