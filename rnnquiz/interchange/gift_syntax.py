"""The pieces of GIFT syntax shared by the reader and the writer: escapes, formats, answer lists."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rnnquiz.interchange import imported as items
from rnnquiz.interchange.htmltext import html_to_text
from rnnquiz.interchange.report import ImportFailed, Located, Report

# Escaped characters become private-use placeholders while the structure is parsed (as Moodle does).
PLACEHOLDERS = {":": "\ue000", "#": "\ue001", "=": "\ue002", "{": "\ue003", "}": "\ue004", "~": "\ue005",
                "n": "\ue006", "\\": "\ue007"}
_RESTORE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in PLACEHOLDERS.items()})
ESCAPE = re.compile(r"\\(.)", re.DOTALL)
PRIVATE = re.compile("[\ue000-\ue010]")
FORMAT = re.compile(r"\s*\[(moodle|html|plain|markdown)\]")
_WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d*)?)%")
BLANK_MARK = "\ue010"
"""Where a missing-word answer block sat inside the question text."""
MISSING_WORD = "_____"
"""What Moodle shows in place of a missing-word answer block."""


def escape_placeholders(line: str) -> str:
    return ESCAPE.sub(lambda m: PLACEHOLDERS.get(m.group(1), m.group(0)), line)


def unescape(text: str) -> str:
    """Placeholders back to the characters they stand for."""
    return text.translate(_RESTORE)


@dataclass(slots=True)
class Parts:
    """One question split around its answer block; offsets in `answer` map to input lines."""

    before: str
    answer: str
    after: str
    answer_line: Callable[[int], int]
    line: int


@dataclass(slots=True)
class Context:
    """What every answer-type builder needs: the parts, the fields so far, the format, the report."""

    parts: Parts
    base: dict[str, Any]
    format: str
    report: Report
    what: str

    def text(self, raw: str) -> items.TextValue:
        """A Text value from GIFT text in the question's format (or its own `[format]` prefix)."""
        match = FORMAT.match(raw)
        fmt = match.group(1) if match else self.format
        body = unescape(raw[match.end():] if match else raw).strip()
        if fmt == "html":
            converted = html_to_text(body)
            for dropped in converted.dropped:
                self.note(f"{dropped} not imported")
            return converted.text
        return items.text(body, markdown=fmt == "markdown" and bool(body))

    def plain(self, raw: str) -> str:
        value = self.text(raw)
        return value["markdown"] if isinstance(value, dict) else value

    def prompt(self, fill: str) -> Any:
        """The question text, with `fill` where a missing-word answer block was."""
        missing = self.parts.after.strip()
        value = self.text(self.parts.before + (BLANK_MARK + self.parts.after if missing else ""))
        if isinstance(value, dict):
            return {"markdown": value["markdown"].replace(BLANK_MARK, fill)}
        return value.replace(BLANK_MARK, fill)

    def fail(self, offset: int, message: str) -> ImportFailed:
        return ImportFailed([Located(self.parts.answer_line(offset), message)])

    def note(self, message: str) -> None:
        self.report.add(self.parts.line, f"{self.what}: {message}")


def pieces(body: str, markers: str) -> list[tuple[int, str, str]]:
    """(offset, marker, text) of each answer; text before the first marker comes with marker ''."""
    starts = [i for i, ch in enumerate(body) if ch in markers]
    out = []
    lead = body[: starts[0]] if starts else body
    if lead.strip():
        out.append((len(lead) - len(lead.lstrip()), "", lead))
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(body)
        out.append((start, body[start], body[start + 1:end]))
    return out


def weight(raw: str) -> tuple[str, float | None]:
    """`%50%text` -> ("text", 50.0); no weight -> (raw, None)."""
    match = _WEIGHT.match(raw)
    return (raw[match.end():], float(match.group(1))) if match else (raw, None)


def percent(value: float) -> str:
    return f"{value:g}%"


def wildcard_pattern(answers: list[str]) -> str | None:
    """Moodle short answers treat `*` as "anything"; as a regular expression for `pattern:`."""
    patterns = []
    for answer in answers:
        parts = re.split(r"(?<!\\)\*", answer)
        if len(parts) > 1:
            patterns.append(".*".join(re.escape(p.replace("\\*", "*")) for p in parts))
    if not patterns:
        return None
    return patterns[0] if len(patterns) == 1 else "|".join(f"(?:{p})" for p in patterns)
