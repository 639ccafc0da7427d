"""A live demo: first a prediction question, then the run, streamed from a worker as text plots.

The same widget serves the lab (all comparisons) and a lesson (`inline=True`: the main plot only,
and nothing runs until the learner answers). Numerics, plots and captions are pure functions in
`rnnquiz.rnn.live`; a thread worker (`demo_stream.stream`) renders only the frames it posts, and
the posted `Frame` messages replace each other while they wait, so a fast run never floods the UI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static
from textual.worker import get_current_worker

from rnnquiz.content.demos import DEMOS, DemoParams
from rnnquiz.tui.widgets import demo_stream
from rnnquiz.tui.widgets.demo_messages import Failed, Frame
from rnnquiz.tui.widgets.demo_progress import RUN_BINDINGS, DemoBar, LossTrend, next_step
from rnnquiz.tui.widgets.demo_verdict import reveal_line, verdict_line
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.prediction_box import ChoiceList, PredictionBox
from rnnquiz.tui.widgets.steady import display, show

if TYPE_CHECKING:
    from rnnquiz.rnn.demos.spec import Outcome, Question

RunState = Literal["idle", "running", "paused", "done", "failed"]


class DemoView(Vertical):
    """Predict, then watch: one demo with its question, status, loss trend, plot and captions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "choose(0)", "Predict", key_display="a-c", id="demo.choose-a"),
        Binding("b", "choose(1)", "", show=False, id="demo.choose-b"),
        Binding("c", "choose(2)", "", show=False, id="demo.choose-c"),
        Binding("s", "choose(-1)", "Skip", id="demo.skip"),
        *RUN_BINDINGS,
    ]

    class StateChanged(Message):
        """The phase or the run state changed, so the keys on offer may have too."""

    class Answered(Message):
        """The learner answered (or skipped) the prediction; the demo is revealing."""

    def __init__(self, demo: str, params: DemoParams, *, inline: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, classes="demo-view" + (" -inline" if inline else ""))
        self.demo, self.params, self.inline = demo, params, inline
        self.training = "train_steps" in DEMOS[demo].model_fields  # it trains, frame by frame
        self.set_class(not self.training, "-instant")
        self.state: RunState = "idle"
        self.asking = True
        self.chosen: int | None = None
        self.asked_params: DemoParams | None = None
        self.question: Question | None = None
        self.outcome: Outcome | None = None
        self.last_frame: object | None = None
        self.width = 0  # the plot width; the worker reads it for every frame it renders
        self.frames_shown = self.steps_shown = 0
        self._run: demo_stream.Run | None = None
        self._runs = 0
        self._shown: tuple[bool, str] | None = None

    def compose(self) -> ComposeResult:
        yield PredictionBox()
        yield Static(classes="demo-verdict", markup=False)
        yield DemoBar(classes="demo-bar")
        yield LossTrend(classes="demo-trend")
        yield Static(classes="demo-plot", markup=False)
        yield Static(classes="demo-reveal", markup=False)

    def on_mount(self) -> None:
        if self.query(PredictionBox):  # absent when the app closes while a reloaded lesson still mounts
            self._ask()

    # --- predicting -------------------------------------------------------------------------------

    def _ask(self) -> None:
        from rnnquiz.rnn import predictions  # NumPy: loaded only once a demo is on screen

        self.question = predictions.question(self.demo, self.params)
        self.query_one(PredictionBox).ask(self.question)
        self._sync()

    @on(PredictionBox.Answered)
    def _answered(self, event: PredictionBox.Answered) -> None:
        event.stop()
        self.answer(event.chosen)

    def action_choose(self, index: int) -> None:
        """A letter key: answer choice `index` (-1: skip) while the question is up."""
        if self.asking:
            self.query_one(PredictionBox).choose(None if index < 0 else index)

    def answer(self, chosen: int | None) -> None:
        """Take the prediction (None: skipped) and reveal: compute at once, or start training."""
        self.chosen, self.asked_params, self.asking = chosen, self.params, False
        self.start()
        self.post_message(self.Answered())
        if self.inline:
            self.call_after_refresh(self._keep_focus_near)
        else:  # the lab: back to the top, where the verdict is, however far the choices had scrolled
            self.call_after_refresh(self.scroll_visible, top=True, animate=False)

    def ask_again(self) -> None:
        """Back to the question, for the parameters as they are now."""
        self.reset()
        self.asking, self.chosen, self.asked_params = True, None, None
        self._ask()
        self.query_one(ChoiceList).focus()

    def _keep_focus_near(self) -> None:
        """In a lesson the answered choices hide: focus the start button, else the scrolling list."""
        self.query_one(".demo-verdict").scroll_visible(top=True, animate=False)
        if self.training:
            self.query_one(".demo-run", Button).focus()
        elif holder := next((node for node in self.ancestors if getattr(node, "can_focus", False)), None):
            holder.focus()  # type: ignore[attr-defined]

    # --- running ----------------------------------------------------------------------------------

    def set_params(self, params: DemoParams) -> None:
        """New parameters: the question follows them; a revealed demo redraws (or retrains) at once."""
        was, self.params = self.state, params
        self.reset()
        if self.asking:
            self._ask()
        elif not self.training or was != "idle":
            self.start()

    def start(self) -> None:
        self.cancel()
        self._runs += 1
        context = getattr(self.app, "context", None)
        files = tuple(context.library.files) if context is not None else ()
        self._run = demo_stream.Run(self._runs, self.demo, self.params, not self.inline, files)
        self._run.go.set()
        self.state, self.outcome = "running", None
        if self.last_frame is None:  # until the first frame: a big run can take seconds to show
            self.query_one(".demo-plot", Static).update(
                Content.styled("Training…" if self.training else "Computing…", "italic $text-muted"))
        self._measure()
        self._work(self._run, self.screen)  # a covered screen's run waits (a lesson under the lab)
        self._sync()

    def pause(self) -> None:
        if self._run is not None and self.state == "running":
            self._run.go.clear()
            self.state = "paused"
            self._sync()

    def resume(self) -> None:
        if self._run is not None and self.state == "paused":
            self._run.go.set()
            self.state = "running"
            self._sync()

    def cancel(self) -> None:
        self.workers.cancel_group(self, "demo")
        self._run = None

    def reset(self) -> None:
        """Stop the run and clear the plot; the prediction stays answered."""
        self.cancel()
        self.state, self.outcome, self.last_frame = "idle", None, None
        self.query_one(".demo-plot", Static).update(Content(""))
        self.query_one(".demo-trend").display = False
        self._sync()

    @property
    def next_step(self) -> str:
        """What space does now: start, pause or resume."""
        return next_step(self.state)

    def action_run(self, what: str) -> None:
        {"start": self.start, "again": self.start, "pause": self.pause, "resume": self.resume}[what]()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run":
            return self.training and not self.asking and parameters[0] == self.next_step
        if action == "choose":
            return self.asking and int(str(parameters[0])) < self.query_one(PredictionBox).count
        return True

    @work(thread=True, exclusive=True, group="demo")
    def _work(self, run: demo_stream.Run, screen: Screen[object]) -> None:
        worker = get_current_worker()
        try:
            demo_stream.stream(run, lambda: worker.is_cancelled,
                               lambda frame, view: self.post_message(Frame(run.id, frame, view)),
                               lambda: self.width, lambda: not screen.is_current)
        except Exception as error:  # noqa: BLE001 -- a bug or an unforeseen input: say so, never crash the app
            self.post_message(Failed(run.id, f"{type(error).__name__}: {error}"))

    @on(Frame)
    def _frame(self, message: Frame) -> None:
        if self._run is None or message.run != self._run.id:
            return  # from a run that was cancelled
        view = message.view
        self.last_frame = message.frame
        self.frames_shown += 1
        self.steps_shown = view.step
        show(self.query_one(".demo-plot", Static), Content("\n".join(view.lines)), nowrap=True)
        self.query_one(LossTrend).show_trend(view.trend)
        self.query_one(DemoBar).show_status(view.status)
        if view.done:
            self.state, self.outcome = "done", view.outcome
        self._sync()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        if self._run is not None and message.run == self._run.id:
            self.state = "failed"
            self.query_one(".demo-plot", Static).update(literal(f"This run stopped: {message.reason}"))
            self._sync()

    def on_resize(self) -> None:
        old = self.width
        self._measure()
        if self.width != old and self.state in ("done", "paused") and self._run and self.last_frame is not None:
            self._redraw(self._run, self.last_frame)

    @work(thread=True, exclusive=True, group="redraw")
    def _redraw(self, run: demo_stream.Run, frame: object) -> None:
        try:
            self.post_message(Frame(run.id, frame, demo_stream.render(run, frame, self.width)))
        except Exception as error:  # noqa: BLE001 -- as in _work: say so, never crash the app
            self.post_message(Failed(run.id, f"{type(error).__name__}: {error}"))

    def _measure(self) -> None:
        self.width = max(0, self.content_region.width - 1)

    # --- what shows -------------------------------------------------------------------------------

    def _sync(self) -> None:
        """Classes, labels, verdict and reveal from the current phase and state."""
        self.set_class(self.asking, "-asking")
        self.set_class(not self.asking, "-showing")
        self.query_one(DemoBar).sync(self.state, asking=self.asking, training=self.training,
                                     steps_shown=self.steps_shown)
        verdict = verdict_line(self.question, self.outcome, self.chosen, same_params=self.asked_params == self.params)
        show(self.query_one(".demo-verdict", Static), verdict)
        display(self.query_one(".demo-verdict", Static), bool(verdict.plain))
        reveal = self.query_one(".demo-reveal", Static)
        show(reveal, reveal_line(self.outcome))
        display(reveal, self.outcome is not None and not self.asking)
        if self._shown != (self.asking, self.state):
            self._shown = (self.asking, self.state)
            self.screen.refresh_bindings()  # the footer's keys follow (in the lab and in a lesson)
            self.post_message(self.StateChanged())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("demo-run"):
            event.stop()
            self.action_run(self.next_step)
        elif event.button.has_class("demo-reset"):
            event.stop()
            self.reset()
