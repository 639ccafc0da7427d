"""SVG snapshots of the review and statistics screens at 80x24 (update with `--snapshot-update`, then look)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from textual.pilot import Pilot

from rnnquiz.study.scheduler import Rating, StudyScheduler

from .helpers import CONFIG, START, UNITS, graduate, open_stats, open_study

SIZE = (80, 24)


def test_card_front(snap_compare, cards_app):
    async def study(pilot: Pilot) -> None:
        await open_study(pilot.app, pilot)

    assert snap_compare(cards_app(), terminal_size=SIZE, run_before=study)


def test_card_back_with_rating_intervals(snap_compare, cards_app):
    async def study(pilot: Pilot) -> None:
        await open_study(pilot.app, pilot)
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(cards_app(), terminal_size=SIZE, run_before=study)


def test_type_in_differences(snap_compare, cards_app, store):
    graduate(store, *UNITS[:5])

    async def study(pilot: Pilot) -> None:
        await open_study(pilot.app, pilot)
        await pilot.press(*"tahn", "enter")
        await pilot.pause()

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
        await open_stats(pilot.app, pilot, arg="cards")

    assert snap_compare(cards_app(), terminal_size=SIZE, run_before=stats)


def test_statistics_at_60x20(snap_compare, cards_app, store):
    """Prose wraps to the width; the heatmap and the forecast keep their columns."""
    seed_reviews(store)

    async def stats(pilot: Pilot) -> None:
        await open_stats(pilot.app, pilot, arg="cards")

    assert snap_compare(cards_app(), terminal_size=(60, 20), run_before=stats)


def test_nothing_due_after_the_daily_new_limit_at_60x20(snap_compare, cards_app, store):
    graduate(store, *UNITS[:3], days_ago=2)  # Easy: due in 6 days

    async def study(pilot: Pilot) -> None:
        await open_study(pilot.app, pilot, config=replace(CONFIG, new_per_day=1))
        await pilot.press("space", "4")
        await pilot.pause()

    assert snap_compare(cards_app(), terminal_size=(60, 20), run_before=study)
