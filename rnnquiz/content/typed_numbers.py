"""Reading a number the way learners type it: shared by quiz grading and type-in flashcards."""

from __future__ import annotations

import math
import re
import unicodedata

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
