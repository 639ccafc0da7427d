"""Statistics: the same text report as `rnnquiz stats`, computed in a worker thread.

A long review history takes a second or more to read, so `collect` runs off the UI thread and the
report arrives as a message; the worker never touches a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Static

from rnnquiz.study.done import locate
from rnnquiz.study.options import StudyOptions, study_config
from rnnquiz.study.progress import review_store
from rnnquiz.study.queue import StudyConfig
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.screens.base import AppScreen
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.stats_text import StatsReport

if TYPE_CHECKING:
    from rnnquiz.study.store import Store

NO_STORE = "Statistics come from the progress database, and it could not be opened (see the warning)."


class StatsScreen(AppScreen):
    """Reviews heatmap, due forecast, retention, cards by state, streak and leeches."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back", id="stats.back"),
        Binding("r", "reload", "Refresh", id="stats.refresh"),
    ]

    @dataclass
    class Ready(Message):
        """The report, from the worker."""

        lines: list[str]
        flagged: int

    @dataclass
    class Failed(Message):
        error: str

    def __init__(self, context: AppContext, arg: str | None = None, *, config: StudyConfig | None = None) -> None:
        if arg is not None and context.library.course(arg) is None:
            raise LookupError(f"no course {arg!r}")
        super().__init__(classes="stats")
        self.context, self.course_id, self._config = context, arg, config
        self.screen_name, self.screen_arg = "stats", arg
        self.loading_report = False

    def compose(self) -> ComposeResult:
        course = self.context.library.course(self.course_id) if self.course_id else None
        yield Static(Content.assemble(literal(course.title if course else "All courses"), (" › Statistics", "bold")),
                     id="stats-title", markup=False)
        with StatsReport(id="stats-body"):
            yield Static(Content("Reading your review history…"), classes="stats-prose", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.action_reload()

    def on_screen_resume(self) -> None:
        if not self.loading_report:
            self.action_reload()  # reviews made since change every number

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.loading_report if action == "reload" else True

    def action_reload(self) -> None:
        store = review_store(self.context.progress.store)
        if store is None:
            self.query_one(StatsReport).show_text(Content(NO_STORE))
            return
        self.loading_report = True
        self.refresh_bindings()
        self._compute(store, self._config or study_config(store, StudyOptions()))

    @work(thread=True, exclusive=True, group="stats")
    def _compute(self, store: Store, config: StudyConfig) -> None:
        from rnnquiz.study.cards import units_of
        from rnnquiz.study.stats import collect, render
        from rnnquiz.study.units import card_id_of

        library = self.context.library
        try:
            units = units_of(library, self.course_id) or []
            stats = collect(store, [u.id for u in units], config.study_day, store.clock.now(),
                            only_these=self.course_id is not None)
            lines = render(stats, locate=lambda item_id: locate(library, item_id))
            ids = {u.card_id for u in units}
            flagged = sum(1 for f in store.flagged("card") if card_id_of(f.item_id) in ids)
        except Exception as error:  # noqa: BLE001 -- a locked or damaged database: say so on screen
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.Ready(lines, flagged))

    def on_stats_screen_ready(self, message: Ready) -> None:
        self.loading_report = False
        self.query_one(StatsReport).show_report(message.lines, message.flagged)
        self.refresh_bindings()

    def on_stats_screen_failed(self, message: Failed) -> None:
        self.loading_report = False
        self.query_one(StatsReport).show_text(Content(f"Could not read the statistics: {message.error}"))
        self.refresh_bindings()
