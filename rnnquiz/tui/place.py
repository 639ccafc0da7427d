"""Where the learner is in a lesson, saved before a live reload redraws it and restored after.

The part on show, how far the dialogue has been revealed, the summary level, the deep-dive point
and how far the visible part is scrolled: an author saving a file must not send the reader back
to the first line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import TabbedContent

from rnnquiz.tui.widgets.deep_dive import DeepDiveView
from rnnquiz.tui.widgets.dialogue import DialogueView
from rnnquiz.tui.widgets.summary import SummaryView


@dataclass(frozen=True, slots=True)
class Place:
    part: str | None = None
    revealed: int | None = None
    level: str | None = None
    point: int | None = None
    scroll_y: float = 0.0


def _one(screen: Screen[Any], kind: type[Widget]) -> object | None:
    found = screen.query(kind)
    return found.first() if found else None


def save_place(screen: Screen[Any]) -> Place:
    tabs = _one(screen, TabbedContent)
    dialogue, summary, deep_dive = (_one(screen, kind) for kind in (DialogueView, SummaryView, DeepDiveView))
    pane = tabs.active_pane if isinstance(tabs, TabbedContent) else None
    scrolled = next(iter(pane.query(ScrollableContainer)), None) if pane is not None else None
    return Place(
        part=tabs.active if isinstance(tabs, TabbedContent) else None,
        revealed=dialogue.revealed if isinstance(dialogue, DialogueView) else None,
        level=summary.level if isinstance(summary, SummaryView) else None,
        point=deep_dive.cursor if isinstance(deep_dive, DeepDiveView) else None,
        scroll_y=scrolled.scroll_y if scrolled is not None else 0.0,
    )


def _activate(tabs: TabbedContent, part: str) -> bool:
    """Open the tab of pane `part` if the pane and its tab are both there; whether it was done."""
    if not tabs.query(f"TabPane#{part}"):
        return True  # the new version has no such part: nothing to restore
    try:
        tabs.active = part
    except ValueError:  # Textual's "No Tab with id": the pane is mounted, its tab not yet
        return False
    return True


def restore_place(screen: Screen[Any], place: Place) -> None:
    """Put the learner back where `place` says, as far as the new version of the section allows."""
    tabs = _one(screen, TabbedContent)
    if isinstance(tabs, TabbedContent) and place.part and not _activate(tabs, place.part):
        part = place.part  # its tab is still being mounted (a reload while the lesson recomposes)
        screen.call_after_refresh(lambda: _activate(tabs, part))
    dialogue, summary, deep_dive = (_one(screen, kind) for kind in (DialogueView, SummaryView, DeepDiveView))
    if isinstance(dialogue, DialogueView) and place.revealed is not None:
        dialogue.revealed = max(dialogue.revealed, place.revealed)
    if isinstance(summary, SummaryView) and place.level is not None:
        summary.level = place.level  # type: ignore[assignment]
    if isinstance(deep_dive, DeepDiveView) and place.point is not None:
        deep_dive.cursor = place.point
    if place.scroll_y and isinstance(tabs, TabbedContent) and tabs.active_pane is not None:
        scrolled = next(iter(tabs.active_pane.query(ScrollableContainer)), None)
        if scrolled is not None:
            y = place.scroll_y
            screen.call_after_refresh(lambda: scrolled.scroll_to(y=y, animate=False, immediate=True))
