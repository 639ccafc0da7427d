"""`short` on screen: one text field."""

from __future__ import annotations

from textual.widget import Widget

from rnnquiz.content.questions.short import ShortQuestion
from rnnquiz.quiz.presented import QuizItem
from rnnquiz.tui.answers.spec import AnswerKind, no_part_lines, reveal_grade, right_answer_line
from rnnquiz.tui.widgets.text_answer import TextAnswer


def widget(item: QuizItem, id: str) -> Widget:
    return TextAnswer(numeric=False, unit=None, id=id)


KIND = AnswerKind(
    model=ShortQuestion,
    how_to_answer="Type your answer; enter submits.",
    widget=widget,
    reveal=reveal_grade,
    right_answer_lines=right_answer_line,
    part_lines=no_part_lines,
    label_choice_feedback=False,
)
