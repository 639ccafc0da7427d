"""What every screen is given: the library, the learner's progress and the speech engine.

Passing one small object to each screen (rather than reaching into `self.app`) keeps screens
testable on their own and lets new screens get what they need without touching `app.py`.

On a warm start the home screen is built from the cached outline and the full library loads in a
worker just after; the app opens no other screen before it is loaded, so screens use
`context.library` directly. Code that may run earlier awaits `context.wait_library()`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from rnnquiz.content.live import LiveLibrary
from rnnquiz.study.progress import Progress

if TYPE_CHECKING:
    from rnnquiz.content.library import Library
    from rnnquiz.content.outline import Outline
    from rnnquiz.content.problems import Problem
    from rnnquiz.speech import Speaker


class AppContext:
    """Shared state of one running app."""

    def __init__(
        self,
        library: Library | LiveLibrary,
        progress: Progress,
        speaker: Speaker | None = None,
        warnings: list[str] | None = None,
        preview: Path | None = None,
    ) -> None:
        self.live = library if isinstance(library, LiveLibrary) else LiveLibrary(library=library)
        """The library in use and how it is (re)loaded; swapped by a live reload."""
        self.progress = progress
        self.speaker = speaker
        """Created on first use: finding an engine means a PATH search we don't need at startup."""
        self.warnings: list[str] = list(warnings or [])
        """Things to tell the learner once the app is up (content problems, no database...)."""
        self.preview = preview
        """`rnnquiz preview FILE`: the file whose problems are listed beside the lesson."""

    @property
    def library(self) -> Library:
        """The full library. Loaded before any screen but home opens; if read earlier, waits for it."""
        return self.live.get()

    @property
    def library_ready(self) -> bool:
        return self.live.loaded

    async def wait_library(self) -> Library:
        """The library, awaited without blocking the app while it loads."""
        if self.live.loaded:
            return self.live.get()
        return await asyncio.to_thread(self.live.get)

    @property
    def outline(self) -> Outline:
        """Course and section ids and titles, card and question ids: always there, even before loading."""
        return self.live.outline

    def preview_problems(self) -> list[Problem]:
        """Problems of the previewed file as it is on disk now (whether or not that version is in use)."""
        if self.preview is None:
            return []
        target = self.preview.resolve()
        found = [p for p in self.live.latest_problems or () if p.file.resolve() == target]
        return sorted(found, key=lambda p: (p.line, p.col))

    def get_speaker(self) -> Speaker:
        if self.speaker is None:
            from rnnquiz.speech import Speaker, detect_engine

            self.speaker = Speaker(detect_engine())
        return self.speaker
