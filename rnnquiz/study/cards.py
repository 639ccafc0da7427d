"""Flashcards expanded into review units: what is scheduled, one fsrs history per unit.

Unit ids are stable and derived from the card id, so rewording a card keeps its progress:
basic and type-in cards are one unit `id`; a reversible card is `id` and `id~rev`; a cloze card is
`id#1`, `id#2`, ... one per blank. `~` and `#` cannot appear in content ids, so unit ids never clash.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypedDict

from rnnquiz.content.model import BLANK, Flashcard, MarkdownStr, parse_blanks
from rnnquiz.study.units import CLOZE_SEPARATOR, REVERSE_SUFFIX

if TYPE_CHECKING:
    from rnnquiz.content.library import Library


Variant = Literal["basic", "forward", "reverse", "cloze", "type_in"]


@dataclass(frozen=True, slots=True)
class ReviewUnit:
    """One thing the learner is asked: a prompt, the answer to reveal, and how it relates to siblings."""

    id: str
    """Item id in the progress store."""
    card_id: str
    """Id of the flashcard it comes from (for `file:line`, flags and editing)."""
    variant: Variant
    prompt: str
    """Question side; for cloze, the text with this blank shown as `[...]` or `[hint]`."""
    answer: str
    """Answer side; for cloze, the whole text with every blank filled in."""
    expected: tuple[str, ...]
    """Accepted typed answers (type-in cards, cloze blanks); the first is the one shown."""
    sibling_group: str
    """Units of one card share a group; reviewing one buries the others until the next study day."""
    hint: str | None = None
    type_in: bool = False
    """The learner types the answer before it is revealed."""
    blank: int | None = None
    """1-based number of the blank this cloze unit asks for."""
    answer_span: tuple[int, int] | None = None
    """Where the asked blank's answer sits inside `answer`, to highlight it."""
    markdown: bool = False
    """The author opted this card's text into Markdown."""
    tags: tuple[str, ...] = ()


class _Common(TypedDict):
    """The `ReviewUnit` fields every unit of one card shares."""

    card_id: str
    sibling_group: str
    hint: str | None
    tags: tuple[str, ...]


def expand(card: Flashcard) -> list[ReviewUnit]:
    """The review units of one flashcard, in a stable order."""
    common: _Common = {"card_id": card.id, "sibling_group": card.id, "hint": card.hint, "tags": tuple(card.tags)}
    if card.type == "cloze":
        return _cloze_units(card, common)
    front, back = card.front or "", card.back or ""
    markdown = isinstance(front, MarkdownStr) or isinstance(back, MarkdownStr)
    if card.type == "reversible":
        return [
            ReviewUnit(
                card.id, variant="forward", prompt=front, answer=back, expected=(back,), markdown=markdown, **common
            ),
            ReviewUnit(
                card.id + REVERSE_SUFFIX, variant="reverse", prompt=back, answer=front, expected=(front,),
                markdown=markdown, **common,
            ),
        ]
    type_in = card.type == "type_in"
    variant: Variant = "type_in" if type_in else "basic"
    return [
        ReviewUnit(card.id, variant=variant, prompt=front, answer=back, expected=(back,), type_in=type_in,
                   markdown=markdown, **common)
    ]


def _cloze_units(card: Flashcard, common: _Common) -> list[ReviewUnit]:
    text = card.text or ""
    blanks = parse_blanks(text)
    units: list[ReviewUnit] = []
    for number, blank in enumerate(blanks, start=1):
        prompt_parts: list[str] = []
        answer_parts: list[str] = []
        span: tuple[int, int] | None = None
        position = 0
        answer_length = 0
        for index, match in enumerate(BLANK.finditer(text)):
            between = text[position : match.start()]
            prompt_parts.append(between)
            answer_parts.append(between)
            answer_length += len(between)
            fill = blanks[index].answers[0]
            if index + 1 == number:
                prompt_parts.append(f"[{blank.hint}]" if blank.hint else "[...]")
                span = (answer_length, answer_length + len(fill))
            else:
                prompt_parts.append(fill)
            answer_parts.append(fill)
            answer_length += len(fill)
            position = match.end()
        prompt_parts.append(text[position:])
        answer_parts.append(text[position:])
        units.append(
            ReviewUnit(
                f"{card.id}{CLOZE_SEPARATOR}{number}",
                variant="cloze",
                prompt="".join(prompt_parts),
                answer="".join(answer_parts),
                expected=tuple(blank.answers),
                blank=number,
                answer_span=span,
                **common,
            )
        )
    return units


def expand_all(cards: Iterable[Flashcard]) -> list[ReviewUnit]:
    """Units of many cards, in card order; this order is the order new cards are introduced."""
    return [unit for card in cards for unit in expand(card)]


def units_of(library: Library, course_id: str | None = None) -> list[ReviewUnit] | None:
    """The units of one course in study order (sections, then cards), of one section (when
    `course_id` names a section instead), or of the whole library (courses in order, then any
    card outside a course); None if there is no such course or section."""
    if course_id is None:
        cards = {card.id: card for course in library.courses for section in course.sections
                 for card in section.flashcards}
        for card in library.flashcards.values():
            cards.setdefault(card.id, card)
        return expand_all(cards.values())
    course = library.course(course_id)
    if course is not None:
        return expand_all(card for section in course.sections for card in section.flashcards)
    section = library.section(course_id)
    return None if section is None else expand_all(section.flashcards)
