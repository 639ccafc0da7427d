"""Keeping the app's library current: the late load after the first screen, and live reload on save.

Both run in thread workers that never touch widgets; they post messages that the app turns into
notices and a `LibraryChanged` for every open screen. Screens that show content handle
`LibraryChanged` by redrawing from `context.library` without losing the learner's place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from rnnquiz.content.text import safe_text

if TYPE_CHECKING:
    from rnnquiz.content.live import Reload
    from rnnquiz.tui.context import AppContext

POLL_SECONDS = 0.5
"""How often content files are stat'ed: a save shows up within about this long (plus the reload)."""
SHOWN_PROBLEMS = 5
"""At most this many `file:line:col: message` lines in one notice."""


class LibraryChanged(Message):
    """Posted to every open screen when a different library (or outline) is now in use."""


@dataclass
class LibraryLoaded(Message):
    """The late load finished (warm start)."""

    outline_changed: bool


@dataclass
class ContentReloaded(Message):
    """Content files changed and were read again; `result` says whether the new version is in use."""

    result: Reload


class LiveContent:
    """Mixin for the app (an `App` with a `context`): the late-load worker and the content watcher."""

    context: AppContext
    _checking_content: bool = False

    def start_live_content(self) -> None:
        """Once the first screen is shown: load the library if it is not yet, then poll the content files."""
        if not self.context.library_ready:
            self.run_worker(self._load_library, thread=True, group="library", exit_on_error=False,
                            name="load library")
        if self.context.live.paths:
            self.set_interval(POLL_SECONDS, self._poll_content, name="content watch")

    def _load_library(self) -> None:
        live = self.context.live
        shown = live.outline
        live.get()
        self.post_message(LibraryLoaded(live.outline != shown))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        if message.outline_changed:
            self.broadcast_library_changed()

    def _poll_content(self) -> None:
        if self._checking_content:
            return  # the previous check (or reload) is still running
        self._checking_content = True
        self.run_worker(self._check_content, thread=True, group="content watch", exit_on_error=False,
                        name="check content")

    def _check_content(self) -> None:
        try:
            live = self.context.live
            if live.changes():
                self.post_message(ContentReloaded(live.reload()))
        finally:
            self._checking_content = False

    def on_content_reloaded(self, message: ContentReloaded) -> None:
        result = message.result
        names = safe_text(", ".join(sorted({path.name for path in result.changes.paths})) or "content")
        if result.accepted:
            self.notify(f"Reloaded {names}.", title="Content", timeout=3, markup=False)
            self.broadcast_library_changed()
        else:
            shown = [safe_text(str(problem)) for problem in result.new_problems[:SHOWN_PROBLEMS]]
            more = len(result.new_problems) - len(shown)
            lines = shown + ([f"(and {more} more)"] if more > 0 else [])
            self.notify("\n".join(lines), title=f"Not reloaded: {names} has problems; the previous version stays",
                        severity="error", timeout=15, markup=False)
        self.refresh_problem_panels()

    def broadcast_library_changed(self) -> None:
        for screen in self.screen_stack:
            screen.post_message(LibraryChanged())

    def refresh_problem_panels(self) -> None:
        from rnnquiz.tui.widgets.problems import ProblemsPanel

        for screen in self.screen_stack:
            for panel in screen.query(ProblemsPanel):
                panel.show(self.context.preview_problems())
