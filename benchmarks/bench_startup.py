"""Start-up time: process start to the home screen being ready, against a bare Textual app.

Both apps run in fresh processes, alternated, in the same run, so the figure is a ratio that
does not depend on the machine. "Ready" is Textual's own ready point (first screen composed and
rendered, the moment `auto_pilot` is called), headless at 80x24. rnnquiz goes through the real CLI
path: argument parsing, loading the bundled course, opening the progress database, the home screen.

    python benchmarks/bench_startup.py [--runs 7] [--content DIR] [--phases] [--as-is]

Target: rnnquiz / bare <= 1.25 with the bundled course.

Both apps run as an installed app does, from compiled bytecode: a development shell often sets
PYTHONDONTWRITEBYTECODE, which would make rnnquiz (an editable install, without .pyc files) compile
its fifty-odd modules on every start while Textual's come precompiled from site-packages. So the
children cache bytecode in a temporary folder (PYTHONPYCACHEPREFIX; the source tree is not written)
and the warm-up run fills it. `--as-is` runs them with the environment unchanged.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.25

READY = """
async def ready(pilot):
    print("READY", time.time(), type(pilot.app.screen).__name__, flush=True)
    pilot.app.exit()
"""

BARE = "import time\n" + READY + """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Hello")

Bare().run(headless=True, size=(80, 24), auto_pilot=ready)
"""

RNNQUIZ = "import time, sys\n" + READY + """
from rnnquiz.cli import build_parser
from rnnquiz.commands.app import build_app

args = build_parser().parse_args(sys.argv[1:])
app = build_app(args)
app.run(headless=True, size=(80, 24), auto_pilot=ready)
"""

PHASES = """
import sys, time
marks = [("start", time.perf_counter())]
import textual.app
marks.append(("Textual import (the bare app pays it too)", time.perf_counter()))
from rnnquiz.cli import build_parser
args = build_parser().parse_args(sys.argv[1:])
marks.append(("CLI and argument parser", time.perf_counter()))
from rnnquiz.commands.app import open_live
live = open_live(args)
marks.append(("content: outline cache (warm) or course load (cold)", time.perf_counter()))
from rnnquiz.commands.app import _open_store
store = _open_store(args, [])
marks.append(("progress database", time.perf_counter()))
from rnnquiz.tui.app import create_app
app = create_app(live, store)
marks.append(("rnnquiz.tui import, app built", time.perf_counter()))
async def ready(pilot):
    marks.append(("run to home screen ready (styles, compose, progress queries)", time.perf_counter()))
    pilot.app.exit()
app.run(headless=True, size=(80, 24), auto_pilot=ready)
for (_, before), (name, after) in zip(marks, marks[1:]):
    print(f"PHASE {(after - before) * 1000:.0f} {name}")
"""


ENV: dict[str, str] | None = None
"""The children's environment (None: this process's)."""


def compiled_env(pycache: str) -> dict[str, str]:
    """This environment with bytecode caching on, into `pycache`."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def phases(argv: list[str]) -> list[str]:
    """Where rnnquiz's start-up time goes, in process order (one run)."""
    result = subprocess.run([sys.executable, "-c", PHASES, *argv], capture_output=True, text=True, timeout=120,
                            env=ENV, check=False)
    return [line.removeprefix("PHASE ") for line in result.stdout.splitlines() if line.startswith("PHASE ")]


def time_to_ready(code: str, argv: list[str], screen: str = "Screen") -> float:
    """Seconds from spawning the process to the child reporting ready on `screen`."""
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120,
                            env=ENV, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("READY ")]
    if result.returncode != 0 or not lines or lines[-1].split()[2] != screen:
        raise RuntimeError(f"benchmark child failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return float(lines[-1].split()[1]) - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs of each app (after one warm-up)")
    parser.add_argument("--content", type=Path, action="append", default=[], help="extra content folder")
    parser.add_argument("--phases", action="store_true", help="also show where rnnquiz's start-up time goes")
    parser.add_argument("--as-is", action="store_true",
                        help="run the children in this environment unchanged (bytecode caching as it is)")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as pycache:
        global ENV  # noqa: PLW0603 -- every child of this run shares one bytecode cache
        ENV = None if options.as_is else compiled_env(pycache)
        return measure(options)


def measure(options: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as data_dir:
        app_argv = ["--data-dir", data_dir]
        for folder in options.content:
            app_argv += ["--content", str(folder)]
        time_to_ready(BARE, [])  # warm-up: .pyc files, page cache, the progress database's creation
        time_to_ready(RNNQUIZ, app_argv, "HomeScreen")
        bare, app = [], []
        for _ in range(options.runs):
            bare.append(time_to_ready(BARE, []))
            app.append(time_to_ready(RNNQUIZ, app_argv, "HomeScreen"))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    ratio = app_median / bare_median
    print(f"bare Textual app (one Label): median {bare_median * 1000:.0f} ms  (runs: "
          f"{', '.join(f'{t * 1000:.0f}' for t in bare)})")
    print(f"rnnquiz home screen:          median {app_median * 1000:.0f} ms  (runs: "
          f"{', '.join(f'{t * 1000:.0f}' for t in app)})")
    if ENV is None and sys.flags.dont_write_bytecode:
        print("note: run --as-is with PYTHONDONTWRITEBYTECODE set: modules without .pyc files compile on every start")
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {'ok' if ratio <= TARGET else 'OVER TARGET'}")
    if options.phases:
        with tempfile.TemporaryDirectory() as data_dir:
            phases(["--data-dir", data_dir])
            print("where rnnquiz's time goes (ms, one run, after Python's own start-up):")
            for line in phases(["--data-dir", data_dir]):
                ms, name = line.split(" ", 1)
                print(f"  {ms:>5}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
