"""Which author patterns can take exponential time to reject an answer: a repeat inside a repeat.

`(a+)+b` against 31 `a`s makes a backtracking engine try about 2**31 ways to split the input
before it says no. Grading stops any pattern after a time limit (quiz.grading.text); this check
tells the author at validate time, before a learner meets the pause.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

parser: Any
constants: Any
try:  # the standard library's own parser of `re` syntax; private, so its absence only skips the check
    parser = importlib.import_module("re._parser")
    constants = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without them
    parser = constants = None

PATTERN_TIME_LIMIT = 0.2
"""Seconds one author pattern may spend on one typed answer when grading; past it, no match."""


def nests_unbounded_repeats(pattern: str) -> bool:
    """Whether an unbounded repeat (`*`, `+`, `{n,}`) holds another one with nothing required between
    them, as in `(a+)+`, `(a*)*` or `(\\w+\\s?)+`: then one text splits into iterations in
    exponentially many ways. `([a-z]+ )+` is fine, since each iteration must end in the space.

    A heuristic, not a proof (`(a+a)+` passes), which is why grading also has a time limit.
    Possessive repeats and atomic groups cannot backtrack into themselves, so they do not count.
    """
    if parser is None or constants is None:
        return False
    try:
        tree = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return False  # the model reports an invalid pattern itself
    return _dangerous(list(tree))


Items = list[tuple[Any, Any]]


def _children(op: Any, av: Any) -> list[Items]:
    """The sub-patterns of one parsed item that backtracking can re-enter."""
    assert constants is not None
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
        return [list(av[2])]
    if op is constants.SUBPATTERN:
        return [list(av[-1])]
    if op is constants.BRANCH:
        return [list(branch) for branch in av[1]]
    if op in (constants.ASSERT, constants.ASSERT_NOT):
        return [list(av[1])]
    return []  # literals, classes, anchors; POSSESSIVE_REPEAT and ATOMIC_GROUP never backtrack inside


def _unbounded(op: Any, av: Any) -> bool:
    assert constants is not None
    return op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and av[1] == constants.MAXREPEAT


def _dangerous(items: Items) -> bool:
    for op, av in items:
        if _unbounded(op, av) and _loose(list(av[2])) and _has_unbounded(list(av[2])):
            return True
        if any(_dangerous(child) for child in _children(op, av)):
            return True
    return False


def _loose(items: Items) -> bool:
    """Whether nothing in `items` must match exactly once: every part repeats freely or may be left out."""
    assert constants is not None
    for op, av in items:
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            if av[0] > 0 and av[1] != constants.MAXREPEAT and not _loose(list(av[2])):
                return False
        elif op is constants.SUBPATTERN:
            if not _loose(list(av[-1])):
                return False
        elif op is constants.BRANCH:
            if not any(_loose(list(branch)) for branch in av[1]):
                return False
        elif op is not constants.AT:  # an anchor takes no text
            return False
    return True


def _has_unbounded(items: Items) -> bool:
    return any(_unbounded(op, av) or any(_has_unbounded(c) for c in _children(op, av)) for op, av in items)
