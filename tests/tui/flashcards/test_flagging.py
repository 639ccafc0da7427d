"""Flashcards, QA follow-up: a type-in card can be flagged without leaving its answer box."""

from __future__ import annotations

from rnnquiz.tui.screens.help import HelpScreen

from ..helpers import screen_text
from .helpers import UNITS, graduate, open_study


async def test_ctrl_f_flags_a_type_in_card_while_its_answer_is_typed(cards_app, store):
    graduate(store, *UNITS[:5])
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        assert screen.unit.id == "typein-one" and app.focused is not None and app.focused.id == "typed"
        footer = screen_text(app).splitlines()[-1]
        assert "^f Flag" in footer and " f Flag" not in footer  # `f` would only type a letter here
        await pilot.press(*"ta", "f")
        assert not store.is_flagged("typein-one")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert store.is_flagged("typein-one")
        assert app.focused is screen.query_one("#typed") and app.focused.value == "taf"  # the typing goes on
        await pilot.press("ctrl+f")  # and again removes the flag
        await pilot.pause()
        assert not store.is_flagged("typein-one")


async def test_plain_f_still_flags_when_no_answer_is_typed(cards_app, store):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        assert not screen.unit.type_in
        footer = screen_text(app).splitlines()[-1]
        assert "f Flag" in footer and "^f" not in footer
        await pilot.press("f")
        await pilot.pause()
        assert store.is_flagged(screen.unit.id)


async def test_help_lists_the_flag_key_for_typing(cards_app):
    app = cards_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = [(keys, text) for title, group in app.screen._groups() if title == "Flashcards" for keys, text in group]
        assert ("f", "Flag") in rows and ("^f", "Flag") in rows
