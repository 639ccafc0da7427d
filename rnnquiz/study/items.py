"""The stored scheduling state of one reviewable item (a card unit or a quiz question)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from fsrs import Card, State

Kind = Literal["card", "question"]
"""What an item id names: a flashcard review unit, or a quiz question scheduled after a miss."""

NEW = 0
"""`state_before` of a review of an item never reviewed; such items have no stored state."""

# fsrs's State values (an IntEnum, equal to these ints): written out so that reading progress (the home
# screen's due counts) does not import fsrs; fsrs loads only when something is scheduled.
LEARNING, REVIEW, RELEARNING = 1, 2, 3
STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}


class Queue(IntEnum):
    """Which queue a stored item waits in; indexed with `due` so picking the next card is one seek."""

    SUSPENDED = -1
    LEARNING = 1
    REVIEW = 2


@dataclass(frozen=True, slots=True)
class ItemState:
    """fsrs memory state plus what fsrs does not track: counts, suspension and the leech tag."""

    item_id: str
    kind: Kind
    state: State
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    leech: bool = False

    @property
    def queue(self) -> Queue:
        if self.suspended:
            return Queue.SUSPENDED
        return Queue.REVIEW if self.state == REVIEW else Queue.LEARNING

    @property
    def state_name(self) -> str:
        return "suspended" if self.suspended else STATE_NAMES[self.state]

    def to_card(self) -> Card:
        from fsrs import Card

        # card_id is irrelevant to scheduling; passing it avoids fsrs's 1 ms sleep per Card().
        return Card(
            card_id=0,
            state=self.state,
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    def with_card(self, card: Card, **changes: object) -> ItemState:
        return replace(
            self,
            state=card.state,
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
            **changes,  # type: ignore[arg-type]
        )


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """What one rating did: the new state, and the log entry that undo takes back."""

    review_id: int | None
    """Id of the review-log entry; None in cram mode, where nothing is written."""
    item: ItemState
    rating: int
    state_before: int
    """`NEW` (0) or the fsrs State the item was in before the rating."""
    reviewed_at: datetime
    became_leech: bool = False

    @property
    def interval(self) -> timedelta:
        return self.item.due - self.reviewed_at
