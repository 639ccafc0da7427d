"""A question as shown in a quiz: its choices, items or right sides shuffled by a seed.

A `QuizItem` maps what the learner picked on screen back to the author's indices, so grading never
sees the shuffle.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rnnquiz.content.model import Choice
from rnnquiz.quiz.grading import Grade, as_elements, grade, index_in_range


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One question as presented: the question, where it comes from, and its shuffled view.

    Responses given to `to_original`/`grade` use *displayed* indices (positions on screen):
    single: int; multiple: iterable of int; order: sequence of int, first placed first;
    match: mapping of left index (lefts are not shuffled) -> displayed right index.
    Every other type takes the response described in `rnnquiz.quiz.grading`.
    """

    question: Any
    """The question model (any of the eight types)."""
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
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type

    def _displayed(self, texts: Sequence[Any]) -> list[Any]:
        return [texts[i] for i in self.order] if self.order else list(texts)

    @property
    def choices(self) -> list[Choice]:
        """single/multiple: the choices in displayed order."""
        return self._displayed(self.question.choices)

    @property
    def items(self) -> list[str]:
        """order: the items in the (shuffled) order they are first shown."""
        return self._displayed(self.question.items)

    @property
    def lefts(self) -> list[str]:
        """match: the left items, in the author's order."""
        return [pair.left for pair in self.question.pairs]

    @property
    def rights(self) -> list[str]:
        """match: the right items in displayed order."""
        return self._displayed([pair.right for pair in self.question.pairs])

    def displayed_index(self, original: int) -> int:
        """Where the author's choice/item/right number `original` is shown."""
        return self.order.index(original) if self.order else original

    def _to_original_index(self, displayed: Any) -> Any:
        # Anything that is not a displayed index passes through unchanged; it is just as
        # out of range for the grader, which turns it into a score of 0 with a message.
        return self.order[displayed] if index_in_range(displayed, len(self.order)) else displayed

    def to_original(self, response: Any) -> Any:
        """The response in the author's indices, ready for `grading.grade`."""
        if not self.order or response is None:
            return response
        if self.type == "single":
            return self._to_original_index(response)
        if self.type in ("multiple", "order"):
            elements = as_elements(response)
            if elements is None:
                return response
            mapped = [self._to_original_index(e) for e in elements]
            if self.type == "multiple" and all(index_in_range(i, len(self.order)) for i in mapped):
                return sorted(set(mapped))  # a set of picks: stored the same way however it was given
            return mapped
        if self.type == "match" and isinstance(response, Mapping):
            try:
                return {k: self._to_original_index(v) for k, v in response.items()}
            except Exception:  # a hostile mapping; the grader rejects it on its own
                return response
        return response

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
    n = _shuffled_count(question)
    order: tuple[int, ...] = ()
    if n:
        rng = random.Random(f"{seed}:{question.id}")
        shuffled = list(range(n))
        rng.shuffle(shuffled)
        while question.type == "order" and shuffled == sorted(shuffled):
            rng.shuffle(shuffled)
        order = tuple(shuffled)
    return QuizItem(question, section_id, course_id, order, generated, due)


def _shuffled_count(question: Any) -> int:
    """How many things of this question are shown shuffled (choices, items, right side of pairs)."""
    if question.type in ("single", "multiple"):
        return len(question.choices)
    if question.type == "order":
        return len(question.items)
    if question.type == "match":
        return len(question.pairs)
    return 0
