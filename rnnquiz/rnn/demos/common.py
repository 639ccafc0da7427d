"""Pieces every demo's report and live view share: wrapping, JSON values, the loss trend, cell names."""

from __future__ import annotations

import dataclasses
import math
import textwrap

import numpy as np

from rnnquiz.rnn import plot
from rnnquiz.rnn.arrays import Floats

NULL_NOTE = "null marks a value beyond float64 (exploded)"
TREND_LENGTH = 200
CELLS = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}


def jsonable(value: object) -> object:
    """Arrays, dataclasses and numpy scalars as plain JSON values; inf and nan become null."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return jsonable(value.tolist())
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return float(value) if math.isfinite(value) else None
    return value


def wrap(text: str, width: int, ascii: bool = False) -> list[str]:
    """A caption for a printed report, wrapped and cleaned."""
    return [plot.clean(line, ascii) for line in textwrap.wrap(text, width)]


def live_wrap(text: str, width: int) -> list[str]:
    """A note in the live view, wrapped no narrower than 20 columns."""
    return [plot.clean(line) for line in textwrap.wrap(text, max(20, width))]


def trend(values: Floats) -> tuple[float, ...]:
    """For a sparkline: log10 of the last losses that are finite and positive (a spike stays visible)."""
    tail = np.asarray(values, dtype=float)[-TREND_LENGTH:]
    return tuple(float(v) for v in np.log10(tail[np.isfinite(tail) & (tail > 0)]))


def without_caption(lines: list[str]) -> list[str]:
    """A training report's plots, without the closing caption (it speaks of the end of the run)."""
    return lines[: len(lines) - 1 - lines[::-1].index("")] if "" in lines else lines



def json_fields(value: object) -> dict[str, object]:
    """A dataclass (a frame) as a JSON object, for a report to extend."""
    out = jsonable(value)
    assert isinstance(out, dict), type(value)
    return out
