"""`true_false` on screen: two choices, picked with t or f."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget

from rnnquiz.content.questions.true_false import TrueFalseQuestion
from rnnquiz.quiz.grading import Grade
from rnnquiz.quiz.presented import QuizItem
from rnnquiz.tui.answers.spec import AnswerKind, no_part_lines, right_answer_line
from rnnquiz.tui.widgets.choice_list import ChoiceList

TRUE_FALSE_KEYS = {"t": 0, "f": 1, "y": 0, "n": 1}


class TrueFalse(ChoiceList):
    """True or false as two choices; `response()` is a bool."""

    def response(self) -> Any:
        picked = super().response()
        return None if picked is None else picked == 0

    def restore(self, response: Any) -> None:
        if isinstance(response, bool):
            super().restore(0 if response else 1)


def widget(item: QuizItem, id: str) -> Widget:
    return TrueFalse(["True", "False"], keys=TRUE_FALSE_KEYS, labels=["t", "f"], id=id)


def reveal(widget: Any, item: QuizItem, grade: Grade) -> None:
    widget.reveal(grade, {0 if item.question.answer else 1})


KIND = AnswerKind(
    model=TrueFalseQuestion,
    how_to_answer="True or false: t or f (or the arrows); enter submits.",
    widget=widget,
    reveal=reveal,
    right_answer_lines=right_answer_line,
    part_lines=no_part_lines,
    label_choice_feedback=False,
)
