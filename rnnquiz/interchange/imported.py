"""What every importer returns: items grouped into sections, plus the report of what was lost."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from rnnquiz.content.model import Flashcard, Question
from rnnquiz.content.questions import QUESTION_KINDS
from rnnquiz.interchange.report import Report

_QUESTION: TypeAdapter[Question] = TypeAdapter(Question)


@dataclass(slots=True)
class ImportedSection:
    """One category (GIFT), deck (Anki) or section column value; `None` for items outside any."""

    title: str | None
    flashcards: list[Flashcard] = field(default_factory=list)
    quiz: list[Question] = field(default_factory=list)


@dataclass(slots=True)
class Imported:
    sections: list[ImportedSection] = field(default_factory=list)
    report: Report = field(default_factory=Report)

    def section(self, title: str | None) -> ImportedSection:
        """The section for `title`, created at first use so sections keep input order."""
        for section in self.sections:
            if section.title == title:
                return section
        self.sections.append(ImportedSection(title))
        return self.sections[-1]

    @property
    def count(self) -> int:
        return sum(len(s.flashcards) + len(s.quiz) for s in self.sections)


TextValue = str | dict[str, str]
"""A Text field as an author writes it: plain text, or `{markdown: ...}`."""


def text(value: str, markdown: bool = False) -> TextValue:
    """A Text field value; Markdown is opted in the way an author would write it."""
    return {"markdown": value} if markdown else value


def build(kind: Callable[..., Any], data: dict[str, Any], report: Report, line: int, what: str) -> Any | None:
    """Validate one item, or report why it cannot be imported (never an exception, never silence)."""
    try:
        return kind(data)
    except ValidationError as error:
        reasons = "; ".join(_reason(e) for e in error.errors(include_url=False))
        report.add(line, f"{what} not imported: {reasons}")
        return None


def question(data: dict[str, Any], report: Report, line: int, what: str) -> Question | None:
    return build(_QUESTION.validate_python, data, report, line, what)


def flashcard(data: dict[str, Any], report: Report, line: int, what: str) -> Flashcard | None:
    return build(Flashcard.model_validate, data, report, line, what)


def _reason(error: ErrorDetails) -> str:
    where = ".".join(str(p) for p in error["loc"] if not (isinstance(p, str) and p in _TAGS))
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


_TAGS = frozenset(QUESTION_KINDS)
"""The union's tags, which pydantic puts in an error's location; an author never wrote them."""
