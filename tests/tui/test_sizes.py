"""Usable at 60x20, no crash down to 40x12 or on resize, on every screen."""

from __future__ import annotations

import pytest

from rnnquiz.tui import registry
from rnnquiz.tui.screens.lesson import LessonScreen

from .helpers import screen_text


@pytest.mark.parametrize("size", [(60, 20), (40, 12)])
async def test_every_screen_at_small_sizes(make_app, tricky_library, size):
    app = make_app(tricky_library)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert "Brackets" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        for key in "a12345678":
            await pilot.press(key)
            await pilot.pause()
        assert "Back" in screen_text(app).splitlines()[-1]  # the footer is still there
        for key in ("g", "f1", "escape", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running


OPENED_ON = {"learn": "first", "quiz": "first"}
"""The argument each screen that needs one is opened with: a section of the mini course."""


@pytest.mark.parametrize("size", [(60, 20), (40, 12)])
@pytest.mark.parametrize("name", list(registry.SCREENS))
async def test_every_registered_screen_opens_small_and_survives_a_resize(make_app, name, size):
    app = make_app(initial=name, arg=OPENED_ON.get(name))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.screen_name == name
        assert screen_text(app).splitlines()[-1].strip(), "the footer row is empty"
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert app.is_running and app.screen.screen_name == name


async def test_lesson_at_60x20_keeps_dialogue_and_footer_visible(make_app):
    app = make_app(initial="learn", arg="first")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert any("Hello class, today we meet h[t-1]." in line for line in lines)
        assert "Next line" in lines[-1]


async def test_resizing_through_every_breakpoint(make_app, tricky_library):
    app = make_app(tricky_library, initial="glossary")
    async with app.run_test(size=(100, 30)) as pilot:
        for size in [(80, 24), (60, 20), (40, 12), (30, 8), (120, 40), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert app.screen.has_class("-wide")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        assert "h[t-1]" in screen_text(app)


async def test_wide_characters_wrap_inside_the_width(make_app, tricky_library):
    from rich.cells import cell_len

    app = make_app(tricky_library, initial="learn", arg="tricky-text")
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert all(cell_len(line) == 40 for line in lines)
        joined = "".join("".join(line.split()) for line in lines)
        assert "循环神经网络(RNN)は系列を読みます🧠🔁done" in joined.replace("▌", "")
