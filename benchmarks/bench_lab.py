"""Live training in the real lab: training steps per second while the UI draws every frame it gets.

The app runs headless (Textual's test driver: each frame is laid out and rendered, the output is
thrown away) on the lab screen at 100x30. The prediction is skipped, which starts training, and
for a few seconds the benchmark counts the steps of the frames the widget has drawn, the frames
drawn, and how long a key press takes to be handled while the worker runs. The baseline is the
same run without any UI, in the same process, so the ratio shows what the drawing costs.

    python benchmarks/bench_lab.py [--seconds 4]

Target: at least 20 training steps per second at H=32, T=50 (next-char and clipping; a clipping
step trains two networks, plain and clipped). Exit code 1 if a case misses it.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from textual import events

from rnnquiz.content.demos import DEMOS
from rnnquiz.content.library import load_library
from rnnquiz.paths import content_paths
from rnnquiz.rnn import live
from rnnquiz.rnn.corpus import course_text
from rnnquiz.tui.app import create_app
from rnnquiz.tui.lab_target import target_arg
from rnnquiz.tui.widgets.demo_view import DemoView
from rnnquiz.tui.widgets.param_panel import KnobList

REQUIRED = 20
CASES = [
    ("next-char", {"hidden": 32, "seq_length": 50, "train_steps": 100_000}),
    ("clipping", {"hidden": 32, "steps": 50, "train_steps": 100_000, "activation": "tanh", "rho": 1.2}),
]


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


async def in_app(library, name: str, params, seconds: float) -> tuple[float, float, float]:
    """(steps/s, frames drawn/s, slowest key press in ms) with the lab on screen."""
    app = create_app(library, None, initial="lab", arg=target_arg(name, params))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(DemoView)
        view.answer(None)  # skip the prediction: training starts
        await pilot.pause()
        knobs = app.screen.query_one(KnobList)
        start = time.perf_counter()
        slowest = 0.0
        while time.perf_counter() - start < seconds:
            slowest = max(slowest, await key_latency(app, knobs))
            await asyncio.sleep(0.2)
        elapsed = time.perf_counter() - start
        steps, frames = view.steps_shown, view.frames_shown
        view.cancel()
    return steps / elapsed, frames / elapsed, slowest * 1e3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    seconds = parser.parse_args().seconds
    library = load_library(content_paths())
    text = course_text(library.files)
    print(f"live training in the lab, headless 100x30, {seconds:g} s per case (need >= {REQUIRED} steps/s)")
    print(f"{'demo':<11}{'params':<44}{'bare/s':>8}{'in app/s':>10}{'ratio':>7}{'frames/s':>10}{'key ms':>8}")
    ok = True
    for name, given in CASES:
        params = DEMOS[name].model_validate(given)
        bare = baseline(name, params, text, seconds)
        rate, frames, key_ms = asyncio.run(in_app(library, name, params, seconds))
        ok &= rate >= REQUIRED
        shown = ", ".join(f"{k}={v}" for k, v in given.items() if k != "train_steps")
        print(f"{name:<11}{shown:<44}{bare:>8.0f}{rate:>10.0f}{rate / bare:>7.2f}{frames:>10.1f}{key_ms:>8.0f}"
              f"  {'ok' if rate >= REQUIRED else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
