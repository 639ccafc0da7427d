"""`short`: a typed answer, compared after normalising case, spaces, punctuation and Unicode."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.content.questions.spec import GiftOut, QuestionKind

Tag = Literal["short"]


class ShortQuestion(QuestionBase):
    """A typed answer, compared after normalising case, spaces, punctuation and Unicode."""

    type: Tag
    answer: Annotated[str, Field(min_length=1)]
    """The expected answer."""
    accept: list[str] = Field(default_factory=list)
    """Other answers that also count as right."""
    pattern: str | None = None
    """Optional regular expression; a full match of the normalised answer counts as right."""
    min_similarity: Annotated[float, Field(ge=0, le=1)] | None = None
    """Typo tolerance: a similarity (0..1, e.g. 0.85) above which a near miss still counts."""
    case_sensitive: bool = False
    """Compare case exactly."""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            import regex  # the engine grading uses (quiz.grading.text), so both read a pattern alike

            try:
                regex.compile(value, regex.VERSION0)
            except (regex.error, RecursionError, OverflowError) as error:
                raise PydanticCustomError(
                    "pattern", "not a valid regular expression: {error}", {"error": str(error)}
                ) from None
        return value


def to_gift(question: ShortQuestion, gift: GiftOut) -> str | None:
    """`=answer` per accepted answer; a pattern survives only when it came from Moodle `*` wildcards."""
    head = gift.prompt(question)
    answers = [question.answer, *question.accept]
    if any("->" in a for a in answers):
        gift.skip(question, "an answer contains `->`, which GIFT reads as a matching pair")
        return None
    if question.pattern is not None and question.pattern == gift.wildcard_pattern(answers):
        written = answers  # the pattern came from Moodle `*` wildcards and comes back from them
    else:
        written = [a.replace("*", "\\*") for a in answers]
        if question.pattern is not None:
            gift.lost(question, f"pattern {question.pattern!r}")
    if question.min_similarity is not None:
        gift.lost(question, "typo tolerance (min_similarity)")
    if question.case_sensitive:
        gift.lost(question, "case-sensitive comparison")
    body = "".join(f"={gift.plain_prefix(a)}{gift.escape(a)} " for a in written).rstrip()
    return head + gift.answers(question, body)


KIND = QuestionKind(
    model=ShortQuestion,
    gift=to_gift,
    starter="""\
  - id: @SID@-short
    type: short
    prompt: Type a short answer.
    answer: recurrent
    accept: [recurrence]       # other answers that also count
""",
)
