"""Skipping faster than the screen redraws: each PgDn swaps the question view while the previous
one's framing is still queued for after the refresh."""

from __future__ import annotations

import pytest
from textual import events

from rnnquiz.content.library import load_library
from rnnquiz.paths import bundled_content_dir
from rnnquiz.tui.screens.quiz import QuizScreen


@pytest.fixture(scope="module")
def bundled():
    return load_library([bundled_content_dir()])


@pytest.mark.parametrize("gap", [0.0, 0.01, 0.05, 0.15])
async def test_pressing_pgdn_quickly_never_ends_the_app(make_app, bundled, gap):
    app = make_app(bundled, initial="quiz", arg="sequences?seed=2")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        seen = set()
        for _ in range(8):
            await pilot.press("pagedown")
            await pilot.pause(gap)
            seen.add(screen.session.current.id)
        await pilot.pause()
        assert app.is_running and app.screen is screen and len(seen) > 1


async def test_pgdn_keys_queued_before_any_is_handled_never_end_the_app(make_app, bundled):
    """As a held-down key or a fast typist sends them: eight key events in the queue at once."""
    app = make_app(bundled, initial="quiz", arg="sequences?seed=2")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        for _ in range(8):
            app.post_message(events.Key("pagedown", None))
        for _ in range(20):
            await pilot.pause(0.02)
        assert app.is_running and app.screen is screen
        assert screen.query(".question-prompt")


async def test_fifty_navigation_keys_with_no_pause_never_end_the_app(make_app, bundled):
    app = make_app(bundled, initial="quiz", arg="sequences?seed=2")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        keys = ["pagedown", "pagedown", "pageup", "down", "up", "pagedown", "tab", "pageup", "pagedown", "end"] * 5
        for key in keys:
            app.post_message(events.Key(key, None))
        for _ in range(50):
            await pilot.pause(0.02)
        assert app.is_running and app.screen is screen
        assert screen.query(".question-prompt")
