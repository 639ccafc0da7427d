"""The prediction question a demo asks before it shows anything: a question and lettered choices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import ScrollableContainer, Vertical
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rnnquiz.tui.widgets.literal import literal

if TYPE_CHECKING:
    from rnnquiz.rnn.demos.spec import Question

SKIP = "Skip: just show me"
LETTERS = "abcdefgh"


class ChoiceList(OptionList):
    """The choices; up/down and enter, or a click, answer (the letter keys live on the demo)."""

    def on_option_list_option_highlighted(self) -> None:
        if self.has_focus:  # the list grows to fit, so it is the scrolling ancestor that must follow
            self.call_after_refresh(self._reveal_highlighted)

    def _reveal_highlighted(self) -> None:
        """Scroll the nearest scrolling ancestor just enough to show the highlighted choice."""
        holder = next((node for node in self.ancestors if isinstance(node, ScrollableContainer)), None)
        if holder is None or self.highlighted is None or not self.is_mounted:
            return
        self._update_lines()
        line = self._index_to_line.get(self.highlighted)
        if line is None:
            return
        top = self.content_region.y + line - holder.content_region.y + round(holder.scroll_y)
        holder.scroll_to_region(Region(0, top, 1, self._heights.get(self.highlighted, 1)), animate=False,
                                immediate=True)


class PredictionBox(Vertical):
    """Asks one `predictions.Question`; posts `Answered` with the choice (None for skip)."""

    @dataclass
    class Answered(Message):
        chosen: int | None

    def __init__(self) -> None:
        super().__init__(classes="prediction")
        self._question: Question | None = None

    def compose(self) -> ComposeResult:
        yield Static(classes="demo-question", markup=False)
        yield ChoiceList(classes="demo-choices")

    def on_mount(self) -> None:
        if self._question is not None:
            self._show(self._question)

    def ask(self, question: Question) -> None:
        """Show `question` (a `predictions.Question`), the first choice highlighted; asked before the
        box has its parts (a lesson being remounted by a reload), it shows once they are there."""
        self._question = question
        if self.query(".demo-question") and self.query(ChoiceList):
            self._show(question)

    def _show(self, question: Question) -> None:
        self.query_one(".demo-question", Static).update(
            Content.assemble(("Predict first: ", "bold $accent"), literal(question.text)))
        choices = self.query_one(ChoiceList)
        choices.clear_options()
        choices.add_options([Option(Content.assemble((f"{LETTERS[i]}) ", "bold"), literal(text)), id=str(i))
                             for i, text in enumerate(question.choices)])
        choices.add_option(Option(Content.assemble(("s) ", "bold"), (SKIP, "italic $text-muted")), id="skip"))
        choices.highlighted = 0

    @property
    def count(self) -> int:
        """How many lettered choices the question has (skip not counted)."""
        return max(0, self.query_one(ChoiceList).option_count - 1)

    def choose(self, chosen: int | None) -> None:
        """Answer as if that choice (None: skip) were clicked: highlight it, then post `Answered`."""
        choices = self.query_one(ChoiceList)
        choices.highlighted = choices.option_count - 1 if chosen is None else chosen
        self.post_message(self.Answered(chosen))

    @on(OptionList.OptionSelected, ".demo-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Answered(None if event.option.id == "skip" else int(event.option.id or 0)))
