"""Reading the shape of a response (an index, a collection of them) without trusting it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import islice
from numbers import Integral
from typing import Any

MAX_ELEMENTS = 10_000
"""More picks than this is not an answer (and an endless iterator must not hang the quiz)."""


def index_in_range(value: Any, n: int) -> bool:
    """An int (not a bool) in [0, n): the only thing an index response may be."""
    return isinstance(value, Integral) and not isinstance(value, bool) and 0 <= int(value) < n


def as_elements(response: Any) -> list[Any] | None:
    """The elements of a collection response, or None when it is not a (reasonably sized) collection."""
    if isinstance(response, (str, bytes, Mapping)) or not isinstance(response, Iterable):
        return None
    try:
        elements = list(islice(response, MAX_ELEMENTS + 1))
        return elements if len(elements) <= MAX_ELEMENTS else None
    except Exception:  # noqa: BLE001 -- a hostile iterable; treat like any other unreadable response
        return None
