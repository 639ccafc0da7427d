"""The base of the list answers (choices, order, match): clickable rows, a cursor, pick keys.

Every answer widget offers the same small interface to the quiz screen: `response()` (what the
learner gave, in displayed indices, or None for nothing yet), `restore(response)`, and
`reveal(grade)` (lock it and show what was right). Enter belongs to the screen (submit / next);
an answer that holds text inputs posts `SubmitRequested` when enter is pressed in its last input.
"""

from __future__ import annotations

import string
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

PICK_KEYS = string.digits + string.ascii_lowercase
"""Keys a list answer keeps for itself, so a stray letter never sends the learner off the quiz."""


def key_label(index: int) -> str:
    """The key shown beside a row: 1-9, then the row's letter (j is the 10th; see `RowAnswer.index_of_key`)."""
    return str(index + 1) if index < 9 else string.ascii_lowercase[index] if index < 26 else " "


class SubmitRequested(Message):
    """The learner pressed enter in an answer's last text field: grade the answer."""


class AnswerRow(Horizontal):
    """One clickable row of a list answer: a prefix (pointer, key, marks) and the text, which wraps
    under itself rather than under the prefix. `group` tells rows of different kinds apart."""

    class Clicked(Message):
        def __init__(self, row: AnswerRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, index: int, group: str = "row") -> None:
        super().__init__(classes=f"answer-row -{group}")
        self.index = index
        self.group = group
        self.shown = (Content(""), Content(""))

    def compose(self) -> ComposeResult:
        yield Static(self.shown[0], classes="row-prefix", markup=False)
        yield Static(self.shown[1], classes="row-text", markup=False)

    def show(self, prefix: Content, text: Content) -> None:
        self.shown = (prefix, text)
        parts = list(self.query(Static))
        if len(parts) == 2:  # else compose() shows them
            parts[0].update(prefix)
            parts[1].update(text)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self))


class RowAnswer(Vertical, can_focus=True):
    """A focusable list of rows with a cursor; subclasses say what a row shows and what keys do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move_cursor(-1)", "Up", show=False, id="quiz.answer.up"),
        Binding("down", "move_cursor(1)", "Down", show=False, id="quiz.answer.down"),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    locked = False
    """Graded: the rows show what was right and no longer change."""

    def rows(self) -> list[AnswerRow]:
        """The rows the cursor moves over (a match picker also has rows of right items)."""
        return [row for row in self.query(AnswerRow) if row.group == "row"]

    def row_count(self) -> int:
        return len(self.rows())

    def render_row(self, row: AnswerRow) -> tuple[Content, Content]:
        """(prefix, text) of a row."""
        raise NotImplementedError

    def on_pick_key(self, char: str) -> None:
        """A digit or letter was pressed (not locked)."""

    def response(self) -> Any:
        raise NotImplementedError

    def restore(self, response: Any) -> None:
        raise NotImplementedError

    def reveal(self, grade: Any) -> None:
        self.locked = True
        self.refresh_rows()

    # --- shared behaviour ------------------------------------------------------------------------

    @staticmethod
    def index_of_key(char: str) -> int:
        """1-9 pick rows 1-9; a-z also pick rows 1-26 (as on a paper quiz: a, b, c, d)."""
        return int(char) - 1 if char.isdigit() else ord(char) - ord("a")

    def on_mount(self) -> None:
        self.refresh_rows()

    def on_key(self, event: events.Key) -> None:
        if not self.locked and event.character is not None and event.character in PICK_KEYS:
            event.stop()
            event.prevent_default()
            self.on_pick_key(event.character)

    def watch_has_focus(self, _has_focus: bool) -> None:
        self.refresh_rows()  # the cursor shows only while the list has the focus

    def watch_cursor(self) -> None:
        self.refresh_rows()
        rows = self.rows()
        if 0 <= self.cursor < len(rows):
            rows[self.cursor].scroll_visible(animate=False)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.row_count() - 1))

    def action_move_cursor(self, step: int) -> None:
        self.cursor += step

    def refresh_rows(self) -> None:
        for row in self.query(AnswerRow):
            row.show(*self.render_row(row))
            row.set_class(row.group == "row" and row.index == self.cursor and self.has_focus and not self.locked,
                          "-cursor")

    def pointer(self, row: AnswerRow) -> str:
        """`›` beside the cursor row while the list has the focus."""
        return "› " if row.index == self.cursor and self.has_focus and not self.locked else "  "
