"""`numeric` in a quiz. Response: `str` as typed (see `content.typed_numbers.parse_number`); an
`int`/`float` is taken as is. Graded against a tolerance or a range."""

from __future__ import annotations

import math
from numbers import Real
from typing import Any

from rnnquiz.content.questions.numeric import NumericQuestion
from rnnquiz.content.typed_numbers import format_number, parse_number
from rnnquiz.quiz.grading.result import NO_ANSWER, NOT_A_NUMBER, Grade, failed
from rnnquiz.quiz.kinds.spec import QuizKind


def _right_answer(question: NumericQuestion) -> str:
    unit = f" {question.unit}" if question.unit else ""
    if question.range is not None:
        low, high = question.range
        return f"from {format_number(low)} to {format_number(high)}{unit}"
    assert question.answer is not None  # the model guarantees answer or range
    tolerance = f" ± {format_number(question.tolerance)}" if question.tolerance else ""
    return f"{format_number(question.answer)}{tolerance}{unit}"


def _within(question: NumericQuestion, value: float) -> bool:
    """Inside the tolerance or range, with a hair of slack so `0.31` is within 0.01 of `0.3`."""
    if question.range is not None:
        low, high = question.range
        slack = 1e-9 * max(abs(low), abs(high))
        return low - slack <= value <= high + slack
    assert question.answer is not None
    slack = 1e-9 * max(abs(question.answer), question.tolerance)
    return abs(value - question.answer) <= question.tolerance + slack


def grade(question: NumericQuestion, response: Any) -> Grade:
    right_answer = _right_answer(question)
    if response is None or (isinstance(response, str) and not response.strip()):
        return failed(question, right_answer, NO_ANSWER, invalid=False)
    if isinstance(response, str):
        value = parse_number(response, question.unit)
    elif isinstance(response, Real) and not isinstance(response, bool):
        value = float(response) if math.isfinite(response) else None
    else:
        value = None
    if value is None:
        return failed(question, right_answer, NOT_A_NUMBER)
    return Grade(
        question_id=question.id,
        type=question.type,
        score=1.0 if _within(question, value) else 0.0,
        right_answer=right_answer,
        explanation=question.explain,
    )


def response_text(question: NumericQuestion, response: Any) -> str:
    return str(response)


KIND = QuizKind(model=NumericQuestion, grade=grade, response_text=response_text, shuffle=None)
