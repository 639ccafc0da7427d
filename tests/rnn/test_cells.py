"""Every gradient of every cell against central differences: the test that keeps BPTT honest."""

import numpy as np
import pytest

from rnnquiz.rnn.cells import GRU, LSTM, RNN, clip_by_global_norm, global_norm, make_cell

T, D, H, EPS = 5, 3, 4, 1e-6
CASES = [("rnn", "tanh"), ("rnn", "relu"), ("lstm", "tanh"), ("gru", "tanh")]
IDS = ["rnn-tanh", "rnn-relu", "lstm", "gru"]


def rel_error(a: np.ndarray, b: np.ndarray) -> float:
    """Relative error of two arrays taken whole, so entries that are ~0 do not blow it up."""
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300))


def setup(kind, activation, batch):
    rng = np.random.default_rng(7)
    cell = make_cell(kind, rng, D, H, rho=1.1, activation=activation)
    cell.b_h[:] = rng.normal(0, 0.5, cell.b_h.shape)  # biases take part in the check too
    lead = (batch,) if batch else ()
    xs = rng.normal(size=(T,) + lead + (D,))
    state0 = {"h0": rng.normal(0, 0.5, lead + (H,))}
    if kind == "lstm":
        state0["c0"] = rng.normal(0, 0.5, lead + (H,))
    weights = rng.normal(size=(T,) + lead + (H,))
    return cell, xs, state0, weights


def loss_from(hs, weights):
    """A nonlinear loss of every state h_1..h_T: sum(w_t . h_t) + 0.5 |h_t|^2."""
    return float(np.sum(weights * hs) + 0.5 * np.sum(hs**2))


def total_loss(cell, xs, state0, weights):
    return loss_from(cell.forward(xs, **state0).hs[1:], weights)


@pytest.mark.parametrize("batch", [0, 2], ids=["single", "batch"])
@pytest.mark.parametrize("kind,activation", CASES, ids=IDS)
def test_weight_gradients_match_central_differences(kind, activation, batch):
    cell, xs, state0, weights = setup(kind, activation, batch)
    trace = cell.forward(xs, **state0)
    grads = cell.backward(trace, weights + trace.hs[1:]).grads
    assert set(grads) == {"W_xh", "W_hh", "b_h"}
    for name, param in cell.params().items():
        numeric = np.zeros_like(param)
        for idx in np.ndindex(param.shape):
            old = param[idx]
            param[idx] = old + EPS
            up = total_loss(cell, xs, state0, weights)
            param[idx] = old - EPS
            down = total_loss(cell, xs, state0, weights)
            param[idx] = old
            numeric[idx] = (up - down) / (2 * EPS)
        assert grads[name].shape == param.shape
        assert rel_error(grads[name], numeric) < 1e-6, name
        assert np.allclose(grads[name], numeric, rtol=1e-5, atol=1e-7), name


def loss_after_perturbing(cell, xs, state0, weights, t, h=None, c=None):
    """The loss with state t replaced: earlier terms as they were, later steps run again from it."""
    trace = cell.forward(xs, **state0)
    hs = trace.hs.copy()
    start = {"h0": hs[t] if h is None else h}
    if cell.kind == "lstm":
        start["c0"] = trace.cs[t] if c is None else c
    hs[t] = start["h0"]
    hs[t + 1 :] = cell.forward(xs[t:], **start).hs[1:]
    return loss_from(hs[1:], weights)


@pytest.mark.parametrize("kind,activation", CASES, ids=IDS)
def test_state_gradients_match_central_differences(kind, activation):
    cell, xs, state0, weights = setup(kind, activation, 2)
    trace = cell.forward(xs, **state0)
    back = cell.backward(trace, weights + trace.hs[1:])
    assert back.dhs.shape == trace.hs.shape  # one dL/dh_t for every t = 0..T
    wrt = [("h", trace.hs, back.dhs)] + ([("c", trace.cs, back.dcs)] if kind == "lstm" else [])
    for which, states, analytic in wrt:
        for t in range(T + 1):
            numeric = np.zeros_like(states[t])
            for idx in np.ndindex(states[t].shape):
                bumped = []
                for sign in (1, -1):
                    s = states[t].copy()
                    s[idx] += sign * EPS
                    bumped.append(loss_after_perturbing(cell, xs, state0, weights, t, **{which: s}))
                numeric[idx] = (bumped[0] - bumped[1]) / (2 * EPS)
            assert rel_error(analytic[t], numeric) < 1e-6, (which, t)


@pytest.mark.parametrize("kind,activation", CASES, ids=IDS)
def test_state_jacobian_matches_central_differences(kind, activation):
    cell, xs, state0, _ = setup(kind, activation, 0)
    trace = cell.forward(xs, **state0)
    t = 3
    jac = cell.state_jacobian(trace, t)
    assert jac.shape == (cell.state_size, cell.state_size)
    start = np.concatenate([trace.hs[t - 1]] + ([trace.cs[t - 1]] if kind == "lstm" else []))

    def step(s):
        kw = {"h0": s[:H], "c0": s[H:]} if kind == "lstm" else {"h0": s}
        out = cell.forward(xs[t - 1 : t], **kw)
        return np.concatenate([out.hs[1]] + ([out.cs[1]] if kind == "lstm" else []))

    numeric = np.empty_like(jac)
    for j in range(len(start)):
        e = np.zeros_like(start)
        e[j] = EPS
        numeric[:, j] = (step(start + e) - step(start - e)) / (2 * EPS)
    assert rel_error(jac, numeric) < 1e-6


@pytest.mark.parametrize("cls", [RNN, LSTM, GRU])
def test_init_scales_each_recurrent_block_to_rho(cls):
    cell = cls.init(np.random.default_rng(1), 3, 6, rho=0.7)
    for block in np.split(cell.W_hh, cls.GATES):
        assert np.max(np.abs(np.linalg.eigvals(block))) == pytest.approx(0.7)


def test_same_seed_same_weights_and_lstm_forget_gate_starts_open():
    a = LSTM.init(np.random.default_rng(3), 2, 5)
    b = LSTM.init(np.random.default_rng(3), 2, 5)
    assert all(np.array_equal(a.params()[k], b.params()[k]) for k in a.PARAMS)
    assert np.all(a.b_h[5:10] == 1.0) and np.all(a.b_h[:5] == 0.0)


def test_clipping_rescales_all_gradients_together():
    grads = {"a": np.array([3.0, 0.0]), "b": np.array([[4.0]])}
    clipped, norm = clip_by_global_norm(grads, 1.0)
    assert norm == pytest.approx(5.0)
    assert global_norm(clipped) == pytest.approx(1.0)
    assert np.allclose(clipped["a"], [0.6, 0.0]) and np.allclose(clipped["b"], [[0.8]])
    assert grads["a"][0] == 3.0  # the input is left alone


def test_global_norm_of_huge_but_finite_gradients_does_not_overflow():
    with np.errstate(all="raise"):
        assert global_norm({"a": np.array([3e200]), "b": np.array([[4e200]])}) == pytest.approx(5e200)
        clipped, norm = clip_by_global_norm({"a": np.array([3e200, -4e200])}, 1.0)
    assert norm == pytest.approx(5e200) and np.allclose(clipped["a"], [0.6, -0.8])
    assert global_norm({"a": np.zeros(3)}) == 0.0


def test_clipping_leaves_small_gradients_and_zeros_exploded_ones():
    grads = {"a": np.array([0.3, 0.4])}
    same, norm = clip_by_global_norm(grads, 1.0)
    assert norm == pytest.approx(0.5) and np.array_equal(same["a"], grads["a"])
    with np.errstate(all="raise"):
        zeroed, norm = clip_by_global_norm({"a": np.array([np.inf, 1.0]), "b": np.array([np.nan])}, 1.0)
    assert norm == float("inf")
    assert all(np.all(g == 0) for g in zeroed.values())
