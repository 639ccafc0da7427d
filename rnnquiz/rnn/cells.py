"""Recurrent cells in NumPy, forward and exact backpropagation through time written side by side.

Shapes: `xs` is (T, D) or (T, B, D) with an optional batch axis B; states come back as
(T + 1, [B,] H) with row 0 the initial state, so `hs[t]` is h_t. `backward` takes the gradient the
loss sends to every h_1..h_T directly, (T, [B,] H), and returns the gradient of every weight plus
the total dL/dh_t of every state, t = 0..T, after everything later in time has been added in.
Rows are vectors: a layer is `x @ W.T`, as in the maths `W x` with x as a column.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal, Self

import numpy as np

from rnnquiz.rnn.arrays import Floats

Activation = Literal["tanh", "relu"]


def sigmoid(z: Floats) -> Floats:
    """Logistic function written with tanh, so large |z| never overflows exp()."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def scale_to_spectral_radius(w: Floats, rho: float) -> Floats:
    """W rescaled so that its largest |eigenvalue| is rho: the knob of vanishing vs exploding."""
    radius = np.max(np.abs(np.linalg.eigvals(w)))
    return w * (rho / radius) if radius > 0 else w


def _sum_outer(dz: Floats, x: Floats) -> Floats:
    """Sum over time and batch of outer(dz, x): the weight gradient of a layer `x @ W.T`."""
    out: Floats = dz.reshape(-1, dz.shape[-1]).T @ x.reshape(-1, x.shape[-1])
    return out


def _sum_rows(dz: Floats) -> Floats:
    out: Floats = dz.reshape(-1, dz.shape[-1]).sum(axis=0)
    return out


def _start_from(dh_out: Floats) -> Floats:
    """dL/dh_t before time flows back: the loss's direct part for t >= 1, nothing yet for h_0.

    The backward loop then adds into row t what h_t passed on to h_(t+1), so that when row t
    is read it already holds the total.
    """
    dhs = np.zeros((len(dh_out) + 1,) + dh_out.shape[1:])
    dhs[1:] = dh_out
    return dhs


@dataclass
class Trace:
    """What a forward pass remembers for the backward pass; `hs` (and LSTM `cs`) are the states."""

    xs: Floats
    hs: Floats
    cs: Floats | None = None
    cache: dict[str, Floats] = field(default_factory=dict)


@dataclass
class Backward:
    """Gradients of one backward pass: weights by name, and dL/dh_t (LSTM: dL/dc_t) for t = 0..T."""

    grads: dict[str, Floats]
    dhs: Floats
    dcs: Floats | None = None


@dataclass
class Cell:
    """Shared plumbing: the weights as a name -> array dict, for optimisers and gradient checks."""

    kind: ClassVar[str]
    PARAMS: ClassVar[tuple[str, ...]] = ("W_xh", "W_hh", "b_h")
    GATES: ClassVar[int] = 1

    W_xh: Floats
    W_hh: Floats
    b_h: Floats

    @property
    def hidden_size(self) -> int:
        return int(self.W_hh.shape[1])

    @property
    def state_size(self) -> int:
        """Length of the full recurrent state (the LSTM carries c beside h)."""
        return self.hidden_size

    def params(self) -> dict[str, Floats]:
        """The live weight arrays: updating them in place updates the cell."""
        return {name: getattr(self, name) for name in self.PARAMS}

    def copy(self) -> Self:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return type(self)(**{k: v.copy() if isinstance(v, np.ndarray) else v for k, v in values.items()})

    def forward(self, xs: Floats, h0: Floats | None = None) -> Trace:
        """Run over the whole sequence from h0 (zeros if not given), keeping every state."""
        raise NotImplementedError

    def backward(self, trace: Trace, dh_out: Floats) -> Backward:
        """Exact BPTT from the loss's gradient at every state (see the module docstring)."""
        raise NotImplementedError

    def state_jacobian(self, trace: Trace, t: int) -> Floats:
        """d s_t / d s_(t-1) over the full state, for one unbatched sequence."""
        raise NotImplementedError

    @classmethod
    def init(cls, rng: np.random.Generator, n_in: int, n_hidden: int, *, rho: float | None = None,
             **kw: Any) -> Self:
        """Gaussian weights scaled by 1/sqrt(fan-in); each H x H block of W_hh rescaled to rho if given."""
        g = cls.GATES
        w_xh = rng.standard_normal((g * n_hidden, n_in)) / np.sqrt(n_in)
        blocks = [rng.standard_normal((n_hidden, n_hidden)) / np.sqrt(n_hidden) for _ in range(g)]
        if rho is not None:
            blocks = [scale_to_spectral_radius(b, rho) for b in blocks]
        return cls(W_xh=w_xh, W_hh=np.concatenate(blocks), b_h=np.zeros(g * n_hidden), **kw)

    def _zeros(self, xs: Floats) -> Floats:
        return np.zeros(xs.shape[1:-1] + (self.hidden_size,))


@dataclass
class RNN(Cell):
    """Vanilla (Elman) RNN: h_t = f(W_xh x_t + W_hh h_(t-1) + b_h), f = tanh or ReLU."""

    W_xh: Floats  # (H, D)
    W_hh: Floats  # (H, H)
    b_h: Floats  # (H,)
    activation: Activation = "tanh"
    kind: ClassVar[str] = "rnn"

    def slope(self, hs: Floats) -> Floats:
        """f'(z) from the output h = f(z): 1 - h^2 for tanh, [h > 0] for ReLU."""
        out: Floats = 1.0 - hs**2 if self.activation == "tanh" else (hs > 0).astype(float)
        return out

    def forward(self, xs: Floats, h0: Floats | None = None) -> Trace:
        """Run over the whole sequence from h0 (zeros if not given), keeping every state."""
        xs = np.asarray(xs, dtype=np.float64)
        hs = np.empty((len(xs) + 1,) + xs.shape[1:-1] + (self.hidden_size,))
        hs[0] = self._zeros(xs) if h0 is None else h0
        f: Any = np.tanh if self.activation == "tanh" else (lambda z: np.maximum(z, 0.0))
        ax = xs @ self.W_xh.T + self.b_h  # the input's share of every step, in one product
        for t in range(len(xs)):
            hs[t + 1] = f(ax[t] + hs[t] @ self.W_hh.T)
        return Trace(xs=xs, hs=hs)

    def backward(self, trace: Trace, dh_out: Floats) -> Backward:
        """Walk back in time: at each step the gradient passes through f' and then W_hh to h_(t-1)."""
        hs = trace.hs
        dzs = np.empty(dh_out.shape)
        dhs = _start_from(dh_out)
        for t in reversed(range(len(dh_out))):
            dzs[t] = dhs[t + 1] * self.slope(hs[t + 1])
            dhs[t] += dzs[t] @ self.W_hh
        grads = {"W_xh": _sum_outer(dzs, trace.xs), "W_hh": _sum_outer(dzs, hs[:-1]), "b_h": _sum_rows(dzs)}
        return Backward(grads=grads, dhs=dhs)

    def state_jacobian(self, trace: Trace, t: int) -> Floats:
        """d h_t / d h_(t-1) = diag(f'(z_t)) W_hh, for one unbatched sequence."""
        return self.slope(trace.hs[t])[:, None] * self.W_hh


@dataclass
class LSTM(Cell):
    """Long short-term memory: c_t = f c_(t-1) + i g and h_t = o tanh(c_t).

    The gates input i, forget f, output o (sigmoids) and candidate g (tanh) are stacked in that
    order in the rows of W_xh, W_hh and b_h.
    """

    W_xh: Floats  # (4H, D)
    W_hh: Floats  # (4H, H)
    b_h: Floats  # (4H,)
    kind: ClassVar[str] = "lstm"
    GATES: ClassVar[int] = 4

    @property
    def state_size(self) -> int:
        return 2 * self.hidden_size

    @classmethod
    def init(cls, rng: np.random.Generator, n_in: int, n_hidden: int, *, rho: float | None = None,
             forget_bias: float = 1.0, **kw: Any) -> Self:
        """As Cell.init, with the forget gate biased open so memory survives at the start."""
        cell = super().init(rng, n_in, n_hidden, rho=rho, **kw)
        cell.b_h[n_hidden : 2 * n_hidden] = forget_bias
        return cell

    def forward(self, xs: Floats, h0: Floats | None = None, c0: Floats | None = None) -> Trace:
        xs = np.asarray(xs, dtype=np.float64)
        H, T = self.hidden_size, len(xs)
        hs = np.empty((T + 1,) + xs.shape[1:-1] + (H,))
        cs, tcs = np.empty_like(hs), np.empty_like(hs[1:])
        gates = np.empty((T,) + xs.shape[1:-1] + (4 * H,))
        hs[0] = self._zeros(xs) if h0 is None else h0
        cs[0] = self._zeros(xs) if c0 is None else c0
        ax = xs @ self.W_xh.T + self.b_h
        for t in range(T):
            a = ax[t] + hs[t] @ self.W_hh.T
            gates[t, ..., : 3 * H] = sigmoid(a[..., : 3 * H])  # input, forget, output
            gates[t, ..., 3 * H :] = np.tanh(a[..., 3 * H :])  # candidate g
            i, f, o, g = np.split(gates[t], 4, axis=-1)
            cs[t + 1] = f * cs[t] + i * g
            tcs[t] = np.tanh(cs[t + 1])
            hs[t + 1] = o * tcs[t]
        return Trace(xs=xs, hs=hs, cs=cs, cache={"gates": gates, "tanh_c": tcs})

    def backward(self, trace: Trace, dh_out: Floats) -> Backward:
        assert trace.cs is not None, "an LSTM trace carries its cell states"
        hs, cs, gates, tcs = trace.hs, trace.cs, trace.cache["gates"], trace.cache["tanh_c"]
        H, das = self.hidden_size, np.empty_like(gates)
        dhs, dcs = _start_from(dh_out), np.zeros_like(cs)
        for t in reversed(range(len(dh_out))):
            i, f, o, g = np.split(gates[t], 4, axis=-1)
            dh = dhs[t + 1]
            dc = dcs[t + 1] + dh * o * (1.0 - tcs[t] ** 2)
            di, df, do, dg = dc * g, dc * cs[t], dh * tcs[t], dc * i
            for k, d in enumerate((di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2))):
                das[t, ..., k * H : (k + 1) * H] = d
            dhs[t] += das[t] @ self.W_hh
            dcs[t] = dc * f
        grads = {"W_xh": _sum_outer(das, trace.xs), "W_hh": _sum_outer(das, hs[:-1]), "b_h": _sum_rows(das)}
        return Backward(grads=grads, dhs=dhs, dcs=dcs)

    def state_jacobian(self, trace: Trace, t: int) -> Floats:
        """d (h_t, c_t) / d (h_(t-1), c_(t-1)), a 2H x 2H matrix, for one unbatched sequence."""
        assert trace.cs is not None, "an LSTM trace carries its cell states"
        H = self.hidden_size
        i, f, o, g = np.split(trace.cache["gates"][t - 1], 4)
        tc, c_prev = trace.cache["tanh_c"][t - 1], trace.cs[t - 1]
        wi, wf, wo, wg = np.split(self.W_hh, 4)
        dc_dh = (c_prev * f * (1 - f))[:, None] * wf + (g * i * (1 - i))[:, None] * wi
        dc_dh += (i * (1 - g**2))[:, None] * wg
        dh_dc = o * (1 - tc**2)
        jac = np.empty((2 * H, 2 * H))
        jac[:H, :H] = (tc * o * (1 - o))[:, None] * wo + dh_dc[:, None] * dc_dh
        jac[:H, H:] = np.diag(dh_dc * f)
        jac[H:, :H] = dc_dh
        jac[H:, H:] = np.diag(f)
        return jac


@dataclass
class GRU(Cell):
    """Gated recurrent unit: update z, reset r, candidate n; h_t = (1 - z) n + z h_(t-1).

    Stacked in the order z, r, n; the bias sits on the input side, and the reset gate multiplies the
    recurrent part of the candidate: n = tanh(W_xn x + b_n + r * (W_hn h)).
    """

    W_xh: Floats  # (3H, D)
    W_hh: Floats  # (3H, H)
    b_h: Floats  # (3H,)
    kind: ClassVar[str] = "gru"
    GATES: ClassVar[int] = 3

    def forward(self, xs: Floats, h0: Floats | None = None) -> Trace:
        xs = np.asarray(xs, dtype=np.float64)
        H, T = self.hidden_size, len(xs)
        hs = np.empty((T + 1,) + xs.shape[1:-1] + (H,))
        gates = np.empty((T,) + xs.shape[1:-1] + (3 * H,))
        rec_n = np.empty_like(hs[1:])  # W_hn h_(t-1), needed for the reset gate's gradient
        hs[0] = self._zeros(xs) if h0 is None else h0
        axs = xs @ self.W_xh.T + self.b_h
        for t in range(T):
            ax, ah = axs[t], hs[t] @ self.W_hh.T
            z = sigmoid(ax[..., :H] + ah[..., :H])
            r = sigmoid(ax[..., H : 2 * H] + ah[..., H : 2 * H])
            n = np.tanh(ax[..., 2 * H :] + r * ah[..., 2 * H :])
            gates[t, ..., :H], gates[t, ..., H : 2 * H], gates[t, ..., 2 * H :] = z, r, n
            rec_n[t] = ah[..., 2 * H :]
            hs[t + 1] = (1 - z) * n + z * hs[t]
        return Trace(xs=xs, hs=hs, cache={"gates": gates, "rec_n": rec_n})

    def backward(self, trace: Trace, dh_out: Floats) -> Backward:
        hs, gates, rec_n = trace.hs, trace.cache["gates"], trace.cache["rec_n"]
        H, dax, dah = self.hidden_size, np.empty_like(gates), np.empty_like(gates)
        dhs = _start_from(dh_out)
        for t in reversed(range(len(dh_out))):
            z, r, n = np.split(gates[t], 3, axis=-1)
            dh = dhs[t + 1]
            dan = dh * (1 - z) * (1 - n**2)  # through the candidate's tanh
            daz = dh * (hs[t] - n) * z * (1 - z)
            dar = dan * rec_n[t] * r * (1 - r)
            dax[t, ..., :H], dax[t, ..., H : 2 * H], dax[t, ..., 2 * H :] = daz, dar, dan
            dah[t, ..., : 2 * H], dah[t, ..., 2 * H :] = dax[t, ..., : 2 * H], dan * r
            dhs[t] += dh * z + dah[t] @ self.W_hh
        grads = {"W_xh": _sum_outer(dax, trace.xs), "W_hh": _sum_outer(dah, hs[:-1]), "b_h": _sum_rows(dax)}
        return Backward(grads=grads, dhs=dhs)

    def state_jacobian(self, trace: Trace, t: int) -> Floats:
        """d h_t / d h_(t-1), H x H, for one unbatched sequence."""
        z, r, n = np.split(trace.cache["gates"][t - 1], 3)
        wz, wr, wn = np.split(self.W_hh, 3)
        dn = (1 - n**2)[:, None] * ((trace.cache["rec_n"][t - 1] * r * (1 - r))[:, None] * wr + r[:, None] * wn)
        jac: Floats = np.diag(z) + ((trace.hs[t - 1] - n) * z * (1 - z))[:, None] * wz + (1 - z)[:, None] * dn
        return jac


CELLS: dict[str, type[Cell]] = {"rnn": RNN, "lstm": LSTM, "gru": GRU}
"""Cell name (as in the demo parameters) -> class."""


def make_cell(kind: str, rng: np.random.Generator, n_in: int, n_hidden: int, *, rho: float | None = None,
              activation: str = "tanh") -> Cell:
    """One constructor for all three cells; `activation` only matters for the vanilla RNN."""
    extra = {"activation": activation} if kind == "rnn" else {}
    return CELLS[kind].init(rng, n_in, n_hidden, rho=rho, **extra)


def global_norm(grads: dict[str, Floats]) -> float:
    """The L2 norm of all gradients taken as one long vector; inf if any part is inf or nan.

    Computed on the gradients divided by their largest entry, so a huge but finite gradient
    (say 1e200) gets its true norm instead of overflowing while it is squared.
    """
    with np.errstate(invalid="ignore"):
        scale = max((float(np.max(np.abs(g))) for g in grads.values() if g.size), default=0.0)
    if not np.isfinite(scale):
        return float("inf")
    if scale == 0.0:
        return 0.0
    with np.errstate(over="ignore"):
        return scale * float(np.sqrt(sum(float(np.sum((g / scale) ** 2)) for g in grads.values())))


def clip_by_global_norm(grads: dict[str, Floats], threshold: float) -> tuple[dict[str, Floats], float]:
    """Rescale all gradients together so their global norm is at most `threshold` (Pascanu et al. 2013).

    Returns the clipped gradients and the norm before clipping. The direction is kept, only the
    step shrinks. A non-finite gradient has no direction to keep: it comes back as zeros (skip the
    step) with norm inf, so the caller can report "exploded".
    """
    norm = global_norm(grads)
    if not np.isfinite(norm):
        return {k: np.zeros_like(g) for k, g in grads.items()}, norm
    scale = min(1.0, threshold / norm) if norm > 0 else 1.0
    return {k: g * scale for k, g in grads.items()}, norm
