"""What an author does to a course while the app watches it."""

import os
from pathlib import Path

from .shared import FIXTURES  # noqa: F401 -- imported from here by older tests


def save(path: Path, old: str, new: str) -> None:
    """An author's save: new text and a later modification time."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    mtime = path.stat().st_mtime_ns
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(mtime + 1_000_000, mtime + 1_000_000))
