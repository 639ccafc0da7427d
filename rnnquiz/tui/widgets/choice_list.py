"""Choices to pick from: one (single, true/false) or several (multiple, where space toggles).

Digits and letters pick by position, arrows move (and, for a single answer, pick), a click picks
or toggles. Choice texts are the author's and shown literally. After grading, right choices are
marked ✓ and wrongly picked ones ✗, in words as well as colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content

from rnnquiz.tui.widgets.answer_rows import AnswerRow, RowAnswer, key_label
from rnnquiz.tui.widgets.literal import literal


class ChoiceList(RowAnswer):
    """Pick one choice; `response()` is its displayed index."""

    multi = False
    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "pick_cursor", "Pick", show=False, id="quiz.choice.pick")]

    def __init__(self, texts: Sequence[str], *, keys: Mapping[str, int] | None = None,
                 labels: Sequence[str] | None = None, id: str | None = None) -> None:
        super().__init__(id=id, classes="choice-list")
        self.texts = list(texts)
        self.keys = dict(keys or {})
        """Extra pick keys (`t`/`f` for true/false) on top of positions."""
        self.labels = list(labels) if labels else [key_label(i) for i in range(len(self.texts))]
        self.picked: set[int] = set()
        self.right: set[int] = set()

    def compose(self) -> ComposeResult:
        for index in range(len(self.texts)):
            yield AnswerRow(index)

    # --- picking -----------------------------------------------------------------------------

    def pick(self, index: int) -> None:
        if self.locked or not 0 <= index < len(self.texts):
            return
        self.picked = {index}
        self.cursor = index
        self.refresh_rows()

    def on_pick_key(self, char: str) -> None:
        self.pick(self.keys[char] if char in self.keys else self.index_of_key(char))

    def action_pick_cursor(self) -> None:
        self.pick(self.cursor)

    def action_move_cursor(self, step: int) -> None:
        super().action_move_cursor(step)
        if not self.multi and not self.locked:
            self.pick(self.cursor)  # like radio buttons: the highlighted choice is the answer

    def on_answer_row_clicked(self, event: AnswerRow.Clicked) -> None:
        self.focus()
        self.pick(event.row.index)

    # --- the answer interface --------------------------------------------------------------------

    def response(self) -> Any:
        return next(iter(self.picked)) if self.picked else None

    def restore(self, response: Any) -> None:
        if isinstance(response, int):
            self.picked = {response}
            self.cursor = response

    def reveal(self, grade: Any, right: set[int] | None = None) -> None:
        """Lock the list and mark the `right` choices (displayed indices)."""
        self.right = set(right or ())
        super().reveal(grade)

    def render_row(self, row: AnswerRow) -> tuple[Content, Content]:
        i = row.index
        picked = i in self.picked
        mark = ("[x] " if picked else "[ ] ") if self.multi else ("(•) " if picked else "( ) ")
        label = (f"{self.labels[i]} ", "bold $accent")
        prefix: list[Any] = [self.pointer(row), label, (mark, "bold" if picked else "")]
        style, note = ("bold" if picked else ""), ""
        if self.locked:
            if i in self.right:
                prefix.append(("✓ ", "bold $success"))
                style = "bold $success" if picked else "$success"
                note = "" if picked else "  (right, not picked)" if self.multi else "  (right answer)"
            else:
                prefix.append(("✗ " if picked else "  ", "bold $error"))
                style = "$error" if picked else ""
        row.set_class(picked, "-picked")
        return Content.assemble(*prefix), Content.assemble(literal(self.texts[i], style), (note, "italic $text-muted"))


class MultiToggle(ChoiceList):
    """Pick every right choice: space or a digit/letter toggles; `response()` is a sorted list."""

    multi = True
    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "pick_cursor", "Toggle", id="quiz.choice.toggle")]

    def pick(self, index: int) -> None:
        if self.locked or not 0 <= index < len(self.texts):
            return
        self.picked ^= {index}
        self.cursor = index
        self.refresh_rows()

    def response(self) -> Any:
        return sorted(self.picked) if self.picked else None

    def restore(self, response: Any) -> None:
        if isinstance(response, (list, set, tuple)):
            self.picked = {int(i) for i in response}
