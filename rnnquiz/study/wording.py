"""The study screens' own words: when a card is due next, what kind of card it is, how a prompt
sounds read aloud, the settings in a sentence. Pure text, so the CLI and tests share it."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rnnquiz.study.cards import ReviewUnit
    from rnnquiz.study.queue import CramSession, ReviewSession, StudyConfig

CRAM_NOTE = "Cram mode shows every card without changing when it is due."


def settings_summary(config: StudyConfig) -> str:
    """The saved study settings in one sentence."""
    return (f"{config.new_per_day} new card{'s' if config.new_per_day != 1 else ''} a day, "
            f"desired retention {config.desired_retention:g}, a study day starts at {config.rollover_hour:02d}:00")


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


VARIANT_LABELS = {"basic": "Basic", "forward": "Forward", "reverse": "Reversed", "type_in": "Type the answer"}


def variant_label(unit: ReviewUnit, blanks: int = 0) -> str:
    """What kind of card this is, in a few words."""
    if unit.variant == "cloze":
        return f"Cloze · blank {unit.blank} of {blanks}" if blanks > 1 else "Cloze"
    return VARIANT_LABELS[unit.variant]


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
