"""Grade one answer to one question: pure, no I/O, and never raises on anything a learner sends.

A response that cannot be read (wrong type, index out of range, text that is not a number) scores 0
with a one-line message, because a learner's slip must never crash a quiz.

Each kind's grader lives in its module of `rnnquiz.quiz.kinds`, whose docstring says the response
it takes. Indices always count from 0 in the question as the author wrote it
(`rnnquiz.quiz.presented.QuizItem` maps indices of a shuffled view back to these). `None` is
"no answer" for every type. This package holds what the graders share.
"""

from __future__ import annotations

from typing import Any

from rnnquiz.content.typed_numbers import format_number, parse_number
from rnnquiz.quiz.grading.responses import as_elements, index_in_range
from rnnquiz.quiz.grading.result import NO_ANSWER, NOT_A_NUMBER, Grade, Part
from rnnquiz.quiz.grading.text import normalise

__all__ = [
    "NOT_A_NUMBER",
    "NO_ANSWER",
    "Grade",
    "Part",
    "as_elements",
    "format_number",
    "grade",
    "index_in_range",
    "normalise",
    "parse_number",
]


def grade(question: Any, response: Any) -> Grade:
    """Grade `response` (shaped as its kind's module says) against `question`."""
    # Looked up at call time: the kinds are built from this package's parts, so it cannot import them first.
    from rnnquiz.quiz.kinds import kind_of

    return kind_of(question).grade(question, response)
