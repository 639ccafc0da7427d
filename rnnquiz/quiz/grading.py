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

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from itertools import islice
from numbers import Integral, Real
from typing import Any

from rapidfuzz.distance import OSA

from rnnquiz.content.model import (
    BLANK,
    ClozeQuestion,
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderQuestion,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    parse_blanks,
)

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


def grade(question: Any, response: Any) -> Grade:
    """Grade `response` (shaped as in the module docstring) against `question`."""
    grader = _GRADERS.get(getattr(question, "type", None))
    if grader is None:
        raise TypeError(f"not a quiz question: {type(question).__name__}")  # a programming error, not learner input
    return grader(question, response)


# --- helpers ------------------------------------------------------------------------------------


_MAX_ELEMENTS = 10_000
"""More picks than this is not an answer (and an endless iterator must not hang the quiz)."""


def _is_index(value: Any) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def index_in_range(value: Any, n: int) -> bool:
    """An int (not a bool) in [0, n): the only thing an index response may be."""
    return _is_index(value) and 0 <= value < n


def _score(value: Fraction) -> float:
    return float(min(Fraction(1), max(Fraction(0), value)))


def _fail(question: Any, right_answer: str, message: str, *, invalid: bool = True) -> Grade:
    return Grade(
        question_id=question.id,
        type=question.type,
        score=0.0,
        right_answer=right_answer,
        message=message,
        explanation=question.explain,
        invalid=invalid,
    )


def as_elements(response: Any) -> list[Any] | None:
    """The elements of a collection response, or None when it is not a (reasonably sized) collection."""
    if isinstance(response, (str, bytes, Mapping)) or not isinstance(response, Iterable):
        return None
    try:
        elements = list(islice(response, _MAX_ELEMENTS + 1))
        return elements if len(elements) <= _MAX_ELEMENTS else None
    except Exception:  # a hostile iterable; treat like any other unreadable response
        return None


# --- single, multiple, true/false ----------------------------------------------------------------


def _choice_parts(question: SingleQuestion | MultipleQuestion, picked: set[int], right: set[int]) -> tuple[Part, ...]:
    return tuple(
        Part(
            index=i,
            label=choice.text,
            correct=(i in picked) == (i in right),
            picked=i in picked,
            right=i in right,
            feedback=choice.feedback,
        )
        for i, choice in enumerate(question.choices)
    )


def _picked_feedback(question: SingleQuestion | MultipleQuestion, picked: set[int]) -> tuple[str, ...]:
    return tuple(c.feedback for i, c in enumerate(question.choices) if i in picked and c.feedback)


def _grade_single(question: SingleQuestion, response: Any) -> Grade:
    right_answer = question.choices[question.answer].text
    if response is None:
        return _fail(question, right_answer, NO_ANSWER, invalid=False)
    if not index_in_range(response, len(question.choices)):
        return _fail(question, right_answer, "not one of the choices")
    picked = {int(response)}
    return Grade(
        question_id=question.id,
        type=question.type,
        score=1.0 if response == question.answer else 0.0,
        right_answer=right_answer,
        parts=_choice_parts(question, picked, {question.answer}),
        feedback=_picked_feedback(question, picked),
        explanation=question.explain,
    )


def _grade_multiple(question: MultipleQuestion, response: Any) -> Grade:
    """Each right pick earns 1/R and each wrong pick costs 1/W (R right, W wrong choices), floored at 0.

    Fairer than `(right - wrong) / R`: picking every choice (or none) always scores 0, so blanket
    guessing earns nothing however many choices are right.
    """
    right = set(question.answer)
    right_answer = "; ".join(question.choices[i].text for i in sorted(right))
    if response is None:
        return _fail(question, right_answer, NO_ANSWER, invalid=False)
    elements = as_elements(response)
    n = len(question.choices)
    if elements is None or not all(index_in_range(e, n) for e in elements):
        return _fail(question, right_answer, "not a set of the choices")
    picked = {int(e) for e in elements}
    wrong = n - len(right)
    hits, misses = len(picked & right), len(picked - right)
    value = Fraction(hits, len(right)) - (Fraction(misses, wrong) if wrong else 0)
    message = NO_ANSWER if not picked else f"{hits} of {len(right)} right choices picked, {misses} wrong"
    return Grade(
        question_id=question.id,
        type=question.type,
        score=_score(value),
        right_answer=right_answer,
        message="" if picked == right else message,
        parts=_choice_parts(question, picked, right),
        feedback=_picked_feedback(question, picked),
        explanation=question.explain,
    )


def _grade_true_false(question: TrueFalseQuestion, response: Any) -> Grade:
    right_answer = "True" if question.answer else "False"
    if response is None:
        return _fail(question, right_answer, NO_ANSWER, invalid=False)
    if not isinstance(response, bool):
        return _fail(question, right_answer, "answer true or false")
    return Grade(
        question_id=question.id,
        type=question.type,
        score=1.0 if response == question.answer else 0.0,
        right_answer=right_answer,
        explanation=question.explain,
    )


# --- typed text ----------------------------------------------------------------------------------

_SPACE_LIKE = frozenset("/\\")


def normalise(text: str, *, case_sensitive: bool = False, punctuation: bool = False) -> str:
    """Text reduced to what matters for comparing answers.

    NFKC (full-width and composed forms become plain), casefold unless `case_sensitive`, dashes,
    underscores and slashes become spaces (`long-term` = `long term`), other punctuation and
    invisible format characters go (`U.S.` = `US`), runs of whitespace become one space.
    Accents are kept: stripping them would change words in many scripts. `punctuation=True`
    keeps punctuation, for answers that are nothing but punctuation.
    """
    text = unicodedata.normalize("NFKC", text)
    if not case_sensitive:
        text = text.casefold()
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch.isspace():
            out.append(" ")
        elif category[0] == "P" and not punctuation:
            if category in ("Pd", "Pc") or ch in _SPACE_LIKE:
                out.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def _keys(expected: Iterable[str], case_sensitive: bool) -> list[tuple[str, str]]:
    """(comparison key, author's text) per expected answer; punctuation-only answers keep it."""
    keys = []
    for text in expected:
        key = normalise(text, case_sensitive=case_sensitive) or normalise(
            text, case_sensitive=case_sensitive, punctuation=True
        )
        if key:
            keys.append((key, text))
    return keys


def _matches(given: str, keys: list[tuple[str, str]], case_sensitive: bool) -> bool:
    plain = normalise(given, case_sensitive=case_sensitive)
    kept = normalise(given, case_sensitive=case_sensitive, punctuation=True)
    return any(key in (plain, kept) for key, _ in keys)


def _pattern_matches(pattern: str | None, given: str, case_sensitive: bool) -> bool:
    """Full match on the normalised answer, or on it with punctuation kept (`h\\[t-1\\]` works too)."""
    if not pattern:
        return False
    flags = 0 if case_sensitive else re.IGNORECASE
    candidates = {normalise(given, case_sensitive=case_sensitive, punctuation=p) for p in (False, True)}
    try:
        compiled = re.compile(pattern, flags)
    except re.error:  # the model checks this; a hand-built question might not be
        return False
    return any(c and compiled.fullmatch(c) for c in candidates)


def _closest(given: str, keys: list[tuple[str, str]], case_sensitive: bool) -> tuple[float, str]:
    """Best similarity (optimal string alignment: a swap of two letters is one typo) and its answer."""
    plain = normalise(given, case_sensitive=case_sensitive)
    best = (0.0, "")
    for key, text in keys:
        similarity = OSA.normalized_similarity(plain, key)
        if similarity > best[0]:
            best = (similarity, text)
    return best


def _grade_short(question: ShortQuestion, response: Any) -> Grade:
    right_answer = question.answer
    if response is None:
        return _fail(question, right_answer, NO_ANSWER, invalid=False)
    if not isinstance(response, str):
        return _fail(question, right_answer, "expected text")
    cs = question.case_sensitive
    if not normalise(response, case_sensitive=cs, punctuation=True):
        return _fail(question, right_answer, NO_ANSWER, invalid=False)
    keys = _keys([question.answer, *question.accept], cs)
    message = ""
    right = _matches(response, keys, cs) or _pattern_matches(question.pattern, response, cs)
    if not right and question.min_similarity is not None:
        similarity, closest = _closest(response, keys, cs)
        if similarity >= question.min_similarity:
            right, message = True, f"accepted with a typo: expected {closest}"
    return Grade(
        question_id=question.id,
        type=question.type,
        score=1.0 if right else 0.0,
        right_answer=right_answer,
        message=message,
        explanation=question.explain,
    )


# --- numbers -------------------------------------------------------------------------------------

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


def _numeric_right_answer(question: NumericQuestion) -> str:
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


def _grade_numeric(question: NumericQuestion, response: Any) -> Grade:
    right_answer = _numeric_right_answer(question)
    if response is None or (isinstance(response, str) and not response.strip()):
        return _fail(question, right_answer, NO_ANSWER, invalid=False)
    if isinstance(response, str):
        value = parse_number(response, question.unit)
    elif isinstance(response, Real) and not isinstance(response, bool):
        value = float(response) if math.isfinite(response) else None
    else:
        value = None
    if value is None:
        return _fail(question, right_answer, NOT_A_NUMBER)
    return Grade(
        question_id=question.id,
        type=question.type,
        score=1.0 if _within(question, value) else 0.0,
        right_answer=right_answer,
        explanation=question.explain,
    )


# --- cloze, order, match -------------------------------------------------------------------------


def _cloze_filled(question: ClozeQuestion) -> str:
    answers = iter(blank.answers[0] for blank in question.blanks)
    return BLANK.sub(lambda _: next(answers, ""), question.text)


def _grade_cloze(question: ClozeQuestion, response: Any) -> Grade:
    """Each blank is one part; the score is the fraction of blanks filled right."""
    blanks = parse_blanks(question.text)
    right_answer = _cloze_filled(question)
    if response is None:
        return _fail(question, right_answer, NO_ANSWER, invalid=False)
    if isinstance(response, str):
        response = [response]
    given = as_elements(response)
    if given is None:
        return _fail(question, right_answer, "expected one text per blank")
    cs = question.case_sensitive
    parts = []
    for i, blank in enumerate(blanks):
        text = given[i] if i < len(given) and isinstance(given[i], str) else ""
        ok = bool(normalise(text, case_sensitive=cs, punctuation=True)) and _matches(
            text, _keys(blank.answers, cs), cs
        )
        parts.append(Part(index=i, label=f"blank {i + 1}", correct=ok, given=text, expected=" | ".join(blank.answers)))
    hits = sum(p.correct for p in parts)
    return Grade(
        question_id=question.id,
        type=question.type,
        score=_score(Fraction(hits, len(blanks))),
        right_answer=right_answer,
        message="" if hits == len(blanks) else f"{hits} of {len(blanks)} blanks right",
        parts=tuple(parts),
        explanation=question.explain,
    )


def _grade_order(question: OrderQuestion, response: Any) -> Grade:
    """Credit per adjacent pair: each `A → B` of the right order that the learner also put
    side by side earns 1/(n-1). One item moved to the wrong end loses one or two pairs, not
    every position, and a random order earns about 1/n on average.
    """
    items = question.items
    n = len(items)
    right_answer = " → ".join(items)
    if response is None:
        return _fail(question, right_answer, NO_ANSWER, invalid=False)
    order = as_elements(response)
    if order is None or len(order) != n or not all(index_in_range(i, n) for i in order) or len(set(order)) != n:
        return _fail(question, right_answer, "not an order of all the items")
    position = {int(item): place for place, item in enumerate(order)}
    parts = tuple(
        Part(
            index=i,
            label=f"{items[i]} → {items[i + 1]}",
            correct=position[i + 1] == position[i] + 1,
            expected=items[i + 1],
            given=items[order[position[i] + 1]] if position[i] + 1 < n else None,
        )
        for i in range(n - 1)
    )
    hits = sum(p.correct for p in parts)
    return Grade(
        question_id=question.id,
        type=question.type,
        score=_score(Fraction(hits, n - 1)),
        right_answer=right_answer,
        message="" if hits == n - 1 else f"{hits} of {n - 1} neighbouring pairs in the right order",
        parts=parts,
        explanation=question.explain,
    )


def _grade_match(question: MatchQuestion, response: Any) -> Grade:
    """Each left item is one part; unmatched left items count as wrong."""
    pairs = question.pairs
    n = len(pairs)
    right_answer = "; ".join(f"{p.left} → {p.right}" for p in pairs)
    if response is None:
        return _fail(question, right_answer, NO_ANSWER, invalid=False)
    if not isinstance(response, Mapping):
        return _fail(question, right_answer, "expected left item -> right item")
    try:
        entries = list(response.items())
    except Exception:  # a hostile mapping; unreadable like any other
        return _fail(question, right_answer, "expected left item -> right item")
    if not all(index_in_range(k, n) and (v is None or index_in_range(v, n)) for k, v in entries):
        return _fail(question, right_answer, "a match names an item that is not there")
    chosen = {int(k): (None if v is None else int(v)) for k, v in entries}
    parts = tuple(
        Part(
            index=i,
            label=pair.left,
            correct=chosen.get(i) == i,
            given=None if chosen.get(i) is None else pairs[chosen[i]].right,  # type: ignore[index]
            expected=pair.right,
        )
        for i, pair in enumerate(pairs)
    )
    hits = sum(p.correct for p in parts)
    return Grade(
        question_id=question.id,
        type=question.type,
        score=_score(Fraction(hits, n)),
        right_answer=right_answer,
        message="" if hits == n else f"{hits} of {n} pairs matched",
        parts=parts,
        explanation=question.explain,
    )


_GRADERS: dict[Any, Any] = {
    "single": _grade_single,
    "multiple": _grade_multiple,
    "true_false": _grade_true_false,
    "short": _grade_short,
    "numeric": _grade_numeric,
    "cloze": _grade_cloze,
    "order": _grade_order,
    "match": _grade_match,
}
