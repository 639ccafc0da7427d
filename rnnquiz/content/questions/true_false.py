"""`true_false`: a statement that is true or false."""

from __future__ import annotations

from typing import Literal

from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.content.questions.spec import GiftOut, QuestionKind

Tag = Literal["true_false"]


class TrueFalseQuestion(QuestionBase):
    """A statement that is true or false."""

    type: Tag
    answer: bool
    """`true` or `false`."""


def to_gift(question: TrueFalseQuestion, gift: GiftOut) -> str:
    head = gift.prompt(question)
    return head + gift.answers(question, "TRUE" if question.answer else "FALSE")


KIND = QuestionKind(
    model=TrueFalseQuestion,
    gift=to_gift,
    starter="""\
  - id: @SID@-true-false
    type: true_false
    prompt: This statement is true.
    answer: true
""",
)
