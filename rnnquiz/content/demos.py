"""The catalogue of live demos the app knows, and the parameters each accepts.

It lives in the content layer (no NumPy) so that a course file can be checked against it, the CLI
can build `rnnquiz demo` options from it, and the lab screen can read defaults and ranges from the
same place the experiments in `rnnquiz.rnn` are called with.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CellType = Literal["rnn", "lstm", "gru"]
Activation = Literal["tanh", "relu"]


class DemoParams(BaseModel):
    """Common base: unknown parameters are an author's typo, so they are refused."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, allow_inf_nan=False)

    seed: int = Field(default=0, ge=0, le=2**32 - 1)
    """Seed of the random generator: the same seed gives the same weights and data."""


class HiddenStateParams(DemoParams):
    """Feed a sequence through a small RNN and show its hidden state over time."""

    text: str = Field(default="hello recurrent world", min_length=1, max_length=400)
    """Input text, fed one character at a time (used when `signal` is `text`)."""
    signal: Literal["text", "sine", "step"] = "text"
    """What to feed: the characters of `text`, a sine wave, or a step function."""
    steps: int = Field(default=40, ge=1, le=2000)
    """Number of time steps for `sine` and `step` signals."""
    hidden: int = Field(default=12, ge=1, le=128)
    """Number of hidden units."""
    rho: float = Field(default=0.9, gt=0, le=10)
    """Spectral radius the recurrent matrix W_hh is scaled to."""
    cell: CellType = "rnn"
    """Cell type."""
    activation: Activation = "tanh"
    """Nonlinearity of the vanilla RNN cell."""


class GradientDecayParams(DemoParams):
    """Norm of the Jacobian d h_T / d h_(T-k) as the lag k grows, against the Pascanu bound."""

    cell: CellType = "rnn"
    """Cell type."""
    rho: float = Field(default=0.9, gt=0, le=10)
    """Spectral radius the recurrent matrix W_hh is scaled to."""
    steps: int = Field(default=40, ge=1, le=2000)
    """Sequence length T."""
    hidden: int = Field(default=16, ge=1, le=256)
    """Number of hidden units."""
    activation: Activation = "tanh"
    """Nonlinearity of the vanilla RNN cell."""


class MemoryTaskParams(DemoParams):
    """Train an RNN and an LSTM to recall the first input after a delay."""

    max_delay: int = Field(default=20, ge=1, le=200)
    """Longest delay between the cue and the recall."""
    hidden: int = Field(default=16, ge=1, le=128)
    """Number of hidden units."""
    train_steps: int = Field(default=300, ge=1, le=100_000)
    """Training iterations per model and delay."""


class ClippingParams(DemoParams):
    """Train in an exploding setting with and without gradient clipping."""

    rho: float = Field(default=1.8, gt=0, le=10)
    """Spectral radius of W_hh; above 1 gradients tend to explode."""
    threshold: float = Field(default=1.0, gt=0)
    """Global-norm threshold for clipping."""
    steps: int = Field(default=30, ge=1, le=2000)
    """Sequence length T."""
    hidden: int = Field(default=16, ge=1, le=128)
    """Number of hidden units."""
    train_steps: int = Field(default=200, ge=1, le=100_000)
    """Training iterations."""
    learning_rate: float = Field(default=0.05, gt=0, le=10)
    """Step size of gradient descent."""
    activation: Activation = "relu"
    """Nonlinearity of the RNN: ReLU never saturates, so gradients really explode; tanh tames them."""


class NextCharParams(DemoParams):
    """A min-char-rnn style model trained on the course's own text, sampling as it learns."""

    hidden: int = Field(default=64, ge=1, le=512)
    """Number of hidden units."""
    seq_length: int = Field(default=25, ge=2, le=200)
    """Characters per truncated-BPTT chunk."""
    train_steps: int = Field(default=2000, ge=1, le=1_000_000)
    """Training iterations."""
    learning_rate: float = Field(default=0.1, gt=0, le=10)
    """Step size (Adagrad)."""
    sample_length: int = Field(default=200, ge=1, le=5000)
    """Characters to sample at each report."""


DEMOS: dict[str, type[DemoParams]] = {
    "hidden-state": HiddenStateParams,
    "gradient-decay": GradientDecayParams,
    "memory-task": MemoryTaskParams,
    "clipping": ClippingParams,
    "next-char": NextCharParams,
}
"""Demo name -> the model of its parameters. Names are what authors write in `demos:`."""


def demo_title(name: str) -> str:
    """A one-line description of a demo, from its parameter model's docstring."""
    return (DEMOS[name].__doc__ or name).strip().splitlines()[0]
