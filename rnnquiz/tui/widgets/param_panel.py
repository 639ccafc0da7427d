"""The lab's parameter controls: one row per parameter, turned with keys or typed, checked by the model.

The rules (ladders of values, ranges, choices) live in `rnnquiz.rnn.knobs`; this widget only
shows them and posts `ParamPanel.Changed` with parameters the demo's model has already accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from rnnquiz.content.demos import DemoParams
from rnnquiz.rnn import knobs
from rnnquiz.tui.widgets.literal import literal

NAME_WIDTH, VALUE_WIDTH = 14, 11


def _value_text(value: object) -> str:
    text = knobs.show(value).replace("\n", " ")
    return text if cell_len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


class KnobList(OptionList):
    """The parameter rows; left/right turn the highlighted one, enter types a value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "turn(-1)", "Change", key_display="←/→", id="params.decrease"),
        Binding("right", "turn(1)", "", show=False, id="params.increase"),
    ]

    def action_turn(self, direction: int) -> None:
        self.parent.turn(direction)  # type: ignore[union-attr]


class ValueInput(Input):
    """Typing a parameter's value; escape gives up without leaving the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="params.cancel")]

    def action_cancel(self) -> None:
        self.parent.stop_editing()  # type: ignore[union-attr]


class ParamPanel(Vertical):
    """Every parameter of one demo, the highlighted one explained below, and buttons for the mouse."""

    @dataclass
    class Changed(Message):
        """The learner set new parameters (already validated)."""

        params: DemoParams

    def __init__(self, params: DemoParams, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="param-panel")
        self.params = params
        self.knobs = knobs.knobs(type(params))
        self.editing: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Parameters", "bold"), classes="params-title")
        yield KnobList(*self._options(), classes="params-list")
        yield ValueInput(classes="params-input")
        yield Static(classes="params-help", markup=False)
        with Horizontal(classes="params-buttons"):
            yield Button(Content("−"), classes="params-down", compact=True, tooltip="Turn the highlighted one down")
            yield Button(Content("+"), classes="params-up", compact=True, tooltip="Turn the highlighted one up")
            yield Button(Content("Edit"), classes="params-edit", compact=True, tooltip="Type a value")

    def on_mount(self) -> None:
        self.query_one(KnobList).highlighted = 0
        for button in self.query(Button):
            button.can_focus = False  # keys do this already; the buttons are for the mouse
        self._explain()

    def _options(self) -> list[Option]:
        rows = []
        for knob in self.knobs:
            name = knob.name.ljust(NAME_WIDTH)
            value = literal(_value_text(getattr(self.params, knob.name)))
            rows.append(Option(Content.assemble((name, "$text-muted"), value), id=knob.name))
        return rows

    @property
    def selected(self) -> str:
        index = self.query_one(KnobList).highlighted
        return self.knobs[index or 0].name

    def select(self, name: str) -> None:
        self.query_one(KnobList).highlighted = [k.name for k in self.knobs].index(name)

    def set_params(self, params: DemoParams) -> None:
        """Show new parameters (same demo); the highlighted row stays."""
        self.params = params
        knob_list = self.query_one(KnobList)
        for index, option in enumerate(self._options()):
            knob_list.replace_option_prompt_at_index(index, option.prompt)
        self._explain()

    def turn(self, direction: int) -> None:
        """One notch up or down; text parameters open the editor instead."""
        name = self.selected
        if next(k for k in self.knobs if k.name == name).kind == "text":
            self.start_editing()
            return
        new = knobs.step(self.params, name, direction)
        if new is self.params:
            self.notify(f"{name} is at the end of its range.", timeout=2, markup=False)
            return
        self._apply(new)

    def _apply(self, params: DemoParams) -> None:
        self.set_params(params)
        self.post_message(self.Changed(params))

    # --- typing a value ---------------------------------------------------------------------------

    def start_editing(self) -> None:
        knob = next(k for k in self.knobs if k.name == self.selected)
        if knob.kind == "choice":
            self.turn(1)  # nothing to type: enter (or a click) picks the next choice
            return
        self.editing = knob.name
        field = self.query_one(ValueInput)
        field.value = knobs.show(getattr(self.params, knob.name))
        field.placeholder = knob.range_text
        self.add_class("-editing")
        field.focus()
        field.select_all()

    def stop_editing(self) -> None:
        self.editing = None
        self.remove_class("-editing")
        self.query_one(KnobList).focus()

    @on(Input.Submitted, ".params-input")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self.editing is None:
            return
        try:
            new = knobs.set_value(self.params, self.editing, event.value)
        except ValueError as error:
            self.notify(str(error), title="Not a valid value", severity="error", markup=False)
            return
        self.stop_editing()
        if new != self.params:
            self._apply(new)

    # --- list and buttons ---------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, ".params-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._explain()

    @on(OptionList.OptionSelected, ".params-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.start_editing()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.has_class("params-edit"):
            self.start_editing()
        else:
            self.turn(1 if event.button.has_class("params-up") else -1)

    def _explain(self) -> None:
        knob = next(k for k in self.knobs if k.name == self.selected)
        text = f"{knob.description}\n{knob.range_text}" if knob.description else knob.range_text
        self.query_one(".params-help", Static).update(literal(text))
