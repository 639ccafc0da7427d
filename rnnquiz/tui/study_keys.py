"""The flashcard screen's keys, and which of them make sense at each moment.

`key_allowed` reads a snapshot of the screen's state, so the rules for what the footer offers sit in
one place, apart from the screen's wiring.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding, BindingType

from rnnquiz.study.scheduler import RATING_NAMES, Rating

STUDY_BINDINGS: list[BindingType] = [
    Binding("escape", "app.back", "Back", id="study.back"),
    Binding("space,enter", "flip", "Show answer", id="study.flip"),
    Binding("space,enter", "accept", "Rate suggested", id="study.accept"),
    *(Binding(str(int(r)), f"rate({int(r)})", RATING_NAMES[r], show=False, id=f"study.rate-{int(r)}")
      for r in Rating),
    Binding("u", "undo", "Undo", id="study.undo"),
    # While a type-in card's field has the keys, `u` is a letter: ctrl+z undoes the last rating.
    Binding("ctrl+z", "undo_typing", "Undo", id="study.undo-typing"),
    Binding("f", "flag", "Flag", id="study.flag"),
    # Likewise `f`: ctrl+f flags the card while its answer is being typed.
    Binding("ctrl+f", "flag_typing", "Flag", id="study.flag-typing"),
    Binding("i", "hint", "Hint", id="study.hint"),
    Binding("c", "cram", "Cram", id="study.cram"),
    Binding("S", "open_stats", "Stats", id="study.stats"),
    Binding("l", "read_aloud", "Read aloud", show=False, id="study.read-aloud"),
    Binding("s", "stop_reading", "Stop reading", show=False, id="study.stop-reading"),
]


def key_allowed(
    action: str, *, phase: str, unit: Any, session: Any, hint_shown: bool, typing: bool, speaking: bool
) -> bool:
    """Whether `action` applies in `phase` (loading, front, back, done) with this card and session.

    `typing`: a type-in card's answer field has the keys; `speaking`: a card is being read aloud.
    """
    if action == "flip":
        return phase == "front"
    if action in ("accept", "rate"):
        return phase == "back"
    if action == "undo":
        return session is not None and session.can_undo
    if action == "undo_typing":
        return session is not None and session.can_undo and typing
    if action == "flag":  # while typing, `f` is a letter: the footer offers ctrl+f instead
        return unit is not None and phase != "done" and not typing
    if action == "flag_typing":
        return unit is not None and phase != "done" and typing
    if action == "hint":
        return phase == "front" and unit is not None and bool(unit.hint) and not hint_shown
    if action == "cram":
        return phase == "done" and session is not None and bool(session.units)
    if action == "read_aloud":
        return unit is not None
    if action == "stop_reading":
        return speaking
    return True
