"""Content text on screen exactly as the author wrote it.

Textual parses strings given to Static, Label, Button and OptionList as markup, so `h[t-1]`
vanishes and `[/]` crashes at render time. Everything from a course goes through `literal()`
(a `Content`, never parsed) after `safe_text()` has made control characters visible. Markdown is
used only where the author opted in: a `MarkdownStr` field or a section with `markdown: true`.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from rnnquiz.content.text import safe_text

TAB_SIZE = 4


def literal(text: str, style: str = "") -> Content:
    """Text as `Content` that is never parsed as markup; controls shown as symbols."""
    clean = safe_text(text).expandtabs(TAB_SIZE)
    return Content.styled(clean, style) if style else Content(clean)


def labelled(label: str, text: str, label_style: str = "bold") -> Content:
    """`label` (our own words, styled) followed by content text (literal)."""
    return Content.assemble((label, label_style), literal(text))


class LiteralText(Static):
    """A paragraph of content text, wrapped to the width, never parsed as markup."""

    DEFAULT_CSS = """
    LiteralText { height: auto; }
    """

    def __init__(self, text: str, *, style: str = "", id: str | None = None, classes: str | None = None) -> None:
        super().__init__(literal(text, style), markup=False, id=id, classes=classes)
        self.text = text


def wants_markdown(text: str, section_markdown: bool = False) -> bool:
    if section_markdown:
        return True
    from rnnquiz.content.model import MarkdownStr  # here, not above: the home screen must not load pydantic

    return isinstance(text, MarkdownStr)


def prose(text: str, *, markdown: bool = False, id: str | None = None, classes: str | None = None) -> Widget:
    """The widget for one text field: Markdown if the author opted in, literal text otherwise."""
    if wants_markdown(text, markdown):
        from textual.widgets import Markdown  # imported late: markdown-it is slow and rarely needed

        return Markdown(safe_text(str(text)), id=id, classes=classes)
    return LiteralText(text, id=id, classes=classes)
