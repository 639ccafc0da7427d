"""`single` on screen: a choice list; the right choice is marked in its displayed place."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget

from rnnquiz.content.questions.single import SingleQuestion
from rnnquiz.quiz.grading import Grade
from rnnquiz.quiz.presented import QuizItem
from rnnquiz.tui.answers.spec import AnswerKind, no_part_lines, right_answer_line
from rnnquiz.tui.widgets.choice_list import ChoiceList


def widget(item: QuizItem, id: str) -> Widget:
    return ChoiceList([c.text for c in item.choices], id=id)


def reveal(widget: Any, item: QuizItem, grade: Grade) -> None:
    widget.reveal(grade, {item.displayed_index(item.question.answer)})


KIND = AnswerKind(
    model=SingleQuestion,
    how_to_answer="Pick one: a digit or letter, or the arrows; enter submits.",
    widget=widget,
    reveal=reveal,
    right_answer_lines=right_answer_line,
    part_lines=no_part_lines,
    label_choice_feedback=False,
)
