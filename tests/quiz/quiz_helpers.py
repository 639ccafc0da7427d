"""Question factory and the tiny fixture course shared by the quiz tests."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from rnnquiz.content.model import Question

_QUESTION = TypeAdapter(Question)


def make(type: str, **fields: Any) -> Any:
    """A validated question of `type`; id and prompt default so tables stay short."""
    fields.setdefault("id", f"q-{type.replace('_', '-')}")
    fields.setdefault("prompt", "?")
    return _QUESTION.validate_python({"type": type, **fields})


COURSE = """\
course: tiny
title: Tiny course
sections: [alpha, beta]
"""

ALPHA = """\
section: alpha
title: Alpha
glossary:
  - {term: Hidden state, definition: The vector an RNN carries from step to step.}
  - {term: BPTT, definition: Backpropagation through time.}
  - {term: Gradient clipping, definition: Capping the gradient norm.}
quiz:
  - id: a-single
    type: single
    prompt: Which way do gradients go?
    choices: [Up, {text: Toward zero, feedback: "Yes, they shrink."}, Sideways, Nowhere]
    answer: 1
    explain: Products of small Jacobians shrink.
  - id: a-multiple
    type: multiple
    prompt: Which are gated cells?
    choices: [LSTM, GRU, Elman RNN, Perceptron]
    answer: [0, 1]
  - id: a-true-false
    type: true_false
    prompt: RNNs share weights across time.
    answer: true
"""

BETA = """\
section: beta
title: Beta
glossary:
  - {term: LSTM, definition: "Long short-term memory, a gated cell."}
  - {term: GRU, definition: Gated recurrent unit.}
quiz:
  - id: b-order
    type: order
    prompt: Put the steps in order.
    items: [Forward pass, Loss, Backward pass, Update]
  - id: b-match
    type: match
    prompt: Match.
    pairs: [{left: LSTM, right: three gates}, {left: GRU, right: two gates}, {left: RNN, right: no gates}]
  - id: b-numeric
    type: numeric
    prompt: 0.9 to the 10th, roughly?
    answer: 0.35
    tolerance: 0.01
"""
