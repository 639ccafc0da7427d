"""A question as shown in a quiz: its choices, items or right sides shuffled by a seed.

A `QuizItem` maps what the learner picked on screen back to the author's indices, so grading never
sees the shuffle.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rnnquiz.content.questions.base import Choice
from rnnquiz.quiz.grading import Grade, grade
from rnnquiz.quiz.kinds import kind_of


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One question as presented: the question, where it comes from, and its shuffled view.

    Responses given to `to_original`/`grade` are shaped as each kind's module of `rnnquiz.quiz.kinds`
    says, with *displayed* indices (positions on screen) wherever that kind is shown shuffled.
    """

    question: Any
    """The question model (of any kind in `rnnquiz.content.questions`)."""
    section_id: str | None = None
    course_id: str | None = None
    order: tuple[int, ...] = ()
    """Displayed position -> original index; empty when nothing is shuffled."""
    generated: bool = False
    """Made from the glossary, not written by the author."""
    due: bool = False
    """Brought back by spaced repetition after an earlier miss."""

    @property
    def id(self) -> str:
        question_id: str = self.question.id
        return question_id

    @property
    def type(self) -> str:
        kind: str = self.question.type
        return kind

    def displayed(self, texts: Sequence[Any]) -> list[Any]:
        """`texts` (one per shuffled thing, in the author's order) in displayed order."""
        return [texts[i] for i in self.order] if self.order else list(texts)

    @property
    def choices(self) -> list[Choice]:
        """single/multiple: the choices in displayed order."""
        return self.displayed(self.question.choices)

    @property
    def items(self) -> list[str]:
        """order: the items in the (shuffled) order they are first shown."""
        return self.displayed(self.question.items)

    @property
    def lefts(self) -> list[str]:
        """match: the left items, in the author's order."""
        return [pair.left for pair in self.question.pairs]

    @property
    def rights(self) -> list[str]:
        """match: the right items in displayed order."""
        return self.displayed([pair.right for pair in self.question.pairs])

    def displayed_index(self, original: int) -> int:
        """Where the author's choice/item/right number `original` is shown."""
        return self.order.index(original) if self.order else original

    def to_original(self, response: Any) -> Any:
        """The response in the author's indices, ready for `grading.grade`."""
        if not self.order or response is None:
            return response
        shuffle = kind_of(self.question).shuffle
        return response if shuffle is None else shuffle.to_original(response, self.order)

    def grade(self, response: Any) -> Grade:
        """Grade a response given in displayed indices."""
        return grade(self.question, self.to_original(response))

    def problem(self, response: Any) -> str | None:
        """Why the response cannot be read (e.g. `not a number`), without revealing if it is right.

        Exam mode uses this to let the learner fix a typo before the grade is held back.
        """
        result = self.grade(response)
        return result.message if result.invalid else None


def present(
    question: Any,
    seed: int | str,
    *,
    section_id: str | None = None,
    course_id: str | None = None,
    generated: bool = False,
    due: bool = False,
) -> QuizItem:
    """The question's shuffled view; the shuffle depends only on (seed, question id).

    An order question is never shown already in the right order.
    """
    shuffle = kind_of(question).shuffle
    n = shuffle.count(question) if shuffle is not None else 0
    order: tuple[int, ...] = ()
    if shuffle is not None and n:
        rng = random.Random(f"{seed}:{question.id}")
        shuffled = list(range(n))
        rng.shuffle(shuffled)
        while shuffle.never_in_order and shuffled == sorted(shuffled):
            rng.shuffle(shuffled)
        order = tuple(shuffled)
    return QuizItem(question, section_id, course_id, order, generated, due)
