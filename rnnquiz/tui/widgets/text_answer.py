"""Typed answers: one field for `short` and `numeric` (with its unit beside it), one field per blank
for `cloze`. Enter in a cloze field moves to the next blank; in the last one it submits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from rnnquiz.content.fields import Blank
from rnnquiz.quiz.kinds.cloze import cloze_display
from rnnquiz.tui.widgets.answer_rows import SubmitRequested
from rnnquiz.tui.widgets.literal import literal

MAX_LENGTH = 500
"""A typed answer longer than this is not an answer; the cap keeps a paste from flooding the store."""


class AnswerField(Input):
    """A typed answer: enter submits, and the footer says so while the field has the keys."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "submit", "Submit", id="quiz.answer.submit")]


class BlankField(AnswerField):
    """A cloze blank before the last: enter goes on to the next blank."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "submit", "Next blank", id="quiz.answer.next-blank")]


def _field(placeholder: str, id: str | None = None, *, last: bool = True) -> Input:
    return (AnswerField if last else BlankField)(placeholder=placeholder, max_length=MAX_LENGTH, compact=True, id=id,
                                                 classes="answer-field")


def _mark(field: Input, right: bool | None) -> None:
    field.disabled = True
    field.set_class(right is True, "-right")
    field.set_class(right is False, "-wrong")


class TextAnswer(Horizontal):
    """One typed answer; `response()` is the text, or None while it is blank."""

    def __init__(self, *, numeric: bool = False, unit: str | None = None, id: str | None = None) -> None:
        super().__init__(id=id, classes="text-answer")
        self.numeric = numeric
        self.unit = unit

    def compose(self) -> ComposeResult:
        yield _field("Type a number" if self.numeric else "Type your answer")
        if self.unit:
            yield Static(literal(self.unit), classes="answer-unit", markup=False)

    @property
    def field(self) -> Input:
        return self.query_one(Input)

    def focus(self, scroll_visible: bool = True) -> TextAnswer:
        self.field.focus(scroll_visible)
        return self

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(SubmitRequested())

    def response(self) -> Any:
        return self.field.value if self.field.value.strip() else None

    def restore(self, response: Any) -> None:
        if isinstance(response, str):
            self.field.value = response

    def reveal(self, grade: Any) -> None:
        _mark(self.field, grade.correct)


class ClozeAnswer(Vertical):
    """The text with numbered gaps, then one field per gap; `response()` is one text per blank."""

    def __init__(self, text: str, blanks: Sequence[Blank], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="cloze-answer")
        self.text = text
        self.blanks = list(blanks)

    def compose(self) -> ComposeResult:
        yield Static(literal(cloze_display(self.text)), classes="cloze-text", markup=False)
        for number, blank in enumerate(self.blanks, 1):
            with Horizontal(classes="cloze-row"):
                label = Content.assemble((f"[{number}] ", "bold $accent"),
                                         literal(f"({blank.hint}) ", "italic") if blank.hint else "")
                yield Static(label, classes="cloze-label", markup=False)
                yield _field(f"blank {number}", last=number == len(self.blanks))

    @property
    def fields(self) -> list[Input]:
        return list(self.query(Input))

    def focus(self, scroll_visible: bool = True) -> ClozeAnswer:
        fields = self.fields
        empty = next((f for f in fields if not f.value.strip()), fields[0] if fields else None)
        if empty is not None:
            empty.focus(scroll_visible)
        return self

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fields = self.fields
        index = fields.index(event.input) if event.input in fields else len(fields) - 1
        if index < len(fields) - 1:
            fields[index + 1].focus()
        else:
            self.post_message(SubmitRequested())

    def response(self) -> Any:
        texts = [f.value for f in self.fields]
        return texts if any(t.strip() for t in texts) else None

    def restore(self, response: Any) -> None:
        if isinstance(response, list):  # a saved response may predate an edit, so it may be shorter
            for field, text in zip(self.fields, response, strict=False):
                field.value = text

    def reveal(self, grade: Any) -> None:
        parts = {part.index: part.correct for part in grade.parts}
        for index, field in enumerate(self.fields):
            _mark(field, parts.get(index, False))
