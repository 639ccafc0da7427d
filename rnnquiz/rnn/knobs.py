"""How a demo parameter moves under a key: ladders of useful values, clamped to the model's range.

Pure (no Textual, no NumPy) so the lab's controls and their tests share one set of rules. The
ranges come from the pydantic models in `rnnquiz.content.demos`; every new value is validated by
the model, so a knob can never produce parameters a course file could not hold.
"""

from __future__ import annotations

import math
import typing
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from rnnquiz.content.demos import DemoParams

Kind = Literal["number", "choice", "text"]

LADDERS: dict[str, tuple[float, ...]] = {
    "rho": (0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.5, 1.8, 2.0, 2.5, 3.0, 4.0, 5.0,
            7.0, 10.0),
    "steps": (1, 2, 5, 10, 20, 30, 40, 50, 80, 100, 150, 200, 300, 500, 1000, 1500, 2000),
    "hidden": (1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512),
    "max_delay": (1, 2, 5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200),
    "train_steps": (1, 10, 20, 50, 100, 200, 300, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000),
    "threshold": (0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0),
    "learning_rate": (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0),
    "seq_length": (2, 5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200),
    "sample_length": (20, 50, 100, 200, 500, 1000, 2000, 5000),
}
"""Values a key steps through; a value typed in between moves to the next rung. Big ones can be typed."""
ORDER = ("rho", "steps", "hidden", "cell", "activation", "signal", "text", "max_delay", "train_steps", "threshold",
         "learning_rate", "seq_length", "sample_length")
"""The order worth turning them in: the spectral radius first, the seed (not listed) last."""


@dataclass(frozen=True)
class Knob:
    """One parameter as the controls see it."""

    name: str
    kind: Kind
    integer: bool
    choices: tuple[str, ...]
    low: float | None  # bound, inclusive unless low_open
    low_open: bool
    high: float | None  # inclusive bound
    description: str

    @property
    def range_text(self) -> str:
        """`0 < x <= 10`, `one of: rnn, lstm, gru`, or `text`."""
        if self.kind == "choice":
            return "one of: " + ", ".join(self.choices)
        if self.kind == "text":
            return "text"
        left = f"{show(self.low)} {'<' if self.low_open else '<='} " if self.low is not None else ""
        right = f" <= {show(self.high)}" if self.high is not None else ""
        return f"{left}{'whole number' if self.integer else 'x'}{right}"


def knobs(model: type[DemoParams]) -> list[Knob]:
    """The model's parameters in the order worth turning them (`ORDER`), the seed last."""
    out = []
    for name, info in model.model_fields.items():
        low = high = None
        low_open = False
        for rule in info.metadata:
            if getattr(rule, "ge", None) is not None:
                low = rule.ge
            if getattr(rule, "gt", None) is not None:
                low, low_open = rule.gt, True
            if getattr(rule, "le", None) is not None:
                high = rule.le
        kind: Kind
        if typing.get_origin(info.annotation) is Literal:
            kind, choices = "choice", tuple(map(str, typing.get_args(info.annotation)))
        else:
            kind, choices = ("text" if info.annotation is str else "number"), ()
        out.append(Knob(name, kind, info.annotation is int, choices, low, low_open, high, info.description or ""))
    return sorted(out, key=lambda k: ORDER.index(k.name) if k.name in ORDER else len(ORDER) + (k.name == "seed"))


def show(value: object) -> str:
    """A parameter value as the controls print it: `0.9`, `2000`, `tanh`."""
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else str(value)
    return str(value)


def _fits(knob: Knob, value: float) -> bool:
    if knob.low is not None and (value < knob.low or (knob.low_open and value == knob.low)):
        return False
    return knob.high is None or value <= knob.high


def _next_number(knob: Knob, value: float, direction: int) -> float:
    ladder = LADDERS.get(knob.name)
    if ladder is None:
        if knob.integer:
            candidates = [value + direction]
        else:
            candidates = [value * 1.25 if direction > 0 else value / 1.25]
    elif direction > 0:
        candidates = [v for v in ladder if v > value + 1e-12]
    else:
        candidates = [v for v in reversed(ladder) if v < value - 1e-12]
    fitting = [v for v in candidates if _fits(knob, v)]
    if not fitting:
        return value
    return int(fitting[0]) if knob.integer else float(fitting[0])


def step(params: DemoParams, name: str, direction: int) -> DemoParams:
    """The parameters with `name` one notch up (direction 1) or down (-1); the same object at an end.

    Choices wrap around; text does not step (it is typed).
    """
    knob = next(k for k in knobs(type(params)) if k.name == name)
    value = getattr(params, name)
    if knob.kind == "text":
        return params
    new: object
    if knob.kind == "choice":
        index = knob.choices.index(str(value)) if str(value) in knob.choices else -1
        new = knob.choices[(index + direction) % len(knob.choices)]
    else:
        new = _next_number(knob, value, direction)
    if new == value:
        return params
    return type(params).model_validate({**params.model_dump(), name: new})


def set_value(params: DemoParams, name: str, raw: str) -> DemoParams:
    """The parameters with `name` set from typed text; ValueError with a one-line reason if it won't do."""
    knob = next(k for k in knobs(type(params)) if k.name == name)
    value: object = raw if knob.kind == "text" else raw.strip()
    if knob.kind == "number" and not _is_number(str(value), knob.integer):
        what = "a whole number" if knob.integer else "a number"
        raise ValueError(f"{name}: {str(value)!r} is not {what} (allowed: {knob.range_text})")
    if knob.kind == "number" and knob.integer:
        value = int(float(str(value)))  # `1e3` and `3.0` are whole numbers too
    try:
        return type(params).model_validate({**params.model_dump(), name: value})
    except ValidationError as error:
        first = error.errors()[0]
        if first["type"] in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            raise ValueError(f"{name}: {raw.strip()} is out of range (allowed: {knob.range_text})") from None
        raise ValueError(f"{name}: {first['msg']} (allowed: {knob.range_text})") from None


def _is_number(text: str, integer: bool) -> bool:
    """Plain decimal text for this knob: `12`, `-3`, `0.5`, `1e-3` (no nan or inf, no fraction for a whole number)."""
    try:
        value = float(text)
    except ValueError:
        return False
    return math.isfinite(value) and (not integer or value == int(value))
