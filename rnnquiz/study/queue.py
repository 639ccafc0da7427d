"""The due queue: which card comes next, the counts on screen, undo, burying, cram mode.

Order: learning and relearning cards that are due, then reviews due this study day, then new cards
up to the daily limit, then learning cards due within the learn-ahead window. Picking is stateless
(read from the store each time), so a second copy of the app or a rollover never shows a stale card.
Every learner action (`answer`, `undo`, `flag`, ...) is one call and one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any

from fsrs import Rating

from rnnquiz.study.cards import ReviewUnit
from rnnquiz.study.clock import DEFAULT_ROLLOVER_HOUR, Clock, StudyDay
from rnnquiz.study.items import NEW, ItemState, Queue, ReviewOutcome
from rnnquiz.study.progress_store import ProgressStore
from rnnquiz.study.scheduler import (
    DEFAULT_DESIRED_RETENTION,
    DEFAULT_LEECH_THRESHOLD,
    StudyScheduler,
)
from rnnquiz.study.settings import DESIRED_RETENTION, NEW_PER_DAY, ROLLOVER_HOUR
from rnnquiz.study.store import Store, StoreError

__all__ = ["CramSession", "QueueCounts", "ReviewSession", "StudyConfig"]

DEFAULT_NEW_PER_DAY = 20
SETTING_NEW_PER_DAY = NEW_PER_DAY.key
SETTING_DESIRED_RETENTION = DESIRED_RETENTION.key
_ONE_MS = timedelta(milliseconds=1)


@dataclass(frozen=True, slots=True)
class StudyConfig:
    """How a session schedules: daily new limit, day rollover, retention, fuzz, leeches."""

    new_per_day: int = DEFAULT_NEW_PER_DAY
    rollover_hour: int = DEFAULT_ROLLOVER_HOUR
    desired_retention: float = DEFAULT_DESIRED_RETENTION
    enable_fuzzing: bool = True
    leech_threshold: int = DEFAULT_LEECH_THRESHOLD
    learn_ahead: timedelta = timedelta(minutes=20)
    """When nothing else is left, learning cards due this soon are shown early."""
    tz: tzinfo | None = None
    """Time zone of the study day; None is the machine's local zone."""

    @property
    def study_day(self) -> StudyDay:
        return StudyDay(self.rollover_hour, self.tz)

    def scheduler(self) -> StudyScheduler:
        return StudyScheduler(
            self.desired_retention, enable_fuzzing=self.enable_fuzzing, leech_threshold=self.leech_threshold,
            study_day=self.study_day,
        )

    @classmethod
    def from_store(cls, store: ProgressStore, **overrides: Any) -> StudyConfig:
        """The learner's settings (`study.*` keys); a bad stored value falls back to the default."""
        stored = {"new_per_day": NEW_PER_DAY.stored(store.get_setting(NEW_PER_DAY.key)),
                  "rollover_hour": ROLLOVER_HOUR.stored(store.get_setting(ROLLOVER_HOUR.key)),
                  "desired_retention": DESIRED_RETENTION.stored(store.get_setting(DESIRED_RETENTION.key))}
        values: dict[str, Any] = {name: value for name, value in stored.items() if value is not None}
        values.update(overrides)
        return cls(**values)


@dataclass(frozen=True, slots=True)
class QueueCounts:
    """The three numbers on the review screen."""

    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


@dataclass(slots=True)
class _Today:
    """Reviews logged this study day: what buries siblings and counts against the new-card limit.

    Kept up to date incrementally from the log (ids only grow), so a pick costs one small query.
    """

    start: datetime
    end: datetime
    last_id: int = 0
    new_count: int = 0
    reviewed_by_group: dict[str, set[str]] = field(default_factory=dict)

    def add(self, item_id: str, state_before: int, units: dict[str, ReviewUnit]) -> None:
        unit = units.get(item_id)
        if unit is None:
            return
        self.reviewed_by_group.setdefault(unit.sibling_group, set()).add(item_id)
        self.new_count += state_before == NEW


class _Session:
    """What both sessions share: the units, the scheduler, previews and flags."""

    cram = False

    def __init__(
        self,
        store: Store,
        units: Sequence[ReviewUnit],
        config: StudyConfig | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.store = store
        self.config = config or StudyConfig()
        self.clock: Clock = clock or store.clock
        self.scheduler = self.config.scheduler()
        self.units: dict[str, ReviewUnit] = {}
        for unit in units:
            self.units.setdefault(unit.id, unit)
        self._order = list(self.units.values())
        self._start()

    def _start(self) -> None:
        """Each kind of session sets up its own queue here, once the units are known."""
        raise NotImplementedError

    def unit(self, unit_id: str) -> ReviewUnit | None:
        return self.units.get(unit_id)

    def state_of(self, unit: ReviewUnit) -> ItemState | None:
        return self.store.get_item(unit.id)

    def previews(self, unit: ReviewUnit) -> dict[Rating, str]:
        """Button labels: `{Rating.Good: "Good · 2d", ...}`."""
        return self.scheduler.preview_labels(self.state_of(unit), self.clock.now())

    def flag(self, unit: ReviewUnit, note: str | None = None) -> None:
        """Flag a card for its author (listed by `rnnquiz stats --flagged`); not a schedule change."""
        self.store.flag(unit.id, "card", note=note, at=self.clock.now())

    def unflag(self, unit: ReviewUnit) -> bool:
        return self.store.unflag(unit.id, "card")

    def is_flagged(self, unit: ReviewUnit) -> bool:
        return self.store.is_flagged(unit.id, "card")

    def leeches(self) -> list[tuple[ReviewUnit, ItemState]]:
        """Leeches among this session's cards, most lapses first."""
        return [(self.units[s.item_id], s) for s in self.store.leeches("card") if s.item_id in self.units]


class ReviewSession(_Session):
    """The scheduled review of a set of units (a course, or the whole library)."""

    def _start(self) -> None:
        self._day = self.config.study_day
        self._index = {unit.id: i for i, unit in enumerate(self._order)}
        self._groups: dict[str, list[str]] = {}
        for unit in self._order:
            self._groups.setdefault(unit.sibling_group, []).append(unit.id)
        self._known: set[str] = set()
        self._new_cursor = 0
        self._today: _Today | None = None
        self._undo: list[tuple[int, str]] = []
        self._front: str | None = None
        self.refresh()

    def refresh(self) -> None:
        """Re-read what another copy of the app may have changed (reviewed cards, today's log)."""
        self._known = {item_id for item_id in self.store.known_ids("card") if item_id in self.units}
        self._new_cursor = 0
        self._today = None

    # --- today ------------------------------------------------------------------------------------

    def _sync(self, now: datetime) -> _Today:
        start, end = self._day.bounds(now)
        if self._today is None or self._today.start != start:
            self._today = _Today(start, end)
        today = self._today
        rows = self.store.reviews_since(start, "card", after_id=today.last_id)
        for _, item_id, before in rows:
            today.add(item_id, before, self.units)
        if rows:
            today.last_id = rows[-1][0]
        return today

    def _buried(self, unit: ReviewUnit) -> bool:
        """A sibling of this unit was reviewed this study day (learning cards are never buried)."""
        assert self._today is not None
        reviewed = self._today.reviewed_by_group.get(unit.sibling_group)
        return reviewed is not None and (len(reviewed) > 1 or unit.id not in reviewed)

    @property
    def _new_today(self) -> int:
        return self._today.new_count if self._today is not None else 0

    # --- picking ----------------------------------------------------------------------------------

    def next(self) -> ReviewUnit | None:
        """The card to show now, or None when nothing is due (see `next_due`)."""
        now = self.clock.now()
        today = self._sync(now)
        if self._front is not None:
            state = self.store.get_item(self._front)
            if state is None or not state.suspended:
                return self.units[self._front]
            self._front = None
        for item_id, _ in self.store.iter_due("card", Queue.LEARNING, now):
            if item_id in self.units:
                return self.units[item_id]
        for item_id, _ in self.store.iter_due("card", Queue.REVIEW, today.end - _ONE_MS):
            unit = self.units.get(item_id)
            if unit is not None and not self._buried(unit):
                return unit
        unit = self._next_new()
        if unit is not None:
            return unit
        for item_id, _ in self.store.iter_due("card", Queue.LEARNING, now + self.config.learn_ahead):
            if item_id in self.units:
                return self.units[item_id]
        return None

    def _next_new(self) -> ReviewUnit | None:
        if self._new_today >= self.config.new_per_day:
            return None
        advancing = True  # the cursor only skips units that are no longer new, never buried ones
        for index in range(self._new_cursor, len(self._order)):
            unit = self._order[index]
            if unit.id not in self._known and self.store.has_item(unit.id):
                self._known.add(unit.id)  # reviewed by another copy of the app
            if unit.id in self._known:
                if advancing:
                    self._new_cursor = index + 1
                continue
            if self._buried(unit):
                advancing = False
                continue
            return unit
        return None

    def counts(self) -> QueueCounts:
        """New / learning / review counts for this study day."""
        now = self.clock.now()
        today = self._sync(now)
        until = today.end - _ONE_MS
        learning = sum(1 for i, _ in self.store.iter_due("card", Queue.LEARNING, until, page=512) if i in self.units)
        review = sum(
            1
            for i, _ in self.store.iter_due("card", Queue.REVIEW, until, page=512)
            if i in self.units and not self._buried(self.units[i])
        )
        buried_new = sum(
            1
            for group in today.reviewed_by_group
            for unit_id in self._groups.get(group, ())
            if unit_id not in self._known and self._buried(self.units[unit_id])
        )
        new_left = min(self.config.new_per_day - self._new_today, len(self._order) - len(self._known) - buried_new)
        return QueueCounts(new=max(0, new_left), learning=learning, review=review)

    @property
    def new_limit_reached(self) -> bool:
        """Today's new cards are used up while unseen ones remain: more come on the next study day."""
        today = self._sync(self.clock.now())
        return today.new_count >= self.config.new_per_day and len(self._known) < len(self._order)

    def next_due(self) -> datetime | None:
        """When the next card comes due, for "nothing due until ..."; None if nothing will."""
        now = self.clock.now()
        today = self._sync(now)
        candidates = []
        for item_id, due in self.store.iter_due("card", Queue.LEARNING):
            if item_id in self.units:
                candidates.append(due)
                break
        for item_id, due in self.store.iter_due("card", Queue.REVIEW):
            unit = self.units.get(item_id)
            if unit is None:
                continue
            if not self._buried(unit) or due >= today.end:
                candidates.append(due)
                break
            candidates.append(today.end)
        if len(self._known) < len(self._order) and self.config.new_per_day > 0:  # at 0 a day, none ever come
            limit_reached = self._new_today >= self.config.new_per_day
            candidates.append(today.end if limit_reached or self._next_new() is None else now)
        return min(candidates) if candidates else None

    # --- actions ----------------------------------------------------------------------------------

    def answer(self, unit: ReviewUnit, rating: Rating | int, *, duration_ms: int | None = None) -> ReviewOutcome:
        """Rate a card: schedule it with fsrs and log the review, in one transaction."""
        outcome = self.store.record_review(
            unit.id, "card", rating, self.scheduler, at=self.clock.now(), duration_ms=duration_ms
        )
        assert outcome.review_id is not None
        self._known.add(unit.id)
        self._undo.append((outcome.review_id, unit.id))
        self._front = None
        return outcome

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> ReviewUnit | None:
        """Take back the last rating of this session (state and log restored); returns its card,
        which is shown next. None if there is nothing to undo."""
        if not self._undo:
            return None
        review_id, unit_id = self._undo[-1]
        try:
            restored = self.store.undo_review(review_id)
        except StoreError:
            self._undo.clear()  # a later review elsewhere took over; older ratings can't be undone either
            raise
        self._undo.pop()
        if restored is None:
            self._known.discard(unit_id)
            self._new_cursor = min(self._new_cursor, self._index.get(unit_id, self._new_cursor))
        self._today = None
        self._front = unit_id if unit_id in self.units else None
        return self.units.get(unit_id)

    def unsuspend(self, unit: ReviewUnit) -> bool:
        """Bring a suspended card (a leech, say) back into review; it keeps its leech tag."""
        return self.store.set_suspended(unit.id, False, "card")


class CramSession(_Session):
    """Review any cards without touching their schedules: nothing is written but flags.

    Cards come weakest first (lowest predicted recall), then new ones; a card rated Again comes
    back a few cards later. Ratings update an in-memory copy of the state only.
    """

    cram = True
    AGAIN_GAP = 4
    """Cards shown before one rated Again comes back."""

    def _start(self) -> None:
        self._states = self.store.item_states("card", self.units)
        now = self.clock.now()
        reviewed = [u for u in self._order if u.id in self._states and not self._states[u.id].suspended]
        reviewed.sort(key=lambda u: self.scheduler.retrievability(self._states[u.id], now))
        fresh = [u for u in self._order if u.id not in self._states]
        self._queue: list[str] = [u.id for u in reviewed + fresh]
        self._history: list[tuple[list[str], str, ItemState | None]] = []

    def state_of(self, unit: ReviewUnit) -> ItemState | None:
        return self._states.get(unit.id)

    def next(self) -> ReviewUnit | None:
        return self.units[self._queue[0]] if self._queue else None

    def counts(self) -> QueueCounts:
        new = sum(1 for i in self._queue if i not in self._states)
        learning = sum(1 for i in self._queue if i in self._states and self._states[i].queue == Queue.LEARNING)
        return QueueCounts(new=new, learning=learning, review=len(self._queue) - new - learning)

    def next_due(self) -> datetime | None:
        return None

    def answer(self, unit: ReviewUnit, rating: Rating | int, *, duration_ms: int | None = None) -> ReviewOutcome:
        now = self.clock.now()
        before = self._states.get(unit.id)
        reviewed = self.scheduler.review(before, unit.id, "card", Rating(rating), now)
        self._history.append((list(self._queue), unit.id, before))
        self._states[unit.id] = reviewed.item
        if unit.id in self._queue:
            self._queue.remove(unit.id)
        if rating == Rating.Again:
            self._queue.insert(min(self.AGAIN_GAP, len(self._queue)), unit.id)
        return ReviewOutcome(None, reviewed.item, int(rating), NEW if before is None else int(before.state), now)

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    def undo(self) -> ReviewUnit | None:
        if not self._history:
            return None
        queue, unit_id, before = self._history.pop()
        self._queue = queue
        if before is None:
            self._states.pop(unit_id, None)
        else:
            self._states[unit_id] = before
        if unit_id in self._queue:
            self._queue.remove(unit_id)
        self._queue.insert(0, unit_id)
        return self.units[unit_id]
