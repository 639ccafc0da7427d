"""Gradient decay: ||d h_T / d h_(T-k)|| as the lag k grows, against the Pascanu bound, then the three
cells side by side and a sweep over rho."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from rnnquiz.content.demos import GradientDecayParams
from rnnquiz.rnn import experiments as ex
from rnnquiz.rnn import plot
from rnnquiz.rnn.demos.common import CELLS, NULL_NOTE, jsonable, live_wrap, wrap
from rnnquiz.rnn.demos.spec import DemoSpec, LiveRun, Outcome, Printing, Printout, Question, View
from rnnquiz.rnn.experiments import GradientDecayResult, StopCheck

VANISHED, EXPLODED = 1e-2, 1e2
"""Gradient sizes at k = T below / above which a run counts as vanished / exploded (as in the report)."""
LAYOUT = {
    "rnn": "h_t = f(W_xh x_t + W_hh h_(t-1) + b_h)",
    "lstm": "gates i, f, o, g stacked in rows of W_xh, W_hh, b_h; c0 = 0",
    "gru": "gates z, r, n stacked in rows; n = tanh(W_xn x + b_n + r * (W_hn h))",
}


@dataclass(frozen=True)
class Decay:
    """Gradient decay so far: the chosen cell first, then the comparison of cells and the rho sweep."""

    main: GradientDecayResult
    cells: dict[str, GradientDecayResult] = field(default_factory=dict)
    sweep: dict[float, GradientDecayResult] = field(default_factory=dict)
    done: bool = True


def compared(params: GradientDecayParams, main: GradientDecayResult, should_stop: StopCheck = None) -> Decay:
    """The main run with the cells and the rho sweep beside it: the lab and the printout both use this."""
    cells = ex.gradient_decay_cells(params, should_stop, main=main)
    sweep = ex.gradient_decay_sweep(params, should_stop=should_stop, main=main)
    return Decay(main, cells, sweep, True)


def frames(params: GradientDecayParams, run: LiveRun) -> Iterator[Decay]:
    """The main plot at once; in the lab (`full`) the comparisons follow in a second frame."""
    main = ex.gradient_decay(params, run.should_stop)
    if not run.full:
        yield Decay(main)
        return
    yield Decay(main, done=False)
    yield compared(params, main, run.should_stop)


def _verdict(r: GradientDecayResult) -> str:
    norms = r.jacobian_norms
    if not np.isfinite(r.states).all():
        return "it explodes: the states themselves overflowed float64, so every lag counts as exploded"
    if not np.isfinite(norms).all():
        return f"it explodes: beyond float64 from k = {int(np.argmax(~np.isfinite(norms)))}"
    if (norms == 0).any():
        return f"it vanishes: exactly zero in float64 from k = {int(np.argmax(norms == 0))}"
    k = len(norms) - 1
    trend = "vanishes" if norms[k] < 1e-2 else "explodes" if norms[k] > 1e2 else "roughly holds"
    return f"it {trend}: about x{norms[k] ** (1 / k):.3g} per step, {norms[k]:.3g} at k = {k}"


def lines(d: Decay, *, width: int = 72, ascii: bool = False) -> list[str]:
    """The chosen cell against the bound, then the three cells side by side, then the sweep over rho."""
    main = d.main
    T, H = len(main.xs), len(main.h0)
    label = f"{main.cell}, {main.activation}" if main.cell == "rnn" else main.cell
    title = (f"Gradient decay: how strongly h_T still depends on h_(T-k), {label}, "
             f"W_hh at spectral radius rho = {main.rho:g}, T = {T}, H = {H}")
    out = wrap(title, width, ascii)
    series = {f"{main.cell} ||dh_T/dh_(T-k)||": main.jacobian_norms}
    if main.bound is not None:
        series["bound (max|f'| ||W_hh||)^k"] = main.bound
    out += plot.line_plot(series, width=width, x_label="lag k (steps back)", ascii=ascii)
    text = f"What you see: each step back multiplies the gradient by the one-step Jacobian; {_verdict(main)}."
    if main.bound is not None:
        w = float(np.linalg.norm(main.weights["W_hh"], 2))
        text += (f" The bound of Pascanu et al. (2013) is (1 x ||W_hh||_2)^k = {w:.3g}^k: it caps the norm "
                 "from above, so below 1 vanishing is certain; above 1 explosion is possible, not forced.")
    out += [""] + wrap(text, width, ascii)
    panels: tuple[tuple[str, dict[str, GradientDecayResult]], ...] = (
        (f"RNN, LSTM and GRU side by side (same inputs, rho = {main.rho:g})", dict(d.cells)),
        (f"Sweep over rho ({label})", {f"rho {rho:g}": r for rho, r in d.sweep.items()}),
    )
    for heading, results in panels:
        if results:
            out += ["", *wrap(heading, width, ascii)]
            norms = {name: r.jacobian_norms for name, r in results.items()}
            out += plot.line_plot(norms, width=width, height=12, x_label="lag k", ascii=ascii)
            at = ", ".join(f"{name} {plot.fmt_number(n[-1])}" for name, n in norms.items())
            out += wrap(f"At k = {T}: {at}.", width, ascii)
    if d.cells:
        out += wrap("The LSTM's cell state is carried forward by adding (c_t = f c_(t-1) + i g), so its "
                    "gradient is scaled by the forget gate instead of squeezed by W_hh at every step.",
                    width, ascii)
    return out


def numbers(d: Decay) -> dict[str, object]:
    """Everything needed to recompute the norms independently, plus the comparison and the sweep."""
    main = d.main
    return {
        "cell": main.cell, "activation": main.activation, "rho": main.rho, "layout": LAYOUT[main.cell],
        "xs": jsonable(main.xs), "h0": jsonable(main.h0), **{k: jsonable(v) for k, v in main.weights.items()},
        "states": jsonable(main.states), "jacobian_norms": jsonable(main.jacobian_norms),
        "bound": jsonable(main.bound), "exploded_from": main.exploded_from, "vanished_from": main.vanished_from,
        "compare": {k: jsonable(r.jacobian_norms) for k, r in d.cells.items()},
        "sweep": {f"{k:g}": jsonable(r.jacobian_norms) for k, r in d.sweep.items()},
        "non_finite": NULL_NOTE,
    }


def render(params: GradientDecayParams, d: Decay, width: int, found: Outcome | None) -> View:
    out = lines(d, width=width)
    if not d.done:
        out += ["", *live_wrap("Computing the RNN / LSTM / GRU comparison and the sweep over rho...", width)]
    return View(out, "" if d.done else "comparing cells and rho", (), int(d.done), 1, found, d.done)


def printout(params: GradientDecayParams, out: Printing) -> Printout:
    d = compared(params, ex.gradient_decay(params))
    return Printout(lambda: lines(d, width=out.width, ascii=out.ascii), lambda: numbers(d))


def _edge(rho: float) -> str:
    return "below 1" if rho < 1 else "exactly 1" if rho == 1 else "above 1"


def question(p: GradientDecayParams) -> Question:
    who = f"a {p.activation} RNN" if p.cell == "rnn" else f"an {CELLS[p.cell]}" if p.cell == "lstm" else "a GRU"
    text = (f"{who[0].upper()}{who[1:]} with W_hh at spectral radius rho = {p.rho:g} ({_edge(p.rho)}) reads "
            f"{p.steps} steps. Going k steps back, what happens to the gradient size ||dh_T/dh_(T-k)|| "
            f"by k = {p.steps}?")
    return Question(text, ("It vanishes: below 0.01", "It roughly holds: between 0.01 and 100",
                           "It explodes: above 100, or beyond float64"))


def outcome(p: GradientDecayParams, d: Decay) -> Outcome:
    r = d.main
    norms, T = r.jacobian_norms, len(r.jacobian_norms) - 1
    last = float(norms[-1])
    if not np.isfinite(r.states).all():
        fact, answer = "The states themselves overflowed float64, so every lag counts as exploded.", 2
    elif not math.isfinite(last):
        fact, answer = f"The norm left float64 (exploded) from k = {r.exploded_from}.", 2
    elif last == 0:
        fact, answer = f"The norm underflowed to exactly 0 from k = {r.vanished_from}.", 0
    else:
        answer = 0 if last < VANISHED else 2 if last > EXPLODED else 1
        fact = f"At k = {T} the norm is {last:.3g}, about x{last ** (1 / max(T, 1)):.3g} per step back."
    if r.cell != "rnn":
        gates = ("The LSTM's gradient also runs along its cell state c, scaled at each step by the forget gate "
                 "instead of squeezed through W_hh, so how fast it falls depends on how close those gates stay "
                 "to 1." if r.cell == "lstm" else
                 "The GRU mixes its old state straight into the new one (h_t = (1 - z) n + z h_(t-1)), so where "
                 "the update gate z stays near 1 the gradient passes almost unchanged.")
        return Outcome(answer, f"{fact} {gates}")
    if answer == 2:
        why = ("With rho above 1, W_hh stretches some direction at every step, and where f' stays near 1 "
               "(ReLU units that are on, tanh units away from saturation) the product grows geometrically: the "
               "exploding gradient. Steps that big throw the weights away; gradient clipping is the usual cure."
               if r.rho > 1 else
               "A single step is governed by ||W_hh||_2, the largest singular value, which can exceed the "
               "spectral radius, so even at rho <= 1 the product can grow for a while.")
    elif answer == 1:
        why = (f"Over these {T} steps the product stayed within a factor of 100 of 1: the stretching by W_hh and "
               "the damping by f' roughly balance here. Try more steps to see which one wins.")
    elif r.rho < 1:
        why = ("Each step back multiplies by the Jacobian diag(f') W_hh. With W_hh's spectral radius below 1 "
               "and |f'| <= 1 the product shrinks roughly geometrically: the vanishing gradient. Early inputs "
               "barely move the loss.")
    elif r.activation == "relu":
        why = ("rho >= 1 makes growth possible, not certain: ReLU units that are off (h = 0) pass no gradient "
               "at all, which damps every step's Jacobian.")
    else:
        why = ("rho >= 1 makes growth possible, not certain: tanh saturates, and a saturated unit's slope "
               "1 - h^2 is near 0, so diag(f') damps every step's Jacobian anyway.")
    return Outcome(answer, f"{fact} {why}")


SPEC = DemoSpec(
    name="gradient-decay", short="decay", params=GradientDecayParams, frames=frames, render=render,
    question=question, outcome=outcome, printout=printout,
)
