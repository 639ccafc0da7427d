"""The experiments show what the lessons claim, checked independently of the code that computes them."""

import warnings

import numpy as np
import pytest

from rnnquiz.content.demos import (
    ClippingParams,
    GradientDecayParams,
    HiddenStateParams,
    MemoryTaskParams,
    NextCharParams,
)
from rnnquiz.rnn import experiments as ex
from rnnquiz.rnn.cells import make_cell
from rnnquiz.rnn.corpus import FALLBACK, course_text


@pytest.fixture
def no_warnings():
    """Any RuntimeWarning (overflow, invalid value) fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_hidden_state_matrix_and_saturation_flags():
    r = ex.hidden_state(HiddenStateParams(text="abcabc", hidden=5, rho=1.5))
    assert r.states.shape == (5, 6) and r.labels == list("abcabc")
    assert np.array_equal(r.saturated, np.abs(r.states) > 0.95)
    assert r.saturated.any() and not r.saturated.all()
    again = ex.hidden_state(HiddenStateParams(text="abcabc", hidden=5, rho=1.5))
    assert np.array_equal(r.states, again.states)
    other = ex.hidden_state(HiddenStateParams(text="abcabc", hidden=5, rho=1.5, seed=1))
    assert not np.array_equal(r.states, other.states)


@pytest.mark.parametrize("signal", ["sine", "step"])
def test_hidden_state_signals_run_for_the_given_steps(signal):
    r = ex.hidden_state(HiddenStateParams(signal=signal, steps=30, hidden=4, cell="gru"))
    assert r.states.shape == (4, 30) and r.inputs.shape == (30, 1)
    assert np.all(np.abs(r.states) < 1)


def test_hidden_state_relu_flags_flat_units_and_explosion_without_warnings(no_warnings):
    r = ex.hidden_state(HiddenStateParams(signal="sine", steps=2000, rho=10, activation="relu"))
    finite = np.isfinite(r.states)
    assert r.exploded.any() and np.array_equal(r.exploded, ~finite)
    assert np.array_equal(r.saturated, finite & (r.states == 0))  # ReLU is flat exactly where h = 0


def recompute_h_jacobian(cell, xs, h0, t_from):
    """d h_T / d h_(t_from) by central differences over a fresh forward pass (c held for the LSTM)."""
    trace = cell.forward(xs, h0=h0)
    extra = {"c0": trace.cs[t_from]} if cell.kind == "lstm" else {}
    jac = np.empty((len(h0), len(h0)))
    for j in range(len(h0)):
        e = np.zeros(len(h0))
        e[j] = 1e-6
        up = cell.forward(xs[t_from:], h0=trace.hs[t_from] + e, **extra).hs[-1]
        down = cell.forward(xs[t_from:], h0=trace.hs[t_from] - e, **extra).hs[-1]
        jac[:, j] = (up - down) / 2e-6
    return jac


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_jacobian_norms_match_finite_differences(kind):
    p = GradientDecayParams(cell=kind, steps=6, hidden=3, rho=1.2)
    r = ex.gradient_decay(p)
    cell = make_cell(kind, np.random.default_rng(0), ex.N_INPUT, 3)
    for name, w in r.weights.items():
        getattr(cell, name)[...] = w
    assert r.jacobian_norms.shape == (7,) and r.jacobian_norms[0] == 1.0
    for k in (1, 3, 6):
        numeric = np.linalg.norm(recompute_h_jacobian(cell, r.xs, r.h0, 6 - k), 2)
        assert r.jacobian_norms[k] == pytest.approx(numeric, rel=1e-6)


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_rnn_norms_stay_under_the_pascanu_bound(activation):
    r = ex.gradient_decay(GradientDecayParams(activation=activation, rho=1.5, steps=60))
    w = np.linalg.norm(r.weights["W_hh"], 2)
    assert np.allclose(r.bound, w ** np.arange(61))
    assert np.all(r.jacobian_norms <= r.bound * (1 + 1e-9))


def test_sweep_decays_faster_for_smaller_rho_and_gated_cells_hold_longer():
    sweep = ex.gradient_decay_sweep(GradientDecayParams())
    assert list(sweep) == [0.5, 0.9, 1.0, 1.5]
    last = [r.jacobian_norms[-1] for r in sweep.values()]
    assert last == sorted(last) and last[0] < 1e-15
    cells = ex.gradient_decay_cells(GradientDecayParams())
    assert cells["lstm"].jacobian_norms[-1] > 1e6 * cells["rnn"].jacobian_norms[-1]
    assert cells["lstm"].bound is None and cells["rnn"].bound is not None


def test_gradient_decay_can_be_stopped_between_steps():
    calls = []

    def stop():
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(ex.Interrupted):
        ex.gradient_decay(GradientDecayParams(steps=200), should_stop=stop)
    assert len(calls) == 2


def test_extremes_give_exploded_or_vanished_never_nan_or_warnings(no_warnings):
    relu = ex.gradient_decay(GradientDecayParams(rho=10, steps=2000, activation="relu"))
    assert relu.exploded_from == 1 and np.all(np.isinf(relu.jacobian_norms[1:]))
    assert np.isinf(relu.bound[-1])
    small = ex.gradient_decay(GradientDecayParams(rho=0.5, steps=2000))
    assert small.vanished_from is not None and np.all(small.jacobian_norms[small.vanished_from :] == 0)
    for kind in ("rnn", "lstm", "gru"):
        r = ex.gradient_decay(GradientDecayParams(cell=kind, rho=10, steps=2000, hidden=8))
        assert not np.isnan(r.jacobian_norms).any()


def test_memory_task_lstm_recalls_at_long_delay_where_rnn_guesses():
    for seed in (0, 2):
        frames = list(ex.memory_task(MemoryTaskParams(seed=seed, max_delay=20), delays=[20]))
        last = frames[-1]
        assert last.done and not any(f.done for f in frames[:-1])
        assert last.accuracy["lstm"][0] >= 0.9
        assert last.accuracy["rnn"][0] <= 0.5
        assert last.chance == 1 / 8


def test_memory_task_frames_report_progress_and_can_be_stopped():
    frames = ex.memory_task(MemoryTaskParams(max_delay=3, train_steps=40), report_every=10)
    first = next(frames)
    assert (first.model, first.delay, first.step) == ("rnn", 1, 10)
    assert np.isnan(first.accuracy["rnn"]).all() and list(first.delays) == [1, 2, 3]
    frames.close()  # a cancelled worker simply stops iterating


def test_clipping_saves_the_run_that_explodes_without_it(no_warnings):
    f = ex.final(ex.clipping(ClippingParams(train_steps=80)))
    assert f.done and f.step == 80 and len(f.loss_plain) == 80
    assert f.exploded_at is not None and np.all(np.isinf(f.loss_plain[f.exploded_at - 1 :]))
    assert np.all(f.norm_after <= f.threshold * (1 + 1e-9))
    assert f.norm_before.max() > 100 * f.threshold
    assert np.isfinite(f.loss_clipped).all() and f.loss_clipped[-1] < 0.1 < f.loss_clipped[0]


def test_next_char_learns_and_samples_from_the_vocabulary():
    text = FALLBACK * 3
    frames = list(ex.next_char(NextCharParams(hidden=32, train_steps=300, sample_length=40), text, report_every=100))
    assert [f.step for f in frames] == [0, 100, 200, 300] and frames[-1].done
    assert frames[0].losses[0] == pytest.approx(np.log(len(set(text))))
    assert frames[-1].losses[-1] < frames[0].losses[0] - 0.5
    assert all(len(f.sample) == 40 and set(f.sample) <= set(text) for f in frames)
    with pytest.raises(ValueError):
        next(ex.next_char(NextCharParams(seq_length=25), "too short"))


def test_course_text_reads_prose_and_skips_broken_files(tmp_path):
    prose = "Recurrent networks keep a hidden state that summarises what they have read so far. " * 8
    (tmp_path / "a.yaml").write_text(f"id: abc\ndialogue:\n  - teacher: {prose}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("key: [unclosed\n", encoding="utf-8")
    text = course_text([tmp_path])
    assert text == prose.strip() and "abc" not in text
    assert course_text([tmp_path / "missing"]) == FALLBACK
