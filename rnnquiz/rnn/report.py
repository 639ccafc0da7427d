"""`rnnquiz demo`'s run of any demo: its streamed progress, then its closing text or its numbers.

Each demo prints through its spec's `printout` (in `rnnquiz.rnn.demos`); the plots come from
`plot.py`. In JSON a value beyond float64 ("exploded") is written as null, so the output is strict
JSON that any parser reads.
"""

from __future__ import annotations

from collections.abc import Callable

from rnnquiz.content.demos import DemoParams
from rnnquiz.rnn.demos import spec_of
from rnnquiz.rnn.demos.common import NULL_NOTE as NULL_NOTE
from rnnquiz.rnn.demos.common import jsonable as jsonable
from rnnquiz.rnn.demos.spec import Printing, Printout
from rnnquiz.rnn.demos.spec import Refused as Refused


def printout(name: str, params: DemoParams, *, width: int, ascii: bool, streaming: bool,
             emit: Callable[[list[str]], None], text: str = "") -> Printout:
    """Run demo `name` for the command line; Refused if its parameters do not fit the course text."""
    return spec_of(name).printout(params, Printing(width, ascii, streaming, emit, text))
