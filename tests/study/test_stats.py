from datetime import UTC, date, datetime, timedelta

from fsrs import Rating

from rnnquiz.study.clock import StudyDay
from rnnquiz.study.stats import (
    Retention,
    collect,
    daily_counts,
    forecast,
    forecast_lines,
    heatmap_lines,
    render,
    streak,
    to_json,
)

from .conftest import START

UTC_DAY = StudyDay(4, UTC)
TODAY = date(2025, 3, 10)


def test_streak_counts_consecutive_days_and_today_not_yet_studied_does_not_break_it():
    days = {TODAY: 3, TODAY - timedelta(days=1): 1, TODAY - timedelta(days=3): 5}
    assert streak(days, TODAY) == 2
    assert streak({TODAY - timedelta(days=1): 1, TODAY - timedelta(days=2): 1}, TODAY) == 2
    assert streak({TODAY - timedelta(days=2): 1}, TODAY) == 0


def test_reviews_before_the_rollover_hour_count_for_the_previous_day():
    buckets = [
        (datetime(2025, 3, 10, 3, 45, tzinfo=UTC), 2),
        (datetime(2025, 3, 10, 4, 0, tzinfo=UTC), 5),
    ]
    assert daily_counts(buckets, UTC_DAY) == {date(2025, 3, 9): 2, date(2025, 3, 10): 5}


def test_forecast_puts_overdue_cards_today_and_drops_those_beyond_30_days():
    at = datetime(2025, 3, 10, 12, tzinfo=UTC)
    dues = [at - timedelta(days=5), at, at + timedelta(days=1), at + timedelta(days=29), at + timedelta(days=40)]
    counts = forecast(dues, UTC_DAY, TODAY)
    assert len(counts) == 30 and counts[0] == 2 and counts[1] == 1 and counts[29] == 1 and sum(counts) == 4


def test_heatmap_is_26_week_columns_by_7_weekdays_with_today_darkest():
    lines = heatmap_lines({TODAY: 10, TODAY - timedelta(days=7): 2}, TODAY)
    assert len(lines) == 9 and lines[-1].endswith("█ more")
    monday = lines[1]  # TODAY is a Monday: the last cell of the Monday row
    assert monday.startswith("Mon") and monday.endswith("░ █")
    assert len(monday.split()) == 1 + 26
    assert lines[2].split() == ["·"] * 25  # Tuesday, unlabelled: this week's Tuesday is still ahead
    assert "Sep" in lines[0] and "Mar" in lines[0]


def test_forecast_bars_scale_to_the_busiest_day():
    top, axis = forecast_lines([8, 0, 4] + [0] * 27)
    assert top.startswith("8 █·▄") and axis.split()[0] == "today"


def test_collect_and_render_from_a_real_store(store, clock, scheduler):
    for card in ("a", "b"):
        store.record_review(card, "card", Rating.Easy, scheduler, at=START)
    later = store.get_item("a").due
    store.record_review("a", "card", Rating.Hard, scheduler, at=later)  # a review, remembered
    store.record_review("b", "card", Rating.Again, scheduler, at=later)  # a review, forgotten
    store.record_review("gone", "card", Rating.Good, scheduler, at=later)  # a card no longer in the content
    now = later + timedelta(hours=1)
    stats = collect(store, ["a", "b", "c", "d~rev"], UTC_DAY, now)
    assert stats.retention == Retention(passed=1, total=2) and stats.retention.rate == 0.5
    assert stats.by_state == {"new": 2, "learning": 0, "review": 1, "relearning": 1, "suspended": 0}
    assert stats.reviews_today == 3 and stats.streak == 1  # "gone" still counts as activity
    assert sum(stats.reviews_by_day.values()) == 5
    assert stats.forecast[0] == 1  # b relearns today
    only = collect(store, ["a", "b"], UTC_DAY, now, only_these=True)
    assert only.reviews_today == 2

    text = "\n".join(render(stats))
    assert "True retention, last 30 days: 50.0% (1 of 2 reviews of cards in review)" in text
    assert "Cards: 2 new · 0 learning · 1 review · 1 relearning · 0 suspended (4 in all)" in text
    assert "Streak: 1 day · 3 reviews today" in text and "Leeches: none" in text
    data = to_json(stats)
    assert len(data["heatmap"]) == 25 * 7 + stats.today.weekday() + 1  # Monday 25 weeks back .. today
    assert data["heatmap"][-1] == {"date": str(stats.today), "reviews": 3}
    assert len(data["forecast"]) == 30 and data["retention"]["rate"] == 0.5 and data["cards"]["new"] == 2


def test_a_streak_longer_than_the_heatmap_is_counted_in_full(store, clock, scheduler):
    for day in range(200):
        store.record_review(f"c{day}", "card", Rating.Good, scheduler, at=START - timedelta(days=day))
    assert collect(store, [], UTC_DAY, START).streak == 200
