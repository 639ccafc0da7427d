"""Each demo's result as readable text with a caption, or as JSON-ready numbers.

Pure functions shared by `rnnquiz demo` and anything else that wants the captions; the plots come
from `plot.py`. In JSON a value beyond float64 ("exploded") is written as null, so the output is
strict JSON that any parser reads.
"""

from __future__ import annotations

import dataclasses
import math
import textwrap

import numpy as np

from rnnquiz.rnn import plot
from rnnquiz.rnn.experiments import GradientDecayResult, HiddenStateResult
from rnnquiz.rnn.learning import N_SYMBOLS, ClippingFrame, MemoryFrame, NextCharFrame

NULL_NOTE = "null marks a value beyond float64 (exploded)"


def jsonable(value):
    """Arrays, dataclasses and numpy scalars as plain JSON values; inf and nan become null."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return jsonable(value.tolist())
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return float(value) if math.isfinite(value) else None
    return value


def _wrap(text: str, width: int, ascii: bool) -> list[str]:
    return [plot.clean(line, ascii) for line in textwrap.wrap(text, width)]


# --- hidden state ------------------------------------------------------------------------------

CELL_NAMES = {"rnn": "an RNN", "lstm": "an LSTM", "gru": "a GRU"}


def hidden_state_lines(r: HiddenStateResult, *, width: int = 72, ascii: bool = False) -> list[str]:
    H, T = r.states.shape
    relu = r.cell == "rnn" and r.activation == "relu"
    text = r.signal == "text"
    what = f'"{"".join(r.labels)}"' if text else f"a {r.signal} signal of {T} steps"
    cell = CELL_NAMES[r.cell] + (f" ({r.activation})" if r.cell == "rnn" else "")
    lines = _wrap(f"Hidden state: {H} units of {cell} reading {what}", width, ascii)
    top = 1.0 if relu else 0.95  # ReLU is unbounded: 1 and above all get the darkest shade
    lines += plot.heatmap(
        np.abs(r.states), lo=0.0, hi=top, width=width, full=None if relu else r.saturated,
        row_labels=[f"h{i + 1}" for i in range(H)], col_labels=r.labels if text else None, ascii=ascii,
    )
    gutter = len(f"h{H}") + 1
    if not text and width - gutter >= T:  # the input under its columns, so cause and effect line up
        lines.insert(-1, f"{'x':>{gutter - 1}} " + plot.sparkline(r.inputs[:, 0], ascii=ascii))
    lines.append(plot.shade_legend(0.0, top, ascii=ascii, what="|h|", full_means="" if relu else "saturated"))
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
    return lines + [""] + _wrap(caption, width, ascii)


def hidden_state_json(r: HiddenStateResult) -> dict:
    keep = ("states", "saturated", "exploded", "labels", "inputs", "signal", "cell", "activation", "saturation_rule")
    out = {k: jsonable(getattr(r, k)) for k in keep}
    return {**out, "saturated_fraction": jsonable(r.saturated_fraction), "non_finite": NULL_NOTE}


# --- gradient decay ----------------------------------------------------------------------------


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


def gradient_decay_lines(
    main: GradientDecayResult, cells: dict, sweep: dict, *, width: int = 72, ascii: bool = False
) -> list[str]:
    """The chosen cell against the bound, then the three cells side by side, then the sweep over rho."""
    T, H = len(main.xs), len(main.h0)
    label = f"{main.cell}, {main.activation}" if main.cell == "rnn" else main.cell
    title = (f"Gradient decay: how strongly h_T still depends on h_(T-k), {label}, "
             f"W_hh at spectral radius rho = {main.rho:g}, T = {T}, H = {H}")
    lines = _wrap(title, width, ascii)
    series = {f"{main.cell} ||dh_T/dh_(T-k)||": main.jacobian_norms}
    if main.bound is not None:
        series["bound (max|f'| ||W_hh||)^k"] = main.bound
    lines += plot.line_plot(series, width=width, x_label="lag k (steps back)", ascii=ascii)
    text = f"What you see: each step back multiplies the gradient by the one-step Jacobian; {_verdict(main)}."
    if main.bound is not None:
        w = float(np.linalg.norm(main.weights["W_hh"], 2))
        text += (f" The bound of Pascanu et al. (2013) is (1 x ||W_hh||_2)^k = {w:.3g}^k: it caps the norm "
                 "from above, so below 1 vanishing is certain; above 1 explosion is possible, not forced.")
    lines += [""] + _wrap(text, width, ascii)
    panels = (
        (f"RNN, LSTM and GRU side by side (same inputs, rho = {main.rho:g})", {k: r for k, r in cells.items()}),
        (f"Sweep over rho ({label})", {f"rho {rho:g}": r for rho, r in sweep.items()}),
    )
    for heading, results in panels:
        if results:
            lines += ["", *_wrap(heading, width, ascii)]
            norms = {name: r.jacobian_norms for name, r in results.items()}
            lines += plot.line_plot(norms, width=width, height=12, x_label="lag k", ascii=ascii)
            at = ", ".join(f"{name} {plot.fmt_number(n[-1])}" for name, n in norms.items())
            lines += _wrap(f"At k = {T}: {at}.", width, ascii)
    if cells:
        lines += _wrap("The LSTM's cell state is carried forward by adding (c_t = f c_(t-1) + i g), so its "
                       "gradient is scaled by the forget gate instead of squeezed by W_hh at every step.",
                       width, ascii)
    return lines


LAYOUT = {
    "rnn": "h_t = f(W_xh x_t + W_hh h_(t-1) + b_h)",
    "lstm": "gates i, f, o, g stacked in rows of W_xh, W_hh, b_h; c0 = 0",
    "gru": "gates z, r, n stacked in rows; n = tanh(W_xn x + b_n + r * (W_hn h))",
}


def gradient_decay_json(main: GradientDecayResult, cells: dict, sweep: dict) -> dict:
    """Everything needed to recompute the norms independently, plus the comparison and the sweep."""
    return {
        "cell": main.cell, "activation": main.activation, "rho": main.rho, "layout": LAYOUT[main.cell],
        "xs": jsonable(main.xs), "h0": jsonable(main.h0), **{k: jsonable(v) for k, v in main.weights.items()},
        "states": jsonable(main.states), "jacobian_norms": jsonable(main.jacobian_norms),
        "bound": jsonable(main.bound), "exploded_from": main.exploded_from, "vanished_from": main.vanished_from,
        "compare": {k: jsonable(r.jacobian_norms) for k, r in cells.items()},
        "sweep": {f"{k:g}": jsonable(r.jacobian_norms) for k, r in sweep.items()},
        "non_finite": NULL_NOTE,
    }


# --- memory task -------------------------------------------------------------------------------


def memory_progress(f: MemoryFrame) -> str | None:
    """One line when a model has finished a delay, for streaming output."""
    if f.step != f.train_steps:
        return None
    acc = f.accuracy[f.model][int(np.flatnonzero(f.delays == f.delay)[0])]
    return f"delay {f.delay:>3}: {f.model:<4} accuracy {acc:.2f} (final loss {plot.fmt_number(f.loss)})"


def memory_lines(f: MemoryFrame, *, width: int = 72, ascii: bool = False) -> list[str]:
    title = (f"Memory task: recall the first of {N_SYMBOLS} symbols after a delay (chance {f.chance:.3g}), "
             f"{f.train_steps} training steps per model and delay")
    lines = _wrap(title, width, ascii)
    series = {**f.accuracy, "chance": np.full(len(f.delays), f.chance)}
    lines += plot.line_plot(series, x=f.delays, width=width, height=10, log_y=False, y_range=(0.0, 1.0),
                            x_label="delay (steps between the symbol and the recall)", y_label="accuracy",
                            ascii=ascii)
    lines += ["", "delay   " + "  ".join(f"{m:>5}" for m in f.accuracy)]
    for i, d in enumerate(f.delays):
        lines.append(f"{d:>5}   " + "  ".join(f"{f.accuracy[m][i]:>5.2f}" for m in f.accuracy))
    rnn, lstm = f.accuracy["rnn"][-1], f.accuracy["lstm"][-1]
    text = f"What you see: at the longest delay the RNN recalls {rnn:.0%} and the LSTM {lstm:.0%}."
    if rnn < lstm - 0.2:
        text += (" The RNN must carry the symbol through one Jacobian per step, and the learning signal fades "
                 "on the way back; the LSTM's forget gate lets its cell state, and the gradient, pass almost "
                 "unchanged.")
    else:
        text += " At this delay the RNN still copes; try a longer --max-delay to see it fade."
    return lines + [""] + _wrap(text, width, ascii)


def memory_json(f: MemoryFrame) -> dict:
    return {**jsonable(f), "n_symbols": N_SYMBOLS, "non_finite": NULL_NOTE}


# --- clipping ----------------------------------------------------------------------------------


def clipping_lines(f: ClippingFrame, params, *, width: int = 72, ascii: bool = False) -> list[str]:
    title = (f"Gradient clipping: one {params.activation} RNN (rho {params.rho:g}, T = {params.steps}) "
             "trained twice by SGD to predict the next value of sine waves")
    lines = _wrap(title, width, ascii)
    steps = np.arange(1, f.step + 1)
    losses = {"no clipping": f.loss_plain, f"clipped at {f.threshold:g}": f.loss_clipped}
    lines += plot.loss_curves(losses, x=steps, width=width, ascii=ascii)
    norms = {"no clipping": f.norm_plain, "before clipping": f.norm_before, "after clipping": f.norm_after}
    lines += ["", "gradient norm per step"]
    lines += plot.line_plot(norms, x=steps, width=width, height=10, x_label="training step",
                            zero_note="step skipped (0)", ascii=ascii)
    return lines + [""] + _wrap(_clipping_caption(f), width, ascii)


def _clipping_caption(f: ClippingFrame) -> str:
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


# --- next character ----------------------------------------------------------------------------


def next_char_header(params, text_length: int, *, width: int = 72, ascii: bool = False) -> list[str]:
    title = (f"Next character: a {params.hidden}-unit RNN learns the course's own text ({text_length} "
             "characters), sampling as it learns")
    return _wrap(title, width, ascii) + [""]


def next_char_progress(f: NextCharFrame, *, width: int = 72, ascii: bool = False) -> list[str]:
    """A report line and the sample, wrapped, for streaming output."""
    head = f"step {f.step}/{f.train_steps}  loss {plot.fmt_number(f.losses[-1])} nats/char"
    return [head] + ["  " + line for line in _wrap(plot.clean(f.sample, ascii), width - 2, ascii)]


def next_char_lines(f: NextCharFrame, *, width: int = 72, ascii: bool = False) -> list[str]:
    lines = plot.loss_curves({"smoothed loss": f.losses}, width=width, ascii=ascii, title="Next character: loss")
    text = (f"What you see: with {f.vocab_size} characters, a model that knows nothing pays ln {f.vocab_size} "
            f"= {math.log(f.vocab_size):.2f} nats per character; this one pays {plot.fmt_number(f.losses[-1])} "
            f"after {f.step} steps. Its samples move from noise to spaces, frequent words and, with time, the "
            "course's phrases.")
    return lines + [""] + _wrap(text, width, ascii)
