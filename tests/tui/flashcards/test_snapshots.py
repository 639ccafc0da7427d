"""SVG snapshots of the review and statistics screens at 80x24 (update with `--snapshot-update`, then look).

Each one also checks what it pictures, so a snapshot updated by mistake still fails on behaviour."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from textual.pilot import Pilot

from rnnquiz.study.queue import QueueCounts
from rnnquiz.study.scheduler import Rating, StudyScheduler
from rnnquiz.tui.widgets.rating_bar import RatingButton

from ..helpers import flat, screen_text
from .helpers import CONFIG, START, UNITS, graduate, open_stats, open_study

SIZE = (80, 24)


def test_card_front(snap_compare, cards_app):
    async def study(pilot: Pilot) -> None:
        screen = await open_study(pilot.app, pilot)
        assert screen.state == "front" and screen.unit is not None and screen.unit.id == "basic-one"
        assert screen.session is not None and screen.session.counts() == QueueCounts(new=6, learning=0, review=0)
        text = screen_text(pilot.app)
        assert "What does h[t-1] hold?" in text and "space Show answer" in text
        assert "The hidden state from the step before." not in text  # the back stays hidden

    assert snap_compare(cards_app(), terminal_size=SIZE, run_before=study)


def test_card_back_with_rating_intervals(snap_compare, cards_app):
    async def study(pilot: Pilot) -> None:
        screen = await open_study(pilot.app, pilot)
        await pilot.press("space")
        await pilot.pause()
        assert screen.state == "back"
        assert "The hidden state from the step before." in screen_text(pilot.app)
        labels = [button.label.plain for button in screen.query(RatingButton)]
        assert labels == ["1 Again · 1m", "2 Hard · 6m", "▸3 Good · 10m", "4 Easy · 8d"]

    assert snap_compare(cards_app(), terminal_size=SIZE, run_before=study)


def test_type_in_differences(snap_compare, cards_app, store):
    graduate(store, *UNITS[:5])

    async def study(pilot: Pilot) -> None:
        screen = await open_study(pilot.app, pilot)
        await pilot.press(*"tahn", "enter")
        await pilot.pause()
        assert screen.state == "back" and screen.typed is not None
        assert (screen.typed.typed, screen.typed.expected, screen.typed.exact) == ("tahn", "tanh", False)
        assert screen.typed.suggested == Rating.Again
        text = screen_text(pilot.app)
        assert "✗ Not quite  suggested: Again" in text
        assert "Difference tanhn" in text and "Expected   tanh" in text

    assert snap_compare(cards_app(), terminal_size=SIZE, run_before=study)


def seed_reviews(store) -> None:
    """Reviews on six days over the last three weeks, the same every run."""
    scheduler = StudyScheduler(enable_fuzzing=False)
    for days_ago, count in ((20, 1), (9, 3), (8, 6), (2, 2), (1, 4), (0, 3)):
        for unit_id in UNITS[:count]:
            store.record_review(unit_id, "card", Rating.Good, scheduler, at=START - timedelta(days=days_ago, hours=2))


def test_statistics(snap_compare, cards_app, store):
    seed_reviews(store)

    async def stats(pilot: Pilot) -> None:
        screen = await open_stats(pilot.app, pilot, arg="cards")
        assert not screen.loading_report
        text = screen_text(pilot.app)
        assert "Reviews, last 26 weeks: 19 on 6 days" in text
        assert "Due, next 30 days: 3 (today 2, tomorrow 0, next 7 days 2)" in text
        assert "Cards: 0 new · 2 learning · 4 review · 0 relearning · 0 suspended (6 in all)" in text
        assert "Streak: 3 days · 3 reviews today" in text

    assert snap_compare(cards_app(), terminal_size=SIZE, run_before=stats)


def test_statistics_at_60x20(snap_compare, cards_app, store):
    """Prose wraps to the width; the heatmap and the forecast keep their columns."""
    seed_reviews(store)

    async def stats(pilot: Pilot) -> None:
        await open_stats(pilot.app, pilot, arg="cards")
        text = screen_text(pilot.app)
        assert "True retention, last 30 days: 100.0% (9 of 9 reviews of" in text  # wrapped...
        assert "(9 of 9 reviews of cards in review)" not in text
        assert "Trueretention,last30days:100.0%(9of9reviewsofcardsinreview)" in flat(text)  # ...not cut
        lines = [line.rstrip() for line in text.splitlines()]
        assert " 2 █···················▄·········" in lines  # the forecast: one column a day, unwrapped
        assert " Mon  " + "· " * 24 + "▒ ▒" in lines  # the heatmap: 26 weeks in full

    assert snap_compare(cards_app(), terminal_size=(60, 20), run_before=stats)


def test_nothing_due_after_the_daily_new_limit_at_60x20(snap_compare, cards_app, store):
    graduate(store, *UNITS[:3], days_ago=2)  # Easy: due in 6 days

    async def study(pilot: Pilot) -> None:
        screen = await open_study(pilot.app, pilot, config=replace(CONFIG, new_per_day=1))
        await pilot.press("space", "4")
        await pilot.pause()
        assert screen.state == "done" and screen.unit is None and screen.reviewed == 1
        text = flat(screen_text(pilot.app))
        assert "Nothingisduerightnow." in text and "Yourated1cardinthissession." in text
        assert "Today's1newcardisdone;morecometomorrow." in text

    assert snap_compare(cards_app(), terminal_size=(60, 20), run_before=study)
