"""Updates that skip what would not change, for widgets fed a stream of frames.

A streamed demo sets the same text and the same visibility many times a second; skipping the no-op
updates (and keeping the layout when only a fixed-height text changed) keeps a fast run cheap.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static


def show(static: Static, content: Content, *, nowrap: bool = False) -> None:
    """Update only on a change; a `nowrap` text is laid out again only when its line count changes."""
    old = static.content
    if isinstance(old, Content) and old.plain == content.plain and old.spans == content.spans:
        return
    same_height = nowrap and isinstance(old, Content) and old.plain.count("\n") == content.plain.count("\n")
    static.update(content, layout=not same_height)


def display(widget: Widget, shown: bool) -> None:
    """Show or hide `widget`, touching it only when that changes."""
    if widget.display != shown:
        widget.display = shown
