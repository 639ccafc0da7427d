"""Flashcard review: the due queue, one card at a time, rated through fsrs.

The screen only wires widgets to `rnnquiz.study.queue`: `ReviewSession` picks the next card and
makes every rating, undo and flag one store transaction, so killing the app loses nothing rated.
`CramSession` (`--cram`, or `c` when nothing is due) shows cards without touching schedules.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, ParamSpec, TypeVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Input, Static

from rnnquiz.study.cards import ReviewUnit
from rnnquiz.study.done import DoneReport, done_report
from rnnquiz.study.options import StudyOptions, open_session, study_config
from rnnquiz.study.progress import review_store
from rnnquiz.study.queue import CramSession, ReviewSession, StudyConfig
from rnnquiz.study.scheduler import Rating
from rnnquiz.study.store import Store, StoreError
from rnnquiz.study.typein import TypedAnswer, compare_typed
from rnnquiz.study.wording import current_queue, spoken_prompt
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.read_aloud import ReadAloud
from rnnquiz.tui.study_keys import STUDY_BINDINGS, key_allowed
from rnnquiz.tui.widgets.card_view import CardFace
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.queue_counts import QueueCountsLabel
from rnnquiz.tui.widgets.rating_bar import RatingBar
from rnnquiz.tui.widgets.study_stage import NO_STORE_REPORT, UNREADABLE_REPORT, StudyStage, card_meta

P = ParamSpec("P")
R = TypeVar("R")

MAX_DURATION_MS = 10 * 60 * 1000
"""A card left on screen longer than this is logged as this long (the learner walked away)."""


class StudyScreen(ReadAloud):
    """Review the due flashcards of one course, or of every course."""

    AUTO_FOCUS = None  # the keys belong to the screen; only a type-in card focuses its answer field
    BINDINGS: ClassVar[list[BindingType]] = STUDY_BINDINGS

    def __init__(self, context: AppContext, arg: str | None = None, *, config: StudyConfig | None = None) -> None:
        try:
            options = StudyOptions.from_arg(arg)
        except ValueError as error:
            raise LookupError(str(error)) from None
        scope = options.course
        if scope is not None and context.library.course(scope) is None and context.library.section(scope) is None:
            raise LookupError(f"no course or section {scope!r}")
        super().__init__(classes="study")
        self.context, self.options, self._config = context, options, config
        self.screen_name, self.screen_arg = "study", arg
        self.session: ReviewSession | CramSession | None = None
        self.unit: ReviewUnit | None = None
        self.state = "loading"  # loading | front | back | done
        self.typed: TypedAnswer | None = None
        self.hint_shown = False
        self.reviewed = 0
        self._shown_at = 0.0
        self._group_sizes: Counter[str] = Counter()

    def compose(self) -> ComposeResult:
        with Horizontal(id="study-header"):
            yield Static(self._title(), id="study-title", markup=False)
            yield QueueCountsLabel(id="study-counts", markup=False)
        yield StudyStage(id="study-body")
        yield Footer()

    def _title(self) -> Content:
        scope, library = self.options.course, self.context.library
        course = library.course(scope) if scope else None
        section = library.section(scope) if scope and course is None else None
        title = course.title if course else section.title if section else "All courses"
        return Content.assemble(literal(title), (" › Flashcards", "bold"))

    def on_mount(self) -> None:
        store = review_store(self.context.progress.store)
        if store is None:
            self._next()  # says why nothing can be reviewed
            return
        self._config = self._config or study_config(store, self.options)
        self._start(store, self._config, cram=self.options.cram)

    def _start(self, store: Store, config: StudyConfig, *, cram: bool) -> None:
        """Build the session in a worker: expanding a big library into units takes a second or more."""
        self.state = "loading"
        self._redraw()
        self._open_session(store, config, cram)

    @dataclass
    class Opened(Message):
        """The session the worker built (None and a reason if the store failed)."""

        session: ReviewSession | CramSession | None
        group_sizes: Counter[str]
        error: str | None = None

    @work(thread=True, exclusive=True, group="study-open")
    def _open_session(self, store: Store, config: StudyConfig, cram: bool) -> None:
        try:
            session = open_session(store, self.context.library, self.options, config, cram=cram)
        except (StoreError, LookupError) as error:
            self.post_message(self.Opened(None, Counter(), str(error)))
            return
        except Exception as error:  # noqa: BLE001 -- a bug or an unforeseen state: say so, never end the app
            self.post_message(self.Opened(None, Counter(), f"{type(error).__name__}: {error}"))
            return
        self.post_message(self.Opened(session, Counter(u.sibling_group for u in session.units.values())))

    def on_study_screen_opened(self, message: Opened) -> None:
        if message.error is not None:
            self.notify(message.error, title="Progress not readable", severity="error", markup=False, timeout=10)
        self.session, self._group_sizes, self.reviewed = message.session, message.group_sizes, 0
        self._next()

    # --- showing ---------------------------------------------------------------------------------

    def _next(self) -> None:
        unit = self._safely(self.session.next) if self.session is not None else None
        self.unit, self.typed, self.hint_shown = unit, None, False
        self.state = "front" if unit is not None else "done"
        self._shown_at = time.monotonic()
        self.query_one(StudyStage).typed_field.value = ""
        self._redraw()

    def _redraw(self) -> None:
        unit, state, session = self.unit, self.state, self.session
        self._show_counts()
        face = None if unit is None else CardFace(
            unit, self._meta(), flipped=state == "back", typed=self.typed, hint=self.hint_shown)
        previews = None
        if state == "back" and unit is not None and session is not None:
            previews = self._safely(session.previews, unit) or {}
        stage = self.query_one(StudyStage)
        stage.show(state, face, type_in=unit is not None and unit.type_in, previews=previews,
                   suggested=self._suggested(), report=self._done_report() if state == "done" else None)
        typed = stage.typed_field
        if typed.display:
            typed.focus()
        elif self.focused is typed:
            self.set_focus(None)
        self.refresh_bindings()

    def _done_report(self) -> DoneReport:
        if self.session is None:
            return NO_STORE_REPORT
        return self._safely(done_report, self.session, self.reviewed, self.context.library) or UNREADABLE_REPORT

    def _show_counts(self) -> None:
        session, unit = self.session, self.unit
        counts = self._safely(session.counts) if session is not None else None
        current = self._safely(current_queue, session, unit) if session is not None and unit is not None else None
        self.query_one(QueueCountsLabel).show(counts, cram=bool(session and session.cram), current=current)

    def _meta(self) -> Content:
        unit = self.unit
        assert unit is not None and self.session is not None
        section = self.context.library.section_of(unit.card_id)
        flagged = bool(self._safely(self.session.is_flagged, unit))
        return card_meta(unit, self._group_sizes[unit.sibling_group], section.title if section else None, flagged)

    def _suggested(self) -> Rating:
        return self.typed.suggested if self.typed is not None else Rating.Good

    # --- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return key_allowed(action, phase=self.state, unit=self.unit, session=self.session, hint_shown=self.hint_shown,
                           typing=isinstance(self.focused, Input), speaking=self.speaking)

    def action_flip(self) -> None:
        if self.unit is not None and self.unit.type_in:
            self._check_typed(self.query_one(StudyStage).typed_field.value)
            return
        self.state = "back"
        self._redraw()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.state == "front" and self.unit is not None and self.unit.type_in:
            self._check_typed(event.value)

    def _check_typed(self, text: str) -> None:
        assert self.unit is not None
        self.typed = compare_typed(text, self.unit.expected)
        self.state = "back"
        self._redraw()

    def action_accept(self) -> None:
        self.action_rate(int(self._suggested()))

    def on_rating_bar_rated(self, event: RatingBar.Rated) -> None:
        self.action_rate(int(event.rating))

    def action_rate(self, rating: int) -> None:
        if self.state != "back" or self.unit is None or self.session is None:
            return
        elapsed = min(MAX_DURATION_MS, round((time.monotonic() - self._shown_at) * 1000))
        outcome = self._safely(self.session.answer, self.unit, Rating(rating), duration_ms=elapsed)
        if outcome is None:
            return
        self.reviewed += 1
        if outcome.became_leech:
            self.notify(f"{self.unit.id} is now a leech: it was forgotten {outcome.item.lapses} times, so it is "
                        "tagged and suspended. It is listed when nothing is due and in the statistics.",
                        title="Leech", severity="warning", timeout=10, markup=False)
        self._next()

    def action_undo(self) -> None:
        if self.session is None or self._safely(self.session.undo) is None:
            return
        self.reviewed = max(0, self.reviewed - 1)
        self.notify("Last rating undone.", markup=False)
        self._next()

    def action_undo_typing(self) -> None:
        self.action_undo()

    def action_flag_typing(self) -> None:
        self.action_flag()

    def action_flag(self) -> None:
        unit, session = self.unit, self.session
        if unit is None or session is None:
            return
        if self._safely(session.is_flagged, unit):
            if self._safely(session.unflag, unit):
                self.notify("Flag removed.", markup=False)
        elif self._safely(lambda: session.flag(unit) or True):
            self.notify("Flagged for the author: `rnnquiz stats --flagged` lists it with its file and line.",
                        markup=False)
        self._redraw()

    def action_hint(self) -> None:
        self.hint_shown = True
        self._redraw()

    def action_cram(self) -> None:
        store = review_store(self.context.progress.store)
        if self._config is not None and store is not None:
            self._start(store, self._config, cram=True)

    def action_open_stats(self) -> None:
        scope, library = self.options.course, self.context.library
        of_section = library.course_of_section(scope) if scope and library.course(scope) is None else None
        self.app.open_screen("stats", of_section.id if of_section else scope)

    def on_screen_resume(self) -> None:
        """Back from another screen with nothing left: cards may have come due meanwhile."""
        if isinstance(self.session, ReviewSession) and self.state == "done":
            self.session.refresh()
            self._next()

    def _safely(self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R | None:
        """Run a store call; a failure is a notice, never a crash (the rating is then not saved)."""
        try:
            return function(*args, **kwargs)
        except (StoreError, LookupError) as error:
            self.notify(str(error), title="Progress not saved", severity="error", markup=False, timeout=10)
            return None

    # --- reading aloud ---------------------------------------------------------------------------

    NOTHING_TO_READ = "There is no card to read."

    def speakable(self) -> tuple[str, str] | None:
        if self.unit is None:
            return None
        text = spoken_prompt(self.unit)
        return (f"{text}. {self.unit.answer}" if self.state == "back" else text), "narrator"
