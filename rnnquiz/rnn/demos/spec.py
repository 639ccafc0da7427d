"""What a demo is, as one frozen record: everything the lab, `rnnquiz demo` and the tests do with it.

Each demo module in this package builds one `DemoSpec`; `DEMO_SPECS` lists them in lab order and
every consumer iterates that table (the live view, the printout, the prediction question, the
lab's tabs and keys, the CLI's options), so adding a demo touches no dispatcher.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from rnnquiz.content.demos import DemoParams, demo_title
from rnnquiz.rnn.experiments import StopCheck

P = TypeVar("P", bound=DemoParams)
F = TypeVar("F")


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


@dataclass(frozen=True)
class View:
    """One frame, ready to show."""

    lines: list[str]
    status: str
    trend: tuple[float, ...]  # log10 of the recent losses, finite and positive only; empty if none
    step: int
    total: int
    outcome: Outcome | None  # set on the last frame of a run
    done: bool


@dataclass(frozen=True)
class LiveRun:
    """How the lab runs a demo: the course text (for demos that read it), every comparison or only
    the main plot (a lesson), and the stop check of its worker."""

    text: str = ""
    full: bool = True
    should_stop: StopCheck = None


@dataclass(frozen=True)
class Printing:
    """How `rnnquiz demo` prints: plot width, 7-bit ASCII or not, whether text streams as it comes
    (False for JSON, printed once at the end), where streamed lines go, and the course text."""

    width: int
    ascii: bool
    streaming: bool
    emit: Callable[[list[str]], None]
    text: str = ""


@dataclass(frozen=True)
class Printout:
    """The end of a printed run: its closing text, or its numbers for JSON (built only when asked)."""

    lines: Callable[[], list[str]]
    numbers: Callable[[], dict[str, object]]


class Refused(ValueError):
    """The parameters are valid but this run cannot use them (say, longer chunks than the text has)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclass(frozen=True)
class DemoSpec(Generic[P, F]):
    """One demo: its names, its parameter model (from the content layer) and what it does.

    `F` is the demo's frame: what `frames` yields and `render`, `outcome` read. A frame without a
    `done` attribute counts as done (a demo that computes at once yields one result).
    """

    name: str
    """What authors write in `demos:` and the CLI takes; a key of `rnnquiz.content.demos.DEMOS`."""
    short: str
    """The lab's tab label: short enough for every tab in 60 columns."""
    params: type[P]
    """The parameter model, `DEMOS[name]`; it lives in the content layer so course files validate without NumPy."""
    frames: Callable[[P, LiveRun], Iterator[F]]
    """Run it live; the last frame has `done` true."""
    render: Callable[[P, F, int, Outcome | None], View]
    """A frame as lines at a width (before `live.fit`), given the outcome once the run is done."""
    question: Callable[[P], Question]
    """The prediction question, from the parameters alone."""
    outcome: Callable[[P, F], Outcome]
    """The right choice and its reveal, read from the last frame."""
    printout: Callable[[P, Printing], Printout]
    """Run it for `rnnquiz demo`: stream progress through `Printing.emit`, return the ending."""
    reads_course_text: bool = False
    """It trains on the course's own text, which the caller reads and passes in."""

    @property
    def title(self) -> str:
        """The one-line description, from the parameter model's docstring."""
        return demo_title(self.name)

    @property
    def trains(self) -> bool:
        """It trains frame by frame (so it can be paused), rather than computing at once."""
        return "train_steps" in self.params.model_fields
