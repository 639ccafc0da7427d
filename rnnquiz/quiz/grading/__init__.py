"""Grade one answer to one question: pure, no I/O, and never raises on anything a learner sends.

A response that cannot be read (wrong type, index out of range, text that is not a number) scores 0
with a one-line message, because a learner's slip must never crash a quiz.

Responses, by question type (indices always count from 0 in the question as the author wrote it;
`rnnquiz.quiz.session.QuizItem` maps indices of a shuffled view back to these):

| type         | response                                                              |
|--------------|-----------------------------------------------------------------------|
| `single`     | `int`: the picked choice                                              |
| `multiple`   | iterable of `int` (set, list, tuple): the picked choices; duplicates count once |
| `true_false` | `bool`                                                                |
| `short`      | `str`                                                                 |
| `numeric`    | `str` as typed (see `parse_number`); an `int`/`float` is taken as is |
| `cloze`      | sequence of `str`, one per blank (a plain `str` for a one-blank text) |
| `order`      | sequence of `int`: item indices in the order the learner put them     |
| `match`      | mapping `int -> int`: left index -> right index of `pairs`            |

`None` is "no answer" for every type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rnnquiz.quiz.grading.arrangement import grade_match, grade_order
from rnnquiz.quiz.grading.choices import grade_multiple, grade_single, grade_true_false
from rnnquiz.quiz.grading.numeric import format_number, grade_numeric, parse_number
from rnnquiz.quiz.grading.responses import as_elements, index_in_range
from rnnquiz.quiz.grading.result import NO_ANSWER, NOT_A_NUMBER, Grade, Part
from rnnquiz.quiz.grading.text import normalise
from rnnquiz.quiz.grading.typed import grade_cloze, grade_short

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

_GRADERS: dict[str, Callable[[Any, Any], Grade]] = {
    "single": grade_single,
    "multiple": grade_multiple,
    "true_false": grade_true_false,
    "short": grade_short,
    "numeric": grade_numeric,
    "cloze": grade_cloze,
    "order": grade_order,
    "match": grade_match,
}


def grade(question: Any, response: Any) -> Grade:
    """Grade `response` (shaped as in the module docstring) against `question`."""
    grader = _GRADERS.get(getattr(question, "type", None))  # type: ignore[arg-type]
    if grader is None:
        raise TypeError(f"not a quiz question: {type(question).__name__}")  # a programming error, not learner input
    return grader(question, response)
