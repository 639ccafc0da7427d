"""The RNN lab: every demo live, its parameters on the left, the prediction and the plots on the right.

The screen only wires widgets: `ParamPanel` turns parameters (validated by the demo's model),
`DemoView` asks, runs in a worker and draws. Each demo keeps its own parameters while the
learner switches between them; a demo opened from a lesson starts from the lesson's parameters.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static, Tab, Tabs

from rnnquiz.content.demos import DemoParams, demo_title
from rnnquiz.rnn.demos import DEMO_SPECS, SPECS
from rnnquiz.rnn.target import parse_target
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.screens.base import AppScreen
from rnnquiz.tui.widgets.demo_view import DemoView
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.param_panel import KnobList, ParamPanel
from rnnquiz.tui.widgets.prediction_box import ChoiceList


def demo_keys() -> list[Binding]:
    """A number key per demo, in the table's order; the footer names them once, as `1-N`."""
    return [Binding(str(n), f"demo({n - 1})", "Demo" if n == 1 else "", show=False, id=f"lab.demo-{n}",
                    key_display=f"1-{len(DEMO_SPECS)}" if n == 1 else None)
            for n in range(1, len(DEMO_SPECS) + 1)]


class DemoTabs(Tabs, can_focus=False):
    """The demos, for the mouse; the number keys pick them too."""


class LabScreen(AppScreen):
    """Pick a demo, predict, then turn its parameters and watch the plots follow."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back", id="lab.back"),
        Binding("a", "answer(0)", "Predict", key_display="a-c", id="lab.choose-a"),
        Binding("b", "answer(1)", "", show=False, id="lab.choose-b"),
        Binding("c", "answer(2)", "", show=False, id="lab.choose-c"),
        Binding("s", "answer(-1)", "Skip", id="lab.skip"),
        Binding("space", "run('start')", "Start", id="lab.start"),
        Binding("space", "run('pause')", "Pause", id="lab.pause"),
        Binding("space", "run('resume')", "Resume", id="lab.resume"),
        Binding("space", "run('again')", "Run again", id="lab.again"),
        Binding("r", "reset", "Reset", id="lab.reset"),
        Binding("p", "predict", "Predict again", id="lab.predict"),
        Binding("minus", "turn(-1)", "Change", key_display="- +", id="lab.decrease"),
        Binding("plus,equals_sign", "turn(1)", "", show=False, id="lab.increase"),
        Binding("e", "edit", "Type value", id="lab.edit"),
        *demo_keys(),
    ]

    def __init__(self, context: AppContext, arg: str | None = None) -> None:
        target = parse_target(arg, context.library)  # LookupError: the app says why and stays put
        super().__init__(classes="lab")
        self.context = context
        self.target = target
        self.demo = target.demo
        self.params: dict[str, DemoParams] = {target.demo: target.params}
        self.screen_name, self.screen_arg = "lab", arg

    def compose(self) -> ComposeResult:
        yield Static(id="lab-title", markup=False)
        yield Static(id="lab-note", markup=False)
        tabs = (Tab(Content(f"{i} {spec.short}"), id=f"demo-{spec.name}") for i, spec in enumerate(DEMO_SPECS, 1))
        yield DemoTabs(*tabs, active=f"demo-{self.demo}", id="lab-demos")
        with Horizontal(id="lab-body"):
            yield ParamPanel(self.params[self.demo], id="lab-params")
            with VerticalScroll(id="lab-scroll"):
                yield DemoView(self.demo, self.params[self.demo], id="lab-view")
        yield Footer()

    def on_mount(self) -> None:
        self._titles()
        self._ask_from_the_top()

    def _ask_from_the_top(self) -> None:
        """Focus the choices without scrolling the question above them out of sight."""
        self.set_class(self.view.asking, "-asking")
        self.query_one(ChoiceList).focus(scroll_visible=False)
        self.query_one("#lab-scroll", VerticalScroll).scroll_home(animate=False)

    def on_resize(self) -> None:
        # Under 16 rows a narrow lab hides its parameters while it asks: the question states them.
        self.set_class(self.size.height < 16, "-tiny")

    @property
    def view(self) -> DemoView:
        return self.query_one(DemoView)

    @property
    def panel(self) -> ParamPanel:
        return self.query_one(ParamPanel)

    def _titles(self) -> None:
        self.query_one("#lab-title", Static).update(Content.assemble(
            ("RNN lab", "bold $accent"), (" › ", "dim"), (self.demo, "bold"), "  ", literal(demo_title(self.demo))))
        note = self.query_one("#lab-note", Static)
        from_lesson = self.target.caption and self.demo == self.target.demo
        note.update(Content.assemble(("From the lesson: ", "italic"), literal(self.target.caption or ""))
                    if from_lesson else Content(""))
        note.display = bool(from_lesson)

    # --- switching demos --------------------------------------------------------------------------

    def action_demo(self, index: int) -> None:
        self.query_one(DemoTabs).active = f"demo-{DEMO_SPECS[index].name}"

    @on(Tabs.TabActivated, "#lab-demos")
    async def _switch(self, event: Tabs.TabActivated) -> None:
        name = (event.tab.id or "").removeprefix("demo-")
        if name == self.demo or name not in SPECS:
            return
        self.demo = name
        params = self.params.setdefault(name, SPECS[name].params())
        await self.query_one("#lab-params").remove()
        await self.view.remove()  # its worker is cancelled with it
        await self.query_one("#lab-body").mount(ParamPanel(params, id="lab-params"), before=0)
        await self.query_one("#lab-scroll").mount(DemoView(name, params, id="lab-view"))
        self._titles()
        self._ask_from_the_top()
        self.refresh_bindings()

    # --- parameters and running -------------------------------------------------------------------

    @on(ParamPanel.Changed)
    def _changed(self, event: ParamPanel.Changed) -> None:
        self.params[self.demo] = event.params
        self.view.set_params(event.params)

    def action_turn(self, direction: int) -> None:
        if not self.panel.has_class("-editing"):
            self.panel.turn(direction)

    def action_edit(self) -> None:
        self.panel.start_editing()

    def action_answer(self, index: int) -> None:
        self.view.action_choose(index)

    def action_run(self, what: str) -> None:
        self.view.action_run(what)

    def action_reset(self) -> None:
        self.view.reset()

    def action_predict(self) -> None:
        self.view.ask_again()
        self._ask_from_the_top()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted or not self.query(DemoView) or not self.query(ParamPanel):
            return True  # between two demos while switching
        view = self.view
        if action == "answer":
            return view.check_action("choose", parameters)
        if action in ("turn", "edit"):
            return not self.panel.has_class("-editing")
        if action == "run":
            return view.check_action("run", parameters)
        if action == "reset":
            return view.training and not view.asking and view.state != "idle"
        if action == "predict":
            return not view.asking
        return True

    @on(DemoView.StateChanged)
    def _state(self) -> None:
        if self.query(DemoView):
            self.set_class(self.view.asking, "-asking")
        self.refresh_bindings()

    @on(DemoView.Answered)
    def _answered(self) -> None:
        self.call_after_refresh(self.query_one(KnobList).focus)  # ready to turn a parameter and watch
