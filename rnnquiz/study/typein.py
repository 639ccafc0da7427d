"""Type-in answers: what the learner typed against what was expected, and a suggested rating.

The comparison ignores case, Unicode form and runs of spaces; the diff is shown on the learner's and
the expected text as written, so the screen can mark what was missing and what was extra. A number
is compared as a number: `10,000` is `10000`, while `1000` is wrong, however alike the digits look.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from fsrs import Rating

from rnnquiz.content.typed_numbers import parse_number

NEAR_MISS = 0.85
"""Similarity from which a wrong answer still counts as remembered, with a typo (Hard)."""


@dataclass(frozen=True, slots=True)
class DiffPart:
    kind: Literal["equal", "missing", "extra"]
    """`missing`: expected but not typed; `extra`: typed but not expected."""
    text: str


@dataclass(frozen=True, slots=True)
class TypedAnswer:
    typed: str
    expected: str
    """The accepted answer closest to what was typed."""
    parts: tuple[DiffPart, ...]
    exact: bool
    similarity: float
    suggested: Rating


_SPACED_GROUP = re.compile(r"(?<=\d)[_\u202f\u00a0 ](?=\d{3}\b)")
"""Digit groups split by a space or underscore (`10 000`), which a card accepts beyond the quiz's rules."""


def _number(text: str) -> float | None:
    """The value of a text that is just a number, read as quiz answers are (`1e4`, `10,000`, `−3`)."""
    return parse_number(_SPACED_GROUP.sub("", text))


def _tidy(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def compare_typed(typed: str, expected: Sequence[str] | str) -> TypedAnswer:
    """Compare a typed answer with the accepted answer(s) and suggest Good, Hard or Again."""
    options = [expected] if isinstance(expected, str) else list(expected)
    if not options:
        raise ValueError("no expected answer to compare with")
    typed_tidy = _tidy(typed)
    best = max((_compare(typed_tidy, _tidy(option)) for option in options), key=lambda a: (a.exact, a.similarity))
    return best


def _compare(typed: str, expected: str) -> TypedAnswer:
    # Matching on lower-cased characters keeps one element per original character, so the diff
    # can be cut from the texts exactly as written.
    matcher = SequenceMatcher(None, [c.lower() for c in typed], [c.lower() for c in expected], autojunk=False)
    parts: list[DiffPart] = []
    for op, t1, t2, e1, e2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart("equal", expected[e1:e2]))
            continue
        if t2 > t1:
            parts.append(DiffPart("extra", typed[t1:t2]))
        if e2 > e1:
            parts.append(DiffPart("missing", expected[e1:e2]))
    exact = typed.casefold() == expected.casefold()
    similarity = 1.0 if exact else matcher.ratio()
    number, wanted = _number(typed), _number(expected)
    if number is not None and wanted is not None:
        exact = number == wanted
        similarity = 1.0 if exact else min(similarity, NEAR_MISS - 0.01)  # a wrong number is no typo
    if exact:
        suggested = Rating.Good
    elif typed and similarity >= NEAR_MISS:
        suggested = Rating.Hard
    else:
        suggested = Rating.Again
    return TypedAnswer(typed, expected, tuple(parts), exact, similarity, suggested)
