"""Polling for changed content files: snapshots of (mtime_ns, size) and their differences."""

import os
from pathlib import Path

from rnnquiz.content.watch import Changes, diff, snapshot


def touch(path: Path, text: str, mtime_ns: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_snapshot_finds_content_files_like_the_library(tmp_path):
    touch(tmp_path / "course.yaml", "a", 1_000)
    touch(tmp_path / "sub" / "s.yml", "bb", 2_000)
    touch(tmp_path / "notes.txt", "x", 3_000)
    touch(tmp_path / ".hidden" / "h.yaml", "x", 4_000)
    touch(tmp_path / ".swap.yaml", "x", 5_000)
    single = tmp_path / "elsewhere.yaml"
    touch(single, "ccc", 6_000)
    assert snapshot([tmp_path / "sub", single, tmp_path / "missing"]) == {
        tmp_path / "sub" / "s.yml": (2_000, 2), single: (6_000, 3)}
    assert set(snapshot([tmp_path])) == {tmp_path / "course.yaml", tmp_path / "sub" / "s.yml", single}


def test_diff_reports_changed_added_and_removed(tmp_path):
    a, b, c = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.yaml"
    touch(a, "one", 1_000)
    touch(b, "two", 1_000)
    before = snapshot([tmp_path])
    assert not diff(before, snapshot([tmp_path]))
    touch(a, "one", 2_000)       # saved again: same size, new time
    touch(b, "two!", 1_000)      # same time, new size (a coarse clock)
    c.write_text("new", encoding="utf-8")
    after = snapshot([tmp_path])
    assert diff(before, after) == Changes(changed=[a, b], added=[c], removed=[])
    a.unlink()
    changes = diff(after, snapshot([tmp_path]))
    assert changes == Changes(removed=[a]) and bool(changes)
    assert changes.paths == [a]


def test_empty_changes_are_false():
    assert not Changes()
