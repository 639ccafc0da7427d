"""`numeric` on screen: one number field, with the unit beside it."""

from __future__ import annotations

from textual.widget import Widget

from rnnquiz.content.questions.numeric import NumericQuestion
from rnnquiz.quiz.presented import QuizItem
from rnnquiz.tui.answers.spec import AnswerKind, no_part_lines, reveal_grade, right_answer_line
from rnnquiz.tui.widgets.text_answer import TextAnswer


def widget(item: QuizItem, id: str) -> Widget:
    return TextAnswer(numeric=True, unit=item.question.unit, id=id)


KIND = AnswerKind(
    model=NumericQuestion,
    how_to_answer="Type a number; enter submits.",
    widget=widget,
    reveal=reveal_grade,
    right_answer_lines=right_answer_line,
    part_lines=no_part_lines,
    label_choice_feedback=False,
)
