"""Every glossary term of the loaded courses, searchable with typos forgiven.

Pure Python (no Textual) so the ranking is tested with plain asserts; the glossary screen only
displays what `GlossaryIndex.search` returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from rnnquiz.content.library import Library
from rnnquiz.content.model import GlossaryTerm

MIN_SCORE = 70.0
"""Below this rapidfuzz score (0-100) a term is not shown: low enough for a typo or two, high
enough that a one-letter alias does not match every query."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A term, with where it is defined."""

    key: str
    """Unique in the index: `course-id/term`."""
    term: GlossaryTerm
    course_id: str
    course_title: str
    section_id: str
    section_title: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term.term, *self.term.aliases)


class GlossaryIndex:
    """All terms, alphabetical; search ranks by the best-matching name (term or alias)."""

    def __init__(self, library: Library) -> None:
        entries = []
        for course in library.courses:
            for section in course.sections:
                for term in section.glossary:
                    entries.append(Entry(f"{course.id}/{term.term}", term, course.id, course.title,
                                         section.section, section.title))
        self.entries = sorted(entries, key=lambda e: (e.term.term.casefold(), e.course_id))
        self._by_key = {e.key: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> Entry | None:
        return self._by_key.get(key)

    def search(self, query: str) -> list[Entry]:
        """Entries matching `query`, best first; all entries when the query is blank."""
        wanted = default_process(query)
        if not wanted:
            # Only symbols (`[/]`, `(`, `C++`): rapidfuzz strips them all, so match them as typed.
            typed = query.strip().casefold()
            if not typed:
                return list(self.entries)
            return [entry for entry in self.entries if any(typed in name.casefold() for name in entry.names)]
        scored = [(score, entry) for entry in self.entries if (score := self._score(wanted, entry)) >= MIN_SCORE]
        scored.sort(key=lambda pair: (-pair[0], pair[1].term.term.casefold()))
        return [entry for _, entry in scored]

    @staticmethod
    def _score(wanted: str, entry: Entry) -> float:
        best = 0.0
        for name in entry.names:
            candidate = default_process(name)
            if candidate.startswith(wanted):
                score = 200.0 - len(candidate)  # prefix matches first, shorter (closer) names ahead
            elif wanted in candidate:
                score = 150.0 - len(candidate)
            else:
                # Whole-name similarity, or the best window of a longer name (a typo in one word);
                # a name shorter than the query never matches "partially".
                score = fuzz.ratio(wanted, candidate)
                if len(candidate) > len(wanted):
                    score = max(score, fuzz.partial_ratio(wanted, candidate))
            best = max(best, score)
        if best < MIN_SCORE and len(wanted) >= 4:
            # A word from the definition still finds the term, ranked below any name match.
            best = max(best, fuzz.partial_ratio(wanted, default_process(entry.term.definition)) * 0.7)
        return best

    def see_also(self, entry: Entry, name: str) -> Entry | None:
        """The entry a see-also name points to, in the same course (term or alias, any case)."""
        wanted = name.casefold()
        for other in self.entries:
            if other.course_id == entry.course_id and wanted in (n.casefold() for n in other.names):
                return other
        return None
