"""SVG snapshots of the key screens at 80x24 (update with `pytest --snapshot-update`, then look).

Each one also checks what it pictures, so a snapshot updated by mistake still fails on behaviour."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TabbedContent

from rnnquiz.tui.screens.glossary import GlossaryScreen
from rnnquiz.tui.screens.home import HomeScreen, SectionList
from rnnquiz.tui.screens.lesson import LessonScreen
from rnnquiz.tui.widgets.deep_dive import DeepDiveView
from rnnquiz.tui.widgets.dialogue import DialogueView

from .helpers import screen_text

SIZE = (80, 24)


async def no_blink(pilot: Pilot) -> None:
    """A blinking cursor would make the snapshot depend on timing."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def press(pilot: Pilot, *keys: str) -> None:
    """What `snap_compare(press=...)` does (a pause, then the keys), so assertions can follow."""
    await pilot.pause()
    await pilot.press(*keys)
    await pilot.pause()


def assert_home(pilot: Pilot) -> None:
    """The home screen, the first section highlighted and focused, nothing read yet."""
    screen = pilot.app.screen
    assert isinstance(screen, HomeScreen) and isinstance(pilot.app.focused, SectionList)
    highlighted = screen.query_one(SectionList).highlighted_option
    assert highlighted is not None and highlighted.id == "section:first"
    text = screen_text(pilot.app)
    assert "Mini course  0/2 read" in text and "· 1. First steps" in text and "· 2. Second steps" in text


def test_home(snap_compare, make_app):
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        assert_home(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_lesson_dialogue(snap_compare, make_app):
    async def run_before(pilot: Pilot) -> None:
        await press(pilot, "space")
        view = pilot.app.screen.query_one(DialogueView)
        assert view.revealed == 2 and not view.finished
        text = screen_text(pilot.app)
        assert "Hello class, today we meet h[t-1]." in text and "What is h[t-1]?" in text
        assert "Line 2 of 3: space or enter for the next line." in text
        assert "Ms Teacher" not in text  # the third line waits

    assert snap_compare(make_app(initial="learn", arg="first"), terminal_size=SIZE, run_before=run_before)


def test_lesson_deep_dive(snap_compare, make_app):
    async def run_before(pilot: Pilot) -> None:
        await press(pilot, "3")
        screen = pilot.app.screen
        assert isinstance(screen, LessonScreen) and screen.query_one(TabbedContent).active == "deep-dive"
        view = screen.query_one(DeepDiveView)
        assert pilot.app.focused is view and view.cursor == 0
        assert "Real-life analogy: Analogy one, like a relay race." in screen_text(pilot.app)

    assert snap_compare(make_app(initial="learn", arg="first"), terminal_size=SIZE, run_before=run_before)


def test_glossary(snap_compare, make_app):
    async def run_before(pilot: Pilot) -> None:
        await no_blink(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, GlossaryScreen) and isinstance(pilot.app.focused, Input)
        assert [entry.term.term for entry in screen.shown] == ["Gradient", "Hidden State", "Recurrence"]
        assert screen.query_one(OptionList).highlighted == 0
        assert screen.current is not None and screen.current.term.term == "Gradient"
        text = screen_text(pilot.app)
        assert "Glossary  3 terms" in text and "How the loss changes with a weight." in text

    assert snap_compare(make_app(initial="glossary"), terminal_size=SIZE, run_before=run_before)


def test_tricky_lesson(snap_compare, make_app, tricky_library):
    async def run_before(pilot: Pilot) -> None:
        await press(pilot, "space", "space")
        assert pilot.app.screen.query_one(DialogueView).revealed == 3
        text = screen_text(pilot.app)  # markup, escapes and wide characters shown as written
        assert "Tricky [bold]course[/] W[hh] › Brackets h[t-1] [/] [bold]not bold[/bold]" in text
        assert "h[t-1] and W[hh] and [/] and [bold]x[/bold] and [$accent]y[/] and" in text
        assert "Colour escape ␛[31mRED␛[0m, bell ␇, backspace ␈, CR ␍" in text
        assert "循环神经网络 (RNN) は系列を読みます 🧠🔁 done" in text

    assert snap_compare(make_app(tricky_library, initial="learn", arg="tricky-text"), terminal_size=SIZE,
                        run_before=run_before)


def test_home_at_60x20_light_theme(snap_compare, make_app):
    async def light(pilot: Pilot) -> None:
        pilot.app.theme = "textual-light"
        await pilot.pause()
        assert pilot.app.theme == "textual-light" and not pilot.app.current_theme.dark
        assert_home(pilot)

    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=light)
