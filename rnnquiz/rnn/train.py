"""The small pieces training needs around a cell: a readout, softmax loss, and three optimisers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnquiz.rnn.arrays import Floats, Ints


def softmax(logits: Floats) -> Floats:
    """Probabilities along the last axis; shifting by the max keeps exp() from overflowing."""
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    p: Floats = e / e.sum(axis=-1, keepdims=True)
    return p


def softmax_cross_entropy(logits: Floats, targets: Ints) -> tuple[float, Floats]:
    """Mean negative log-likelihood of integer targets, and its gradient with respect to the logits."""
    p = softmax(logits)
    flat_p, flat_t = p.reshape(-1, p.shape[-1]), np.asarray(targets).reshape(-1)
    rows = np.arange(len(flat_t))
    loss = float(-np.mean(np.log(np.maximum(flat_p[rows, flat_t], 1e-300))))
    d = flat_p.copy()
    d[rows, flat_t] -= 1.0
    return loss, d.reshape(p.shape) / len(flat_t)


@dataclass
class Readout:
    """A linear layer from the hidden state to output scores: y = W_hy h + b_y."""

    W_hy: Floats
    b_y: Floats

    @classmethod
    def init(cls, rng: np.random.Generator, n_hidden: int, n_out: int) -> Readout:
        return cls(W_hy=rng.standard_normal((n_out, n_hidden)) / np.sqrt(n_hidden), b_y=np.zeros(n_out))

    def params(self) -> dict[str, Floats]:
        return {"W_hy": self.W_hy, "b_y": self.b_y}

    def forward(self, h: Floats) -> Floats:
        y: Floats = h @ self.W_hy.T + self.b_y
        return y

    def backward(self, h: Floats, dy: Floats) -> tuple[dict[str, Floats], Floats]:
        """Weight gradients and dL/dh for scores y computed from h."""
        flat_dy, flat_h = dy.reshape(-1, dy.shape[-1]), h.reshape(-1, h.shape[-1])
        return {"W_hy": flat_dy.T @ flat_h, "b_y": flat_dy.sum(axis=0)}, dy @ self.W_hy


class SGD:
    """Plain gradient descent: the setting in which exploding gradients do the most damage."""

    def __init__(self, learning_rate: float):
        self.learning_rate = learning_rate

    def step(self, params: dict[str, Floats], grads: dict[str, Floats]) -> None:
        for name, p in params.items():
            p -= self.learning_rate * grads[name]


class Adagrad:
    """Per-weight step sizes that shrink with past gradients, as in min-char-rnn."""

    def __init__(self, learning_rate: float, eps: float = 1e-8):
        self.learning_rate, self.eps = learning_rate, eps
        self.memory: dict[str, Floats] = {}

    def step(self, params: dict[str, Floats], grads: dict[str, Floats]) -> None:
        for name, p in params.items():
            m = self.memory.setdefault(name, np.zeros_like(p))
            m += grads[name] ** 2
            p -= self.learning_rate * grads[name] / np.sqrt(m + self.eps)


class Adam:
    """Adam (Kingma & Ba 2015): momentum plus per-weight scaling, quick on small tasks."""

    def __init__(self, learning_rate: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        self.learning_rate, self.beta1, self.beta2, self.eps = learning_rate, beta1, beta2, eps
        self.m: dict[str, Floats] = {}
        self.v: dict[str, Floats] = {}
        self.t = 0

    def step(self, params: dict[str, Floats], grads: dict[str, Floats]) -> None:
        self.t += 1
        c1, c2 = 1 - self.beta1**self.t, 1 - self.beta2**self.t
        for name, p in params.items():
            m = self.m.setdefault(name, np.zeros_like(p))
            v = self.v.setdefault(name, np.zeros_like(p))
            m *= self.beta1
            m += (1 - self.beta1) * grads[name]
            v *= self.beta2
            v += (1 - self.beta2) * grads[name] ** 2
            p -= self.learning_rate * (m / c1) / (np.sqrt(v / c2) + self.eps)
