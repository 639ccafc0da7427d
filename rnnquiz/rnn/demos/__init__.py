"""The lab's demos, one module each, listed in lab order: the table every consumer iterates.

A demo's parameter model stays in `rnnquiz.content.demos` (course files are validated without
NumPy); everything it does lives in its module here, gathered into one `DemoSpec`.
"""

from __future__ import annotations

from typing import Any

from rnnquiz.rnn.demos import clipping, gradient_decay, hidden_state, memory_task, next_char
from rnnquiz.rnn.demos.spec import DemoSpec

DEMO_SPECS: tuple[DemoSpec[Any, Any], ...] = (
    hidden_state.SPEC,
    gradient_decay.SPEC,
    memory_task.SPEC,
    clipping.SPEC,
    next_char.SPEC,
)
"""Every demo, in the order of the lab's tabs (and its number keys)."""
SPECS: dict[str, DemoSpec[Any, Any]] = {spec.name: spec for spec in DEMO_SPECS}
"""Demo name -> its spec."""


def spec_of(name: str) -> DemoSpec[Any, Any]:
    """The spec of demo `name`; ValueError naming the known ones if there is none."""
    try:
        return SPECS[name]
    except KeyError:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(SPECS)}") from None
