"""One question kind on screen: how to answer it, its input widget, its reveal, its feedback lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.widget import Widget

from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.quiz.grading import Grade
from rnnquiz.quiz.presented import QuizItem
from rnnquiz.tui.widgets.literal import literal


@dataclass(frozen=True, slots=True)
class AnswerKind:
    """A question kind's TUI half; every field is given, so no kind borrows another's by default."""

    model: type[QuestionBase]
    """The content model this kind shows (`rnnquiz.content.questions.<tag>`)."""
    how_to_answer: str
    """The line under the prompt: the keys for this kind."""
    widget: Callable[[QuizItem, str], Widget]
    """(item, widget id) -> the input, showing the item's (shuffled) view; its `response()` is what is graded."""
    reveal: Callable[[Any, QuizItem, Grade], None]
    """Lock the widget and show what was right, in the displayed positions."""
    right_answer_lines: Callable[[Grade, Any], list[Content]]
    """(grade, question) -> the right answer: one line, or one per item where that reads better."""
    part_lines: Callable[[Grade], list[Content]]
    """Lines on the parts answered wrong that the widget itself does not mark (e.g. cloze blanks)."""
    label_choice_feedback: bool
    """Name the choice before each of the author's feedback notes (several picks, several notes)."""


def right_answer_line(grade: Grade, question: Any = None) -> list[Content]:
    """`Right answer: ...` on one line: most kinds' `right_answer_lines`."""
    return [Content.assemble(("Right answer: ", "bold"), literal(grade.right_answer))]


def no_part_lines(grade: Grade) -> list[Content]:
    """For kinds whose widget marks every part itself (or that have no parts)."""
    return []


def reveal_grade(widget: Any, item: QuizItem, grade: Grade) -> None:
    """For kinds whose widget needs nothing but the grade to show what was right."""
    widget.reveal(grade)
