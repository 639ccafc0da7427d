"""One quiz question on screen: where it stands in the quiz, the prompt, how to answer, the answer
widget for its type, and (once graded) the feedback.

`answer_widget` is the one place that knows which widget answers which question type.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from rnnquiz.quiz.session import QuizItem
from rnnquiz.tui.widgets.choice_list import ChoiceList, MultiToggle
from rnnquiz.tui.widgets.literal import prose
from rnnquiz.tui.widgets.match_picker import MatchPicker
from rnnquiz.tui.widgets.order_list import OrderList
from rnnquiz.tui.widgets.quiz_feedback import QuizFeedback
from rnnquiz.tui.widgets.text_answer import ClozeAnswer, TextAnswer

HOW_TO_ANSWER = {
    "single": "Pick one: a digit or letter, or the arrows; enter submits.",
    "multiple": "Pick every right one: a digit or letter (or space) toggles; enter submits.",
    "true_false": "True or false: t or f (or the arrows); enter submits.",
    "short": "Type your answer; enter submits.",
    "numeric": "Type a number; enter submits.",
    "cloze": "Fill each blank; enter goes to the next, and submits from the last.",
    "order": "Put them in order: shift+up/down moves an item (or space grabs, arrows carry); enter submits.",
    "match": "Match each item: up/down chooses it, a letter gives it a partner; enter submits.",
}
"""The line under each prompt: the keys for that type of question."""

TRUE_FALSE_KEYS = {"t": 0, "f": 1, "y": 0, "n": 1}


def answer_widget(item: QuizItem) -> Widget:
    """The input for the question's type, showing the item's (shuffled) view."""
    q = item.question
    kind = item.type
    if kind == "single":
        return ChoiceList([c.text for c in item.choices], id="answer")
    if kind == "multiple":
        return MultiToggle([c.text for c in item.choices], id="answer")
    if kind == "true_false":
        return TrueFalse(["True", "False"], keys=TRUE_FALSE_KEYS, labels=["t", "f"], id="answer")
    if kind in ("short", "numeric"):
        return TextAnswer(numeric=kind == "numeric", unit=getattr(q, "unit", None), id="answer")
    if kind == "cloze":
        return ClozeAnswer(q.text, q.blanks, id="answer")
    if kind == "order":
        return OrderList(item.items, id="answer")
    if kind == "match":
        return MatchPicker(item.lefts, item.rights, id="answer")
    raise TypeError(f"no answer widget for question type {kind!r}")


class TrueFalse(ChoiceList):
    """True or false as two choices; `response()` is a bool."""

    def response(self) -> Any:
        picked = super().response()
        return None if picked is None else picked == 0

    def restore(self, response: Any) -> None:
        if isinstance(response, bool):
            super().restore(0 if response else 1)


def reveal(widget: Any, item: QuizItem, grade: Any) -> None:
    """Lock the answer and show what was right, in the displayed positions."""
    q = item.question
    if item.type == "single":
        widget.reveal(grade, {item.displayed_index(q.answer)})
    elif item.type == "multiple":
        widget.reveal(grade, {item.displayed_index(i) for i in q.answer})
    elif item.type == "true_false":
        widget.reveal(grade, {0 if q.answer else 1})
    elif item.type == "order":
        widget.reveal(grade, [item.displayed_index(i) for i in range(len(q.items))])
    elif item.type == "match":
        widget.reveal(grade, {i: item.displayed_index(i) for i in range(len(q.pairs))})
    else:
        widget.reveal(grade)


def meta_line(item: QuizItem, number: int, total: int) -> Content:
    """`Question 3 of 10`, and why this one is here when it is not the author's plain question."""
    notes = []
    if item.due:
        notes.append(("  ↻ missed before, back for review", "$warning"))
    if item.generated:
        notes.append(("  from the glossary", "$text-muted"))
    return Content.assemble((f"Question {number} of {total}", "bold"), *notes)


class QuestionView(Vertical):
    """The question and its answer widget; `show_feedback` adds the feedback once graded."""

    def __init__(self, item: QuizItem, number: int, total: int) -> None:
        super().__init__(classes="question-view")
        self.item = item
        self.number = number
        self.total = total

    def compose(self) -> ComposeResult:
        yield Static(meta_line(self.item, self.number, self.total), classes="question-meta", markup=False)
        yield prose(self.item.question.prompt, classes="question-prompt")
        yield Static(Content.styled(HOW_TO_ANSWER[self.item.type], "italic $text-muted"), classes="question-how",
                     markup=False)
        yield answer_widget(self.item)

    @property
    def answer(self) -> Any:
        return self.query_one("#answer")

    def show_feedback(self, grade: Any) -> QuizFeedback:
        reveal(self.answer, self.item, grade)
        self.query_one(".question-how").display = False
        feedback = QuizFeedback(grade, self.item.question, id="feedback")
        self.mount(feedback)
        return feedback
