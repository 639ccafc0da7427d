"""`multiple` on screen: toggles; every right choice is marked, and feedback notes name their choice."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget

from rnnquiz.content.questions.multiple import MultipleQuestion
from rnnquiz.quiz.grading import Grade
from rnnquiz.quiz.presented import QuizItem
from rnnquiz.tui.answers.spec import AnswerKind, no_part_lines, right_answer_line
from rnnquiz.tui.widgets.choice_list import MultiToggle


def widget(item: QuizItem, id: str) -> Widget:
    return MultiToggle([c.text for c in item.choices], id=id)


def reveal(widget: Any, item: QuizItem, grade: Grade) -> None:
    widget.reveal(grade, {item.displayed_index(i) for i in item.question.answer})


KIND = AnswerKind(
    model=MultipleQuestion,
    how_to_answer="Pick every right one: a digit or letter (or space) toggles; enter submits.",
    widget=widget,
    reveal=reveal,
    right_answer_lines=right_answer_line,
    part_lines=no_part_lines,
    label_choice_feedback=True,
)
