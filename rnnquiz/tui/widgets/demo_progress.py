"""A demo run's progress: Start/Pause/Resume/Run again, Reset, the status line and the loss trend."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Sparkline, Static

from rnnquiz.tui.widgets.steady import display, show

RUN_BINDINGS = [
    Binding("space", "run('start')", "Start", id="demo.start"),
    Binding("space", "run('pause')", "Pause", id="demo.pause"),
    Binding("space", "run('resume')", "Resume", id="demo.resume"),
    Binding("space", "run('again')", "Run again", id="demo.again"),
]
"""Space does the run button's step; the demo view's `run` action offers only the one that applies."""
STEP_LABELS = {"start": "Start", "pause": "Pause", "resume": "Resume", "again": "Run again"}
"""What the run button says for the step it takes."""


def next_step(state: str) -> str:
    """What space (and the run button) does in a run state: start, pause, resume or again."""
    return {"running": "pause", "paused": "resume", "done": "again"}.get(state, "start")


class DemoBar(Horizontal):
    """The buttons post `Button.Pressed` to the demo view, which owns the run."""

    def compose(self) -> ComposeResult:
        yield Button(Content("Start"), classes="demo-run", compact=True)
        yield Button(Content("Reset"), classes="demo-reset", compact=True)
        yield Static(classes="demo-status", markup=False)

    def sync(self, state: str, *, asking: bool, training: bool, steps_shown: int) -> None:
        """Labels and the status line for a run state; a running run's status comes from its frames."""
        self.query_one(".demo-run", Button).label = Content(STEP_LABELS[next_step(state)])
        self.query_one(".demo-reset", Button).disabled = state == "idle"
        if state == "idle" and not asking:
            self.show_status("Press space or Start to train." if training else "", nowrap=False)
        elif state == "paused":
            self.show_status(f"Paused at step {steps_shown}.", nowrap=False)

    def show_status(self, text: str, *, nowrap: bool = True) -> None:
        show(self.query_one(".demo-status", Static), Content(text), nowrap=nowrap)


class LossTrend(Horizontal):
    """The training loss so far as a sparkline; hidden until a run reports one."""

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("loss, log ", "$text-muted"), classes="demo-trend-label")
        yield Sparkline([])

    def show_trend(self, trend: Sequence[float]) -> None:
        if trend:
            self.query_one(Sparkline).data = list(trend)
        display(self, bool(trend))
