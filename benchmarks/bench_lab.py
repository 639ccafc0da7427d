"""Live training in the real lab: training steps per second while the UI draws every frame it gets.

The app runs on the lab screen at 100x30 with a driver that draws like a terminal's: every screen
update is laid out, rendered and turned into the escape sequences a terminal would receive, and
only then thrown away. (Textual's plain headless test driver skips that last, costly step, so it
would flatter the figure.) The prediction is skipped, which starts training, and for a few
seconds the benchmark counts the training steps shown on screen (from the first frame measured to
the last, so the steps before the clock started are not counted), the frames drawn, the screen
updates written, and how long a key press takes to be handled while the worker runs. The baseline
is the same run without any UI, in the same process, so the ratio shows what the drawing costs.

    python benchmarks/bench_lab.py [--seconds 4]

Target: at least 20 training steps per second at H=32, T=50 (next-char and clipping; a clipping
step trains two networks, plain and clipped). Exit code 1 if a case misses it.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from textual import events
from textual.drivers.headless_driver import HeadlessDriver

from rnnquiz.content.demos import DEMOS
from rnnquiz.content.library import load_library
from rnnquiz.paths import content_paths
from rnnquiz.rnn import live
from rnnquiz.rnn.corpus import course_text
from rnnquiz.rnn.target import target_arg
from rnnquiz.tui.app import create_app
from rnnquiz.tui.widgets.demo_view import DemoView
from rnnquiz.tui.widgets.param_panel import KnobList

REQUIRED = 20
CASES = [
    ("next-char", {"hidden": 32, "seq_length": 50, "train_steps": 100_000}),
    ("clipping", {"hidden": 32, "steps": 50, "train_steps": 100_000, "activation": "tanh", "rho": 1.2}),
]


class DrawingDriver(HeadlessDriver):
    """Headless input, but the app renders every update to terminal output, which is counted and dropped."""

    writes = 0
    written = 0

    @property
    def is_headless(self) -> bool:
        return False  # so App._display renders the escape sequences and calls write()

    def write(self, data: str) -> None:
        self.writes += 1
        self.written += len(data)

    def flush(self) -> None:
        pass


def drawing(app) -> None:
    """Make `app.run_test` use a `DrawingDriver`."""

    def build(headless: bool, inline: bool, mouse: bool, size):
        app._driver = DrawingDriver(app, debug=False, mouse=mouse, size=size)
        return app._driver

    app._build_driver = build


def baseline(name: str, params, text: str, seconds: float) -> float:
    """Steps per second of the bare run: the frames are made, never rendered or drawn."""
    start, step = time.perf_counter(), 0
    for frame in live.frames(name, params, text=text):
        step = getattr(frame, "step", 0)
        if time.perf_counter() - start >= seconds:
            break
    return step / (time.perf_counter() - start)


async def key_latency(app, knobs: KnobList) -> float:
    """Seconds from a key event reaching the app to the parameter list having moved.

    Sent as the terminal driver would send it. (Pilot.press also waits for the process to go idle,
    which it never does while training, so it cannot time this.)
    """
    before = knobs.highlighted
    event = events.Key("down" if before == 0 else "up", None)
    began = time.perf_counter()
    app.post_message(event)
    while knobs.highlighted == before:
        await asyncio.sleep(0.001)
    return time.perf_counter() - began


async def in_app(library, name: str, params, seconds: float) -> tuple[float, float, float, float]:
    """(steps/s, frames drawn/s, screen updates written/s, slowest key press in ms) with the lab on screen."""
    app = create_app(library, None, initial="lab", arg=target_arg(name, params))
    drawing(app)
    async with app.run_test(size=(100, 30)) as pilot:
        while not app.screen.query(DemoView):
            await asyncio.sleep(0.01)
        await pilot.pause()
        view = app.screen.query_one(DemoView)
        driver = app._driver
        assert isinstance(driver, DrawingDriver) and not app.is_headless
        view.answer(None)  # skip the prediction: training starts
        while view.frames_shown < 2:
            await asyncio.sleep(0.01)
        knobs = app.screen.query_one(KnobList)
        start, steps0, frames0, writes0 = time.perf_counter(), view.steps_shown, view.frames_shown, driver.writes
        slowest = 0.0
        while time.perf_counter() - start < seconds:
            slowest = max(slowest, await key_latency(app, knobs))
            await asyncio.sleep(0.2)
        elapsed = time.perf_counter() - start
        steps, frames, writes = view.steps_shown - steps0, view.frames_shown - frames0, driver.writes - writes0
        assert view.state == "running", view.state  # the run must not have finished inside the window
        view.cancel()
    return steps / elapsed, frames / elapsed, writes / elapsed, slowest * 1e3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    seconds = parser.parse_args().seconds
    library = load_library(content_paths())
    text = course_text(library.files)
    print(f"live training in the lab at 100x30, every update drawn to a null terminal, {seconds:g} s per case "
          f"(need >= {REQUIRED} steps/s)")
    print(f"{'demo':<11}{'params':<44}{'bare/s':>8}{'in app/s':>10}{'ratio':>7}{'frames/s':>10}"
          f"{'writes/s':>10}{'key ms':>8}")
    ok = True
    for name, given in CASES:
        params = DEMOS[name].model_validate(given)
        bare = baseline(name, params, text, seconds)
        rate, frames, writes, key_ms = asyncio.run(in_app(library, name, params, seconds))
        ok &= rate >= REQUIRED
        shown = ", ".join(f"{k}={v}" for k, v in given.items() if k != "train_steps")
        print(f"{name:<11}{shown:<44}{bare:>8.0f}{rate:>10.0f}{rate / bare:>7.2f}{frames:>10.1f}{writes:>10.1f}"
              f"{key_ms:>8.0f}  {'ok' if rate >= REQUIRED else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
