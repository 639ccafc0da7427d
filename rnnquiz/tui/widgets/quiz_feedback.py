"""What the learner sees after answering: right or wrong, the right answer, what went wrong part by
part, the author's feedback on the picked choices, and the explanation.

Our words are styled; the author's (right answers, feedback, explanations) are literal, or Markdown
where the author opted in. The same pieces serve the end screen's review.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from rnnquiz.tui.answers import ANSWER_KINDS
from rnnquiz.tui.answers.spec import right_answer_line
from rnnquiz.tui.widgets.literal import literal, prose


def verdict(grade: Any) -> Content:
    """`✓ Right`, `✗ Wrong` or `◐ Partly right (50%)`, in words and colour."""
    if grade.correct:
        return Content.styled("✓ Right", "bold $success")
    if grade.score > 0:
        return Content.styled(f"◐ Partly right ({grade.score:.0%})", "bold $warning")
    return Content.styled("✗ Wrong", "bold $error")


def part_lines(grade: Any) -> list[Content]:
    """Lines on the parts answered wrong that the answer widget does not mark itself (cloze blanks)."""
    return ANSWER_KINDS[grade.type].part_lines(grade)


def choice_feedback(grade: Any) -> list[tuple[Content | None, str]]:
    """The author's feedback on each picked choice: (a label naming the choice, the feedback).

    A `multiple` answer can draw several notes, so each one says which choice it is about; a
    single pick needs no label. Falls back to `grade.feedback` when the parts do not carry it.
    """
    picked = [part for part in grade.parts if part.picked and part.feedback]
    if not picked:
        return [(None, text) for text in grade.feedback]
    if not ANSWER_KINDS[grade.type].label_choice_feedback:
        return [(None, part.feedback) for part in picked]
    return [(Content.assemble(("On ", "dim"), literal(f"“{part.label}”"), (":", "dim")), part.feedback)
            for part in picked]


def right_answer_lines(grade: Any, question: Any = None) -> list[Content]:
    """The right answer: one line, or (given the question) what its kind shows, e.g. one line per item."""
    if question is None:
        return right_answer_line(grade)
    return ANSWER_KINDS[grade.type].right_answer_lines(grade, question)


class QuizFeedback(Vertical):
    """Feedback on one graded answer."""

    def __init__(self, grade: Any, question: Any = None, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="quiz-feedback" + (" -right" if grade.correct else " -wrong"))
        self.grade = grade
        self.question = question

    def compose(self) -> ComposeResult:
        grade = self.grade
        yield Static(verdict(grade), classes="feedback-verdict", markup=False)
        if grade.message:
            yield Static(literal(grade.message, "italic"), classes="feedback-message", markup=False)
        if not grade.correct:
            for line in right_answer_lines(grade, self.question):
                yield Static(line, classes="feedback-answer", markup=False)
        for line in part_lines(grade):
            yield Static(line, classes="feedback-part", markup=False)
        for label, text in choice_feedback(grade):
            if label is not None:
                yield Static(label, classes="feedback-choice-label", markup=False)
            yield prose(text, classes="feedback-choice")
        if grade.explanation:
            yield Static(Content.styled("Why", "bold $accent"), classes="feedback-why", markup=False)
            yield prose(grade.explanation, classes="feedback-explanation")
