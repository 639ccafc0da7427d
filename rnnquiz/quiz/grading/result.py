"""What grading hands back: a `Grade` with its `Part`s, and the zero grade for an unreadable answer."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

NO_ANSWER = "no answer"
NOT_A_NUMBER = "not a number"


@dataclass(frozen=True, slots=True)
class Part:
    """One graded part of an answer (a choice, a blank, an adjacent pair, a match), for the review."""

    index: int
    """Original index: of the choice, the blank, the first item of the pair, or the left item."""
    label: str
    """What the part is: the choice text, `blank 2`, `A → B`, or the left item."""
    correct: bool
    """This part was answered right (for a choice: picked if and only if it is right)."""
    given: str | None = None
    """What the learner gave for this part (blank text, matched right item), if anything."""
    expected: str | None = None
    """What was right for this part."""
    picked: bool | None = None
    """Choices only: the learner picked this choice."""
    right: bool | None = None
    """Choices only: this choice is a right answer."""
    feedback: str | None = None
    """Choices only: the author's feedback for this choice."""


@dataclass(frozen=True, slots=True)
class Grade:
    """The result of grading one response: score, what was right, and what to tell the learner."""

    question_id: str
    type: str
    score: float
    """In [0, 1]; 1 means fully right."""
    right_answer: str
    """The right answer in words, e.g. `They shrink toward zero` or `0.5 ± 0.01 ms`."""
    message: str = ""
    """One line about this answer: `not a number`, `accepted with a typo: expected X`, `2 of 3 blanks right`."""
    parts: tuple[Part, ...] = ()
    feedback: tuple[str, ...] = ()
    """The author's feedback of the picked choices, in the order the author wrote the choices."""
    explanation: str | None = None
    """The author's `explain` text (a `MarkdownStr` when the author opted into Markdown)."""
    invalid: bool = False
    """The response could not be read at all (wrong type, out-of-range index, not a number)."""

    @property
    def correct(self) -> bool:
        return self.score == 1.0


def bounded_score(value: Fraction) -> float:
    """Partial credit clamped to [0, 1]; exact fractions until here, so `3 of 3` is exactly 1.0."""
    return float(min(Fraction(1), max(Fraction(0), value)))


def failed(question: Any, right_answer: str, message: str, *, invalid: bool = True) -> Grade:
    """A zero grade with a one-line reason: no answer (`invalid=False`) or one that cannot be read."""
    return Grade(
        question_id=question.id,
        type=question.type,
        score=0.0,
        right_answer=right_answer,
        message=message,
        explanation=question.explain,
        invalid=invalid,
    )
