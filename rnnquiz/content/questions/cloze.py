"""`cloze`: fill every blank of a text; each blank is graded."""

from __future__ import annotations

from typing import Literal

from rnnquiz.content.fields import BLANK, Blank, ClozeText, NonEmptyText, parse_blanks
from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.content.questions.spec import GiftOut, QuestionKind

Tag = Literal["cloze"]


class ClozeQuestion(QuestionBase):
    """Fill every blank of a text; each blank is graded. `{{a|b}}` accepts `a` or `b`."""

    type: Tag
    prompt: NonEmptyText = "Fill in the blanks."
    """Instruction shown above the text."""
    text: ClozeText
    """Text with `{{blanks}}`."""
    case_sensitive: bool = False
    """Compare case exactly."""

    @property
    def blanks(self) -> list[Blank]:
        return parse_blanks(self.text)


_DEFAULT_PROMPT = ClozeQuestion.model_fields["prompt"].default


def to_gift(question: ClozeQuestion, gift: GiftOut) -> str | None:
    """A GIFT missing-word question: the text with `{=answer}` in place of its one blank."""
    blanks = parse_blanks(question.text)
    if len(blanks) != 1:
        gift.skip(question, f"a GIFT missing-word question has one blank, this cloze has {len(blanks)}")
        return None
    match = next(BLANK.finditer(question.text))
    before, after = question.text[: match.start()], question.text[match.end():]
    if blanks[0].hint:
        gift.lost(question, f"hint {blanks[0].hint!r}")
    if question.prompt != _DEFAULT_PROMPT:
        gift.lost(question, f"instruction {str(question.prompt)!r}")
    if question.case_sensitive:
        gift.lost(question, "case-sensitive comparison")
    if not after.strip():
        gift.lost(question, "the blank at the very end (GIFT reads it as a short-answer question)")
    head = gift.title(question)
    answers = " ".join(f"={gift.escape(a)}" for a in blanks[0].answers)
    return (head + gift.plain_prefix(before) + gift.escape(before.lstrip()) + "{" + answers + gift.explain(question)
            + "}" + gift.escape(after.rstrip()))


KIND = QuestionKind(
    model=ClozeQuestion,
    gift=to_gift,
    starter="""\
  - id: @SID@-cloze-quiz
    type: cloze
    text: "An RNN reuses the {{same|shared}} weights at every {{time step}}."
""",
)
