"""`match` on screen: a partner picker per left item; the right matches are shown one per line."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widget import Widget

from rnnquiz.content.questions.match import MatchQuestion
from rnnquiz.quiz.grading import Grade
from rnnquiz.quiz.presented import QuizItem
from rnnquiz.tui.answers.spec import AnswerKind, no_part_lines
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.match_picker import MatchPicker


def widget(item: QuizItem, id: str) -> Widget:
    return MatchPicker(item.lefts, item.rights, id=id)


def reveal(widget: Any, item: QuizItem, grade: Grade) -> None:
    widget.reveal(grade, {i: item.displayed_index(i) for i in range(len(item.question.pairs))})


def right_answer_lines(grade: Grade, question: Any) -> list[Content]:
    return [Content.styled("Right matches:", "bold"),
            *(Content.assemble("  ", literal(p.left, "bold"), (" → ", "dim"), literal(p.right))
              for p in question.pairs)]


KIND = AnswerKind(
    model=MatchQuestion,
    how_to_answer="Match each item: up/down chooses it, a letter gives it a partner; enter submits.",
    widget=widget,
    reveal=reveal,
    right_answer_lines=right_answer_lines,
    part_lines=no_part_lines,
    label_choice_feedback=False,
)
