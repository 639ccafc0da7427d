"""The lab's demos, one module each: the table every consumer iterates, in lab order.

A demo's parameter model stays in `rnnquiz.content.demos` (course files are validated without
NumPy), and the order of its `DEMOS` catalogue is the lab's order; everything a demo does lives in
its module here, `rnnquiz.rnn.demos.<name with underscores>`, gathered into one `SPEC`. So adding
a demo touches the catalogue and its own module, and no list here.
"""

from __future__ import annotations

import importlib
from typing import Any

from rnnquiz.content.demos import DEMOS
from rnnquiz.rnn.demos.spec import DemoSpec


def _load(name: str) -> DemoSpec[Any, Any]:
    """The `SPEC` of the module named after demo `name`; ImportError if it is missing or misnamed."""
    module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    spec = getattr(module, "SPEC", None)
    if not isinstance(spec, DemoSpec) or spec.name != name or spec.params is not DEMOS[name]:
        raise ImportError(f"{module.__name__} must define SPEC = DemoSpec(name={name!r}, params=DEMOS[{name!r}], ...)")
    return spec


DEMO_SPECS: tuple[DemoSpec[Any, Any], ...] = tuple(_load(name) for name in DEMOS)
"""Every demo, in the order of the lab's tabs (and its number keys)."""
SPECS: dict[str, DemoSpec[Any, Any]] = {spec.name: spec for spec in DEMO_SPECS}
"""Demo name -> its spec."""


def spec_of(name: str) -> DemoSpec[Any, Any]:
    """The spec of demo `name`; ValueError naming the known ones if there is none."""
    try:
        return SPECS[name]
    except KeyError:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(SPECS)}") from None
