"""Problems found in content: values with a location, printed one per line as `file:line:col: message`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a content file; line and column count from 1, as editors do."""

    file: Path
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a content file, and where."""

    file: Path
    line: int
    col: int
    message: str
    path: str = ""
    """Field path inside the document, e.g. `sections[1].quiz[3].answer`."""
    hint: str | None = None
    warning: bool = False
    """Worth the author's attention, but the content loads as written (validate still exits 0)."""
    related: Path | None = None
    """Another file the problem is about (a duplicate id's first use), so checking that file shows it."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}: "
        field = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        kind = "warning: " if self.warning else ""
        # One problem, one line: a key or value with a line break in it shows the break as `\n`.
        return f"{where}{kind}{field}{self.message}{hint}".replace("\r", "\\r").replace("\n", "\\n")

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["file"] = str(self.file)
        data["related"] = None if self.related is None else str(self.related)
        return data
