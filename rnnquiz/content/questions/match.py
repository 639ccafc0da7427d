"""`match`: match each left item to its right item."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from rnnquiz.content.fields import MarkdownStr, NonEmptyText, Strict
from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.content.questions.spec import GiftOut, QuestionKind

Tag = Literal["match"]


class MatchPair(Strict):
    """A left item and the right item it belongs with."""

    left: NonEmptyText
    right: NonEmptyText


class MatchQuestion(QuestionBase):
    """Match each left item to its right item."""

    type: Tag
    pairs: Annotated[list[MatchPair], Field(min_length=2)]
    """The correct pairs."""

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, value: list[MatchPair]) -> list[MatchPair]:
        for side in ("left", "right"):
            texts = [getattr(p, side) for p in value]
            if len(set(texts)) != len(texts):
                raise PydanticCustomError("match", "two {side} items are the same", {"side": side})
        return value


def to_gift(question: MatchQuestion, gift: GiftOut) -> str | None:
    """`=left -> right` per pair; a right-hand item is plain text in GIFT."""
    head = gift.prompt(question)
    if any("->" in p.left for p in question.pairs):
        gift.skip(question, "a left-hand item contains `->`, which GIFT reads as the pair separator")
        return None
    for pair in question.pairs:
        if isinstance(pair.right, MarkdownStr):
            gift.lost(question, f"Markdown of right-hand item {str(pair.right)!r}")
    body = "\n" + "".join(f"\t={gift.text(p.left)} -> {gift.escape(p.right)}\n" for p in question.pairs)
    return head + gift.answers(question, body)


KIND = QuestionKind(
    model=MatchQuestion,
    gift=to_gift,
    starter="""\
  - id: @SID@-match
    type: match
    prompt: Match each term to its meaning.
    pairs:
      - {left: RNN, right: Recurrent neural network}
      - {left: LSTM, right: Long short-term memory}
""",
)
