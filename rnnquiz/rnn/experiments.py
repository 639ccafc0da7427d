"""The lab's experiments as pure functions: demo parameters in, arrays out.

`hidden_state` and `gradient_decay` return a result at once. The three that train
(`memory_task`, `clipping`, `next_char`, in `rnnquiz.rnn.learning`) are generators of progress
frames, so a caller can draw each frame and stop between steps. Values beyond float64 are kept
as inf and reported as "exploded"; nothing here warns or raises on overflow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rnnquiz.content.demos import GradientDecayParams, HiddenStateParams
from rnnquiz.rnn.arrays import Bools, Floats
from rnnquiz.rnn.cells import Cell, Trace, make_cell
from rnnquiz.rnn.learning import ClippingFrame as ClippingFrame  # all five experiments can be reached from here
from rnnquiz.rnn.learning import MemoryFrame as MemoryFrame
from rnnquiz.rnn.learning import NextCharFrame as NextCharFrame
from rnnquiz.rnn.learning import clipping as clipping
from rnnquiz.rnn.learning import final as final
from rnnquiz.rnn.learning import memory_task as memory_task
from rnnquiz.rnn.learning import next_char as next_char

SATURATION = 0.95
"""|h| above this counts as saturated: tanh' = 1 - h^2 < 0.1 there, so gradients nearly vanish."""
N_INPUT = 4
"""Input size of the gradient-decay sequences (random inputs; only their effect on the state matters)."""
RHO_SWEEP = (0.5, 0.9, 1.0, 1.5)
"""Spectral radii of the sweep: well below, just below, at, and above the edge."""
CELL_KINDS = ("rnn", "lstm", "gru")
"""The cells compared side by side, in the order they are drawn."""

StopCheck = Callable[[], bool] | None
"""Asked between steps of a long computation; True stops it with `Interrupted` (a cancelled worker)."""


class Interrupted(Exception):
    """The caller's stop check said stop; nothing was returned."""


@dataclass(frozen=True)
class HiddenStateResult:
    """The H x T matrix of states, with the units flagged where their gradient nearly vanishes."""

    states: Floats  # (H, T): column t is h_(t+1), the state after reading input t
    saturated: Bools  # (H, T) bool, see `saturation_rule`
    exploded: Bools  # (H, T) bool: the value left float64 (inf or nan)
    labels: list[str]  # what was read at each step: a character, or the signal value
    inputs: Floats  # (T, D)
    signal: str  # "text", "sine" or "step"
    cell: str
    activation: str
    saturation_rule: str

    @property
    def saturated_fraction(self) -> Floats:
        """Per unit, the share of time steps it spent saturated."""
        share: Floats = self.saturated.mean(axis=1)
        return share


def _signal(params: HiddenStateParams) -> tuple[Floats, list[str]]:
    """Inputs (T, D) and a label per step: one-hot characters, a sine wave, or a step."""
    if params.signal == "text":
        vocab = sorted(set(params.text))
        xs = np.zeros((len(params.text), len(vocab)))
        xs[np.arange(len(params.text)), [vocab.index(c) for c in params.text]] = 1.0
        return xs, list(params.text)
    t = np.arange(params.steps)
    if params.signal == "sine":
        values = np.sin(2 * np.pi * t / 16)
    else:
        values = (t >= params.steps // 4).astype(float)
    column: Floats = values[:, None]
    return column, [f"{v:.2f}" for v in values]


def hidden_state(params: HiddenStateParams) -> HiddenStateResult:
    """Feed a text or a signal through a fresh cell and record every hidden unit at every step."""
    rng = np.random.default_rng(params.seed)
    xs, labels = _signal(params)
    cell = make_cell(params.cell, rng, xs.shape[1], params.hidden, rho=params.rho, activation=params.activation)
    cell.W_xh *= np.sqrt(xs.shape[1])  # one-hot inputs: one weight per step, so give it unit scale
    with np.errstate(all="ignore"):
        hs = cell.forward(xs).hs[1:].T
        exploded = ~np.isfinite(hs)
        relu = params.cell == "rnn" and params.activation == "relu"
        saturated = (hs <= 0) if relu else (np.abs(hs) > SATURATION)
    rule = "h = 0: ReLU is flat there (f' = 0)" if relu else f"|h| > {SATURATION}: tanh' < 0.1 there"
    activation = params.activation if params.cell == "rnn" else "tanh"
    return HiddenStateResult(
        states=hs, saturated=saturated & ~exploded, exploded=exploded, labels=labels, inputs=xs,
        signal=params.signal, cell=params.cell, activation=activation, saturation_rule=rule,
    )


@dataclass(frozen=True)
class GradientDecayResult:
    """How fast the influence of an old state fades (or grows), next to the Pascanu et al. bound."""

    cell: str
    activation: str
    rho: float
    xs: Floats  # (T, D) inputs
    h0: Floats  # (H,) initial state (the LSTM's c0 is zero)
    weights: dict[str, Floats]  # W_xh, W_hh, b_h
    states: Floats  # (T + 1, H) h_0..h_T
    jacobian_norms: Floats  # (T + 1,) k -> ||d h_T / d h_(T-k)||_2; inf = exploded
    bound: Floats | None  # (T + 1,) (max|f'| ||W_hh||_2)^k; only the vanilla RNN has one

    @property
    def exploded_from(self) -> int | None:
        """The first lag whose norm left float64, if any."""
        bad = np.flatnonzero(~np.isfinite(self.jacobian_norms))
        return int(bad[0]) if len(bad) else None

    @property
    def vanished_from(self) -> int | None:
        """The first lag whose norm underflowed to exactly zero, if any."""
        zero = np.flatnonzero(self.jacobian_norms == 0)
        return int(zero[0]) if len(zero) else None


def spectral_norm(m: Floats) -> float:
    """Largest singular value, via the Gram matrix (twice as fast as an SVD), scaled against overflow."""
    scale = np.max(np.abs(m))
    if scale == 0:
        return 0.0
    m = m / scale
    small = m @ m.T if m.shape[0] <= m.shape[1] else m.T @ m
    return float(np.sqrt(max(np.linalg.eigvalsh(small)[-1], 0.0)) * scale)


def jacobian_norms(cell: Cell, trace: Trace, should_stop: StopCheck = None) -> Floats:
    """||d h_T / d h_(T-k)||_2 for k = 0..T, by multiplying the one-step Jacobians backwards.

    For the LSTM the product runs over the full state (h, c) and reads off the h-to-h block: the
    effect of nudging h_(T-k) with c_(T-k) held, through every path. Once the product leaves
    float64 every longer lag is inf ("exploded"); once it is exactly zero, every longer lag is zero.
    Costs about T products of H x H matrices: seconds at H = 256, T = 2000, hence `should_stop`.
    """
    T, H = len(trace.xs), cell.hidden_size
    norms = np.full(T + 1, np.inf)
    norms[0] = 1.0
    finite_state = np.asarray(np.isfinite(trace.hs).all(axis=-1))
    rows = np.eye(H, cell.state_size)  # d h_T / d s_T
    with np.errstate(all="ignore"):
        for k in range(1, T + 1):
            if should_stop is not None and k % 16 == 0 and should_stop():
                raise Interrupted
            t = T - k + 1  # this step maps s_(t-1) to s_t
            if not (finite_state[t] and finite_state[t - 1]):
                break
            rows = rows @ cell.state_jacobian(trace, t)
            if not np.isfinite(rows).all():
                break
            if not rows.any():
                norms[k:] = 0.0
                break
            norms[k] = spectral_norm(rows[:, :H])
    return norms


def pascanu_bound(w_hh: Floats, activation: str, steps: int) -> Floats:
    """(gamma ||W_hh||_2)^k for k = 0..steps, gamma = max|f'| = 1 for both tanh and ReLU."""
    gamma = 1.0 if activation in ("tanh", "relu") else np.nan
    with np.errstate(over="ignore"):
        return (gamma * np.linalg.norm(w_hh, 2)) ** np.arange(steps + 1, dtype=float)


def gradient_decay(params: GradientDecayParams, should_stop: StopCheck = None) -> GradientDecayResult:
    """Run one random sequence through a cell with W_hh at spectral radius rho, and measure the decay."""
    rng = np.random.default_rng(params.seed)
    xs = rng.standard_normal((params.steps, N_INPUT))
    h0 = rng.uniform(-0.5, 0.5, params.hidden)
    cell = make_cell(params.cell, rng, N_INPUT, params.hidden, rho=params.rho, activation=params.activation)
    with np.errstate(all="ignore"):
        trace = cell.forward(xs, h0=h0)
    rnn = params.cell == "rnn"
    return GradientDecayResult(
        cell=params.cell, activation=params.activation if rnn else "tanh", rho=params.rho,
        xs=xs, h0=h0, weights={k: v.copy() for k, v in cell.params().items()}, states=trace.hs,
        jacobian_norms=jacobian_norms(cell, trace, should_stop),
        bound=pascanu_bound(cell.W_hh, params.activation, params.steps) if rnn else None,
    )


def gradient_decay_cells(
    params: GradientDecayParams, should_stop: StopCheck = None, *, main: GradientDecayResult | None = None
) -> dict[str, GradientDecayResult]:
    """The same inputs and rho through an RNN, an LSTM and a GRU, side by side.

    `main`, the run at `params` itself when the caller has it, is reused rather than computed again.
    """
    return {k: main if main is not None and k == params.cell
            else gradient_decay(params.model_copy(update={"cell": k}), should_stop) for k in CELL_KINDS}


def gradient_decay_sweep(
    params: GradientDecayParams, rhos: tuple[float, ...] = RHO_SWEEP, should_stop: StopCheck = None, *,
    main: GradientDecayResult | None = None,
) -> dict[float, GradientDecayResult]:
    """One cell at several spectral radii: where the decay turns into growth (`main` reused as above)."""
    return {rho: main if main is not None and rho == params.rho
            else gradient_decay(params.model_copy(update={"rho": rho}), should_stop) for rho in rhos}
