"""The one syntax of a screen's argument: `SUBJECT?name=value&flag`.

The app opens every screen by name with a single string (the command palette, the home screen and
the command line all build one), so each screen's options are written in this one form and read
back by a typed options class of its own (`StudyOptions`, `QuizOptions`, `LabTarget`). The subject
is a course, section or demo id; values are percent-encoded, so any text survives the round trip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote

_SAFE = "-_.~"


@dataclass(frozen=True, slots=True)
class ScreenArg:
    """A parsed screen argument: what it is about, and its settings (a flag has the value `""`)."""

    subject: str | None = None
    values: dict[str, str] = field(default_factory=dict)

    def format(self) -> str:
        """`subject?name=value&flag`, or just the subject when there are no settings."""
        subject = quote(self.subject or "", safe=_SAFE)
        if not self.values:
            return subject
        parts = [quote(name, safe=_SAFE) + (f"={quote(value, safe=_SAFE)}" if value else "")
                 for name, value in self.values.items()]
        return f"{subject}?{'&'.join(parts)}"

    @classmethod
    def parse(cls, text: str | None) -> ScreenArg:
        """Read an argument; the last value of a repeated setting wins."""
        head, _, query = (text or "").partition("?")
        subject = unquote(head)
        values = dict(parse_qsl(query, keep_blank_values=True))
        return cls(subject or None, values)

    def flag(self, name: str) -> bool:
        return name in self.values

    def get(self, name: str) -> str | None:
        return self.values.get(name)
