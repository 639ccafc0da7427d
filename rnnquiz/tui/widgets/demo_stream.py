"""The body of a demo's thread worker: run the demo, render the frames worth drawing, hand them over.

No Textual here: the widget passes in how to post a frame, how to tell it was cancelled and the
width to draw at, so the loop can be read (and timed) on its own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rnnquiz.content.demos import DemoParams

if TYPE_CHECKING:
    from rnnquiz.rnn.demos.spec import View

MIN_INTERVAL = 1 / 30
"""Shortest time between two posted frames; twice the render time when rendering takes longer."""
BUSY, REST = 0.02, 0.01
"""The worker trains for BUSY seconds, then sleeps REST, so the UI thread gets the GIL without a fight."""
MIN_WIDTH = 36
"""Plots are drawn at least this wide; a narrower view clips them on the right."""


@lru_cache(maxsize=4)
def course_text(files: tuple[Path, ...]) -> str:
    """The training text of a demo that reads the course (next-char), read once per set of course files."""
    from rnnquiz.rnn.corpus import course_text as read

    return read(files)


@dataclass
class Run:
    """One run's shared state: the worker waits while `go` is clear (paused); the UI sets and clears it."""

    id: int
    name: str
    params: DemoParams
    full: bool
    files: tuple[Path, ...]
    go: threading.Event = field(default_factory=threading.Event)


def render(run: Run, frame: object, width: int) -> View:
    from rnnquiz.rnn import live

    return live.render(run.name, run.params, frame, width=max(MIN_WIDTH, width))


def stream(run: Run, cancelled: Callable[[], bool], post: Callable[[object, View], object],
           width: Callable[[], int], hidden: Callable[[], bool] = lambda: False) -> None:
    """Iterate the run; render and post a frame when one is due, on pause, and at the end.

    Frames between posts are skipped unrendered, so a fast run costs one render per interval.
    While `hidden()` (its screen is covered by another) the run waits, as if paused, without
    saying so. Returns quietly once `cancelled()` is true; other exceptions are the caller's to report.
    """
    from rnnquiz.rnn import live
    from rnnquiz.rnn.demos import SPECS
    from rnnquiz.rnn.experiments import Interrupted

    interval, posted = MIN_INTERVAL, 0.0
    text = course_text(run.files) if SPECS[run.name].reads_course_text else ""
    rested = time.monotonic()
    try:
        for frame in live.frames(run.name, run.params, text=text, full=run.full, should_stop=cancelled):
            if cancelled():
                return
            if live.is_done(frame) or not run.go.is_set() or time.monotonic() - posted >= interval:
                began = time.monotonic()
                view = render(run, frame, width())
                posted = time.monotonic()
                interval = max(MIN_INTERVAL, 2 * (posted - began))
                post(frame, view)
            while not run.go.wait(0.05) or hidden():
                if cancelled():
                    return
            if REST and time.monotonic() - rested >= BUSY:
                time.sleep(REST)
                rested = time.monotonic()
    except Interrupted:
        return
