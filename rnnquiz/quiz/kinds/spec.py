"""One question kind as the quiz knows it: how it is graded, shuffled and put back into words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.quiz.grading.result import Grade

Q = TypeVar("Q", bound=QuestionBase)


@dataclass(frozen=True, slots=True)
class Shuffle(Generic[Q]):
    """What a kind shows shuffled, and how a response given in displayed positions maps back."""

    count: Callable[[Q], int]
    """How many things are shuffled (choices, items, right sides of pairs)."""
    to_original: Callable[[Any, tuple[int, ...]], Any]
    """(response in displayed positions, displayed position -> original index) -> response in the author's indices.

    Anything it cannot read passes through unchanged: the grader turns it into a 0 with a message.
    """
    never_in_order: bool = False
    """Reshuffle until the view differs from the author's order (an order question must not start solved)."""


@dataclass(frozen=True, slots=True)
class QuizKind(Generic[Q]):
    """A question kind's quiz-layer half; every field is given, so no kind falls back on another's rules."""

    model: type[Q]
    """The content model this kind grades (`rnnquiz.content.questions.<tag>`)."""
    grade: Callable[[Q, Any], Grade]
    """Grade a response in the author's indices; never raises on anything a learner sends."""
    response_text: Callable[[Q, Any], str]
    """A (non-None) response in words, for the end screen; may raise IndexError, KeyError or TypeError."""
    shuffle: Shuffle[Q] | None
    """None when nothing of the question is shown shuffled."""
