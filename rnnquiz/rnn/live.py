"""The lab's demos as streams: run one (`frames`), and turn any frame into lines to show (`render`).

Pure and thread-safe (each run owns its arrays), so a Textual thread worker can iterate `frames`,
render only the frames it will actually post, and stop between any two. The plots and captions
are those of `report` and `plot`, the same the `rnnquiz demo` command prints; a frame of a run
still training gets its plots without the closing caption and a progress line instead.
"""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from rnnquiz.content.demos import DEMOS, DemoParams
from rnnquiz.rnn import experiments as ex
from rnnquiz.rnn import plot, report
from rnnquiz.rnn.learning import MEMORY_MODELS, N_SYMBOLS, ClippingFrame, MemoryFrame, NextCharFrame
from rnnquiz.rnn.predictions import Outcome, outcome

TRAINING = tuple(name for name, model in DEMOS.items() if "train_steps" in model.model_fields)
"""Demos that train, frame by frame; the other two compute at once."""
TREND_LENGTH = 200


@dataclass(frozen=True)
class Decay:
    """Gradient decay so far: the chosen cell first, then the comparison of cells and the rho sweep."""

    main: ex.GradientDecayResult
    cells: dict
    sweep: dict
    done: bool


@dataclass(frozen=True)
class View:
    """One frame, ready to show."""

    lines: list[str]
    status: str
    trend: tuple[float, ...]  # log10 of the recent losses, finite and positive only; empty if none
    step: int
    total: int
    outcome: Outcome | None  # set on the last frame of a run
    done: bool


def report_every(name: str, params: DemoParams) -> int:
    """Steps between frames: a few milliseconds of training, so a caller can pause (or rest) promptly.

    Fixed rather than a share of train_steps: a long run must stay as easy to pause as a short one.
    """
    if name == "next-char":
        return 20  # each frame also samples a text from the model
    return 5


def frames(name: str, params: DemoParams, *, text: str = "", full: bool = True,
           should_stop: ex.StopCheck = None) -> Iterator[object]:
    """Run demo `name`; yields frames, the last with `done` true. `text` feeds next-char."""
    if name == "hidden-state":
        yield ex.hidden_state(params)
    elif name == "gradient-decay":
        main = ex.gradient_decay(params, should_stop)
        if not full:
            yield Decay(main, {}, {}, True)
            return
        yield Decay(main, {}, {}, False)
        cells = {k: main if k == params.cell else ex.gradient_decay(params.model_copy(update={"cell": k}),
                                                                     should_stop)
                 for k in ("rnn", "lstm", "gru")}
        sweep = {r: main if r == params.rho else ex.gradient_decay(params.model_copy(update={"rho": r}),
                                                                   should_stop)
                 for r in ex.RHO_SWEEP}
        yield Decay(main, cells, sweep, True)
    elif name == "memory-task":
        yield from ex.memory_task(params, report_every=report_every(name, params))
    elif name == "clipping":
        yield from ex.clipping(params, report_every=report_every(name, params))
    elif name == "next-char":
        yield from ex.next_char(params, text, report_every=report_every(name, params))
    else:
        raise ValueError(f"unknown demo {name!r}")


def is_done(frame: object) -> bool:
    return bool(getattr(frame, "done", True))


def _wrap(text: str, width: int) -> list[str]:
    return [plot.clean(line) for line in textwrap.wrap(text, max(20, width))]


def _trend(values: np.ndarray) -> tuple[float, ...]:
    """For a sparkline: log10 of the last losses that are finite and positive (a spike stays visible)."""
    tail = np.asarray(values, dtype=float)[-TREND_LENGTH:]
    return tuple(float(v) for v in np.log10(tail[np.isfinite(tail) & (tail > 0)]))


def _without_caption(lines: list[str]) -> list[str]:
    """A training report's plots, without the closing caption (it speaks of the end of the run)."""
    return lines[: len(lines) - 1 - lines[::-1].index("")] if "" in lines else lines


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
    view = _render(name, params, frame, width)
    return dataclasses.replace(view, lines=fit(view.lines, width))


def _render(name: str, params: DemoParams, frame: object, width: int) -> View:
    done = is_done(frame)
    found = outcome(name, params, frame.main if isinstance(frame, Decay) else frame) if done else None
    fmt = plot.fmt_number
    if name == "hidden-state":
        return View(report.hidden_state_lines(frame, width=width), "", (), 1, 1, found, True)
    if isinstance(frame, Decay):
        lines = report.gradient_decay_lines(frame.main, frame.cells, frame.sweep, width=width)
        if not done:
            lines += ["", *_wrap("Computing the RNN / LSTM / GRU comparison and the sweep over rho...", width)]
        return View(lines, "" if done else "comparing cells and rho", (), int(done), 1, found, done)
    if isinstance(frame, MemoryFrame):
        return _memory_view(params, frame, width, found)
    if isinstance(frame, ClippingFrame):
        lines = report.clipping_lines(frame, params, width=width)
        status = (f"step {frame.step}/{frame.train_steps}  loss {fmt(frame.loss_clipped[-1])} clipped, "
                  f"{fmt(frame.loss_plain[-1])} plain")
        if not done:
            lines = _without_caption(lines) + ["", *_wrap(f"Training: step {frame.step} of "
                                                          f"{frame.train_steps}.", width)]
        return View(lines, status, _trend(frame.loss_clipped), frame.step, frame.train_steps, found, done)
    if isinstance(frame, NextCharFrame):
        lines = report.next_char_progress(frame, width=width) + [""] + report.next_char_lines(frame, width=width)
        status = f"step {frame.step}/{frame.train_steps}  loss {fmt(frame.losses[-1])} nats/char"
        return View(lines, status, _trend(frame.losses), frame.step, frame.train_steps, found, done)
    raise ValueError(f"cannot render a {type(frame).__name__}")


def _memory_view(params, f: MemoryFrame, width: int, found: Outcome | None) -> View:
    index, model = int(np.flatnonzero(f.delays == f.delay)[0]), MEMORY_MODELS.index(f.model)
    total = len(f.delays) * len(MEMORY_MODELS) * f.train_steps
    step = (index * len(MEMORY_MODELS) + model) * f.train_steps + f.step
    status = (f"{f.model.upper()} at delay {f.delay}: step {f.step}/{f.train_steps}, loss {plot.fmt_number(f.loss)}"
              f"  (run {index * len(MEMORY_MODELS) + model + 1} of {len(f.delays) * len(MEMORY_MODELS)})")
    if f.done:
        return View(report.memory_lines(f, width=width), status, (), total, total, found, True)
    title = (f"Memory task: recall the first of {N_SYMBOLS} symbols after a delay (chance {f.chance:.3g}), "
             f"{f.train_steps} training steps per model and delay")
    lines = _wrap(title, width)
    trained = [i for i in range(len(f.delays)) if all(np.isfinite(f.accuracy[m][i]) for m in MEMORY_MODELS)]
    if trained:
        series = {m: f.accuracy[m][trained] for m in MEMORY_MODELS}
        series["chance"] = np.full(len(trained), f.chance)
        lines += plot.line_plot(series, x=f.delays[trained], width=width, height=10, log_y=False,
                                y_range=(0.0, 1.0), x_label="delay", y_label="accuracy")
    lines += ["", "delay   " + "  ".join(f"{m:>5}" for m in MEMORY_MODELS)]
    for i, d in enumerate(f.delays):
        cells = [f"{f.accuracy[m][i]:>5.2f}" if np.isfinite(f.accuracy[m][i]) else "  ..." for m in MEMORY_MODELS]
        lines.append(f"{d:>5}   " + "  ".join(cells))
    lines += ["", *_wrap(f"Training: {status}. Each delay's accuracy appears when both models have trained "
                         "on it.", width)]
    return View(lines, status, (), step, total, None, False)
