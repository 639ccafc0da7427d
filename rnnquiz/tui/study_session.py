"""What the flashcard and statistics screens need from the study core, without Textual.

The screens are opened by name with one string argument (`registry.ScreenSpec.create`), so the
options of `rnnquiz study` travel in that argument, written like the command line itself:
`"rnn --cram --new-per-day=5 --retention=0.85 --rollover-hour=3"`. Course ids never start with `-`,
so they can't clash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rnnquiz.content.library import Library
    from rnnquiz.study.cards import ReviewUnit
    from rnnquiz.study.queue import CramSession, ReviewSession, StudyConfig

MIN_RETENTION, MAX_RETENTION = 0.5, 0.99
CRAM_NOTE = "Cram mode shows every card without changing when it is due."


@dataclass(frozen=True, slots=True)
class StudyOptions:
    """What `rnnquiz study` was asked for; None means "the learner's setting, else the default"."""

    course: str | None = None
    cram: bool = False
    new_per_day: int | None = None
    retention: float | None = None
    rollover_hour: int | None = None

    def to_arg(self) -> str | None:
        """The screen argument; None when nothing differs from the defaults."""
        words = [self.course] if self.course else []
        if self.cram:
            words.append("--cram")
        if self.new_per_day is not None:
            words.append(f"--new-per-day={self.new_per_day}")
        if self.retention is not None:
            words.append(f"--retention={self.retention:g}")
        if self.rollover_hour is not None:
            words.append(f"--rollover-hour={self.rollover_hour}")
        return " ".join(words) or None

    @classmethod
    def from_arg(cls, arg: str | None) -> StudyOptions:
        """Read a screen argument; a bad option is a `ValueError` with a message for the learner."""
        course, cram, new_per_day, retention, rollover_hour = None, False, None, None, None
        for word in (arg or "").split():
            name, _, value = word.partition("=")
            if name == "--cram":
                cram = True
            elif name == "--new-per-day":
                new_per_day = parse_new_per_day(value)
            elif name == "--retention":
                retention = parse_retention(value)
            elif name == "--rollover-hour":
                rollover_hour = parse_rollover_hour(value)
            elif word.startswith("-"):
                raise ValueError(f"unknown study option {word!r}")
            else:
                course = word
        return cls(course, cram, new_per_day, retention, rollover_hour)

    def overrides(self) -> dict[str, Any]:
        """`StudyConfig` fields these options set."""
        values: dict[str, Any] = {}
        if self.new_per_day is not None:
            values["new_per_day"] = self.new_per_day
        if self.retention is not None:
            values["desired_retention"] = self.retention
        if self.rollover_hour is not None:
            values["rollover_hour"] = self.rollover_hour
        return values


def parse_new_per_day(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise ValueError(f"new cards per day must be a whole number, 0 or more, not {text!r}")
    return value


def parse_retention(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not MIN_RETENTION <= value <= MAX_RETENTION:
        raise ValueError(f"desired retention must be between {MIN_RETENTION} and {MAX_RETENTION}, not {text!r}")
    return value


def parse_rollover_hour(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 23:
        raise ValueError(f"the rollover hour must be a whole hour from 0 to 23, not {text!r}")
    return value


def settings_summary(config: StudyConfig) -> str:
    """The saved study settings in one sentence."""
    return (f"{config.new_per_day} new card{'s' if config.new_per_day != 1 else ''} a day, "
            f"desired retention {config.desired_retention:g}, a study day starts at {config.rollover_hour:02d}:00")


def save_settings(store: Any, options: StudyOptions) -> StudyConfig:
    """Remember the options given as the learner's defaults (one transaction each); the result."""
    from rnnquiz.study.queue import SETTING_DESIRED_RETENTION, SETTING_NEW_PER_DAY, SETTING_ROLLOVER_HOUR

    for key, value in ((SETTING_NEW_PER_DAY, options.new_per_day), (SETTING_DESIRED_RETENTION, options.retention),
                       (SETTING_ROLLOVER_HOUR, options.rollover_hour)):
        if value is not None:
            store.set_setting(key, value)
    return study_config(store, StudyOptions())


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
    if session.cram:
        return DoneReport("Cram finished: every card was shown.", (*tally, "Schedules were not changed."),
                          cram_label="Cram again")
    due = session.next_due()
    now, tz = session.clock.now(), session.config.tz
    nxt = f"The next card is due {when(due, now, tz)}." if due is not None else "No card is scheduled."
    limit = (new_limit_note(session.config.new_per_day),) if session.new_limit_reached else ()
    leeches = tuple(LeechRow(u.id, s.lapses, s.suspended, locate(library, u.id)) for u, s in session.leeches())
    return DoneReport("Nothing is due right now.", (*tally, nxt, *limit, CRAM_NOTE), leeches,
                      session.config.leech_threshold)


def new_limit_note(new_per_day: int) -> str:
    """Why unseen cards wait, and how to change that."""
    change = "`rnnquiz study --new-per-day N --save-settings` changes the limit."
    if new_per_day == 0:
        return f"New cards are turned off (0 a day); {change}"
    cards = f"{new_per_day} new cards are" if new_per_day != 1 else "1 new card is"
    return f"Today's {cards} done; more come tomorrow. {change}"


def current_queue(session: ReviewSession | CramSession, unit: ReviewUnit) -> str:
    """`new`, `learning` or `review`: which count the card on screen belongs to."""
    from rnnquiz.study.items import Queue

    state = session.state_of(unit)
    if state is None:
        return "new"
    return "review" if state.queue == Queue.REVIEW else "learning"


def has_study_store(store: Any) -> bool:
    """Reviews need the SQLite store; the in-memory stand-in used when it won't open has no schedule."""
    return hasattr(store, "record_review") and hasattr(store, "iter_due")


def study_config(store: Any, options: StudyOptions) -> StudyConfig:
    """The learner's saved settings, with this session's options on top."""
    from rnnquiz.study.queue import StudyConfig

    return StudyConfig.from_store(store, **options.overrides())


def open_session(
    store: Any, library: Library, options: StudyOptions, config: StudyConfig, *, cram: bool | None = None
) -> ReviewSession | CramSession:
    """A review (or cram) session over a course, or every course; LookupError for an unknown course."""
    from rnnquiz.study.cards import units_of
    from rnnquiz.study.queue import CramSession, ReviewSession

    units = units_of(library, options.course)
    if units is None:
        raise LookupError(f"no course {options.course!r}")
    session_class = CramSession if (options.cram if cram is None else cram) else ReviewSession
    return session_class(store, units, config)


def locate(library: Library, unit_id: str) -> str | None:
    """`file:line:col` of the flashcard a unit (or a card id) comes from."""
    from rnnquiz.study.units import card_id_of

    location = library.location(card_id_of(unit_id)) or library.location(unit_id)
    return None if location is None else str(location)


def variant_label(unit: ReviewUnit, blanks: int = 0) -> str:
    """What kind of card this is, in a few words."""
    if unit.variant == "cloze":
        return f"Cloze · blank {unit.blank} of {blanks}" if blanks > 1 else "Cloze"
    return {"basic": "Basic", "forward": "Forward", "reverse": "Reversed", "type_in": "Type the answer"}[unit.variant]


def spoken_prompt(unit: ReviewUnit) -> str:
    """The question as it should sound: a cloze gap is read as "blank"."""
    if unit.variant != "cloze" or unit.answer_span is None:
        return unit.prompt
    # Text before the asked blank is the same in prompt and answer; the gap is what differs in length.
    start, end = unit.answer_span
    gap_end = start + len(unit.prompt) - len(unit.answer) + (end - start)
    gap = unit.prompt[start:gap_end]
    said = "blank" if gap == "[...]" else f"blank ({gap[1:-1]})"
    return unit.prompt[:start] + said + unit.prompt[gap_end:]


def when(due: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    """`in 8 minutes`, `today at 15:40`, `tomorrow at 04:00`, `on Friday at 09:12`, `on 3 Feb 2027`."""
    if due <= now:
        return "now"
    delta = due - now
    if delta < timedelta(minutes=59, seconds=30):
        minutes = max(1, round(delta.total_seconds() / 60))
        return f"in {minutes} minute" + ("" if minutes == 1 else "s")
    local, local_now = due.astimezone(tz), now.astimezone(tz)
    days = (local.date() - local_now.date()).days
    clock = local.strftime("%H:%M")
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"tomorrow at {clock}"
    if days < 7:
        return f"on {local.strftime('%A')} at {clock}"
    return f"on {local.day} {local.strftime('%b %Y')}"
