"""Numeric answers: reading a number as learners type it, and grading it against a tolerance or range."""

from __future__ import annotations

import math
import re
import unicodedata
from numbers import Real
from typing import Any

from rnnquiz.content.model import NumericQuestion
from rnnquiz.quiz.grading.result import NO_ANSWER, NOT_A_NUMBER, Grade, failed

_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?", re.IGNORECASE)
_GROUPED = re.compile(r"[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?(?:e[+-]?\d+)?", re.IGNORECASE)
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+(?:e[+-]?\d+)?", re.IGNORECASE)
_MINUS_SIGNS = dict.fromkeys(map(ord, "\u2212\u2012\u2013\u2014\ufe63"), "-")


def parse_number(text: str, unit: str | None = None) -> float | None:
    """The number a learner typed, or None.

    Accepts `1e-3`, `0.001`, `.5`, `+2`, `−3` (Unicode minus), full-width digits, surrounding
    spaces and a trailing `unit`. A comma is a thousands separator only when it groups by three
    (`1,000`, `12,345.6`); otherwise a single comma is a decimal comma (`0,5`); anything else
    (`1,00,0`, `1.2.3`, `nan`, `inf`, `1e999`) is not a number.
    """
    s = unicodedata.normalize("NFKC", text).translate(_MINUS_SIGNS).strip()
    if unit:
        folded_unit = unicodedata.normalize("NFKC", unit).strip().casefold()
        if folded_unit and s.casefold().endswith(folded_unit):
            s = s[: len(s) - len(folded_unit)].strip()
    if _PLAIN.fullmatch(s):
        value = float(s)
    elif _GROUPED.fullmatch(s):
        value = float(s.replace(",", ""))
    elif _DECIMAL_COMMA.fullmatch(s):
        value = float(s.replace(",", "."))
    else:
        return None
    return value if math.isfinite(value) else None


def format_number(value: float) -> str:
    """A number as a person would write it: `3`, not `3.0`; shortest exact form otherwise."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


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


def grade_numeric(question: NumericQuestion, response: Any) -> Grade:
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
