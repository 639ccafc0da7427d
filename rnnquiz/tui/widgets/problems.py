"""The problems of a previewed content file, one `file:line:col: message` per line, updated on save."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from rnnquiz.content.problems import Problem
from rnnquiz.content.text import safe_text


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """What the panel lists, as `rnnquiz validate` prints it (made safe for the terminal)."""
    return [safe_text(str(problem)) for problem in problems]


class ProblemsPanel(VerticalScroll, can_focus=False):
    """Below the lesson in `rnnquiz preview`: what is wrong with the file, or that nothing is."""

    def __init__(self, file: Path, problems: Sequence[Problem]) -> None:
        super().__init__(id="problems-panel", classes="problems-panel")
        self.file = file
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        yield Static(markup=False, classes="problems-text")

    def on_mount(self) -> None:
        self.show(self.problems)

    def show(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        name = safe_text(self.file.name)
        count = len(self.problems)
        self.border_title = Content(f"{name}: {count} problem{'' if count == 1 else 's'}" if count
                                    else f"{name}: no problems")
        self.set_class(bool(count), "-problems")
        text = "\n".join(problem_lines(self.problems)) or "The file is valid. Save it to see changes here."
        self.query_one(".problems-text", Static).update(Content(text))
