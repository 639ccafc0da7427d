"""What an import or export could not carry over, and why an input could not be read at all.

Nothing is dropped silently: every question, field, weight or media file that has no place in the
rnnquiz format becomes a `Note` with the line it came from. Malformed input is an `ImportFailed`
holding one located `Located` per problem, printed as `file:line: message`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Located:
    """A message tied to a line of the input (1-based; 0 when no single line is to blame)."""

    line: int
    message: str

    def render(self, file: Path | str) -> str:
        return f"{file}:{self.line}: {self.message}" if self.line else f"{file}: {self.message}"


class ImportFailed(Exception):
    """The input is malformed; nothing is written. Carries every problem found, not just the first."""

    def __init__(self, errors: list[Located]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


@dataclass(slots=True)
class Report:
    """Things not imported (or exported) or changed on the way, in input order."""

    notes: list[Located] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        self.notes.append(Located(line, message))

    def __len__(self) -> int:
        return len(self.notes)

    def lines(self, file: Path | str) -> list[str]:
        return [note.render(file) for note in sorted(self.notes, key=lambda n: n.line)]


class ErrorList:
    """Collects located errors while parsing goes on, so one run reports them all."""

    def __init__(self) -> None:
        self.errors: list[Located] = []

    def add(self, line: int, message: str) -> None:
        self.errors.append(Located(line, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ImportFailed(sorted(self.errors, key=lambda e: e.line))
