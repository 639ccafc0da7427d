"""`order`: put the items in the right order; they are shown shuffled."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from rnnquiz.content.fields import NonEmptyText
from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.content.questions.spec import GiftOut, QuestionKind

Tag = Literal["order"]


class OrderQuestion(QuestionBase):
    """Put the items in the right order; they are shown shuffled."""

    type: Tag
    items: Annotated[list[NonEmptyText], Field(min_length=2)]
    """The items, in the right order."""

    @field_validator("items")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise PydanticCustomError("order", "two items are the same, so the order would be ambiguous")
        return value


def to_gift(question: OrderQuestion, gift: GiftOut) -> None:
    """GIFT has no ordering questions."""
    gift.skip(question, "GIFT has no order questions")


KIND = QuestionKind(
    model=OrderQuestion,
    gift=to_gift,
    starter="""\
  - id: @SID@-order
    type: order
    prompt: Put these in order.
    items: [First, Second, Third]
""",
)
