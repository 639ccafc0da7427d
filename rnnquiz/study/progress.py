"""The seam between the screens and the study store (no Textual here, so the CLI uses it too).

Screens ask `Progress` simple questions (is this section read? how many cards are due?) and never
touch SQLite. That keeps tests on a `tmp_path` database or an in-memory stand-in, lets the app
start while the store module is missing or broken, and means a failing disk shows a notice
instead of a traceback. No Textual import here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rnnquiz.study.progress_store import MemoryStore, ProgressStore
from rnnquiz.study.units import card_id_of

if TYPE_CHECKING:
    from rnnquiz.study.scheduler import StudyScheduler
    from rnnquiz.study.store import Store


class SavesAnswers(Protocol):
    """A quiz session as `Progress.save_quiz` sees it (the quiz layer sits above this one)."""

    def save(self, store: Store, scheduler: StudyScheduler) -> object: ...

__all__ = ["MemoryStore", "Progress", "open_store", "review_store"]

log = logging.getLogger(__name__)

ErrorHandler = Callable[[str], None]


def open_store(data_dir: Path) -> tuple[ProgressStore, str | None]:
    """The SQLite store in `data_dir`, or a `MemoryStore` and the reason it could not be opened."""
    try:
        from rnnquiz.study.store import Store
    except ImportError as error:
        return MemoryStore(), f"progress will not be saved: the study store is not available ({error})"
    try:
        store = Store.open(data_dir)
    except Exception as error:  # a locked, newer or unwritable database must not stop the app
        log.exception("could not open the study store")
        return MemoryStore(), f"progress will not be saved: {error}"
    return store, store.notice  # notice: a damaged file was moved aside and a fresh one started


def review_store(store: ProgressStore) -> Store | None:
    """The SQLite store behind `store`, which reviews and quiz history need; None for the stand-in."""
    if not store.persistent:
        return None
    try:
        from rnnquiz.study.store import Store
    except ImportError:
        return None
    return store if isinstance(store, Store) else None


class Progress:
    """What the screens need from the store, with every store error turned into a notice."""

    def __init__(self, store: ProgressStore | None = None, on_error: ErrorHandler | None = None) -> None:
        self.store: ProgressStore = store if store is not None else MemoryStore()
        self.on_error = on_error
        self._read: set[str] | None = None
        self._due: dict[str, int] | None = None
        self._due_questions: set[str] | None = None

    @property
    def persistent(self) -> bool:
        return self.store.persistent

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """A failing store becomes a notice (`could not <doing>: why`); the caller keeps its default."""
        try:
            yield
        except Exception as error:
            log.exception("study store: could not %s", doing)
            if self.on_error is not None:
                self.on_error(f"could not {doing}: {error}")

    def read_sections(self) -> set[str]:
        if self._read is None:
            self._read = set()
            with self._guard("sections read"):
                self._read = set(self.store.sections_read())
        return self._read

    def is_read(self, section_id: str) -> bool:
        return section_id in self.read_sections()

    def mark_read(self, section_id: str) -> bool:
        """Record that the learner read a section; True the first time."""
        if self.is_read(section_id):
            return False
        with self._guard("mark section read"):
            self.store.mark_section_read(section_id, self._now())
        self.read_sections().add(section_id)
        return True

    def due_by_card(self) -> dict[str, int]:
        """Flashcard id -> review units due today (a reversible or cloze card has several units).

        "Today" is the learner's study day, as on the review screen: a card rated a few minutes ago
        and due again in ten counts, so a section shows "N due" right after studying.
        Read once and cached: the home screen asks for every section; `refresh()` forgets it.
        """
        if self._due is None:
            units: list[str] = []
            with self._guard("due items"):
                units = self.store.due_items("card", None, self._end_of_study_day())
            self._due = {}
            for unit in units:
                card = card_id_of(unit)
                self._due[card] = self._due.get(card, 0) + 1
        return self._due

    def _now(self) -> datetime:
        """The store's clock (injected in tests)."""
        return self.store.clock.now()

    def _end_of_study_day(self) -> datetime:
        """The last instant of today's study day (it ends at the learner's rollover hour)."""
        from rnnquiz.study.clock import DEFAULT_ROLLOVER_HOUR, StudyDay
        from rnnquiz.study.settings import ROLLOVER_HOUR

        hour = ROLLOVER_HOUR.stored(self.setting_value(ROLLOVER_HOUR.key))
        day = StudyDay(DEFAULT_ROLLOVER_HOUR if hour is None else hour)
        return day.bounds(self._now())[1] - timedelta(milliseconds=1)

    def due_count(self, card_ids: Iterable[str]) -> int:
        """Review units of these flashcards due today."""
        due = self.due_by_card()
        return sum(due.get(card_id, 0) for card_id in card_ids)

    def best_score(self, section_id: str, question_ids: Iterable[str]) -> float | None:
        """Best quiz score of a section (0..1) over its current questions, or None if never taken."""
        with self._guard("best quiz score"):
            return self.store.best_quiz_score(section_id, list(question_ids))
        return None

    # --- quizzes ------------------------------------------------------------------------------

    scheduler: StudyScheduler | None = None
    """fsrs scheduler for missed quiz questions; built from the learner's settings on first use."""

    def due_questions(self) -> list[str]:
        """Quiz questions spaced repetition brings back now (earlier misses), most urgent first."""
        with self._guard("due items"):
            return list(self.store.due_items("question"))
        return []

    def questions_back(self, question_ids: Iterable[str]) -> int:
        """How many of these questions a quiz would bring back now: the home screen's "N questions back".

        One store query for the whole screen, cached like the due cards; `refresh()` forgets it.
        """
        if self._due_questions is None:
            self._due_questions = set(self.due_questions())
        return sum(question_id in self._due_questions for question_id in question_ids)

    def save_quiz(self, session: SavesAnswers) -> bool:
        """Store the quiz's final grades not saved yet: each one an attempt plus, for a miss, an fsrs
        review, in one transaction. False (after a notice) if the store failed; the rest is retried."""
        store = review_store(self.store)
        if store is None:
            return False  # the in-memory stand-in keeps no quiz history
        try:
            if self.scheduler is None:
                from rnnquiz.study.queue import StudyConfig

                self.scheduler = StudyConfig.from_store(store).scheduler()
            session.save(store, self.scheduler)
        except Exception as error:
            log.exception("saving quiz answers failed")
            if self.on_error is not None:
                self.on_error(f"could not save the quiz answer: {error}")
            return False
        return True

    def refresh(self) -> None:
        """Forget cached answers, so the next questions see reviews done since."""
        self._read = None
        self._due = None
        self._due_questions = None

    def setting_value(self, key: str) -> Any:
        """A stored setting as saved (any JSON value), None when unset or unreadable."""
        with self._guard("get setting"):
            return self.store.get_setting(key)
        return None

    def setting(self, key: str) -> str | None:
        value = self.setting_value(key)
        return value if isinstance(value, str) else None

    def set_setting(self, key: str, value: str) -> None:
        with self._guard("set setting"):
            self.store.set_setting(key, value)
