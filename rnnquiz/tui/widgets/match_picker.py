"""Match each left item with a right item. Keys: up/down (or a digit) choose a left item, a letter
gives it that right item, backspace clears it. Mouse: click a left item, then a right item.

Each right item goes with one left item: giving it to a second one takes it from the first.
`response()` maps left index -> displayed right index.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from rnnquiz.tui.widgets.answer_rows import AnswerRow, RowAnswer
from rnnquiz.tui.widgets.literal import literal


def right_label(index: int) -> str:
    return string.ascii_lowercase[index] if index < 26 else "?"


class MatchPicker(RowAnswer):
    """Left items (the cursor moves over them) above the right items to choose from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("backspace,delete", "clear", "Clear match", show=False, id="quiz.match.clear"),
    ]

    def __init__(self, lefts: Sequence[str], rights: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="match-picker")
        self.lefts = list(lefts)
        self.rights = list(rights)
        self.matched: dict[int, int] = {}
        self.expected: dict[int, int] = {}

    def compose(self) -> ComposeResult:
        for index in range(len(self.lefts)):
            yield AnswerRow(index)
        yield Static(Content.styled("Choose from:", "italic $text-muted"), classes="match-heading")
        for index in range(len(self.rights)):
            yield AnswerRow(index, group="right")

    def give(self, right: int) -> None:
        """Match the cursor's left item with `right`, then move on to the next unmatched left item."""
        if self.locked or not 0 <= right < len(self.rights):
            return
        for left, taken in list(self.matched.items()):
            if taken == right:
                del self.matched[left]
        self.matched[self.cursor] = right
        n = len(self.lefts)
        following = [(self.cursor + step) % n for step in range(1, n)]
        self.cursor = next((i for i in following if i not in self.matched), self.cursor)
        self.refresh_rows()

    def on_pick_key(self, char: str) -> None:
        if char.isdigit():
            if char != "0":
                self.cursor = int(char) - 1
        else:
            self.give(ord(char) - ord("a"))

    def action_clear(self) -> None:
        if not self.locked:
            self.matched.pop(self.cursor, None)
            self.refresh_rows()

    def on_answer_row_clicked(self, event: AnswerRow.Clicked) -> None:
        self.focus()
        if event.row.group == "right":
            self.give(event.row.index)
        else:
            self.cursor = event.row.index

    # --- the answer interface --------------------------------------------------------------------

    def response(self) -> Any:
        return dict(self.matched) if self.matched else None

    def restore(self, response: Any) -> None:
        if isinstance(response, dict):
            self.matched = {int(k): int(v) for k, v in response.items() if v is not None}

    def reveal(self, grade: Any, expected: dict[int, int] | None = None) -> None:
        """Lock; `expected` maps each left index to the displayed index of its right item."""
        self.expected = dict(expected or {})
        super().reveal(grade)

    def render_row(self, row: AnswerRow) -> tuple[Content, Content]:
        if row.group == "right":
            users = [str(left + 1) for left, right in self.matched.items() if right == row.index]
            taken = f"  ← {', '.join(users)}" if users else ""
            return (Content.styled(f"  {right_label(row.index)}  ", "bold $accent"),
                    Content.assemble(literal(self.rights[row.index], "$text-muted" if users else ""),
                                     (taken, "$text-muted")))
        left = row.index
        given = self.matched.get(left)
        text: list[Any] = [literal(self.lefts[left], "bold"), ("  → ", "dim")]
        if given is None:
            text.append(("?", "$warning"))
        else:
            text += [(f"{right_label(given)} ", "bold $accent"), literal(self.rights[given])]
        if self.locked and left in self.expected:
            if given == self.expected[left]:
                text.append(("  ✓", "bold $success"))
            else:
                text += [("  ✗ right: ", "bold $error"), literal(self.rights[self.expected[left]], "$success")]
        return Content.assemble(self.pointer(row), (f"{left + 1}. ", "bold $accent")), Content.assemble(*text)
