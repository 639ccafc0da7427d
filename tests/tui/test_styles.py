"""The app's styles load in two steps when it opens on the home screen (tui/styles.py); the result
must be exactly the whole app.tcss, and every other screen must find its rules."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent

from rnnquiz.tui.app import create_app
from rnnquiz.tui.screens.lesson import LessonScreen
from rnnquiz.tui.styles import STARTUP_END, split_styles

APP_TCSS = Path(__file__).resolve().parents[2] / "rnnquiz" / "tui" / "app.tcss"


def rules(app) -> list[tuple[str, bool, str]]:
    """Every rule as (selectors, from DEFAULT_CSS, its declarations), sorted: comparable across apps."""
    return sorted((rule.selectors, rule.is_default_rules, repr(sorted(rule.styles.get_rules().items())))
                  for rule in app.stylesheet.rules)


def test_the_split_keeps_every_rule_in_order_and_its_line_numbers():
    css = APP_TCSS.read_text(encoding="utf-8")
    assert css.count(STARTUP_END) == 1
    head, rest = split_styles(css)
    assert "#home-title" in head and "#sections" in head and "#lesson-title" in head
    assert head + rest.lstrip("\n") == css
    assert rest.count("\n") == css.count("\n")  # an error in `rest` is reported at its line in app.tcss
    assert split_styles("A { color: red; }") == ("A { color: red; }", "")


async def test_home_first_then_the_rest_before_another_screen_opens(mini_library, store):
    app = create_app(mini_library, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert not app.late_styles_pending
        assert isinstance(app.screen, LessonScreen)
        assert str(app.screen.query_one("#parts", TabbedContent).styles.height) == "1fr"  # from app.tcss
        staged = rules(app)
    whole = create_app(mini_library, store, initial="learn", arg="first")  # not staged
    async with whole.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert rules(whole) == staged
