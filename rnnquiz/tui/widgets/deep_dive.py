"""The deep dive (the page's audiobook): each point, its explanation, then a real-life analogy.

Items are a list with a cursor so "read aloud" knows which one the learner means.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Click
from textual.reactive import reactive
from textual.widgets import Static

from rnnquiz.content.model import DeepDiveItem
from rnnquiz.tui.widgets.literal import labelled, literal, prose, wants_markdown


def spoken_text(item: DeepDiveItem) -> str:
    """What reading an item aloud says, in the order it is shown; the heading ends a sentence so
    the engine pauses after it."""
    point = item.point.rstrip()
    parts = [point if point.endswith((".", "!", "?", ":")) else point + ".", item.explanation]
    if item.analogy:
        parts.append(f"An analogy: {item.analogy}")
    return "\n".join(parts)


class DeepDiveCard(Vertical):
    """One point: heading, explanation, analogy."""

    def __init__(self, item: DeepDiveItem, number: int, *, markdown: bool = False) -> None:
        super().__init__(classes="deep-dive-item")
        self.item = item
        self.number = number
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield Static(labelled(f"{self.number}. ", self.item.point), classes="point", markup=False)
        yield prose(self.item.explanation, markdown=self.markdown, classes="explanation")
        if self.item.analogy:
            if wants_markdown(self.item.analogy, self.markdown):
                yield Static(literal("Real-life analogy"), classes="analogy-label", markup=False)
                yield prose(self.item.analogy, markdown=True, classes="analogy")
            else:
                yield Static(labelled("Real-life analogy: ", self.item.analogy, "bold italic"),
                             classes="analogy", markup=False)

    def on_click(self, event: Click) -> None:
        view = self.parent
        if isinstance(view, DeepDiveView):
            view.cursor = self.number - 1


class DeepDiveView(VerticalScroll, can_focus=True):
    """All deep-dive items; up/down (or j/k) move the cursor between them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next point", show=False, id="deep-dive.next"),
        Binding("up,k", "move(-1)", "Previous point", show=False, id="deep-dive.previous"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    def __init__(self, items: list[DeepDiveItem], *, markdown: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, classes="deep-dive")
        self.items = items
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        for number, item in enumerate(self.items, 1):
            yield DeepDiveCard(item, number, markdown=self.markdown)

    def on_mount(self) -> None:
        self._highlight()

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.items) - 1))

    def watch_cursor(self) -> None:
        self._highlight()

    @property
    def current(self) -> DeepDiveItem | None:
        return self.items[self.cursor] if self.items else None

    def action_move(self, step: int) -> None:
        """Scroll through a long item first, then move to the next one, like reading a page."""
        cards = list(self.query(DeepDiveCard))
        if not cards:
            return
        region = cards[self.cursor].virtual_region
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if step > 0 and region.bottom > top + height:
            self.scroll_relative(y=max(1, height - 2), animate=False)
        elif step < 0 and region.y < top:
            self.scroll_relative(y=-max(1, height - 2), animate=False)
        else:
            self.cursor += step

    def _highlight(self) -> None:
        cards = list(self.query(DeepDiveCard))
        for index, card in enumerate(cards):
            card.set_class(index == self.cursor, "-current")
        if cards:
            self.call_after_refresh(cards[self.cursor].scroll_visible, animate=False, top=True)
