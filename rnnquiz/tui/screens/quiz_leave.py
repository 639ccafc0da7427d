"""Asked when the learner leaves an exam half done: its answers are graded and saved only at the end."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from rnnquiz.tui.screens.base import AppModal


class LeaveExam(AppModal[str]):
    """Finish now, leave without saving, or keep going; dismisses with `finish`, `leave` or `stay`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('stay')", "Keep going", id="quiz.leave.stay"),
        Binding("f", "choose('finish')", "Finish and grade", id="quiz.leave.finish"),
        Binding("l", "choose('leave')", "Leave without saving", id="quiz.leave.leave"),
    ]

    def __init__(self, answered: int) -> None:
        super().__init__(classes="quiz-leave")
        self.answered = answered

    def compose(self) -> ComposeResult:
        with Vertical(id="leave-box"):
            yield Static(Content.styled("Leave the exam?", "bold $accent"))
            yield Static(Content(f"You have answered {self.answered}. An exam is graded and saved when it is "
                                 "finished; unanswered questions count as missed."), id="leave-text")
            with Horizontal(id="leave-buttons"):
                yield Button("Finish (f)", id="finish", compact=True, variant="primary")
                yield Button("Leave (l)", id="leave", compact=True, variant="error")
                yield Button("Keep going", id="stay", compact=True)

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "stay")
