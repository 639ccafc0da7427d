"""The four ratings as buttons, each with the interval it would give (`3 Good · 2d`).

The keys 1-4 belong to the screen; the buttons are for the mouse, so they never take the focus
(a focused button would swallow space and enter). A click posts `RatingBar.Rated`.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button
from textual.widgets.button import ButtonVariant

from rnnquiz.study.scheduler import RATING_NAMES, Rating

STACK_BELOW = 56
VARIANTS: dict[Rating, ButtonVariant] = {
    Rating.Again: "error", Rating.Hard: "warning", Rating.Good: "success", Rating.Easy: "primary",
}


class RatingButton(Button, can_focus=False):
    """One rating; not focusable, so the keyboard stays with the screen's keys."""


class RatingBar(Horizontal):
    """Again / Hard / Good / Easy with their intervals; the suggested one is marked."""

    DEFAULT_CSS = """
    RatingBar { height: auto; }
    RatingBar .rating { width: 1fr; min-width: 0; text-wrap: nowrap; text-overflow: ellipsis; }
    RatingBar.-stacked { layout: grid; grid-size: 2; grid-rows: 1; }
    """

    class Rated(Message):
        def __init__(self, rating: Rating) -> None:
            super().__init__()
            self.rating = rating

    def compose(self) -> ComposeResult:
        for rating in Rating:
            yield RatingButton(self._label(rating, RATING_NAMES[rating]), VARIANTS[rating], id=f"rate-{int(rating)}",
                               compact=True, classes="rating")

    @staticmethod
    def _label(rating: Rating, text: str, suggested: bool = False) -> Content:
        return Content.assemble(("▸" if suggested else "", "bold"), (f"{int(rating)} ", "bold"), text)

    def set_previews(self, previews: Mapping[Rating, str], suggested: Rating | None = None) -> None:
        """Show each rating's interval (`Good · 2d`) and mark the suggested rating."""
        for rating in Rating:
            button = self.query_one(f"#rate-{int(rating)}", RatingButton)
            button.label = self._label(rating, previews.get(rating, RATING_NAMES[rating]), rating == suggested)
            button.set_class(rating == suggested, "-suggested")

    def on_resize(self) -> None:
        # Four labels like `3 Good · 10mo` need about 56 columns; below that, two rows of two.
        self.set_class(self.size.width < STACK_BELOW, "-stacked")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("rate-"):
            self.post_message(self.Rated(Rating(int(event.button.id.removeprefix("rate-")))))
