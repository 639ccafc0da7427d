"""What the app asks of a progress store, and the in-memory store used when the database won't open.

`Store` (SQLite) and `MemoryStore` both implement `ProgressStore` in full, so the screens call it
directly; what only a saved store can do (schedules, quiz history) is asked through `persistent`.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any, Protocol

from rnnquiz.study.clock import Clock, SystemClock
from rnnquiz.study.items import Kind


class ProgressStore(Protocol):
    """The learner's progress as the screens and the home page read and write it."""

    @property
    def persistent(self) -> bool:
        """Saved to disk, with schedules and quiz history; False for the in-memory stand-in."""
        ...

    @property
    def clock(self) -> Clock: ...

    def mark_section_read(self, section_id: str, at: datetime | None = None) -> None: ...

    def sections_read(self) -> set[str]: ...

    def first_read_at(self, section_id: str) -> datetime | None: ...

    def get_setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...

    def due_items(
        self, kind: Kind = "question", ids: Collection[str] | None = None, now: datetime | None = None
    ) -> list[str]: ...

    def best_quiz_score(self, section_id: str, question_ids: Collection[str] | None = None) -> float | None: ...


class MemoryStore:
    """A store that forgets everything on exit; used when no database opens. It keeps what was read
    and the settings for this run, and has no schedule: nothing is ever due, no quiz is remembered."""

    persistent = False
    clock: Clock = SystemClock()

    def __init__(self, clock: Clock | None = None) -> None:
        if clock is not None:
            self.clock = clock
        self._read: dict[str, datetime] = {}
        self._settings: dict[str, Any] = {}

    def mark_section_read(self, section_id: str, at: datetime | None = None) -> None:
        self._read.setdefault(section_id, at or self.clock.now())

    def sections_read(self) -> set[str]:
        return set(self._read)

    def first_read_at(self, section_id: str) -> datetime | None:
        return self._read.get(section_id)

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self._settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self._settings[key] = value

    def due_items(
        self, kind: Kind = "question", ids: Collection[str] | None = None, now: datetime | None = None
    ) -> list[str]:
        return []

    def best_quiz_score(self, section_id: str, question_ids: Collection[str] | None = None) -> float | None:
        return None
