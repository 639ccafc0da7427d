"""A thin wrapper over the `fsrs` Scheduler: desired retention, fuzz on/off, interval previews,
elapsed time in study days, and the bookkeeping fsrs leaves to us (review and lapse counts, leeches).

fsrs measures the time since the last review as `(now - last_review).days`: 24-hour periods. The
queue, like Anki, counts study days (a day starts at the rollover hour), so a 1-day card learnt at
09:00 is due at 04:30 the next morning; fsrs would call that a same-day review, giving 1d buttons
and a low stability. Before each call the card's last review is moved to the same time of day,
as many whole days back as study-day boundaries lie between the two: fsrs then sees the elapsed
study days, and the intervals it returns are counted from now, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from rnnquiz.study.clock import StudyDay, utc
from rnnquiz.study.items import ItemState, Kind
from rnnquiz.study.settings import DESIRED_RETENTION

__all__ = [
    "DEFAULT_DESIRED_RETENTION",
    "DEFAULT_LEECH_THRESHOLD",
    "RATING_NAMES",
    "Rating",
    "Reviewed",
    "StudyScheduler",
    "format_interval",
    "rating_for_score",
]

DEFAULT_DESIRED_RETENTION = 0.9
DEFAULT_LEECH_THRESHOLD = 8

RATING_NAMES = {Rating.Again: "Again", Rating.Hard: "Hard", Rating.Good: "Good", Rating.Easy: "Easy"}


@dataclass(frozen=True, slots=True)
class Reviewed:
    """The state after one rating, and what the rating meant beyond the schedule."""

    item: ItemState
    lapsed: bool
    """A card in review was forgotten (rated Again)."""
    became_leech: bool
    """This lapse made the card a leech: it is now tagged and suspended."""


class StudyScheduler:
    """Schedules items with fsrs. Previews never fuzz, so a button shows the interval fsrs intends."""

    def __init__(
        self,
        desired_retention: float = DEFAULT_DESIRED_RETENTION,
        *,
        enable_fuzzing: bool = True,
        leech_threshold: int = DEFAULT_LEECH_THRESHOLD,
        study_day: StudyDay | None = None,
    ) -> None:
        if not DESIRED_RETENTION.accepts(desired_retention):
            raise ValueError(DESIRED_RETENTION.message.format(text=desired_retention))
        if leech_threshold < 1:
            raise ValueError("the leech threshold must be at least 1 lapse")
        self.desired_retention = desired_retention
        self.enable_fuzzing = enable_fuzzing
        self.leech_threshold = leech_threshold
        self.study_day = study_day or StudyDay()
        """Whose boundaries count as elapsed days (default: 04:00 in the machine's time zone)."""
        self._fsrs = Scheduler(desired_retention=desired_retention, enable_fuzzing=enable_fuzzing)
        self._plain = (
            Scheduler(desired_retention=desired_retention, enable_fuzzing=False) if enable_fuzzing else self._fsrs
        )

    def review(self, item: ItemState | None, item_id: str, kind: Kind, rating: Rating, at: datetime) -> Reviewed:
        """Apply one rating at `at`; `item=None` means the item has never been reviewed."""
        at = utc(at)
        card, _log = self._fsrs.review_card(self._card_of(item, at), Rating(rating), review_datetime=at)
        lapsed = item is not None and item.state == State.Review and rating == Rating.Again
        if item is None:
            item = ItemState(item_id, kind, card.state, card.step, None, None, card.due, None)
        lapses = item.lapses + lapsed
        became_leech = lapsed and self._is_leech_lapse(lapses)
        return Reviewed(
            item=item.with_card(
                card,
                reps=item.reps + 1,
                lapses=lapses,
                suspended=item.suspended or became_leech,
                leech=item.leech or became_leech,
            ),
            lapsed=lapsed,
            became_leech=became_leech,
        )

    def _is_leech_lapse(self, lapses: int) -> bool:
        # As in Anki: at the threshold, then again every half threshold for a card that was unsuspended.
        if lapses < self.leech_threshold:
            return False
        return (lapses - self.leech_threshold) % max(1, self.leech_threshold // 2) == 0

    def preview(self, item: ItemState | None, at: datetime) -> dict[Rating, timedelta]:
        """The interval each rating would give now (without fuzz)."""
        at = utc(at)
        card = self._card_of(item, at)
        return {rating: self._plain.review_card(card, rating, review_datetime=at)[0].due - at for rating in Rating}

    def preview_labels(self, item: ItemState | None, at: datetime) -> dict[Rating, str]:
        """Button texts such as `Good · 2d`, one per rating."""
        return {r: f"{RATING_NAMES[r]} · {format_interval(d)}" for r, d in self.preview(item, at).items()}

    def retrievability(self, item: ItemState | None, at: datetime) -> float:
        """fsrs's predicted chance of recall at `at`; 0 for an item never reviewed."""
        return 0.0 if item is None else self._fsrs.get_card_retrievability(self._card_of(item, utc(at)), utc(at))

    def elapsed_days(self, last_review: datetime, at: datetime) -> int:
        """Study-day boundaries crossed from `last_review` to `at` (0 on the same study day)."""
        return max(0, (self.study_day.day_of(at) - self.study_day.day_of(last_review)).days)

    def _card_of(self, item: ItemState | None, at: datetime) -> Card:
        """The fsrs card of `item`, its last review set so that fsrs counts study days up to `at`."""
        if item is None:
            return Card(card_id=0, due=at)
        card = item.to_card()
        if card.last_review is not None:
            card.last_review = at - timedelta(days=self.elapsed_days(card.last_review, at))
        return card


def format_interval(delta: timedelta) -> str:
    """Short interval text for buttons and lists: `1m`, `10m`, `5h`, `2d`, `3mo`, `1.4y`."""
    seconds = max(0.0, delta.total_seconds())
    minutes = seconds / 60
    if minutes < 59.5:
        return f"{max(1, round(minutes))}m"
    hours = minutes / 60
    if hours < 23.5:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 29.5:
        return f"{round(days)}d"
    months = days / 30.4375
    if months < 11.5:
        return f"{round(months)}mo"
    years = days / 365.25
    return f"{years:.1f}y" if years < 9.95 else f"{round(years)}y"


def rating_for_score(score: float) -> Rating:
    """Turn a quiz score in [0, 1] into an fsrs rating for scheduling the question again."""
    if score >= 1.0:
        return Rating.Good
    if score >= 0.5:
        return Rating.Hard
    return Rating.Again
