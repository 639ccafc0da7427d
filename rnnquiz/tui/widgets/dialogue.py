"""The teacher-student conversation, revealed one line at a time: the page's audio lesson.

Revealing line by line keeps the learner's attention on one exchange, as listening would.
Teacher and student lines differ in side, colour and label, so they stay apart in monochrome too.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from rnnquiz.content.model import DialogueLine
from rnnquiz.tui.widgets.literal import literal, prose


def speaker_label(line: DialogueLine) -> str:
    """Who speaks: the author's name for the speaker, else Teacher / Student."""
    return line.name or line.role.capitalize()


class DialogueLineView(Vertical):
    """One spoken line with its speaker."""

    def __init__(self, line: DialogueLine, *, markdown: bool = False) -> None:
        super().__init__(classes=f"dialogue-line -{line.role}")
        self.line = line
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield Static(literal(speaker_label(self.line)), classes="speaker", markup=False)
        yield prose(self.line.text, markdown=self.markdown, classes="words")


class DialogueView(VerticalScroll):
    """The dialogue; `revealed` lines are shown, the rest wait for space or enter."""

    @dataclass
    class Finished(Message):
        """Every line has been shown."""

        view: DialogueView

    revealed: reactive[int] = reactive(0, init=False)

    def __init__(self, lines: list[DialogueLine], *, markdown: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, classes="dialogue")
        self.lines = lines
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        for line in self.lines:
            view = DialogueLineView(line, markdown=self.markdown)
            view.display = False
            yield view
        yield Static(classes="dialogue-status", markup=False)

    lead_on = ""
    """What the end of the dialogue points to next (the lesson fills it in: its quiz, cards, next section)."""

    def on_mount(self) -> None:
        self.revealed = max(self.revealed, min(1, len(self.lines)))  # a place restored early is kept
        self._show()

    def validate_revealed(self, value: int) -> int:
        return max(0, min(value, len(self.lines)))

    def watch_revealed(self, old: int, new: int) -> None:
        self._show()
        if new == len(self.lines) and old < new:
            self.post_message(self.Finished(self))

    @property
    def finished(self) -> bool:
        return self.revealed >= len(self.lines)

    @property
    def current(self) -> DialogueLine | None:
        """The line most recently revealed: the one read aloud."""
        return self.lines[self.revealed - 1] if self.revealed else None

    def next_line(self) -> bool:
        """Reveal one more line; False when there was none left."""
        if self.finished:
            return False
        self.revealed += 1
        return True

    def reveal_all(self) -> None:
        self.revealed = len(self.lines)

    def refresh_status(self) -> None:
        self._show()

    def _show(self) -> None:
        if not self.query(".dialogue-status"):
            return  # not composed yet (a reload restoring the place): on_mount shows it
        views = list(self.query(DialogueLineView))
        for index, view in enumerate(views):
            view.display = index < self.revealed
            view.set_class(index == self.revealed - 1, "-current")
        status = self.query_one(".dialogue-status", Static)
        total = len(self.lines)
        if total == 0:
            status.update(Content("This section has no dialogue."))
        elif self.finished:
            end = f"End of the dialogue ({total} line{'' if total == 1 else 's'})."
            status.update(Content(f"{end} {self.lead_on}" if self.lead_on else end))
        else:
            status.update(Content(f"Line {self.revealed} of {total}: space or enter for the next line."))
        current = views[self.revealed - 1] if self.revealed else None
        self.call_after_refresh(self._follow, current)

    def _follow(self, current: DialogueLineView | None) -> None:
        """Show the status line, but never at the cost of the new line's first words."""
        self.scroll_end(animate=False, immediate=True)
        if current is not None:
            self.scroll_to_widget(current, animate=False, immediate=True)
