"""`single`: pick the one right choice."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from rnnquiz.content.questions.base import Choice, Choices, QuestionBase, check_choice_index
from rnnquiz.content.questions.spec import GiftOut, QuestionKind

Tag = Literal["single"]


class SingleQuestion(QuestionBase):
    """Pick the one right choice."""

    type: Tag
    choices: Choices
    """The choices (at least two): text, or `{text, feedback}`."""
    answer: int
    """Index of the right choice, counting from 0."""

    _check_answer = field_validator("answer")(check_choice_index)


def to_gift(question: SingleQuestion, gift: GiftOut) -> str:
    """`=right` and `~wrong` choices, each with its `#feedback`."""
    head = gift.prompt(question)
    marks = ["=" if i == question.answer else "~" for i in range(len(question.choices))]
    return head + gift.answers(question, choice_lines(question.choices, marks, gift))


def choice_lines(choices: list[Choice], marks: list[str], gift: GiftOut) -> str:
    """One `\\t<mark><text>#<feedback>` line per choice (shared with `multiple`)."""
    return "\n" + "".join(f"\t{mark}{gift.text(c.text)}" + (f"#{gift.text(c.feedback)}" if c.feedback else "") + "\n"
                          for mark, c in zip(marks, choices, strict=True))


KIND = QuestionKind(
    model=SingleQuestion,
    gift=to_gift,
    starter="""\
  - id: @SID@-single
    type: single
    prompt: Pick the one right choice.
    choices:
      - A wrong choice
      - {text: The right choice, feedback: Shown when this choice is picked.}
    answer: 1                  # indices count from 0
    explain: Why the answer is right; shown after answering.
""",
)
