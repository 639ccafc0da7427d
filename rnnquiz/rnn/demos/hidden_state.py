"""Hidden state: a small cell reads a text or a signal; a heatmap shows every unit at every step."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from rnnquiz.content.demos import HiddenStateParams
from rnnquiz.rnn import experiments as ex
from rnnquiz.rnn import plot
from rnnquiz.rnn.demos.common import CELLS, NULL_NOTE, jsonable, wrap
from rnnquiz.rnn.demos.spec import DemoSpec, LiveRun, Outcome, Printing, Printout, Question, View
from rnnquiz.rnn.experiments import HiddenStateResult

CELL_NAMES = {"rnn": "an RNN", "lstm": "an LSTM", "gru": "a GRU"}


def frames(params: HiddenStateParams, run: LiveRun) -> Iterator[HiddenStateResult]:
    yield ex.hidden_state(params)


def lines(r: HiddenStateResult, *, width: int = 72, ascii: bool = False) -> list[str]:
    """The heatmap, the input under it for a signal, the legend and the caption."""
    H, T = r.states.shape
    relu = r.cell == "rnn" and r.activation == "relu"
    text = r.signal == "text"
    what = f'"{"".join(r.labels)}"' if text else f"a {r.signal} signal of {T} steps"
    cell = CELL_NAMES[r.cell] + (f" ({r.activation})" if r.cell == "rnn" else "")
    out = wrap(f"Hidden state: {H} units of {cell} reading {what}", width, ascii)
    top = 1.0 if relu else 0.95  # ReLU is unbounded: 1 and above all get the darkest shade
    out += plot.heatmap(
        np.abs(r.states), lo=0.0, hi=top, width=width, full=None if relu else r.saturated,
        row_labels=[f"h{i + 1}" for i in range(H)], col_labels=r.labels if text else None, ascii=ascii,
    )
    gutter = len(f"h{H}") + 1
    if not text and width - gutter >= T:  # the input under its columns, so cause and effect line up
        out.insert(-1, f"{'x':>{gutter - 1}} " + plot.sparkline(r.inputs[:, 0], ascii=ascii))
    out.append(plot.shade_legend(0.0, top, ascii=ascii, what="|h|", full_means="" if relu else "saturated"))
    if relu:
        rule = "Blank means h = 0, where ReLU is flat (f' = 0) and passes no gradient; 1 and above is darkest"
    else:
        rule = (f"{plot.FULL[ascii]} marks saturation ({r.saturation_rule}), where a gradient through the "
                "unit is cut tenfold or more")
    frac = r.saturated_fraction
    worst = [f"h{i + 1} {frac[i]:.0%}" for i in np.argsort(-frac)[:3] if frac[i] > 0]
    caption = (f"What you see: each row is one hidden unit, each column one time step; the darker, the "
               f"larger |h|. {rule}. Flagged {r.saturated.mean():.0%} of the time overall"
               + (f"; most: {', '.join(worst)}." if worst else "."))
    if r.exploded.any():
        t = int(np.argmax(r.exploded.any(axis=0))) + 1
        caption += f" From step {t} the state exploded (beyond float64, shown as '!')."
    return out + [""] + wrap(caption, width, ascii)


def numbers(r: HiddenStateResult) -> dict[str, object]:
    keep = ("states", "saturated", "exploded", "labels", "inputs", "signal", "cell", "activation", "saturation_rule")
    out = {k: jsonable(getattr(r, k)) for k in keep}
    return {**out, "saturated_fraction": jsonable(r.saturated_fraction), "non_finite": NULL_NOTE}


def render(params: HiddenStateParams, r: HiddenStateResult, width: int, found: Outcome | None) -> View:
    return View(lines(r, width=width), "", (), 1, 1, found, True)


def printout(params: HiddenStateParams, out: Printing) -> Printout:
    result = ex.hidden_state(params)
    return Printout(lambda: lines(result, width=out.width, ascii=out.ascii), lambda: numbers(result))


def question(p: HiddenStateParams) -> Question:
    what = f'the text "{p.text}"' if p.signal == "text" else f"a {p.signal} signal of {p.steps} steps"
    cell = f"a {p.activation} RNN" if p.cell == "rnn" else f"an {CELLS[p.cell]}" if p.cell == "lstm" else "a GRU"
    head = f"{cell[0].upper()}{cell[1:]} with {p.hidden} units, W_hh at rho = {p.rho:g}, reads {what}. "
    if p.cell == "rnn" and p.activation == "relu":
        ask = "How often will a unit sit at h = 0, where ReLU is flat and passes no gradient?"
    else:
        ask = f"How much of the time will a unit be saturated (|h| > {ex.SATURATION}, where tanh' < 0.1)?"
    return Question(head + ask, ("Rarely: under 10% of the time", "Sometimes: 10% to 50%", "Mostly: over 50%"))


def outcome(p: HiddenStateParams, r: HiddenStateResult) -> Outcome:
    share = float(r.saturated.mean())
    answer = 0 if share < 0.1 else 1 if share <= 0.5 else 2
    relu = r.cell == "rnn" and r.activation == "relu"
    fact = f"{share:.0%} of all (unit, step) cells were {'at h = 0' if relu else 'saturated'}."
    if relu:
        why = ("A ReLU unit at h = 0 is flat (f' = 0) and passes no gradient until its input turns positive "
               "again. On the positive side ReLU never saturates, so a strong W_hh makes the state grow "
               "instead of flatten.")
    elif r.cell == "lstm":
        why = ("An LSTM's h = o * tanh(c) is a gated share of its squashed memory, so |h| only nears 1 when the "
               "output gate and tanh(c) are both near 1.")
    elif r.cell == "gru":
        why = ("A GRU's h blends its old state with a tanh candidate, so it saturates only when the candidates "
               "keep saturating, which takes a strong W_hh.")
    else:
        why = ("Where a pre-activation W_xh x + W_hh h + b lands far from 0, tanh squashes it to near -1 or +1, "
               "where its slope is near 0: a gradient through that unit all but vanishes, however large the weights. "
               "A larger rho lets W_hh push the state there more often.")
    if r.exploded.any():
        t = int(np.argmax(r.exploded.any(axis=0))) + 1
        why += f" From step {t} the state exploded beyond float64 (shown as '!')."
    return Outcome(answer, f"{fact} {why}")


SPEC = DemoSpec(
    name="hidden-state", short="hidden", params=HiddenStateParams, frames=frames, render=render,
    question=question, outcome=outcome, printout=printout,
)
