"""The flashcard area of the study screen: card, answer field, ratings, done report or loading line.

The screen owns the session and decides what to show; this widget only shows it, so one call per
redraw sets every piece for the phase (`loading`, `front`, `back`, `done`).
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from rnnquiz.study.cards import ReviewUnit
from rnnquiz.study.done import DoneReport
from rnnquiz.study.scheduler import Rating
from rnnquiz.study.wording import variant_label
from rnnquiz.tui.widgets.card_view import CardFace, CardView
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.rating_bar import RatingBar
from rnnquiz.tui.widgets.study_done import DoneView

NO_STORE_REPORT = DoneReport("No flashcards to review.", (
    "Flashcard review needs the progress database, and it could not be opened (see the warning), "
    "so nothing can be scheduled. Start rnnquiz with a writable --data-dir.",), can_cram=False)
UNREADABLE_REPORT = DoneReport("Could not read the queue.")


def card_meta(unit: ReviewUnit, blanks: int, section_title: str | None, flagged: bool) -> Content:
    """Our line above the card: its kind, its section (or id), and whether it is flagged."""
    return Content.assemble(
        (variant_label(unit, blanks), "bold $accent"),
        ("  ·  ", "dim"), literal(section_title if section_title is not None else unit.card_id, "$text-muted"),
        ("  ⚑ flagged for the author" if flagged else "", "bold $warning"),
    )


class StudyStage(Vertical):
    """One card at a time: its face, then its ratings; the report once nothing is left."""

    def compose(self) -> ComposeResult:
        yield CardView(id="card")
        yield Input(placeholder="Type the answer, then press enter", id="typed")
        yield Button(Content("space Show answer"), id="show-answer", compact=True, action="screen.flip")
        yield RatingBar(id="ratings")
        yield DoneView(id="study-done")
        yield Static(Content("Gathering the cards…"), id="study-loading", markup=False)

    @property
    def typed_field(self) -> Input:
        """Where a type-in card's answer is typed."""
        return self.query_one("#typed", Input)

    def show(
        self,
        phase: str,
        face: CardFace | None,
        *,
        type_in: bool,
        previews: Mapping[Rating, str] | None = None,
        suggested: Rating = Rating.Good,
        report: DoneReport | None = None,
    ) -> None:
        """Show `face` (None: no card) as the phase wants; `previews` and `report` only when given."""
        card = self.query_one(CardView)
        card.show(face)
        card.display = face is not None
        typed = self.typed_field
        typed.display = phase == "front" and face is not None and type_in
        typed.disabled = not typed.display  # a hidden field must not take the focus (or the keys)
        self.query_one("#show-answer").display = phase == "front" and not typed.display
        bar = self.query_one(RatingBar)
        bar.display = phase == "back"
        if previews is not None:
            bar.set_previews(previews, suggested)
        self.query_one("#study-loading").display = phase == "loading"
        done = self.query_one(DoneView)
        done.display = phase == "done"
        if report is not None:
            done.show(report)
