"""Predict before you look: a question per demo, worded from its parameters, judged by the run itself.

The question and its choices depend only on the parameters, so they can be asked before anything
runs. Which choice is right is read off the seeded run's own numbers (`outcome`), never assumed
from theory, so the reveal is true for every parameter the learner can set: at rho = 1.5 a tanh
RNN's gradient usually still vanishes, and the lab says so. Pure: no Textual, no drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from rnnquiz.content.demos import DemoParams
from rnnquiz.rnn.experiments import SATURATION, GradientDecayResult, HiddenStateResult
from rnnquiz.rnn.learning import N_SYMBOLS, ClippingFrame, MemoryFrame, NextCharFrame

VANISHED, EXPLODED = 1e-2, 1e2
"""Gradient sizes at k = T below / above which a run counts as vanished / exploded (as in the report)."""
CLEAR_MARGIN = 0.2
"""Accuracy gap (20 points) that counts as one model clearly recalling better."""
CELLS = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}


@dataclass(frozen=True)
class Question:
    """What to ask before the demo shows anything."""

    text: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """What the run showed: the index of the right choice and the reveal text."""

    answer: int
    reveal: str


def _edge(rho: float) -> str:
    return "below 1" if rho < 1 else "exactly 1" if rho == 1 else "above 1"


# --- the questions --------------------------------------------------------------------------------


def question(name: str, params: DemoParams) -> Question:
    """The prediction question for demo `name` at these parameters."""
    return _QUESTIONS[name](params)


def _gradient_decay_q(p) -> Question:
    who = f"a {p.activation} RNN" if p.cell == "rnn" else f"an {CELLS[p.cell]}" if p.cell == "lstm" else "a GRU"
    text = (f"{who[0].upper()}{who[1:]} with W_hh at spectral radius rho = {p.rho:g} ({_edge(p.rho)}) reads "
            f"{p.steps} steps. Going k steps back, what happens to the gradient size ||dh_T/dh_(T-k)|| "
            f"by k = {p.steps}?")
    return Question(text, ("It vanishes: below 0.01", "It roughly holds: between 0.01 and 100",
                           "It explodes: above 100, or beyond float64"))


def _hidden_state_q(p) -> Question:
    what = f'the text "{p.text}"' if p.signal == "text" else f"a {p.signal} signal of {p.steps} steps"
    cell = f"a {p.activation} RNN" if p.cell == "rnn" else f"an {CELLS[p.cell]}" if p.cell == "lstm" else "a GRU"
    head = f"{cell[0].upper()}{cell[1:]} with {p.hidden} units, W_hh at rho = {p.rho:g}, reads {what}. "
    if p.cell == "rnn" and p.activation == "relu":
        ask = "How often will a unit sit at h = 0, where ReLU is flat and passes no gradient?"
    else:
        ask = f"How much of the time will a unit be saturated (|h| > {SATURATION}, where tanh' < 0.1)?"
    return Question(head + ask, ("Rarely: under 10% of the time", "Sometimes: 10% to 50%", "Mostly: over 50%"))


def _memory_q(p) -> Question:
    text = (f"An RNN and an LSTM ({p.hidden} units each) train {p.train_steps} steps per delay to recall the "
            f"first of {N_SYMBOLS} symbols after a delay of up to {p.max_delay} steps. At the longest delay, "
            "which one recalls better?")
    return Question(text, ("The LSTM, by 20 points or more", "Neither clearly: within 20 points",
                           "The RNN, by 20 points or more"))


def _clipping_q(p) -> Question:
    text = (f"One {p.activation} RNN (rho = {p.rho:g}, T = {p.steps}) is trained twice by SGD for "
            f"{p.train_steps} steps: once plain, once with its gradient clipped to norm {p.threshold:g}. "
            "What happens to the plain run?")
    return Question(text, ("It explodes: its loss leaves float64",
                           "It survives, but ends with a clearly higher loss than the clipped run",
                           "It survives and ends about as well as the clipped run, or better"))


def _next_char_q(p) -> Question:
    text = (f"A {p.hidden}-unit RNN reads the course's own text, {p.seq_length} characters at a time, for "
            f"{p.train_steps} training steps. Knowing nothing costs ln(V) nats per character (V: the number "
            "of different characters). Where does its loss end?")
    return Question(text, ("Barely lower: above 90% of that", "Clearly lower, but above half of it",
                           "Below half of it"))


_QUESTIONS = {"gradient-decay": _gradient_decay_q, "hidden-state": _hidden_state_q, "memory-task": _memory_q,
              "clipping": _clipping_q, "next-char": _next_char_q}


# --- what the run showed ---------------------------------------------------------------------------


def outcome(name: str, params: DemoParams, result: object) -> Outcome:
    """The right choice and the reveal, read from the finished run (a result or the last frame)."""
    return _OUTCOMES[name](params, result)


def _gradient_decay_o(p, r: GradientDecayResult) -> Outcome:
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


def _hidden_state_o(p, r: HiddenStateResult) -> Outcome:
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


def _memory_o(p, f: MemoryFrame) -> Outcome:
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


def _fmt(v: float) -> str:
    return f"{v:.3g}" if math.isfinite(v) else "exploded"


def _clipping_o(p, f: ClippingFrame) -> Outcome:
    plain, clipped = float(f.loss_plain[-1]), float(f.loss_clipped[-1])
    if f.exploded_at == 1:
        answer, fact = 0, "The plain run's loss left float64 at the very first step: the states themselves overflow."
    elif f.exploded_at is not None:
        answer = 0
        fact = (f"The plain run exploded at step {f.exploded_at}: a step proportional to a huge gradient threw "
                "the weights so far that the loss left float64.")
    else:
        answer = 1 if math.isfinite(clipped) and plain > 1.25 * clipped else 2
        fact = f"The plain run survived all {f.step} steps and ends at loss {_fmt(plain)}."
    if not math.isfinite(clipped):
        why = ("Clipping cannot rescue this one: it bounds the step, not the forward pass, and here the states "
               "overflow before any useful step is taken.")
    elif answer == 2:
        why = (f"The clipped run ends at {_fmt(clipped)}. Clipping only acts when the norm passes {p.threshold:g}; "
               "here the plain run's gradients stayed tame enough. Try another seed, a larger rho or a larger "
               "learning rate.")
    else:
        why = (f"Clipping rescales every gradient above norm {p.threshold:g} down to that norm, keeping its "
               f"direction, so the clipped run's steps stay bounded; its loss ends at {_fmt(clipped)}.")
    return Outcome(answer, f"{fact} {why}")


def _next_char_o(p, f: NextCharFrame) -> Outcome:
    start, end = float(f.losses[0]), float(f.losses[-1])
    ratio = end / start if math.isfinite(end) and start > 0 else math.inf
    answer = 0 if ratio > 0.9 else 1 if ratio >= 0.5 else 2
    share = f" ({ratio:.0%} of the start)" if math.isfinite(ratio) else ""
    fact = (f"With V = {f.vocab_size} characters the loss started at ln {f.vocab_size} = {start:.2f} nats and "
            f"ends at {_fmt(end)} after {f.step} steps{share}.")
    if answer == 0:
        why = "That many steps are too few to learn much: try more train_steps."
    else:
        why = ("It learns which characters are common first, then spaces and short words; longer words take "
               "many more steps. The smoothed loss lags behind: it averages roughly the last hundred steps.")
    return Outcome(answer, f"{fact} {why}")


_OUTCOMES = {"gradient-decay": _gradient_decay_o, "hidden-state": _hidden_state_o, "memory-task": _memory_o,
             "clipping": _clipping_o, "next-char": _next_char_o}


def verdict(q: Question, o: Outcome, chosen: int | None) -> str:
    """How the learner's prediction fared, in one line (empty if they skipped it)."""
    if chosen is None or not 0 <= chosen < len(q.choices):
        return ""
    if chosen == o.answer:
        return f"Right: {q.choices[chosen]}."
    return f"Not this time: you said \"{q.choices[chosen]}\"; the run shows \"{q.choices[o.answer]}\"."
