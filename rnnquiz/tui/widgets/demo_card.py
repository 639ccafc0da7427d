"""A demo referenced by a lesson: its name, caption and parameters, the live demo, and a way into the lab.

The lesson builds demos only through `demo_widget()`. Inline, the live demo is the light version
(`DemoView(inline=True)`): nothing runs until the learner answers its prediction question, and
training starts only then; the lab adds the parameter controls and the comparisons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from rnnquiz.content.demos import DEMOS, demo_title
from rnnquiz.rnn.target import lesson_demo_arg
from rnnquiz.tui.widgets.demo_view import DemoView
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.prediction_box import PredictionBox


def params_text(ref: Any) -> str:
    """`name = value` for each parameter; the ones the author set come first."""
    params = getattr(ref, "params", None)
    if params is None:
        return "default parameters"
    values = params.model_dump()
    order = sorted(values, key=lambda name: (name not in params.model_fields_set, name))
    return ", ".join(f"{name} = {values[name]!r}" for name in order)


class DemoCard(Vertical):
    """Name, caption, parameters, an 'open in lab' button and, for a known demo, the live demo."""

    @dataclass
    class OpenRequested(Message):
        """The learner wants to run this demo in the lab."""

        target: str
        demo: str

    def __init__(self, ref: Any, section_id: str, index: int) -> None:
        super().__init__(classes="demo-card")
        self.ref = ref
        self.target = lesson_demo_arg(section_id, index)

    def compose(self) -> ComposeResult:
        name = self.ref.demo
        title = demo_title(name) if name in DEMOS else name
        yield Static(Content.assemble(("Demo: ", "bold"), (name, "bold"), " - ", literal(title)),
                     classes="demo-title", markup=False)
        if self.ref.caption:
            yield Static(literal(self.ref.caption), classes="demo-caption", markup=False)
        yield Static(Content.assemble(("Parameters: ", "italic"), literal(params_text(self.ref))),
                     classes="demo-params", markup=False)
        yield Button(Content("Open in the lab"), classes="demo-open", compact=True)
        if name in DEMOS and getattr(self.ref, "params", None) is not None:
            yield DemoView(name, self.ref.params, inline=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("demo-open"):
            event.stop()
            self.open()

    def open(self) -> None:
        self.post_message(self.OpenRequested(self.target, self.ref.demo))


def asking_view(cards: list[DemoCard], focused: Widget | None) -> DemoView | None:
    """The inline demo a lesson's letter keys answer: the one holding the focus, else the first still
    asking whose question is in view, else the first still asking."""
    views = [view for card in cards for view in card.query(DemoView) if view.asking]
    near = next((v for v in views if focused is not None and (focused is v or v in focused.ancestors)), None)
    seen = next((v for v in views if _in_view(v.query_one(PredictionBox))), None)
    return near or seen or (views[0] if views else None)


def _in_view(widget: Widget) -> bool:
    """Whether some of `widget` shows inside the scrolling list that holds it (or the screen)."""
    scrolling = (node for node in widget.ancestors if isinstance(node, Widget) and node.allow_vertical_scroll)
    frame: Widget = next(scrolling, widget.screen)
    return widget.region.y < frame.region.bottom and widget.region.bottom > frame.region.y


def demo_widget(ref: Any, section_id: str, index: int) -> Widget:
    """The widget shown for one demo reference in a lesson: the card with the live demo inside."""
    return DemoCard(ref, section_id, index)
