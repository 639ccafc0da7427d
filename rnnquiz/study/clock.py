"""Time for the study logic: an injectable clock, study days with a rollover hour, UTC epoch ms.

Every stored time is UTC (epoch milliseconds); local time is used only to decide which *study day*
an instant belongs to, so that a session past midnight still counts as "today" until the rollover.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol

DEFAULT_ROLLOVER_HOUR = 4

SETTING_ROLLOVER_HOUR = "study.rollover_hour"
"""The learner's setting for the hour a study day starts (local time)."""



class Clock(Protocol):
    """Where "now" comes from; tests pass a `ManualClock`."""

    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to, for tests and benchmarks."""

    def __init__(self, start: datetime) -> None:
        self._now = utc(start)

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = utc(instant)

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        """Move forward by `delta` or by `timedelta(**kwargs)`; returns the new time."""
        self._now += delta if delta is not None else timedelta(**kwargs)
        return self._now


def utc(instant: datetime) -> datetime:
    """The same instant as an aware UTC datetime (fsrs insists on `timezone.utc`)."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime: give a timezone-aware time")
    return instant.astimezone(UTC)


def to_ms(instant: datetime) -> int:
    """Epoch milliseconds, the stored form of every time."""
    return round(utc(instant).timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


@dataclass(frozen=True, slots=True)
class StudyDay:
    """Which study day an instant belongs to: a day starts at `rollover_hour` local time.

    `tz=None` means the machine's local time zone (with its daylight-saving rules).
    """

    rollover_hour: int = DEFAULT_ROLLOVER_HOUR
    tz: tzinfo | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.rollover_hour <= 23:
            raise ValueError(f"rollover hour must be 0..23, not {self.rollover_hour}")

    def day_of(self, instant: datetime) -> date:
        local = utc(instant).astimezone(self.tz)
        return (local - timedelta(hours=self.rollover_hour)).date()

    def start_of(self, day: date) -> datetime:
        """The UTC instant at which `day` begins."""
        wall = datetime(day.year, day.month, day.day, self.rollover_hour)
        local = wall.replace(tzinfo=self.tz) if self.tz is not None else wall.astimezone()
        return local.astimezone(UTC)

    def bounds(self, instant: datetime) -> tuple[datetime, datetime]:
        """Start and end (exclusive) of the study day holding `instant`, in UTC."""
        day = self.day_of(instant)
        return self.start_of(day), self.start_of(day + timedelta(days=1))
