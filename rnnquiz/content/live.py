"""The library in use while the app runs: loaded late on a warm start, reloaded when files change.

The app shows the home screen from the cached outline, loads the full library in a worker thread
right after, and polls the content files (`watch.snapshot`, cheap stat calls) to reload them when
an author saves. A reload that brings new problems is refused: the previous library stays in use,
so a half-typed edit never takes a section or a question away from the learner. Thread-safe, and
free of pydantic at import time: only loading imports the models.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rnnquiz.content.outline import Outline, cache_key, outline_of, read_cached, write_cached
from rnnquiz.content.watch import Changes, Snapshot, diff, snapshot

if TYPE_CHECKING:
    from rnnquiz.content.library import Library
    from rnnquiz.content.problems import Problem


def _load(paths: list[Path]) -> Library:
    from rnnquiz.content.library import load_library

    return load_library(paths)


def problem_key(problem: Problem) -> tuple[str, str, str, str | None]:
    """A problem without its line and column, so a known problem moved by an edit above it is not new."""
    return (str(problem.file), problem.path, problem.message, problem.hint)


@dataclass(frozen=True, slots=True)
class Reload:
    """What one reload found."""

    changes: Changes
    accepted: bool
    """True: the new version is in use. False: it had new problems and the previous one stays."""
    new_problems: list[Problem] = field(default_factory=list)
    """Problems of the new version that the version in use did not have (the reason it was refused)."""
    problems: list[Problem] = field(default_factory=list)
    """Every problem of the new version, accepted or not."""
    gone: dict[str, list[str]] = field(default_factory=dict)
    """Accepted: file name -> ids of the cards and questions it held before and no longer does."""

    def gone_notice(self) -> str | None:
        """`3 cards or questions are no longer in first.yaml (c1, c2, c3); ...`, or None."""
        if not self.gone:
            return None
        parts = []
        for name, ids in sorted(self.gone.items()):
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            parts.append(f"{len(ids)} no longer in {name} ({shown})")
        return ("Cards or questions left the course: " + "; ".join(parts)
                + ". Their progress is kept and comes back with them.")


SETTLE_SECONDS = 0.4
"""How long changed files must stay the same before they are read: an editor that writes in two
steps leaves a shorter, valid file for a moment, and reading that would drop the cards after the cut."""


class LiveLibrary:
    """The library in use, its outline, and the content files it came from."""

    def __init__(
        self,
        paths: Iterable[Path] = (),
        *,
        library: Library | None = None,
        outline: Outline | None = None,
        stamps: Snapshot | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        if library is None and outline is None:
            raise ValueError("a LiveLibrary starts from a loaded library or a cached outline")
        self.paths = list(paths)
        """The content folders and files; empty means nothing to watch or load late."""
        self.cache_dir = cache_dir
        """Where the outline cache lives (the data folder); None: no cache."""
        self._library = library
        self.outline: Outline = outline if outline is not None else outline_of(library)  # type: ignore[arg-type]
        self.stamps: Snapshot = stamps if stamps is not None else (snapshot(self.paths) if self.paths else {})
        """The files as they were when the version in use (or the last one refused) was read."""
        self.latest_problems: list[Problem] | None = None
        """Problems of the newest version read from disk, kept or refused; None until the library loads."""
        self._unsettled: tuple[Snapshot, float] | None = None
        """The files as first seen changed, and when: a reload waits until they stay so."""
        self._load_lock = threading.Lock()
        self._reload_lock = threading.Lock()
        if library is not None:
            self.latest_problems = list(library.problems)

    @classmethod
    def open(cls, paths: Iterable[Path], cache_dir: Path | None = None) -> LiveLibrary:
        """Warm start: the outline from the cache, the library later. Cold: load now and write the cache."""
        paths = list(paths)
        stamps = snapshot(paths)
        if cache_dir is not None:
            cached = read_cached(cache_dir, cache_key(paths, stamps))
            if cached is not None:
                return cls(paths, outline=cached, stamps=stamps, cache_dir=cache_dir)
        live = cls(paths, library=_load(paths), stamps=stamps, cache_dir=cache_dir)
        live.save_outline()
        return live

    @property
    def loaded(self) -> bool:
        return self._library is not None

    def get(self) -> Library:
        """The library, loaded here (blocking) if no one has loaded it yet; waits for a load under way."""
        library = self._library
        if library is not None:
            return library
        with self._load_lock:
            if self._library is None:
                library = _load(self.paths)
                self.latest_problems = list(library.problems)
                fresh = outline_of(library)
                self._library = library
                if fresh != self.outline:  # changed between the stat calls and the reading: recache
                    self.outline = fresh
                    self.save_outline()
        return self._library

    def save_outline(self, stamps: Snapshot | None = None) -> bool:
        """Write the outline cache for the files as they were read; False when there is no cache."""
        if self.cache_dir is None or not self.paths:
            return False
        return write_cached(self.cache_dir, cache_key(self.paths, self.stamps if stamps is None else stamps),
                            self.outline)

    def changes(self) -> Changes:
        """Content files changed on disk since the last read (stat calls only)."""
        if not self.paths:
            return Changes()
        return diff(self.stamps, snapshot(self.paths))

    def settled_changes(self, now: float | None = None) -> Changes:
        """The changes, once the files have looked the same for SETTLE_SECONDS; before that, none."""
        if not self.paths:
            return Changes()
        current = snapshot(self.paths)
        changes = diff(self.stamps, current)
        now = time.monotonic() if now is None else now
        if not changes:
            self._unsettled = None
        elif self._unsettled is None or self._unsettled[0] != current:
            self._unsettled = (current, now)  # still being written, perhaps: look again later
        elif now - self._unsettled[1] >= SETTLE_SECONDS:
            self._unsettled = None
            return changes
        return Changes()

    def reload(self) -> Reload:
        """Read every content file again; use the result only if it brings no new problem.

        The files are stat'ed before they are read, so a save during the read is seen by the next poll.
        """
        with self._reload_lock:
            current = self.get()
            stamps = snapshot(self.paths)
            changes = diff(self.stamps, stamps)
            library = _load(self.paths)
            self.stamps = stamps
            self.latest_problems = list(library.problems)
            known = {problem_key(p) for p in current.problems}
            new = [p for p in library.problems if problem_key(p) not in known]
            if new:
                return Reload(changes, False, new, list(library.problems))
            with self._load_lock:
                self._library = library
                self.outline = outline_of(library)
            self.save_outline(stamps)
            return Reload(changes, True, [], list(library.problems), _gone(current, library))


def _gone(before: Library, after: Library) -> dict[str, list[str]]:
    """File name -> ids of flashcards and questions that `before` had and `after` lacks."""
    gone: dict[str, list[str]] = {}
    for item_id in sorted({*before.flashcards, *before.questions} - {*after.flashcards, *after.questions}):
        where = before.location(item_id)
        gone.setdefault(where.file.name if where else "the course files", []).append(item_id)
    return gone


def first_section(library: Library, file: Path) -> str | None:
    """The first section written in `file` that a course lists, else the first section of a course in it."""
    target = file.resolve()
    found = []
    for course in library.courses:
        for section in course.sections:
            where = library.location(section.section)
            if where is not None and where.file.resolve() == target:
                found.append((where.line, where.col, section.section))
    if found:
        return min(found)[2]
    in_file = next((c for c in library.courses if c.file.resolve() == target and c.sections), None)
    return in_file.sections[0].section if in_file else None
