"""What the review screen reports when no card is left: when the next one is due, the session's
tally, the new-card limit and the leeches, with where each leech is written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rnnquiz.study.wording import CRAM_NOTE, new_limit_note, when

if TYPE_CHECKING:
    from rnnquiz.content.library import Library
    from rnnquiz.study.queue import CramSession, ReviewSession


@dataclass(frozen=True, slots=True)
class LeechRow:
    unit_id: str
    lapses: int
    suspended: bool
    location: str | None


@dataclass(frozen=True, slots=True)
class DoneReport:
    """What the review screen says when no card is left; `headline` and `lines` are our own words."""

    headline: str
    lines: tuple[str, ...] = ()
    leeches: tuple[LeechRow, ...] = ()
    leech_threshold: int = 8
    can_cram: bool = True
    cram_label: str = "Cram all cards"


def done_report(session: ReviewSession | CramSession, reviewed: int, library: Library) -> DoneReport:
    """When the next card is due, the session's tally and the leeches; may raise `StoreError`."""
    if not session.units:
        return DoneReport("This course has no flashcards yet.", can_cram=False)
    tally = (f"You rated {reviewed} card{'s' if reviewed != 1 else ''} in this session.",) if reviewed else ()
    from rnnquiz.study.queue import CramSession

    if isinstance(session, CramSession):
        return DoneReport("Cram finished: every card was shown.", (*tally, "Schedules were not changed."),
                          cram_label="Cram again")
    due = session.next_due()
    now, tz = session.clock.now(), session.config.tz
    nxt = f"The next card is due {when(due, now, tz)}." if due is not None else "No card is scheduled."
    limit = (new_limit_note(session.config.new_per_day),) if session.new_limit_reached else ()
    leeches = tuple(LeechRow(u.id, s.lapses, s.suspended, locate(library, u.id)) for u, s in session.leeches())
    return DoneReport("Nothing is due right now.", (*tally, nxt, *limit, CRAM_NOTE), leeches,
                      session.config.leech_threshold)


def locate(library: Library, unit_id: str) -> str | None:
    """`file:line:col` of the flashcard a unit (or a card id) comes from."""
    from rnnquiz.study.units import card_id_of

    location = library.location(card_id_of(unit_id)) or library.location(unit_id)
    return None if location is None else str(location)
