"""Every key of every screen, read from the bindings themselves so the list cannot go stale."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from rnnquiz.tui import registry
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.screens.base import AppModal

EXTRA_KEYS = {
    "Home": [("enter, click", "Open the highlighted lesson"), ("up/down", "Move between sections")],
    "Lesson": [("1 to 8", "Jump to a part (the tabs, left to right)"),
               ("up/down j/k", "Deep dive: previous / next point"), ("tab", "Move between controls"),
               ("space", "Demos tab: start, pause, resume or run the demo again")],
    "Glossary": [("typing", "Filters the terms"), ("enter", "Filter: go to the terms; term: go to its definition"),
                 ("tab", "Reach the see-also links (enter follows one)")],
    "Quiz": [("1-9, a-z", "Pick a choice by its number or letter; t/f for true or false"),
             ("space", "Multiple answers: toggle the highlighted choice"),
             ("up/down", "Move between choices, items to order, or items to match"),
             ("shift+up/down", "Order: move the highlighted item (or space grabs it, arrows carry it)"),
             ("a-z, backspace", "Match: give the highlighted item that partner; clear it"),
             ("click", "Pick, toggle, grab then drop, match; the buttons submit and go on"),
             ("r, escape", "End screen: retry the ones you missed; done")],
    "Flashcards": [("typing, enter", "Type-in card: type the answer, enter compares; then enter takes the suggestion"),
                   ("click", "Show answer, a rating, or (when nothing is due) cram, statistics, back")],
    "RNN lab": [("enter, click", "Answer the highlighted choice; on a parameter, type its value (or next choice)"),
                ("left/right", "Change the highlighted parameter"),
                ("up/down, tab", "Move between choices or parameters; tab between the two"),
                ("enter, escape", "While typing a value: apply it; give up"),
                ("click", "Tabs pick a demo; - + Edit change the highlighted parameter; Start/Pause, Reset")],
    "Everywhere": [("ctrl+p", "Command palette: jump to any section, the glossary, flashcards, quiz, lab"),
                   ("ctrl+q", "Quit")],
}
"""Keys handled by widgets rather than bindings, which the binding lists alone would miss."""


def key_rows(bindings: Iterable[BindingType], display: Callable[[Binding], str]) -> list[tuple[str, str]]:
    """(keys, description) rows, keys of one action joined: `space/enter  Next line`."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        if binding.description:
            rows.setdefault((binding.action, binding.description), []).append(display(binding))
    return [("/".join(keys), description) for (_, description), keys in rows.items()]


class HelpScreen(AppModal[None]):
    """A modal list of keys; any of escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "app.pop_screen", "Close", id="help.close"),
    ]

    def __init__(self, context: AppContext | None = None, arg: str | None = None) -> None:
        super().__init__(classes="help")

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Content.styled("Keys", "bold $accent"), id="help-title")
            with VerticalScroll(id="help-body"):
                for title, rows in self._groups():
                    yield Static(Content.styled(title, "bold underline"), classes="help-group")
                    for keys, text in rows:
                        with Horizontal(classes="help-row"):
                            yield Static(Content.styled(keys, "bold"), classes="help-keys")
                            yield Static(Content(text), classes="help-text")
            yield Static(Content("escape closes this window"), id="help-hint")

    def _groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        display = self.app.get_key_display
        groups = [("Everywhere", key_rows(self.app.BINDINGS, display) + EXTRA_KEYS["Everywhere"])]
        for spec in registry.SCREENS.values():
            if spec.name != "help":
                rows = key_rows(spec.screen_class().BINDINGS, display)
                groups.append((spec.title, rows + EXTRA_KEYS.get(spec.title, [])))
        return groups
