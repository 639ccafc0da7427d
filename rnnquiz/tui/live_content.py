"""Keeping the app's library current: the late load after the first screen, and live reload on save.

Both run in thread workers that never touch widgets; they post messages that the app turns into
notices and a `LibraryChanged` for every open screen. Screens that show content handle
`LibraryChanged` by redrawing from `context.library` without losing the learner's place.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from textual.message import Message

from rnnquiz.content.text import safe_text

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from rnnquiz.content.live import Reload
    from rnnquiz.tui.context import AppContext

    _AppBase = App[None]
else:
    _AppBase = object

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
"""How often content files are stat'ed: a save shows up within about this long (plus the reload)."""
REFUSED = "Not reloaded:"
"""How the title of a notice about a refused save begins."""
SHOWN_PROBLEMS = 3
"""At most this many `file:line:col: message` lines in one notice (each may wrap to three lines)."""


class LibraryChanged(Message):
    """Posted to every open screen when a different library (or outline) is now in use."""


# Messages are written out rather than declared with @dataclass: defining a dataclass costs about half a
# millisecond, and this module loads before the first screen.


class LibraryLoaded(Message):
    """The late load finished (warm start)."""

    def __init__(self, outline_changed: bool) -> None:
        super().__init__()
        self.outline_changed = outline_changed


class ContentReloaded(Message):
    """Content files changed and were read again; `result` says whether the new version is in use."""

    def __init__(self, result: Reload) -> None:
        super().__init__()
        self.result = result


def refusal_notice(result: Reload, preview: Path | None = None) -> str:
    """Why a save was refused: its new problems as `file:line:col: message`, those in the saved files
    first (the others follow from them). Under `rnnquiz preview` the problems list shows the rest."""
    changed = {path.resolve() for path in result.changes.paths}
    problems = sorted(result.new_problems, key=lambda p: p.file.resolve() not in changed)  # stable
    if preview is None:
        shown = problems[:SHOWN_PROBLEMS]
        lines = [safe_text(str(problem)) for problem in shown]
        if len(problems) > len(shown):
            lines.append(f"(and {len(problems) - len(shown)} more)")
        return "\n".join(lines)
    # The panel lists only the previewed file's problems: those of other files must be named here.
    target = preview.resolve()
    below = [p for p in problems if p.file.resolve() == target]
    elsewhere = [p for p in problems if p.file.resolve() != target]
    first_below = below[:1]
    others = elsewhere[:SHOWN_PROBLEMS - len(first_below)]
    lines = [safe_text(str(problem)) for problem in first_below + others]
    if len(below) > 1:
        lines.append(f"(and {len(below) - 1} more, listed below)")
    hidden = len(elsewhere) - len(others)
    if hidden > 0:
        lines.append(f"(and {hidden} more in other files; `rnnquiz validate` lists them)")
    return "\n".join(lines)


class LiveContent(_AppBase):
    """Mixin for the app (an `App` with a `context`): the late-load worker and the content watcher."""

    context: AppContext
    _checking_content: bool = False
    _preview_lesson_opened: bool = False

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
            if live.settled_changes():
                self.post_message(ContentReloaded(live.reload()))
        except Exception as error:  # a bug while reading must not end live reload silently
            log.exception("reloading content failed")
            self.call_from_thread(self.notify, f"Could not reload the content files: {error}", title="Content",
                                  severity="error", markup=False)
        finally:
            self._checking_content = False

    def on_content_reloaded(self, message: ContentReloaded) -> None:
        result = message.result
        names = safe_text(", ".join(sorted({path.name for path in result.changes.paths})) or "content")
        if result.accepted:
            self._drop_refusal_notices()
            self.notify(f"Reloaded {names}.", title="Content", timeout=3, markup=False)
            if gone := result.gone_notice():
                self.notify(safe_text(gone), title="Content", severity="warning", timeout=12, markup=False)
            self.broadcast_library_changed()
            self._open_previewed_lesson()
        else:
            self.notify(refusal_notice(result, self.context.preview),
                        title=f"{REFUSED} {names} has problems; the previous version stays",
                        severity="error", timeout=15, markup=False)
        self.refresh_problem_panels()

    def _drop_refusal_notices(self) -> None:
        """A good save makes the notices about earlier refused ones stale."""
        # Textual 8 gives no public handle on a notice once shown; the app's collection is iterable.
        stale = [note for note in self._notifications if note.title.startswith(REFUSED)]
        for note in stale:
            self._unnotify(note, refresh=False)
        if stale:
            self._refresh_notifications()

    def _open_previewed_lesson(self) -> None:
        """`rnnquiz preview` of a file that had no lesson to show (say, invalid YAML): once it loads, open
        it (once: an author who went back home on purpose stays there)."""
        preview = self.context.preview
        if (preview is None or self._preview_lesson_opened or getattr(self, "initial", ("home",))[0] != "home"
                or getattr(self.screen, "screen_name", None) != "home"):
            return
        from rnnquiz.content.live import first_section

        section = first_section(self.context.library, preview)
        if section is not None:
            self._preview_lesson_opened = True
            self.open_screen("learn", section)  # type: ignore[attr-defined]

    def broadcast_library_changed(self) -> None:
        for screen in self.screen_stack:
            screen.post_message(LibraryChanged())

    def refresh_problem_panels(self) -> None:
        from rnnquiz.tui.widgets.problems import ProblemsPanel

        for screen in self.screen_stack:
            for panel in screen.query(ProblemsPanel):
                panel.show(self.context.preview_problems())
