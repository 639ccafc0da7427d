"""One quiz question on screen: where it stands in the quiz, the prompt, how to answer, the answer
widget for its type, and (once graded) the feedback.

What differs by question kind (the keys, the widget, the reveal) comes from `rnnquiz.tui.answers`.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from rnnquiz.quiz.session import QuizItem
from rnnquiz.tui.answers import ANSWER_KINDS
from rnnquiz.tui.widgets.literal import prose
from rnnquiz.tui.widgets.quiz_feedback import QuizFeedback


def answer_widget(item: QuizItem) -> Widget:
    """The input for the question's kind, showing the item's (shuffled) view."""
    return ANSWER_KINDS[item.type].widget(item, "answer")


def reveal(widget: Any, item: QuizItem, grade: Any) -> None:
    """Lock the answer and show what was right, in the displayed positions."""
    ANSWER_KINDS[item.type].reveal(widget, item, grade)


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
        yield Static(Content.styled(ANSWER_KINDS[self.item.type].how_to_answer, "italic $text-muted"),
                     classes="question-how", markup=False)
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
