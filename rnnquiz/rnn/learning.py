"""The three experiments that train, as generators of progress frames a caller may stop between.

Each generator yields a frozen frame every `report_every` steps and a last one with `done=True`.
A Textual thread worker can loop over it, post each frame, and simply stop iterating when it is
cancelled; `final(frames)` runs one to the end for the command line and the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from rnnquiz.content.demos import ClippingParams, MemoryTaskParams, NextCharParams
from rnnquiz.rnn.arrays import Floats, Ints
from rnnquiz.rnn.cells import LSTM, Cell, clip_by_global_norm, global_norm, make_cell
from rnnquiz.rnn.train import SGD, Adagrad, Adam, Readout, softmax, softmax_cross_entropy

F = TypeVar("F")
LossOf = Callable[[Floats], tuple[float, Floats]]
"""The loss of a readout's outputs, and its gradient with respect to them."""
N_SYMBOLS, BATCH, EVAL_SIZE = 8, 32, 500
MEMORY_MODELS = ("rnn", "lstm")
LSTM_FORGET_BIAS = 3.0
"""The LSTM starts with its forget gate open (sigmoid(3) = 0.95), the usual trick for long memory."""


def final(frames: Iterable[F]) -> F:
    """Run a frame generator to the end and return its last frame."""
    iterator = iter(frames)
    last = next(iterator)  # a frame generator always yields its done frame
    for last in iterator:  # noqa: B007 -- only the last one is wanted
        pass
    return last


def _every(report_every: int | None, total: int) -> int:
    return max(1, report_every or total // 20)


def _train_step(cell: Cell, readout: Readout, xs: Floats, loss_of: LossOf) -> tuple[float, dict[str, Floats]]:
    """Forward, loss on the readout of every state, and exact BPTT back to every weight."""
    trace = cell.forward(xs)
    hs = trace.hs[1:]
    loss, dy = loss_of(readout.forward(hs))
    g_out, dhs = readout.backward(hs, dy)
    return loss, {**cell.backward(trace, dhs).grads, **g_out}


# --- memory task: recall the first symbol after a delay -------------------------------------------


@dataclass(frozen=True)
class MemoryFrame:
    """Accuracy by delay so far (nan: not trained yet), and where training is now."""

    delays: Ints  # (n,)
    accuracy: dict[str, Floats]  # "rnn", "lstm" -> (n,) share of recalls right on fresh data
    chance: float
    model: str
    delay: int
    step: int
    train_steps: int
    loss: float
    done: bool


def memory_delays(max_delay: int) -> Ints:
    """Up to five delays from 1 to max_delay, evenly spread."""
    delays: Ints = np.unique(np.linspace(1, max_delay, min(5, max_delay)).round().astype(int))
    return delays


def memory_batch(rng: np.random.Generator, delay: int, size: int) -> tuple[Floats, Ints]:
    """Sequences of delay + 1 steps: a marked cue symbol, random symbols of the same kind, then "recall"."""
    steps, k = delay + 1, N_SYMBOLS
    xs = np.zeros((steps, size, k + 2))
    symbols = rng.integers(0, k, (steps, size))
    xs[np.arange(steps)[:, None], np.arange(size), symbols] = 1.0
    xs[0, :, k] = 1.0  # "this is the one to remember"
    xs[-1] = 0.0
    xs[-1, :, k + 1] = 1.0  # "now say it"
    return xs, symbols[0]


def _recall_loss(targets: Ints) -> LossOf:
    """Cross-entropy on the recall step only: what the model outputs before it is not scored."""

    def loss_of(ys: Floats) -> tuple[float, Floats]:
        loss, d = softmax_cross_entropy(ys[-1], targets)
        dys = np.zeros_like(ys)
        dys[-1] = d
        return loss, dys

    return loss_of


def memory_task(
    params: MemoryTaskParams, report_every: int | None = None, delays: list[int] | None = None
) -> Iterator[MemoryFrame]:
    """Train an RNN and an LSTM (Adam) per delay; the RNN drifts to chance as the delay grows.

    `delays` overrides the spread from 1 to max_delay (the tests train just the longest one).
    """
    spread = memory_delays(params.max_delay) if delays is None else np.asarray(delays, dtype=int)
    accuracy = {m: np.full(len(spread), np.nan) for m in MEMORY_MODELS}
    every = _every(report_every, params.train_steps)

    def frame(model: str, delay: int, step: int, loss: float, done: bool = False) -> MemoryFrame:
        acc = {m: a.copy() for m, a in accuracy.items()}
        return MemoryFrame(spread, acc, 1 / N_SYMBOLS, model, int(delay), step, params.train_steps, loss, done)

    for i, delay in enumerate(spread):
        for m, model in enumerate(MEMORY_MODELS):
            init_rng = np.random.default_rng([params.seed, int(delay), m])
            data_rng = np.random.default_rng([params.seed, int(delay)])  # both models see the same data
            cell: Cell
            if model == "lstm":
                cell = LSTM.init(init_rng, N_SYMBOLS + 2, params.hidden, forget_bias=LSTM_FORGET_BIAS)
            else:
                cell = make_cell(model, init_rng, N_SYMBOLS + 2, params.hidden)
            readout, opt = Readout.init(init_rng, params.hidden, N_SYMBOLS), Adam(0.02)
            for step in range(1, params.train_steps + 1):
                xs, targets = memory_batch(data_rng, int(delay), BATCH)
                loss, grads = _train_step(cell, readout, xs, _recall_loss(targets))
                opt.step({**cell.params(), **readout.params()}, grads)
                if step % every == 0 and step < params.train_steps:
                    yield frame(model, delay, step, loss)
            eval_rng = np.random.default_rng([params.seed, int(delay), 99])
            xs, targets = memory_batch(eval_rng, int(delay), EVAL_SIZE)
            guesses = readout.forward(cell.forward(xs).hs[-1]).argmax(axis=-1)
            accuracy[model][i] = np.mean(guesses == targets)
            yield frame(model, delay, params.train_steps, loss, done=(i == len(spread) - 1 and m == 1))


# --- clipping: the same exploding run with and without clipping ------------------------------------


@dataclass(frozen=True)
class ClippingFrame:
    """Loss and gradient-norm curves of both runs so far; inf marks "exploded"."""

    loss_plain: Floats  # (step,) loss without clipping
    loss_clipped: Floats  # (step,) loss with clipping
    norm_plain: Floats  # (step,) gradient norm of the unclipped run
    norm_before: Floats  # (step,) clipped run: norm before clipping
    norm_after: Floats  # (step,) clipped run: norm after clipping (at most the threshold)
    threshold: float
    exploded_at: int | None  # first step (1-based) at which the unclipped run left float64
    step: int
    train_steps: int
    done: bool


def sine_batch(rng: np.random.Generator, steps: int, size: int) -> tuple[Floats, Floats]:
    """Sine waves of random phase and frequency: inputs, and the next value as the target."""
    phase, omega = rng.uniform(0, 2 * np.pi, size), rng.uniform(0.2, 0.6, size)
    wave = np.sin(omega * np.arange(steps + 1)[:, None] + phase)[..., None]
    return wave[:-1], wave[1:]


def _squared_error(targets: Floats) -> LossOf:
    """Mean squared error of the prediction at every step, and its gradient."""
    return lambda ys: (float(np.mean((ys - targets) ** 2)), 2 * (ys - targets) / ys.size)


def clipping(params: ClippingParams, report_every: int | None = None) -> Iterator[ClippingFrame]:
    """Train one RNN twice from the same start by plain SGD: once raw, once clipped by global norm."""
    rng = np.random.default_rng(params.seed)
    cells = [make_cell("rnn", rng, 1, params.hidden, rho=params.rho, activation=params.activation)]
    readouts = [Readout.init(rng, params.hidden, 1)]
    cells.append(cells[0].copy())
    readouts.append(Readout(readouts[0].W_hy.copy(), readouts[0].b_y.copy()))
    opt = SGD(params.learning_rate)
    names = ("loss_plain", "loss_clipped", "norm_plain", "norm_before", "norm_after")
    curves: dict[str, list[float]] = {k: [] for k in names}
    exploded_at, every = None, _every(report_every, params.train_steps)
    for step in range(1, params.train_steps + 1):
        xs, targets = sine_batch(rng, params.steps, 16)
        with np.errstate(all="ignore"):
            if exploded_at is None:
                loss, grads = _train_step(cells[0], readouts[0], xs, _squared_error(targets))
                norm = global_norm(grads)
                if np.isfinite(loss) and np.isfinite(norm):
                    opt.step({**cells[0].params(), **readouts[0].params()}, grads)
                else:
                    exploded_at = step
            if exploded_at is not None:
                loss, norm = np.inf, np.inf
            curves["loss_plain"].append(loss if np.isfinite(loss) else np.inf)
            curves["norm_plain"].append(norm)
            loss, grads = _train_step(cells[1], readouts[1], xs, _squared_error(targets))
            clipped, norm = clip_by_global_norm(grads, params.threshold)
            opt.step({**cells[1].params(), **readouts[1].params()}, clipped)
        curves["loss_clipped"].append(loss if np.isfinite(loss) else np.inf)
        curves["norm_before"].append(norm)
        curves["norm_after"].append(global_norm(clipped))
        if step % every == 0 or step == params.train_steps:
            arrays = {k: np.array(v) for k, v in curves.items()}
            done = step == params.train_steps
            yield ClippingFrame(**arrays, threshold=params.threshold, exploded_at=exploded_at,
                                step=step, train_steps=params.train_steps, done=done)


# --- next character: min-char-rnn on the course's own text -----------------------------------------


@dataclass(frozen=True)
class NextCharFrame:
    """Smoothed loss so far and a text sampled from the model as it is now."""

    losses: Floats  # (step + 1,) smoothed loss per character, in nats; [0] is before training
    sample: str
    step: int
    train_steps: int
    vocab_size: int
    done: bool


def sample_text(cell: Cell, readout: Readout, vocab: list[str], h: Floats, first: int, length: int,
                rng: np.random.Generator) -> str:
    """Let the model write: feed each drawn character back in as the next input."""
    x, out = np.zeros(len(vocab)), []
    x[first] = 1.0
    for _ in range(length):
        h = cell.forward(x[None], h0=h).hs[-1]
        k = int(rng.choice(len(vocab), p=softmax(readout.forward(h))))
        x[:] = 0.0
        x[k] = 1.0
        out.append(vocab[k])
    return "".join(out)


def next_char(params: NextCharParams, text: str, report_every: int | None = None) -> Iterator[NextCharFrame]:
    """A min-char-rnn: predict each next character of `text`, truncated BPTT, Adagrad, clipping at 5."""
    if len(text) <= params.seq_length:
        raise ValueError(f"the text needs more than seq_length={params.seq_length} characters")
    rng = np.random.default_rng(params.seed)
    vocab = sorted(set(text))
    index = {c: i for i, c in enumerate(vocab)}
    ids = np.array([index[c] for c in text])
    onehot = np.eye(len(vocab))
    cell = make_cell("rnn", rng, len(vocab), params.hidden)
    readout, opt = Readout.init(rng, params.hidden, len(vocab)), Adagrad(params.learning_rate)
    every, pos, h = _every(report_every, params.train_steps), 0, np.zeros(params.hidden)
    losses = [np.log(len(vocab))]  # what a model that knows nothing pays per character
    sample = sample_text(cell, readout, vocab, h, ids[0], params.sample_length, rng)
    yield NextCharFrame(np.array(losses), sample, 0, params.train_steps, len(vocab), False)
    for step in range(1, params.train_steps + 1):
        if pos + params.seq_length + 1 > len(ids):
            pos, h = 0, np.zeros(params.hidden)  # back to the start of the text, fresh memory
        chunk = ids[pos : pos + params.seq_length + 1]
        trace = cell.forward(onehot[chunk[:-1]], h0=h)
        loss, dy = softmax_cross_entropy(readout.forward(trace.hs[1:]), chunk[1:])
        g_out, dhs = readout.backward(trace.hs[1:], dy)
        grads, _ = clip_by_global_norm({**cell.backward(trace, dhs).grads, **g_out}, 5.0)
        opt.step({**cell.params(), **readout.params()}, grads)
        losses.append(0.99 * losses[-1] + 0.01 * loss)
        h, pos = trace.hs[-1], pos + params.seq_length
        if step % every == 0 or step == params.train_steps:
            sample = sample_text(cell, readout, vocab, h, chunk[-1], params.sample_length, rng)
            done = step == params.train_steps
            yield NextCharFrame(np.array(losses), sample, step, params.train_steps, len(vocab), done)
