"""What the home screen shows of the library, small enough to cache as JSON and read in a millisecond.

Building the full library means importing pydantic and validating every file (about 100 ms for the
bundled course); the home screen needs only ids, titles and which cards and questions each section
has. The outline is cached in the data folder, keyed by every content file's (path, size, mtime_ns)
and the rnnquiz version, so a warm start reads one JSON file and the library loads after the first
screen is shown. Nothing here imports pydantic or YAML; `outline_of` reads a loaded library by duck typing.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rnnquiz import __version__

if TYPE_CHECKING:
    from rnnquiz.content.library import Library
    from rnnquiz.content.watch import Snapshot

log = logging.getLogger(__name__)

CACHE_FILE = "outline-cache.json"
"""In the data folder, beside the progress database."""
FORMAT = 1
"""Bumped when the outline's shape changes; an older cache is then simply a miss."""

# The records are NamedTuples, not dataclasses: immutable all the same, and about five times cheaper to
# define, which counts on the start-up path (see benchmarks/bench_startup.py).


class SectionOutline(NamedTuple):
    id: str
    title: str
    cards: tuple[str, ...] = ()
    """Flashcard ids, in file order (a card's review units are counted by the store)."""
    questions: tuple[str, ...] = ()
    """Quiz question ids, in file order."""


class CourseOutline(NamedTuple):
    id: str
    title: str
    description: str | None = None
    sections: tuple[SectionOutline, ...] = ()


class Outline(NamedTuple):
    """Courses and sections in study order, plus every problem met while loading, as printed."""

    courses: tuple[CourseOutline, ...] = ()
    problems: tuple[str, ...] = ()
    """Each problem as `file:line:col: message`."""

    def section(self, section_id: str) -> SectionOutline | None:
        return next((s for c in self.courses for s in c.sections if s.id == section_id), None)

    def section_ids(self) -> list[str]:
        return [s.id for c in self.courses for s in c.sections]

    def to_json(self) -> dict[str, Any]:
        return {
            "courses": [
                {"id": c.id, "title": c.title, "description": c.description,
                 "sections": [{"id": s.id, "title": s.title, "cards": list(s.cards), "questions": list(s.questions)}
                              for s in c.sections]}
                for c in self.courses
            ],
            "problems": list(self.problems),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outline:
        """The outline written by `to_json`; raises (KeyError, TypeError, ValueError) on anything else."""
        courses = tuple(
            CourseOutline(_str(c["id"]), _str(c["title"]), None if c["description"] is None else _str(c["description"]),
                          tuple(SectionOutline(_str(s["id"]), _str(s["title"]), _strs(s["cards"]),
                                               _strs(s["questions"]))
                                for s in c["sections"]))
            for c in data["courses"]
        )
        return cls(courses, _strs(data["problems"]))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _strs(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError(f"expected a list, got {type(values).__name__}")
    return tuple(_str(v) for v in values)


def outline_of(library: Library) -> Outline:
    """The outline of a loaded library."""
    return Outline(
        tuple(
            CourseOutline(
                course.id, str(course.title),
                None if course.course.description is None else str(course.course.description),
                tuple(SectionOutline(s.section, str(s.title), tuple(c.id for c in s.flashcards),
                                     tuple(q.id for q in s.quiz)) for s in course.sections),
            )
            for course in library.courses
        ),
        tuple(str(problem) for problem in library.problems),
    )


def cache_key(paths: Iterable[Path], stamps: Snapshot) -> dict[str, Any]:
    """What a cached outline is valid for: this rnnquiz, these content folders, these exact files."""
    return {
        "format": FORMAT,
        "version": __version__,
        "roots": [str(Path(p).expanduser().resolve()) for p in paths],
        "files": [[str(path), size, mtime_ns] for path, (mtime_ns, size) in sorted(stamps.items())],
    }


def read_cached(data_dir: Path, key: dict[str, Any]) -> Outline | None:
    """The cached outline if it was written for exactly `key`; None when missing, stale or unreadable."""
    try:
        with open(data_dir / CACHE_FILE, encoding="utf-8") as file:
            data = json.load(file)
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return Outline.from_json(data["outline"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:  # a damaged cache is a miss, then rewritten
        log.info("ignoring the outline cache: %s", error)
        return None


def write_cached(data_dir: Path, key: dict[str, Any], outline: Outline) -> bool:
    """Store the outline for `key` (atomically: a reader never sees half a file); False if it could not."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".outline-", suffix=".tmp", dir=data_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump({"key": key, "outline": outline.to_json()}, file, ensure_ascii=False)
            os.replace(temp, data_dir / CACHE_FILE)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:  # a read-only data folder costs speed, never a start
        log.info("could not write the outline cache: %s", error)
        return False
    return True
