"""Items to put in order. Keys: shift+up/down move the highlighted item; or space grabs it, the
arrows carry it, space drops it. Mouse: click an item to grab it, click where it should go.

`response()` is the displayed indices in the learner's order (the shown order is a valid answer).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content

from rnnquiz.tui.widgets.answer_rows import AnswerRow, RowAnswer
from rnnquiz.tui.widgets.literal import literal


class OrderList(RowAnswer):
    """Reorderable items; row i shows item `order[i]`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+up", "move_item(-1)", "Move", key_display="⇧↑↓", id="quiz.order.up"),
        Binding("shift+down", "move_item(1)", "Move item down", show=False, id="quiz.order.down"),
        Binding("space", "grab", "Grab", show=False, id="quiz.order.grab"),
    ]

    def __init__(self, items: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="order-list")
        self.items = list(items)
        self.order = list(range(len(self.items)))
        self.grabbed = False
        self.right_order: list[int] = []

    def compose(self) -> ComposeResult:
        for index in range(len(self.items)):
            yield AnswerRow(index)

    def move_item(self, frm: int, to: int) -> None:
        """Move the item at row `frm` to row `to`; the cursor follows it."""
        if self.locked or not (0 <= frm < len(self.order) and 0 <= to < len(self.order)):
            return
        self.order.insert(to, self.order.pop(frm))
        self.cursor = to
        self.refresh_rows()

    def action_move_item(self, step: int) -> None:
        self.move_item(self.cursor, self.cursor + step)

    def action_move_cursor(self, step: int) -> None:
        if self.grabbed:
            self.move_item(self.cursor, self.cursor + step)
        else:
            super().action_move_cursor(step)

    def action_grab(self) -> None:
        if not self.locked:
            self.grabbed = not self.grabbed
            self.refresh_rows()

    def on_pick_key(self, char: str) -> None:
        if char.isdigit() and char != "0":
            self.cursor = int(char) - 1

    def on_answer_row_clicked(self, event: AnswerRow.Clicked) -> None:
        self.focus()
        if self.locked:
            return
        if not self.grabbed:
            self.cursor, self.grabbed = event.row.index, True
        else:
            self.move_item(self.cursor, event.row.index)
            self.grabbed = False
        self.refresh_rows()

    # --- the answer interface --------------------------------------------------------------------

    def response(self) -> Any:
        return list(self.order)

    def restore(self, response: Any) -> None:
        if isinstance(response, list) and sorted(response) == list(range(len(self.items))):
            self.order = list(response)

    def reveal(self, grade: Any, right_order: list[int] | None = None) -> None:
        """Lock the list; `right_order` is the displayed indices in the right order."""
        self.grabbed = False
        self.right_order = list(right_order or ())
        super().reveal(grade)

    def render_row(self, row: AnswerRow) -> tuple[Content, Content]:
        if row.index >= len(self.order):
            return Content(""), Content("")
        item = self.order[row.index]
        grabbed = self.grabbed and row.index == self.cursor and not self.locked
        prefix: list[Any] = [self.pointer(row), (f"{row.index + 1}. ", "bold $accent")]
        text: list[Any] = [literal(self.items[item], "bold reverse" if grabbed else "")]
        if self.locked and self.right_order:
            place = self.right_order.index(item)
            prefix.append(("✓ ", "bold $success") if place == row.index else ("✗ ", "bold $error"))
            if place != row.index:
                text.append((f"  (goes {place + 1})", "italic $text-muted"))
        if grabbed:
            text.append(("  ↕ moving: arrows, space drops", "italic $text-muted"))
        row.set_class(grabbed, "-grabbed")
        return Content.assemble(*prefix), Content.assemble(*text)
