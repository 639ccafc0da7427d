"""The lab's demos as streams: run one (`frames`), and turn any frame into lines to show (`render`).

Pure and thread-safe (each run owns its arrays), so a Textual thread worker can iterate `frames`,
render only the frames it will actually post, and stop between any two. Each demo's frames and
views come from its spec in `rnnquiz.rnn.demos` (the same plots and captions `rnnquiz demo`
prints); this module adds what they share: the outcome on the last frame, and fitting the width.
"""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Iterator

from rnnquiz.content.demos import DemoParams
from rnnquiz.rnn.demos import spec_of
from rnnquiz.rnn.demos.spec import LiveRun
from rnnquiz.rnn.demos.spec import View as View
from rnnquiz.rnn.experiments import StopCheck


def frames(name: str, params: DemoParams, *, text: str = "", full: bool = True,
           should_stop: StopCheck = None) -> Iterator[object]:
    """Run demo `name`; yields frames, the last with `done` true. `text` feeds demos that read the course."""
    return spec_of(name).frames(params, LiveRun(text, full, should_stop))


def is_done(frame: object) -> bool:
    return bool(getattr(frame, "done", True))


def fit(lines: list[str], width: int) -> list[str]:
    """Lines no wider than `width`: plots already are; a legend or a note too long breaks between its
    items (separated by three spaces), else between words, continued with an indent."""
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip()) + 2)
        row = ""
        for part in line.split("   "):
            joined = f"{row}   {part}" if row else part
            if len(joined) <= width or not row:
                row = joined
            else:
                out.append(row)
                row = indent + part.lstrip()
        out += textwrap.wrap(row, width, subsequent_indent=indent, break_on_hyphens=False) or [""]
    return out


def render(name: str, params: DemoParams, frame: object, *, width: int = 72) -> View:
    """Lines, a status line and the loss trend for one frame; the outcome too when the run is done."""
    spec = spec_of(name)
    found = spec.outcome(params, frame) if is_done(frame) else None
    view = spec.render(params, frame, width, found)
    return dataclasses.replace(view, lines=fit(view.lines, width))
