"""Study statistics: computed as plain data, drawn as lines of text (the stats screen and
`rnnquiz stats` show the same lines), and exported as JSON for scripts.

Days are study days (they start at the rollover hour, local time); times from the store are UTC.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from rnnquiz.study.clock import StudyDay
from rnnquiz.study.items import ItemState, Queue
from rnnquiz.study.store import Store

HEATMAP_WEEKS = 26
FORECAST_DAYS = 30
RETENTION_DAYS = 30
STATE_ORDER = ("new", "learning", "review", "relearning", "suspended")
SHADES = "░▒▓█"
BARS = "▁▂▃▄▅▆▇█"
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


@dataclass(frozen=True, slots=True)
class Retention:
    """Share of reviews of cards in the review state that were not forgotten (Hard or better)."""

    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Leech:
    item_id: str
    lapses: int
    suspended: bool


@dataclass(frozen=True, slots=True)
class Stats:
    generated_at: datetime
    today: date
    rollover_hour: int
    reviews_by_day: dict[date, int]
    """Reviews per study day, over the heatmap's 26 weeks (days without reviews are absent)."""
    forecast: list[int]
    """Cards due per day: [0] is today (overdue included), [i] is today + i days."""
    retention: Retention
    by_state: dict[str, int]
    streak: int
    """Consecutive study days with a review, up to today (or yesterday, if today has none yet)."""
    leeches: list[Leech]

    @property
    def reviews_today(self) -> int:
        return self.reviews_by_day.get(self.today, 0)


# --- pure computations ------------------------------------------------------------------------------


def daily_counts(buckets: Iterable[tuple[datetime, int]], day: StudyDay) -> dict[date, int]:
    """Regroup UTC time buckets into study days."""
    counts: dict[date, int] = {}
    for start, count in buckets:
        key = day.day_of(start)
        counts[key] = counts.get(key, 0) + count
    return counts


def streak(days: Mapping[date, int], today: date) -> int:
    """Study days in a row ending today; a day not yet studied today does not break the streak."""
    current = today if days.get(today) else today - timedelta(days=1)
    length = 0
    while days.get(current):
        length += 1
        current -= timedelta(days=1)
    return length


def forecast(dues: Iterable[datetime], day: StudyDay, today: date, days: int = FORECAST_DAYS) -> list[int]:
    counts = [0] * days
    for due in dues:
        offset = max(0, (day.day_of(due) - today).days)
        if offset < days:
            counts[offset] += 1
    return counts


def states_breakdown(unit_ids: Iterable[str], states: Mapping[str, ItemState]) -> dict[str, int]:
    """Cards by state; a unit without stored state is new."""
    counts = dict.fromkeys(STATE_ORDER, 0)
    for unit_id in unit_ids:
        state = states.get(unit_id)
        counts["new" if state is None else state.state_name] += 1
    return counts


# --- reading the store ------------------------------------------------------------------------------


def collect(
    store: Store,
    unit_ids: Collection[str],
    day: StudyDay,
    now: datetime,
    *,
    only_these: bool = False,
) -> Stats:
    """Statistics for the cards `unit_ids`. Review history counts every card ever reviewed, even one
    since removed from the content, unless `only_these` (a single course was asked for)."""
    today = day.day_of(now)
    log_ids = unit_ids if only_these else None
    heatmap_start = _heatmap_start(today)
    buckets = store.review_counts(day.start_of(heatmap_start), ids=log_ids)
    by_day = daily_counts(buckets, day)
    run = _long_streak(store, by_day, heatmap_start, today, day, log_ids)
    states = store.item_states("card", unit_ids)
    passed, total = store.retention_counts(day.start_of(today - timedelta(days=RETENTION_DAYS - 1)), ids=log_ids)
    return Stats(
        generated_at=now,
        today=today,
        rollover_hour=day.rollover_hour,
        reviews_by_day=by_day,
        forecast=forecast((s.due for s in states.values() if s.queue != Queue.SUSPENDED), day, today),
        retention=Retention(passed, total),
        by_state=states_breakdown(unit_ids, states),
        streak=run,
        leeches=[
            Leech(s.item_id, s.lapses, s.suspended)
            for s in sorted(states.values(), key=lambda s: (-s.lapses, s.item_id))
            if s.leech
        ],
    )


def _long_streak(
    store: Store, by_day: Mapping[date, int], since: date, today: date, day: StudyDay, ids: Collection[str] | None
) -> int:
    """The streak, reading older history a year at a time only while the streak reaches back that far."""
    days = dict(by_day)
    while (run := streak(days, today)) and today - timedelta(days=run) < since:
        older = since - timedelta(days=365)
        chunk = daily_counts(store.review_counts(day.start_of(older), day.start_of(since), ids=ids), day)
        if not any(chunk.values()):
            break
        days.update(chunk)
        since = older
    return run


def _heatmap_start(today: date, weeks: int = HEATMAP_WEEKS) -> date:
    """Monday of the first column, so that the last column holds today."""
    return today - timedelta(days=today.weekday(), weeks=weeks - 1)


# --- text -------------------------------------------------------------------------------------------


def heatmap_lines(by_day: Mapping[date, int], today: date, weeks: int = HEATMAP_WEEKS) -> list[str]:
    """A calendar of reviews: one column per week, one row per weekday, darker is more."""
    start = _heatmap_start(today, weeks)
    peak = max((by_day.get(start + timedelta(days=i), 0) for i in range((today - start).days + 1)), default=0)
    months = [" "] * (weeks * 2)
    for week in range(weeks):
        monday = start + timedelta(weeks=week)
        first = next((monday + timedelta(days=d) for d in range(7) if (monday + timedelta(days=d)).day == 1), None)
        if week == 0:
            first = monday
        if first is not None and all(c == " " for c in months[week * 2 : week * 2 + 4]):
            label = first.strftime("%b")
            months[week * 2 : week * 2 + len(label)] = label
    lines = ["     " + "".join(months).rstrip()]
    for weekday in range(7):
        cells = []
        for week in range(weeks):
            current = start + timedelta(weeks=week, days=weekday)
            cells.append(" " if current > today else _shade(by_day.get(current, 0), peak))
        lines.append(f"{WEEKDAYS[weekday]:<4} " + " ".join(cells).rstrip())
    lines.append("     less · " + " ".join(SHADES) + " more")
    return lines


def _shade(count: int, peak: int) -> str:
    if count <= 0 or peak <= 0:
        return "·"
    return SHADES[min(len(SHADES), math.ceil(len(SHADES) * count / peak)) - 1]


def forecast_lines(counts: list[int]) -> list[str]:
    """Cards due per day as a bar line, with the day axis beneath."""
    peak = max(counts, default=0)
    bars = "".join(
        "·" if n == 0 else BARS[min(len(BARS), math.ceil(len(BARS) * n / peak)) - 1] for n in counts
    )
    axis = list(" " * len(counts))
    for offset, label in ((0, "today"), (7, "+7d"), (14, "+14d"), (21, "+21d")):
        if offset + len(label) <= len(axis):
            axis[offset : offset + len(label)] = label
    width = len(str(peak))
    return [f"{peak:>{width}} {bars}", f"{'':>{width}} {''.join(axis).rstrip()}"]


def render(stats: Stats, *, locate: Callable[[str], str | None] | None = None) -> list[str]:
    """The whole report as lines of plain text; `locate` turns a card id into `file:line`."""
    total_reviews = sum(n for d, n in stats.reviews_by_day.items())
    studied_days = sum(1 for n in stats.reviews_by_day.values() if n)
    lines = [f"Reviews, last {HEATMAP_WEEKS} weeks: {total_reviews} on {_plural(studied_days, 'day')}"]
    lines += heatmap_lines(stats.reviews_by_day, stats.today)
    lines.append("")
    due = stats.forecast
    lines.append(
        f"Due, next {len(due)} days: {sum(due)} (today {due[0]}, tomorrow {due[1] if len(due) > 1 else 0},"
        f" next 7 days {sum(due[:7])})"
    )
    lines += forecast_lines(due)
    lines.append("")
    rate = stats.retention.rate
    lines.append(
        f"True retention, last {RETENTION_DAYS} days: "
        + (
            f"{rate:.1%} ({stats.retention.passed} of {stats.retention.total} reviews of cards in review)"
            if rate is not None
            else "no reviews of cards in review yet"
        )
    )
    lines.append(
        "Cards: " + " · ".join(f"{stats.by_state[name]} {name}" for name in STATE_ORDER)
        + f" ({sum(stats.by_state.values())} in all)"
    )
    lines.append(f"Streak: {_plural(stats.streak, 'day')} · {_plural(stats.reviews_today, 'review')} today")
    if stats.leeches:
        lines.append(f"Leeches ({len(stats.leeches)}), suspended until you rework them:")
        for leech in stats.leeches:
            where = locate(leech.item_id) if locate else None
            state = "suspended" if leech.suspended else "unsuspended"
            lines.append(f"  {leech.item_id}  {leech.lapses} lapses, {state}" + (f"  {where}" if where else ""))
    else:
        lines.append("Leeches: none")
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def to_json(stats: Stats, *, locate: Callable[[str], str | None] | None = None) -> dict[str, Any]:
    """The report for scripts: dates as ISO strings, every heatmap day listed."""
    start = _heatmap_start(stats.today)
    days = (stats.today - start).days + 1
    return {
        "generated_at": stats.generated_at.isoformat(),
        "today": stats.today.isoformat(),
        "rollover_hour": stats.rollover_hour,
        "heatmap": [
            {"date": (d := start + timedelta(days=i)).isoformat(), "reviews": stats.reviews_by_day.get(d, 0)}
            for i in range(days)
        ],
        "forecast": [
            {"date": (stats.today + timedelta(days=i)).isoformat(), "due": n} for i, n in enumerate(stats.forecast)
        ],
        "retention": {
            "days": RETENTION_DAYS,
            "passed": stats.retention.passed,
            "total": stats.retention.total,
            "rate": stats.retention.rate,
        },
        "cards": dict(stats.by_state),
        "streak": stats.streak,
        "reviews_today": stats.reviews_today,
        "leeches": [
            {"id": leech.item_id, "lapses": leech.lapses, "suspended": leech.suspended,
             "location": locate(leech.item_id) if locate else None}
            for leech in stats.leeches
        ],
    }


__all__ = [
    "Leech",
    "Retention",
    "Stats",
    "collect",
    "daily_counts",
    "forecast",
    "forecast_lines",
    "heatmap_lines",
    "render",
    "states_breakdown",
    "streak",
    "to_json",
]
