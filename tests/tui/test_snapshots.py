"""SVG snapshots of the key screens at 80x24 (update with `pytest --snapshot-update`, then look)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

SIZE = (80, 24)


async def no_blink(pilot: Pilot) -> None:
    """A blinking cursor would make the snapshot depend on timing."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_home(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_lesson_dialogue(snap_compare, make_app):
    assert snap_compare(make_app(initial="learn", arg="first"), press=["space"], terminal_size=SIZE)


def test_lesson_deep_dive(snap_compare, make_app):
    assert snap_compare(make_app(initial="learn", arg="first"), press=["3"], terminal_size=SIZE)


def test_glossary(snap_compare, make_app):
    assert snap_compare(make_app(initial="glossary"), terminal_size=SIZE, run_before=no_blink)


def test_tricky_lesson(snap_compare, make_app, tricky_library):
    assert snap_compare(make_app(tricky_library, initial="learn", arg="tricky-text"), press=["space", "space"],
                        terminal_size=SIZE)


def test_home_at_60x20_light_theme(snap_compare, make_app):
    async def light(pilot: Pilot) -> None:
        pilot.app.theme = "textual-light"
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=light)
