"""One review unit on screen: what kind of card, the prompt, and after the flip the answer.

Card text is content: literal `Content` (a cloze gap `[...]` or `[hint]` stays visible text), or
Markdown where the author opted in. A cloze answer has the asked blank highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Rule, Static

from rnnquiz.study.cards import ReviewUnit
from rnnquiz.study.typein import TypedAnswer
from rnnquiz.tui.widgets.literal import labelled, literal, prose
from rnnquiz.tui.widgets.typed_diff import TypedDiff

BLANK_STYLE = "bold underline $accent"


@dataclass(frozen=True, slots=True)
class CardFace:
    """Everything the view shows of one unit at one moment."""

    unit: ReviewUnit
    meta: Content
    """Our own words about the card (kind, section, flag), already styled."""
    flipped: bool = False
    typed: TypedAnswer | None = None
    hint: bool = False


def cloze_answer(unit: ReviewUnit) -> Content:
    """The filled-in cloze text with the asked blank highlighted."""
    if unit.answer_span is None:
        return literal(unit.answer)
    start, end = unit.answer_span
    text = unit.answer
    return Content.assemble(literal(text[:start]), literal(text[start:end], BLANK_STYLE), literal(text[end:]))


class CardView(VerticalScroll, can_focus=False):
    """The card being reviewed; `show(face)` redraws it."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.face: CardFace | None = None

    def show(self, face: CardFace | None) -> None:
        self.face = face
        self.refresh(recompose=True)
        self.scroll_home(animate=False)

    async def recompose(self) -> None:
        await super().recompose()
        if self.face is not None and self.face.flipped:
            self.call_after_refresh(self._bring_answer_into_view)  # once the new children are laid out

    def _bring_answer_into_view(self) -> None:
        """On a short terminal the answer starts below the card's bottom edge, where nothing hints
        that it is there: scroll just enough to show it (a card that fits does not move)."""
        answers = self.query(".card-answer, .card-typed")
        if answers:
            self.scroll_to_widget(answers.last(), animate=False, immediate=True)

    def compose(self) -> ComposeResult:
        face = self.face
        if face is None:
            return
        unit = face.unit
        yield Static(face.meta, classes="card-meta", markup=False)
        if unit.variant == "cloze":
            yield Static(literal(unit.prompt), classes="card-prompt", markup=False)
        else:
            yield prose(unit.prompt, markdown=unit.markdown, classes="card-prompt")
        if face.hint and unit.hint:
            yield Static(labelled("Hint: ", unit.hint), classes="card-hint", markup=False)
        if not face.flipped:
            return
        yield Rule(classes="card-rule")
        if face.typed is not None:
            yield TypedDiff(face.typed, classes="card-typed")
        if unit.variant == "cloze":
            yield Static(cloze_answer(unit), classes="card-answer", markup=False)
        elif face.typed is None or face.typed.expected != unit.answer:  # else the diff already shows it
            yield prose(unit.answer, markdown=unit.markdown, classes="card-answer")
