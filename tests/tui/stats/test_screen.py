"""The statistics screen: the `rnnquiz stats` report, computed in a worker, refreshed on return."""

from __future__ import annotations

import threading
from datetime import timedelta

from rnnquiz.study import stats as stats_module
from rnnquiz.study.done import locate
from rnnquiz.study.scheduler import Rating, StudyScheduler
from rnnquiz.tui.screens.stats import StatsScreen
from rnnquiz.tui.widgets.stats_text import report_content, styled_line

from ..flashcards.helpers import (
    CONFIG,
    START,
    UNITS,
    graduate,
    open_stats,
    open_study,
)
from ..helpers import screen_text


def seed_history(store) -> None:
    """Reviews on three days in a row (a 3-day streak), one lapse in review, one leech."""
    scheduler = StudyScheduler(enable_fuzzing=False)
    for days_ago in (2, 1, 0):
        for unit_id in UNITS[:3]:
            store.record_review(unit_id, "card", Rating.Good, scheduler, at=START - timedelta(days=days_ago, hours=1))
    store.record_review("cloze-one#1", "card", Rating.Easy, scheduler, at=START - timedelta(days=40))
    store.record_review("cloze-one#1", "card", Rating.Again, scheduler, at=START - timedelta(days=5))
    store.record_review("typein-one", "card", Rating.Good, scheduler, at=START - timedelta(days=60))
    # A leech without eight real lapses: the stats only read the tag, the count and the suspension.
    store._conn.execute("UPDATE item_state SET leech = 1, suspended = 1, queue = -1, lapses = 8"
                        " WHERE item_id = 'typein-one'")


async def test_the_screen_shows_the_same_report_as_rnnquiz_stats(cards_app, cards_library, store):
    seed_history(store)
    expected = stats_module.render(
        stats_module.collect(store, list(UNITS), CONFIG.study_day, START),
        locate=lambda item_id: locate(cards_library, item_id),
    )
    app = cards_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await open_stats(app, pilot)
        lines = [line.rstrip() for line in screen_text(app).splitlines()]
        for line in expected:
            assert any(line in shown for shown in lines), line
        text = screen_text(app)
        assert "Streak: 3 days" in text and "typein-one  8 lapses, suspended" in text
        assert "deck.yaml:" in text and "All courses › Statistics" in text


async def test_statistics_are_computed_off_the_ui_thread(cards_app, store, monkeypatch):
    threads: list[str] = []
    original = stats_module.collect

    def spy(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(stats_module, "collect", spy)
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(app, pilot)
        assert threads and threading.main_thread().name not in threads
        assert "Cards: 6 new" in screen_text(app)


async def test_refresh_and_return_show_reviews_made_since(cards_app, store):
    app = cards_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stats(app, pilot, arg="cards")
        assert "Card course › Statistics" in screen_text(app) and "0 reviews today" in screen_text(app)
        graduate(store, "basic-one", days_ago=0)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 review today" in screen_text(app)


async def test_s_on_the_review_screen_opens_the_course_statistics(cards_app, store):
    app = cards_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_study(app, pilot)
        await pilot.press("space", "3", "f", "S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen) and app.screen.course_id == "cards"
        text = screen_text(app)
        assert "1 review today" in text and "Flagged for the author: 1 card" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.screen_name == "study"


async def test_without_a_progress_database_it_says_so(mini_library):
    from rnnquiz.tui.app import create_app

    app = create_app(mini_library, None)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_screen("stats")
        await pilot.pause()
        assert "could not be opened" in screen_text(app)


def test_report_lines_stay_literal_and_headings_are_bold():
    line = styled_line("Leeches (1), suspended until you rework them:")
    assert line.plain == "Leeches (1), suspended until you rework them:"
    assert any(span.style == "bold" and span.start == 0 for span in line.spans)
    shades = styled_line("Mon  · ░ ▒ █ [bold]x[/]")
    assert shades.plain == "Mon  · ░ ▒ █ [bold]x[/]"
    assert report_content(["a", "b"], flagged=2).plain.endswith("2 cards (`rnnquiz stats --flagged` lists them"
                                                                " with file:line)")
