"""What every screen is given: the loaded library, the learner's progress and the speech engine.

Passing one small object to each screen (rather than reaching into `self.app`) keeps screens
testable on their own and lets new screens get what they need without touching `app.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rnnquiz.content.library import Library
from rnnquiz.tui.progress import Progress

if TYPE_CHECKING:
    from rnnquiz.speech import Speaker


@dataclass
class AppContext:
    """Shared state of one running app."""

    library: Library
    progress: Progress
    speaker: Speaker | None = None
    """Created on first use: finding an engine means a PATH search we don't need at startup."""
    warnings: list[str] = field(default_factory=list)
    """Things to tell the learner once the app is up (content problems, no database...)."""

    def get_speaker(self) -> Speaker:
        if self.speaker is None:
            from rnnquiz.speech import Speaker, detect_engine

            self.speaker = Speaker(detect_engine())
        return self.speaker

    def section_titles(self) -> dict[str, str]:
        """Section id -> title, in study order across all courses."""
        return {s.section: s.title for course in self.library.courses for s in course.sections}
