"""Reading aloud for any screen: `l` speaks what the screen says is current, `s` stops.

A mixin rather than a widget because what is "current" belongs to the screen (a dialogue line,
a deep-dive item, later a flashcard). The engine runs in a thread worker so the UI never waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.worker import Worker, WorkerState

from rnnquiz.tui.screens.base import AppScreen

if TYPE_CHECKING:
    from rnnquiz.tui.context import AppContext

FINISHED = (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)


class ReadAloud(AppScreen):
    """Base for screens that can read their current text aloud."""

    context: AppContext
    NOTHING_TO_READ = "There is nothing to read aloud here."

    _speaking = 0

    @property
    def speaking(self) -> bool:
        return self._speaking > 0

    def speakable(self) -> tuple[str, str] | None:
        """(text, role) to read now: role is `teacher`, `student` or `narrator`; None for nothing."""
        return None

    def action_read_aloud(self) -> None:
        what = self.speakable()
        if what is None:
            self.notify(self.NOTHING_TO_READ)
            return
        if self.context.get_speaker().engine is None:
            from rnnquiz.speech import install_hint

            self.notify(install_hint(), title="No speech engine", severity="warning", markup=False, timeout=8)
            return
        self._speaking += 1
        self.refresh_bindings()
        self._speak(*what)

    def action_stop_reading(self) -> None:
        self.stop_reading()

    def stop_reading(self) -> None:
        if self.context.speaker is not None:
            self.context.speaker.stop()

    @work(thread=True, group="speech", exit_on_error=False)  # a failure is a notice, not the end of the app
    def _speak(self, text: str, role: str) -> None:
        self.context.get_speaker().speak(text, role)  # type: ignore[arg-type]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "speech" or event.state not in FINISHED:
            return
        self._speaking -= 1
        self.refresh_bindings()
        if event.state == WorkerState.ERROR:
            self.notify(f"Reading aloud failed: {event.worker.error}", severity="error", markup=False)

    def on_screen_suspend(self) -> None:
        self.stop_reading()

    def on_unmount(self) -> None:
        self.stop_reading()
