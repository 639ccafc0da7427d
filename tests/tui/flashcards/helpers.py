"""Shared by the flashcard and statistics screen tests: the card fixture course, a fixed clock,
fsrs without fuzz, and ways to open the screens with that configuration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from textual.pilot import Pilot

from rnnquiz.content.library import Library, load_library
from rnnquiz.study.clock import ManualClock
from rnnquiz.study.queue import StudyConfig
from rnnquiz.study.scheduler import Rating, StudyScheduler
from rnnquiz.tui.app import RnnQuizApp

from ..helpers import FIXTURES

START = datetime(2025, 3, 12, 12, 0, tzinfo=UTC)
"""A Wednesday noon, UTC; with `tz=timezone.utc` the study day rolls over at 04:00 UTC."""
CONFIG = StudyConfig(enable_fuzzing=False, tz=UTC)
UNITS = ["basic-one", "rev-one", "rev-one~rev", "cloze-one#1", "cloze-one#2", "typein-one"]
"""The fixture course's review units, in the order new cards are introduced."""


@pytest.fixture(scope="session")
def cards_library() -> Library:
    library = load_library([FIXTURES / "cards"])
    assert not library.problems, [str(p) for p in library.problems]
    return library


@pytest.fixture
def clock(store: Any) -> ManualClock:
    """The store's clock, fixed at START; move it with `clock.advance(...)`."""
    fixed = ManualClock(START)
    store.clock = fixed
    return fixed


@pytest.fixture
def cards_app(make_app, cards_library, clock):
    """`cards_app(**create_app_kwargs)`: the app on the card course, the tmp database and the fixed clock."""
    return lambda **kwargs: make_app(cards_library, **kwargs)


def graduate(store: Any, *unit_ids: str, days_ago: int = 1, rating: Rating = Rating.Easy) -> None:
    """Review these units `days_ago` days before START, so they are not new (and not due today)."""
    scheduler = StudyScheduler(enable_fuzzing=False)
    for unit_id in unit_ids:
        store.record_review(unit_id, "card", rating, scheduler, at=START - timedelta(days=days_ago))


async def open_study(app: RnnQuizApp, pilot: Pilot, arg: str | None = "cards", config: StudyConfig = CONFIG):
    """Push the review screen with the test configuration, as `app.open_screen('study', arg)` would."""
    from rnnquiz.tui.screens.study import StudyScreen

    screen = StudyScreen(app.context, arg, config=config)
    await app.push_screen(screen)
    await settle(app, pilot)
    return screen


async def settle(app: RnnQuizApp, pilot: Pilot) -> None:
    """Let the workers finish (the review session is built in one) and the screen catch up."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_stats(app: RnnQuizApp, pilot: Pilot, arg: str | None = None, config: StudyConfig = CONFIG):
    from rnnquiz.tui.screens.stats import StatsScreen

    screen = StatsScreen(app.context, arg, config=config)
    await app.push_screen(screen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen
