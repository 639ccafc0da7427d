"""Memory task: an RNN and an LSTM learn to recall the first symbol after a delay; accuracy by delay."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from rnnquiz.content.demos import MemoryTaskParams
from rnnquiz.rnn import learning, plot
from rnnquiz.rnn.demos.common import NULL_NOTE, json_fields, live_wrap, wrap
from rnnquiz.rnn.demos.spec import DemoSpec, LiveRun, Outcome, Printing, Printout, Question, View
from rnnquiz.rnn.learning import MEMORY_MODELS, N_SYMBOLS, MemoryFrame

REPORT_EVERY = 5
"""Training steps between live frames: a few milliseconds, so the lab pauses promptly however long the run."""
CLEAR_MARGIN = 0.2
"""Accuracy gap (20 points) that counts as one model clearly recalling better."""


def frames(params: MemoryTaskParams, run: LiveRun) -> Iterator[MemoryFrame]:
    yield from learning.memory_task(params, report_every=REPORT_EVERY)


def _title(f: MemoryFrame) -> str:
    return (f"Memory task: recall the first of {N_SYMBOLS} symbols after a delay (chance {f.chance:.3g}), "
            f"{f.train_steps} training steps per model and delay")


def progress(f: MemoryFrame) -> str | None:
    """One line when a model has finished a delay, for streaming output."""
    if f.step != f.train_steps:
        return None
    acc = f.accuracy[f.model][int(np.flatnonzero(f.delays == f.delay)[0])]
    return f"delay {f.delay:>3}: {f.model:<4} accuracy {acc:.2f} (final loss {plot.fmt_number(f.loss)})"


def lines(f: MemoryFrame, *, width: int = 72, ascii: bool = False) -> list[str]:
    """The finished run: accuracy by delay as a plot and a table, and the caption."""
    out = wrap(_title(f), width, ascii)
    series = {**f.accuracy, "chance": np.full(len(f.delays), f.chance)}
    out += plot.line_plot(series, x=f.delays, width=width, height=10, log_y=False, y_range=(0.0, 1.0),
                          x_label="delay (steps between the symbol and the recall)", y_label="accuracy",
                          ascii=ascii)
    out += ["", "delay   " + "  ".join(f"{m:>5}" for m in f.accuracy)]
    for i, d in enumerate(f.delays):
        out.append(f"{d:>5}   " + "  ".join(f"{f.accuracy[m][i]:>5.2f}" for m in f.accuracy))
    rnn, lstm = f.accuracy["rnn"][-1], f.accuracy["lstm"][-1]
    text = f"What you see: at the longest delay the RNN recalls {rnn:.0%} and the LSTM {lstm:.0%}."
    if rnn < lstm - 0.2:
        text += (" The RNN must carry the symbol through one Jacobian per step, and the learning signal fades "
                 "on the way back; the LSTM's forget gate lets its cell state, and the gradient, pass almost "
                 "unchanged.")
    else:
        text += " At this delay the RNN still copes; try a longer --max-delay to see it fade."
    return out + [""] + wrap(text, width, ascii)


def numbers(f: MemoryFrame) -> dict[str, object]:
    return {**json_fields(f), "n_symbols": N_SYMBOLS, "non_finite": NULL_NOTE}


def render(params: MemoryTaskParams, f: MemoryFrame, width: int, found: Outcome | None) -> View:
    """While training, the delays trained so far (by both models); at the end, the report."""
    index, model = int(np.flatnonzero(f.delays == f.delay)[0]), MEMORY_MODELS.index(f.model)
    total = len(f.delays) * len(MEMORY_MODELS) * f.train_steps
    step = (index * len(MEMORY_MODELS) + model) * f.train_steps + f.step
    status = (f"{f.model.upper()} at delay {f.delay}: step {f.step}/{f.train_steps}, loss {plot.fmt_number(f.loss)}"
              f"  (run {index * len(MEMORY_MODELS) + model + 1} of {len(f.delays) * len(MEMORY_MODELS)})")
    if f.done:
        return View(lines(f, width=width), status, (), total, total, found, True)
    out = live_wrap(_title(f), width)
    trained = [i for i in range(len(f.delays)) if all(np.isfinite(f.accuracy[m][i]) for m in MEMORY_MODELS)]
    if trained:
        series = {m: f.accuracy[m][trained] for m in MEMORY_MODELS}
        series["chance"] = np.full(len(trained), f.chance)
        out += plot.line_plot(series, x=f.delays[trained], width=width, height=10, log_y=False,
                              y_range=(0.0, 1.0), x_label="delay", y_label="accuracy")
    out += ["", "delay   " + "  ".join(f"{m:>5}" for m in MEMORY_MODELS)]
    for i, d in enumerate(f.delays):
        cells = [f"{f.accuracy[m][i]:>5.2f}" if np.isfinite(f.accuracy[m][i]) else "  ..." for m in MEMORY_MODELS]
        out.append(f"{d:>5}   " + "  ".join(cells))
    out += ["", *live_wrap(f"Training: {status}. Each delay's accuracy appears when both models have trained "
                           "on it.", width)]
    return View(out, status, (), step, total, None, False)


def printout(params: MemoryTaskParams, out: Printing) -> Printout:
    """Says each model's accuracy as it finishes a delay, then the plot and the table."""
    frame = None
    for frame in learning.memory_task(params):
        line = progress(frame)
        if line and out.streaming:
            out.emit([line])
    assert frame is not None  # a run always ends with a done frame
    last = frame
    return Printout(lambda: [""] + lines(last, width=out.width, ascii=out.ascii), lambda: numbers(last))


def question(p: MemoryTaskParams) -> Question:
    text = (f"An RNN and an LSTM ({p.hidden} units each) train {p.train_steps} steps per delay to recall the "
            f"first of {N_SYMBOLS} symbols after a delay of up to {p.max_delay} steps. At the longest delay, "
            "which one recalls better?")
    return Question(text, ("The LSTM, by 20 points or more", "Neither clearly: within 20 points",
                           "The RNN, by 20 points or more"))


def outcome(p: MemoryTaskParams, f: MemoryFrame) -> Outcome:
    rnn, lstm = float(f.accuracy["rnn"][-1]), float(f.accuracy["lstm"][-1])
    gap = lstm - rnn
    answer = 0 if gap >= CLEAR_MARGIN else 2 if gap <= -CLEAR_MARGIN else 1
    fact = f"At delay {int(f.delays[-1])}: RNN {rnn:.0%}, LSTM {lstm:.0%} (chance {f.chance:.0%})."
    if answer == 0:
        why = ("The RNN's learning signal must cross the whole delay through one Jacobian per step and fades on "
               "the way; the LSTM's forget gate, started open here, lets its cell state and its gradient pass "
               "almost unchanged.")
    elif answer == 2:
        why = ("Here the RNN did better: with this seed and budget the LSTM had not learned the task yet. Try "
               "more train_steps or another seed.")
    elif min(rnn, lstm) >= 0.8:
        why = "At this delay both still cope; raise max_delay to see the RNN fade first."
    elif max(rnn, lstm) < 0.5:
        why = "Both struggle at this delay with this much training; give them more train_steps."
    else:
        why = "Close at this delay; results vary with the seed and the number of training steps."
    return Outcome(answer, f"{fact} {why}")


SPEC = DemoSpec(
    name="memory-task", short="memory", params=MemoryTaskParams, frames=frames, render=render,
    question=question, outcome=outcome, printout=printout,
)
