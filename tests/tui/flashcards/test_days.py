"""The review screen across study days and settings: the daily new limit (and why the queue ends),
saved settings and options, the home screen's due counts right after studying, and the
statistics screen at small sizes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from rnnquiz.study import stats as stats_module
from rnnquiz.study.done import locate
from rnnquiz.study.queue import SETTING_DESIRED_RETENTION, SETTING_NEW_PER_DAY
from rnnquiz.tui.screens.home import HomeScreen
from rnnquiz.tui.screens.study import StudyScreen
from rnnquiz.tui.widgets.stats_text import StatsReport, report_blocks

from ..helpers import flat, screen_text
from ..stats.test_screen import seed_history
from .helpers import (
    CONFIG,
    START,
    UNITS,
    graduate,
    open_stats,
    open_study,
    settle,
)


async def test_the_daily_new_limit_ends_the_queue_says_why_and_lifts_the_next_day(cards_app, store, clock):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot, config=replace(CONFIG, new_per_day=2))
        assert "2 new  0 learning  0 review" in screen_text(app)
        for _ in range(2):
            await pilot.press("space", "4")
            await pilot.pause()
        text = flat(screen_text(app))
        assert screen.unit is None and "Nothingisduerightnow." in text
        assert "Today's2newcardsaredone;morecometomorrow." in text and "--new-per-dayN--save-settings" in text
        assert [s.item_id for s in store.item_states("card", UNITS).values()] == ["basic-one", "rev-one"]
        clock.advance(timedelta(days=1))
        await pilot.press("S")  # statistics, and back: the review screen looks at the queue again
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert screen.unit is not None and "2 new" in screen_text(app)


async def test_with_no_new_cards_a_day_the_end_of_the_day_is_not_promised(cards_app, store, clock):
    graduate(store, "basic-one", days_ago=2)  # Easy: due in 6 days
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_study(app, pilot, config=replace(CONFIG, new_per_day=0))
        text = flat(screen_text(app))
        assert "0 new  0 learning  0 review" in screen_text(app)
        assert "ThenextcardisdueonTuesdayat12:00." in text and "Newcardsareturnedoff(0aday)" in text


async def test_saved_settings_and_options_reach_the_review_screen(cards_app, store):
    store.set_setting(SETTING_NEW_PER_DAY, 1)
    store.set_setting(SETTING_DESIRED_RETENTION, 0.97)
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        saved = StudyScreen(app.context, "cards")
        await app.push_screen(saved)
        await settle(app, pilot)
        assert "1 new  0 learning  0 review" in screen_text(app)
        assert (saved._config.new_per_day, saved._config.desired_retention) == (1, 0.97)
        await pilot.press("space")
        await pilot.pause()
        easy_at_97 = saved.query_one("#rate-4").label.plain
        await pilot.press("escape")
        given = StudyScreen(app.context, "cards?new-per-day=3&retention=0.9&rollover-hour=6")
        await app.push_screen(given)
        await settle(app, pilot)
        assert "3 new  0 learning  0 review" in screen_text(app)
        assert (given._config.desired_retention, given._config.rollover_hour) == (0.9, 6)
        await pilot.press("space")
        await pilot.pause()
        easy_at_90 = given.query_one("#rate-4").label.plain
    # Aiming for higher retention brings a card back sooner.
    assert easy_at_90 == "4 Easy · 8d" and easy_at_97 != easy_at_90 and easy_at_97.startswith("4 Easy · ")


async def test_home_shows_cards_due_today_right_after_studying(cards_app, store, clock):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "due" not in screen_text(app)
        await pilot.press("f")  # from home: every course, the learner's settings
        await settle(app, pilot)
        await pilot.press("space", "3")  # Good on a new card: back in ten minutes, later today
        await pilot.pause()
        await pilot.press("space", "1", "u")  # a second rating, taken back
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "The deck  1 due" in screen_text(app)
        await pilot.press("f")
        await settle(app, pilot)
        await pilot.press("space", "1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "The deck  2 due" in screen_text(app)


def test_report_blocks_keep_charts_apart_from_prose():
    lines = ["Reviews, last 26 weeks: 3 on 1 day", "     Mar", "Mon  · █", "", "Due, next 30 days: 1",
             "1 █·", "  today", "", "Cards: 1 new", "Leeches: none"]
    blocks = [(content.plain, chart) for content, chart in report_blocks(lines, flagged=1)]
    assert blocks == [
        ("Reviews, last 26 weeks: 3 on 1 day", False), ("     Mar\nMon  · █", True),
        ("\nDue, next 30 days: 1", False), ("1 █·\n  today", True),
        ("\nCards: 1 new\nLeeches: none\nFlagged for the author: 1 card (`rnnquiz stats --flagged` lists them"
         " with file:line)", False),
    ]


async def test_statistics_fit_80x24_and_60x20_with_charts_aligned(cards_app, cards_library, store):
    seed_history(store)
    expected = stats_module.render(stats_module.collect(store, UNITS, CONFIG.study_day, START),
                                   locate=lambda item_id: locate(cards_library, item_id))
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(app, pilot)
        for size in ((80, 24), (60, 20)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            report = app.screen.query_one(StatsReport)
            assert report.max_scroll_x == 0, size  # nothing hides off to the right
            charts = [s.render().plain for s in report.query(".stats-chart")]
            assert "\n".join(charts) == "\n".join(expected[1:10] + expected[12:14])  # heatmap, forecast
            shown = flat("\n".join(s.render().plain for s in report.query(".stats-prose")))
            for line in expected[14:]:  # every prose line is there in full, wrapped if need be
                assert flat(line) in shown, (size, line)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert app.screen.query_one(StatsReport).max_scroll_x > 0  # the heatmap scrolls sideways
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running


async def test_ctrl_z_undoes_the_last_rating_while_a_type_in_field_has_the_keys(cards_app, store):
    graduate(store, *UNITS[1:5])  # left new: the basic card, then the type-in card
    app = cards_app()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("space", "3")
        await pilot.pause()
        assert screen.unit.id == "typein-one"
        await pilot.press("u")  # a letter of the answer, not undo
        await pilot.pause()
        assert screen.query_one("#typed").value == "u" and store.get_item("basic-one") is not None
        assert "^z Undo" in screen_text(app).splitlines()[-1]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.unit.id == "basic-one" and store.get_item("basic-one") is None
        assert screen.state == "front" and screen.query_one("#typed").value == ""
