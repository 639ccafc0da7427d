"""A small RFC 4180 reader that knows the line each record starts on.

Python's `csv` module cannot say where a record began, skip `#` comment lines only between
records (as Anki does), or point at the line of an unterminated quote; import reports need all three.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rnnquiz.interchange.report import ImportFailed, Located


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    """Line the record starts on, 1-based."""
    fields: list[str]


def read_records(text: str, delimiter: str, *, first_line: int = 1, comments: bool = False) -> Iterator[Record]:
    """Records of `text`; blank lines are skipped, and so are `#` lines when `comments` is set.

    Quoted fields may hold the delimiter, newlines and doubled quotes (`""`). An unterminated
    quote or text after a closing quote is an ImportFailed pointing at the line.
    """
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        number = first_line + index
        if not line.strip() or (comments and line.startswith("#")):
            index += 1
            continue
        fields, index = _record(lines, index, delimiter, number, first_line)
        yield Record(number, fields)


def _record(lines: list[str], index: int, delimiter: str, start: int, first_line: int) -> tuple[list[str], int]:
    fields: list[str] = []
    line, pos = lines[index], 0
    while True:
        if pos < len(line) and line[pos] == '"':
            value, index, line, pos = _quoted(lines, index, pos + 1, first_line)
            if pos < len(line) and line[pos] != delimiter:
                raise ImportFailed([Located(first_line + index, f"unexpected text after a closing quote: "
                                            f"{line[pos:pos + 20]!r} (a quote inside a quoted field is written \"\")")])
        else:
            end = line.find(delimiter, pos)
            end = len(line) if end < 0 else end
            value, pos = line[pos:end], end
        fields.append(value)
        if pos >= len(line):
            return fields, index + 1
        pos += 1  # the delimiter
        if pos == len(line):
            fields.append("")
            return fields, index + 1


def _quoted(lines: list[str], index: int, pos: int, first_line: int) -> tuple[str, int, str, int]:
    """A quoted field from just after its opening quote: (value, line index, line, position after it)."""
    start = first_line + index
    parts: list[str] = []
    line = lines[index]
    while True:
        quote = line.find('"', pos)
        if quote < 0:
            parts.append(line[pos:] + "\n")
            index += 1
            if index >= len(lines):
                raise ImportFailed([Located(start, "a quoted field starts here and is never closed")])
            line, pos = lines[index], 0
            continue
        parts.append(line[pos:quote])
        if quote + 1 < len(line) and line[quote + 1] == '"':
            parts.append('"')
            pos = quote + 2
            continue
        return "".join(parts), index, line, quote + 1
