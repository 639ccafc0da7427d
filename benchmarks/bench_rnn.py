"""Speed of the RNN lab: forward + full BPTT as a ratio to a floor of plain matrix-vector products,
and the live-training step rate (the lab needs at least 20 steps per second at H=32, T=50).

Run: python benchmarks/bench_rnn.py   (times are best-of-N in this process, so ratios are stable)
"""

from __future__ import annotations

import time

import numpy as np

from rnnquiz.rnn.cells import clip_by_global_norm, make_cell
from rnnquiz.rnn.train import Adam, Readout, softmax_cross_entropy

SIZES = [(32, 100), (64, 200)]
N_INPUT = 16
REQUIRED_STEPS_PER_SECOND = 20


def best_time(fn, repeat: int = 7, number: int = 5) -> float:
    """Seconds per call: the best of `repeat` rounds of `number` calls, to see past other load."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def floor_time(h: int, steps: int) -> float:
    """2T products W @ v of an H x H matrix: one per step forward and one per step back, the least BPTT must do."""
    rng = np.random.default_rng(0)
    w, v = rng.standard_normal((h, h)) / (2 * np.sqrt(h)), rng.standard_normal(h)  # radius ~0.5: no overflow

    def products():
        u = v
        for _ in range(2 * steps):
            u = w @ u

    return best_time(products)


def bptt_time(kind: str, h: int, steps: int) -> float:
    rng = np.random.default_rng(0)
    cell = make_cell(kind, rng, N_INPUT, h)
    xs, dh = rng.standard_normal((steps, N_INPUT)), rng.standard_normal((steps, h))
    return best_time(lambda: cell.backward(cell.forward(xs), dh))


def training_rate(kind: str, h: int = 32, steps: int = 50, batch: int = 1) -> float:
    """Full training steps per second: forward, softmax loss at every step, BPTT, clipping, Adam."""
    rng = np.random.default_rng(0)
    vocab = 40
    cell, readout, opt = make_cell(kind, rng, vocab, h), Readout.init(rng, h, vocab), Adam(0.01)
    ids = rng.integers(0, vocab, (steps + 1, batch))
    xs = np.eye(vocab)[ids[:-1]]

    def step():
        trace = cell.forward(xs)
        _loss, dy = softmax_cross_entropy(readout.forward(trace.hs[1:]), ids[1:])
        g_out, dhs = readout.backward(trace.hs[1:], dy)
        grads, _ = clip_by_global_norm({**cell.backward(trace, dhs).grads, **g_out}, 5.0)
        opt.step({**cell.params(), **readout.params()}, grads)

    return 1.0 / best_time(step, repeat=5, number=10)


def main() -> int:
    print("forward + full BPTT, one sequence, as a ratio to 2T plain H x H mat-vec products (the floor)")
    print(f"{'cell':<6}{'H':>4}{'T':>5}{'floor ms':>10}{'bptt ms':>10}{'ratio':>8}")
    for h, steps in SIZES:
        floor = floor_time(h, steps)
        for kind in ("rnn", "lstm", "gru"):
            t = bptt_time(kind, h, steps)
            print(f"{kind:<6}{h:>4}{steps:>5}{floor * 1e3:>10.3f}{t * 1e3:>10.3f}{t / floor:>8.1f}")
    print()
    print(f"live training at H=32, T=50 (need >= {REQUIRED_STEPS_PER_SECOND} steps/s)")
    ok = True
    for kind in ("rnn", "lstm", "gru"):
        for batch in (1, 32):
            rate = training_rate(kind, batch=batch)
            ok &= rate >= REQUIRED_STEPS_PER_SECOND
            verdict = "ok" if rate >= REQUIRED_STEPS_PER_SECOND else "TOO SLOW"
            print(f"{kind:<6} batch {batch:>2}: {rate:8.0f} steps/s  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
