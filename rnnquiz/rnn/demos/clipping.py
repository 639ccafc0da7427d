"""Gradient clipping: one RNN in an exploding setting, trained twice by SGD, plain and clipped."""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from rnnquiz.content.demos import ClippingParams
from rnnquiz.rnn import learning, plot
from rnnquiz.rnn.demos.common import json_fields, live_wrap, trend, without_caption, wrap
from rnnquiz.rnn.demos.spec import DemoSpec, LiveRun, Outcome, Printing, Printout, Question, View
from rnnquiz.rnn.learning import ClippingFrame

REPORT_EVERY = 5
"""Training steps between live frames: a few milliseconds, so the lab pauses promptly however long the run."""


def frames(params: ClippingParams, run: LiveRun) -> Iterator[ClippingFrame]:
    yield from learning.clipping(params, report_every=REPORT_EVERY)


def _caption(f: ClippingFrame) -> str:
    if f.exploded_at == 1:
        plain = "Without clipping the loss left float64 at the very first step: the states themselves overflow."
    elif f.exploded_at is not None:
        plain = (f"Without clipping the run exploded at step {f.exploded_at}: a huge gradient step threw the "
                 "weights so far that the loss left float64.")
    else:
        plain = f"Without clipping the final loss is {plot.fmt_number(f.loss_plain[-1])}."
    if not np.isfinite(f.loss_clipped[-1]):
        clipped = ("Clipping cannot rescue this one: it bounds the step, not the forward pass, and here the "
                   "states overflow before any useful step is taken.")
    else:
        clipped = (f"With clipping the same kind of gradients (up to {plot.fmt_number(f.norm_before.max())}) are "
                   f"rescaled to norm {f.threshold:g}, keeping their direction, and the loss ends at "
                   f"{plot.fmt_number(f.loss_clipped[-1])}.")
    return f"What you see: {plain} {clipped}"


def lines(f: ClippingFrame, params: ClippingParams, *, width: int = 72, ascii: bool = False) -> list[str]:
    """Both loss curves, the gradient norms before and after clipping, and the caption."""
    title = (f"Gradient clipping: one {params.activation} RNN (rho {params.rho:g}, T = {params.steps}) "
             "trained twice by SGD to predict the next value of sine waves")
    out = wrap(title, width, ascii)
    steps = np.arange(1, f.step + 1)
    losses = {"no clipping": f.loss_plain, f"clipped at {f.threshold:g}": f.loss_clipped}
    out += plot.loss_curves(losses, x=steps, width=width, ascii=ascii)
    norms = {"no clipping": f.norm_plain, "before clipping": f.norm_before, "after clipping": f.norm_after}
    out += ["", "gradient norm per step"]
    out += plot.line_plot(norms, x=steps, width=width, height=10, x_label="training step",
                          zero_note="step skipped (0)", ascii=ascii)
    return out + [""] + wrap(_caption(f), width, ascii)


def render(params: ClippingParams, f: ClippingFrame, width: int, found: Outcome | None) -> View:
    out = lines(f, params, width=width)
    fmt = plot.fmt_number
    status = (f"step {f.step}/{f.train_steps}  loss {fmt(f.loss_clipped[-1])} clipped, "
              f"{fmt(f.loss_plain[-1])} plain")
    if not f.done:
        out = without_caption(out) + ["", *live_wrap(f"Training: step {f.step} of {f.train_steps}.", width)]
    return View(out, status, trend(f.loss_clipped), f.step, f.train_steps, found, f.done)


def printout(params: ClippingParams, out: Printing) -> Printout:
    frame = learning.final(learning.clipping(params))
    return Printout(lambda: lines(frame, params, width=out.width, ascii=out.ascii), lambda: json_fields(frame))


def question(p: ClippingParams) -> Question:
    text = (f"One {p.activation} RNN (rho = {p.rho:g}, T = {p.steps}) is trained twice by SGD for "
            f"{p.train_steps} steps: once plain, once with its gradient clipped to norm {p.threshold:g}. "
            "What happens to the plain run?")
    return Question(text, ("It explodes: its loss leaves float64",
                           "It survives, but ends with a clearly higher loss than the clipped run",
                           "It survives and ends about as well as the clipped run, or better"))


def outcome(p: ClippingParams, f: ClippingFrame) -> Outcome:
    plain, clipped = float(f.loss_plain[-1]), float(f.loss_clipped[-1])
    fmt = plot.fmt_number
    if f.exploded_at == 1:
        answer, fact = 0, "The plain run's loss left float64 at the very first step: the states themselves overflow."
    elif f.exploded_at is not None:
        answer = 0
        fact = (f"The plain run exploded at step {f.exploded_at}: a step proportional to a huge gradient threw "
                "the weights so far that the loss left float64.")
    else:
        answer = 1 if math.isfinite(clipped) and plain > 1.25 * clipped else 2
        fact = f"The plain run survived all {f.step} steps and ends at loss {fmt(plain)}."
    if not math.isfinite(clipped):
        why = ("Clipping cannot rescue this one: it bounds the step, not the forward pass, and here the states "
               "overflow before any useful step is taken.")
    elif answer == 2:
        why = (f"The clipped run ends at {fmt(clipped)}. Clipping only acts when the norm passes {p.threshold:g}; "
               "here the plain run's gradients stayed tame enough. Try another seed, a larger rho or a larger "
               "learning rate.")
    else:
        why = (f"Clipping rescales every gradient above norm {p.threshold:g} down to that norm, keeping its "
               f"direction, so the clipped run's steps stay bounded; its loss ends at {fmt(clipped)}.")
    return Outcome(answer, f"{fact} {why}")


SPEC = DemoSpec(
    name="clipping", short="clipping", params=ClippingParams, frames=frames, render=render,
    question=question, outcome=outcome, printout=printout,
)
