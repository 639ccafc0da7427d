"""Comparing typed text: normalisation, accepted answers, author patterns and typo tolerance."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable

import regex
from rapidfuzz.distance import OSA

from rnnquiz.content.regex_safety import PATTERN_TIME_LIMIT

log = logging.getLogger(__name__)

# A pattern like `(a+)+b` takes exponential time to reject `aaaa...`; past PATTERN_TIME_LIMIT the
# answer does not match it and the quiz goes on. `re` has no time limit, so patterns run on
# `regex`, which reads the same syntax (VERSION0).

_SPACE_LIKE = frozenset("/\\")

AnswerKeys = list[tuple[str, str]]
"""(comparison key, author's text) per accepted answer."""


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


def is_blank(text: str, case_sensitive: bool) -> bool:
    """Nothing but spaces and invisible characters: no answer, rather than a wrong one."""
    return not normalise(text, case_sensitive=case_sensitive, punctuation=True)


def answer_keys(expected: Iterable[str], case_sensitive: bool) -> AnswerKeys:
    """The accepted answers as comparison keys; punctuation-only answers keep their punctuation."""
    keys = []
    for text in expected:
        key = normalise(text, case_sensitive=case_sensitive) or normalise(
            text, case_sensitive=case_sensitive, punctuation=True
        )
        if key:
            keys.append((key, text))
    return keys


def matches(given: str, keys: AnswerKeys, case_sensitive: bool) -> bool:
    """`given` equals an accepted answer once both are normalised (with or without punctuation)."""
    plain = normalise(given, case_sensitive=case_sensitive)
    kept = normalise(given, case_sensitive=case_sensitive, punctuation=True)
    return any(key in (plain, kept) for key, _ in keys)


def pattern_matches(pattern: str | None, given: str, case_sensitive: bool) -> bool:
    """Full match on the normalised answer, or on it with punctuation kept (`h\\[t-1\\]` works too)."""
    if not pattern:
        return False
    flags = regex.VERSION0 | (0 if case_sensitive else regex.IGNORECASE)
    candidates = {normalise(given, case_sensitive=case_sensitive, punctuation=p) for p in (False, True)}
    try:
        compiled = regex.compile(pattern, flags)
    except (regex.error, RecursionError, OverflowError):  # the model checks this; a hand-built question might not
        return False
    for candidate in sorted(c for c in candidates if c):
        try:
            if compiled.fullmatch(candidate, timeout=PATTERN_TIME_LIMIT):
                return True
        except TimeoutError:
            log.warning("pattern %r gave up after %.1f s on a %d-character answer", pattern, PATTERN_TIME_LIMIT,
                        len(candidate))
    return False


def closest(given: str, keys: AnswerKeys, case_sensitive: bool) -> tuple[float, str]:
    """Best similarity (optimal string alignment: a swap of two letters is one typo) and its answer."""
    plain = normalise(given, case_sensitive=case_sensitive)
    best = (0.0, "")
    for key, text in keys:
        similarity = OSA.normalized_similarity(plain, key)
        if similarity > best[0]:
            best = (similarity, text)
    return best
