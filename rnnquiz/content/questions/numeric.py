"""`numeric`: a number, right within a tolerance or a range."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.content.questions.spec import GiftOut, QuestionKind

Tag = Literal["numeric"]


class NumericQuestion(QuestionBase):
    """A number, right within a tolerance or a range."""

    type: Tag
    answer: float | None = None
    """The expected value (give this, or `range`)."""
    tolerance: Annotated[float, Field(ge=0)] = 0.0
    """Accepted absolute error around `answer`."""
    range: tuple[float, float] | None = None
    """Accepted interval `[low, high]` instead of `answer`."""
    unit: str | None = None
    """Unit shown next to the input."""

    @model_validator(mode="after")
    def _answer_or_range(self) -> NumericQuestion:
        if (self.answer is None) == (self.range is None):
            raise PydanticCustomError("numeric", "a numeric question needs exactly one of `answer:` or `range:`")
        if self.range is not None and self.range[0] > self.range[1]:
            raise PydanticCustomError("numeric", "`range:` must be [low, high] with low <= high")
        return self


def _number(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def to_gift(question: NumericQuestion, gift: GiftOut) -> str:
    """`#answer:tolerance` or `#low..high`; GIFT has no unit."""
    head = gift.prompt(question)
    if question.unit:
        gift.lost(question, f"unit {question.unit!r}")
    if question.range is not None:
        body = f"#{_number(question.range[0])}..{_number(question.range[1])}"
    else:
        tolerance = f":{_number(question.tolerance)}" if question.tolerance else ""
        body = f"#{_number(question.answer or 0.0)}{tolerance}"
    return head + gift.answers(question, body)


KIND = QuestionKind(
    model=NumericQuestion,
    gift=to_gift,
    starter="""\
  - id: @SID@-numeric
    type: numeric
    prompt: "0.5 ** 3 = ?"
    answer: 0.125
    tolerance: 0.001           # or `range: [low, high]` instead of answer
""",
)
