"""`order` on screen: a list to rearrange; the right order is shown one item per line."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widget import Widget

from rnnquiz.content.questions.order import OrderQuestion
from rnnquiz.quiz.grading import Grade
from rnnquiz.quiz.presented import QuizItem
from rnnquiz.tui.answers.spec import AnswerKind, no_part_lines
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.order_list import OrderList


def widget(item: QuizItem, id: str) -> Widget:
    return OrderList(item.items, id=id)


def reveal(widget: Any, item: QuizItem, grade: Grade) -> None:
    widget.reveal(grade, [item.displayed_index(i) for i in range(len(item.question.items))])


def right_answer_lines(grade: Grade, question: Any) -> list[Content]:
    return [Content.styled("Right order:", "bold"),
            *(Content.assemble((f"  {n}. ", "$accent"), literal(item)) for n, item in enumerate(question.items, 1))]


KIND = AnswerKind(
    model=OrderQuestion,
    how_to_answer="Put them in order: shift+up/down moves an item (or space grabs, arrows carry); enter submits.",
    widget=widget,
    reveal=reveal,
    right_answer_lines=right_answer_lines,
    part_lines=no_part_lines,
    label_choice_feedback=False,
)
