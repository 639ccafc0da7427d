"""`multiple`: pick every right choice; partial credit, wrong picks cost."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from rnnquiz.content.questions.base import Choices, QuestionBase, check_choice_index
from rnnquiz.content.questions.single import choice_lines
from rnnquiz.content.questions.spec import GiftOut, QuestionKind

Tag = Literal["multiple"]


class MultipleQuestion(QuestionBase):
    """Pick every right choice; partial credit, wrong picks cost."""

    type: Tag
    choices: Choices
    """The choices (at least two): text, or `{text, feedback}`."""
    answer: Annotated[list[int], Field(min_length=1)]
    """Indices of all right choices, counting from 0."""

    @field_validator("answer")
    @classmethod
    def _check_answer(cls, value: list[int], info: ValidationInfo) -> list[int]:
        for index in value:
            check_choice_index(index, info)
        if len(set(value)) != len(value):
            raise PydanticCustomError("answer_duplicate", "an answer index is listed twice")
        return value


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def to_gift(question: MultipleQuestion, gift: GiftOut) -> str:
    """Weighted choices: the right ones share +100%, the wrong ones -100%, as the grader scores them."""
    head = gift.prompt(question)
    right = set(question.answer)
    wrong = len(question.choices) - len(right)
    plus, minus = _weight(100 / len(right)), _weight(100 / wrong) if wrong else "0"
    marks = [f"~%{plus}%" if i in right else f"~%-{minus}%" for i in range(len(question.choices))]
    return head + gift.answers(question, choice_lines(question.choices, marks, gift))


KIND = QuestionKind(
    model=MultipleQuestion,
    gift=to_gift,
    starter="""\
  - id: @SID@-multiple
    type: multiple
    prompt: Pick every right choice.
    choices: [Right, Wrong, Also right]
    answer: [0, 2]
""",
)
