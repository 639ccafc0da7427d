"""Notice content files that changed on disk, by polling: cheap, portable, no extra dependency.

The TUI calls `snapshot` from a worker every second or so and `diff`s it against the last one;
only a non-empty `Changes` is worth a reload. A file counts as changed when its modification time
(nanoseconds) or size differs, which catches editors that save by rename as well as in place.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rnnquiz.content.files import CONTENT_SUFFIXES

Stamp = tuple[int, int]
"""(st_mtime_ns, st_size) of a file."""
Snapshot = dict[Path, Stamp]


@dataclass(frozen=True, slots=True)
class Changes:
    """Files that differ between two snapshots, each list sorted."""

    changed: list[Path] = field(default_factory=list)
    added: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed)

    @property
    def paths(self) -> list[Path]:
        """Every path that differs, in one sorted list."""
        return sorted({*self.changed, *self.added, *self.removed})


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """(mtime_ns, size) of every content file under `paths`, found the way the library finds them.

    Folders are searched recursively for .yaml/.yml files, skipping hidden files and folders
    (editors' swap and temporary files live there); files are taken as given. A path that
    vanishes while being scanned is simply absent, never an error.
    """
    stamps: Snapshot = {}
    for path in paths:
        files = _walk(path) if path.is_dir() else iter([path])
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            stamps[file] = (stat.st_mtime_ns, stat.st_size)
    return stamps


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in sorted(entries, key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                yield from _walk(Path(entry.path))
            elif entry.is_file() and entry.name.endswith(CONTENT_SUFFIXES):
                yield Path(entry.path)
        except OSError:
            continue


def diff(old: Snapshot, new: Snapshot) -> Changes:
    """What changed from `old` to `new`."""
    return Changes(
        changed=sorted(p for p in old.keys() & new.keys() if old[p] != new[p]),
        added=sorted(new.keys() - old.keys()),
        removed=sorted(old.keys() - new.keys()),
    )
