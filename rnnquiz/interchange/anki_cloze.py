"""Anki cloze deletions -> rnnquiz cloze blanks.

Anki: `{{c1::answer::hint}}`; every deletion with the same number is hidden on the same card.
rnnquiz: `{{answer::hint}}`; every blank is its own card. So each deletion becomes its own blank,
and a number shared by several deletions (asked together in Anki) is reported, because rnnquiz
asks those blanks one at a time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.DOTALL)


@dataclass(slots=True)
class ClozeText:
    text: str
    notes: list[str] = field(default_factory=list)
    """What changed on the way (grouping, `|` in answers)."""
    error: str | None = None
    """Why the text cannot become an rnnquiz cloze (nested deletions, an empty answer)."""


def has_anki_cloze(text: str) -> bool:
    return bool(ANKI_CLOZE.search(text))


def convert_cloze(text: str) -> ClozeText:
    """Rewrite every `{{cN::answer::hint}}` as `{{answer::hint}}`, noting what cannot be kept."""
    result = ClozeText(text)
    numbers: Counter[str] = Counter()

    def blank(match: re.Match[str]) -> str:
        numbers[match.group(1)] += 1
        answer, _, hint = match.group(2).partition("::")
        if "{{" in answer:
            result.error = "nested cloze deletions have no rnnquiz equivalent"
        if not answer.strip():
            result.error = "a cloze deletion is empty"
        if "|" in answer:
            result.notes.append(f"`|` in answer {answer!r} now separates accepted alternatives")
        return "{{" + answer + ("::" + hint if hint else "") + "}}"

    result.text = ANKI_CLOZE.sub(blank, text)
    if re.search(r"\{\{c\d+::", result.text):
        result.error = "nested cloze deletions have no rnnquiz equivalent"
    for number, count in sorted(numbers.items(), key=lambda kv: int(kv[0])):
        if count > 1:
            result.notes.append(f"the {count} deletions numbered c{number} become {count} separate cards "
                                "(Anki asks them together)")
    return result
