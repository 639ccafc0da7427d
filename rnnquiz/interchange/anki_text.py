"""Read Anki "Notes in Plain Text" exports (Anki 2.1.55+; the older `tags:` first line too).

The `#key:value` header lines say how to read the rest: `#separator:` (a name such as `tab` or
the character itself), `#html:`, `#tags:`, `#columns:`, `#notetype:`/`#deck:` (for every note),
and `#guid column:`, `#notetype column:`, `#deck column:`, `#tags column:` (1-based). Each note
becomes a flashcard: Basic -> basic, "and reversed" -> reversible, "optional reversed" ->
reversible when its third field is filled, "type in the answer" -> type_in, Cloze -> cloze.
Decks become sections; a GUID gives a stable id, so a re-import keeps progress.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rnnquiz.interchange import imported as items
from rnnquiz.interchange.anki_cloze import convert_cloze, has_anki_cloze
from rnnquiz.interchange.csv_deck import guess_delimiter
from rnnquiz.interchange.csvtext import Record, read_records
from rnnquiz.interchange.htmltext import html_to_text, looks_like_html, strip_sounds
from rnnquiz.interchange.ids import IdAllocator, id_from_text, short_hash
from rnnquiz.interchange.imported import Imported
from rnnquiz.interchange.report import ErrorList, Report

SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t", "space": " ", "pipe": "|", "colon": ":"}
_COLUMN_KEYS = ("guid", "notetype", "deck", "tags")
_IGNORED = {"if matches", "match scope", "tags updated"}
"""Headers about how Anki merges duplicates: nothing to carry over."""


@dataclass(slots=True)
class Header:
    separator: str | None = None
    html: bool | None = None
    tags: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    notetype: str | None = None
    deck: str | None = None
    column: dict[str, int] = field(default_factory=dict)
    """guid/notetype/deck/tags -> 1-based column."""
    lines: int = 0
    """How many lines the header takes."""


def parse_header(lines: list[str], errors: ErrorList, report: Report) -> Header:
    header = Header()
    for index, line in enumerate(lines):
        if index == 0 and line.startswith("tags:"):
            header.tags = line[5:].split()
        elif line.startswith("#") and ":" in line:
            key, _, value = line[1:].partition(":")
            _header_line(header, key.strip().lower(), value.strip(), index + 1, errors, report)
        elif not line.startswith("#"):
            break
        header.lines = index + 1
    return header


def _header_line(header: Header, key: str, value: str, line: int, errors: ErrorList, report: Report) -> None:
    if key == "separator":
        header.separator = SEPARATORS.get(value.lower(), value if len(value) == 1 else None)
        if header.separator is None:
            errors.add(line, f"unknown separator {value!r}: use {', '.join(SEPARATORS)} or a single character")
    elif key == "html":
        if value.lower() not in ("true", "false"):
            errors.add(line, f"`#html:` is true or false, not {value!r}")
        header.html = value.lower() == "true"
    elif key == "tags":
        header.tags = value.split()
    elif key == "columns":
        header.columns = [c.strip() for c in value.split(header.separator or guess_delimiter(value))]
    elif key in ("notetype", "deck"):
        setattr(header, key, value)
    elif key.endswith(" column") and key[: -len(" column")] in _COLUMN_KEYS:
        if not value.isdigit() or int(value) < 1:
            errors.add(line, f"`#{key}:` needs a column number counted from 1, not {value!r}")
        else:
            header.column[key[: -len(" column")]] = int(value)
    elif key not in _IGNORED:
        report.add(line, f"header `#{key}:` not understood; ignored")


def parse_anki_text(text: str) -> Imported:
    """Flashcards from an Anki notes export; raises ImportFailed for a broken header or quoting."""
    imported = Imported()
    errors = ErrorList()
    lines = text.split("\n")
    header = parse_header(lines, errors, imported.report)
    errors.raise_if_any()
    body = "\n".join(lines[header.lines:])
    separator = header.separator or guess_delimiter(body)
    records = list(read_records(body, separator, first_line=header.lines + 1, comments=True))
    html = header.html if header.html is not None else any(looks_like_html(f) for r in records for f in r.fields)
    ids = IdAllocator()
    for record in records:
        _note(record, header, html, imported, ids)
    return imported


def _note(record: Record, header: Header, html: bool, imported: Imported, ids: IdAllocator) -> None:
    report, line = imported.report, record.line

    def column(key: str) -> str:
        number = header.column.get(key)
        return record.fields[number - 1].strip() if number and number <= len(record.fields) else ""

    meta = set(header.column.values())
    raw = [value for number, value in enumerate(record.fields, start=1) if number not in meta]
    fields = [_text(value, html, report, line) for value in raw]
    notetype = column("notetype") or header.notetype or ""
    deck = column("deck") or header.deck
    tags = header.tags + column("tags").split()
    guid = column("guid")
    data, used = _by_notetype(notetype, fields, report, line)
    if data is None:
        return
    names = header.columns and [c for n, c in enumerate(header.columns, start=1) if n not in meta]
    for index, value in enumerate(fields[used:], start=used):
        if value:
            name = names[index] if names and index < len(names) else f"field {index + 1}"
            report.add(line, f"note: {name} not imported: {value[:60]!r}")
    seed = data.get("text") or data.get("front") or ""
    base = f"anki-{short_hash(guid, length=10)}" if guid else id_from_text(seed, *fields)
    data["id"] = ids.take_reported(base, report, line, "note")
    if tags:
        data["tags"] = tags
    card = items.flashcard(data, report, line, "note")
    if card is not None:
        imported.section(deck.replace("::", " / ") if deck else None).flashcards.append(card)


def _text(value: str, html: bool, report: Report, line: int) -> str:
    converted = html_to_text(value) if html else None
    text = converted.text if converted else value.strip()
    sounds = strip_sounds(text)
    for dropped in (converted.dropped if converted else []) + sounds.dropped:
        report.add(line, f"note: {dropped} not imported")
    return sounds.text


def _by_notetype(notetype: str, fields: list[str], report: Report, line: int) -> tuple[dict[str, Any] | None, int]:
    """The card's fields by Anki note type, and how many note fields that used."""
    kind = notetype.lower()
    first = fields[0] if fields else ""
    second = fields[1] if len(fields) > 1 else ""
    if "image occlusion" in kind:
        report.add(line, "note not imported: image occlusion needs the image")
        return None, 0
    if "cloze" in kind or (not kind and has_anki_cloze(first)):
        cloze = convert_cloze(first)
        for note in cloze.notes:
            report.add(line, f"note: {note}")
        if cloze.error or not has_anki_cloze(first):
            report.add(line, f"note not imported: {cloze.error or 'a Cloze note without deletions'}")
            return None, 0
        if second:
            report.add(line, f"note: Back Extra not imported (rnnquiz cloze cards have no "
                       f"extra field): {second[:60]!r}")
        return {"type": "cloze", "text": cloze.text}, 2
    data: dict[str, Any] = {"front": first, "back": second}
    if "type in" in kind:
        return {**data, "type": "type_in"}, 2
    if "and reversed" in kind:
        return {**data, "type": "reversible"}, 2
    if "optional reversed" in kind:
        third = fields[2] if len(fields) > 2 else ""
        return {**data, "type": "reversible" if third else "basic"}, 3
    if kind and not kind.startswith("basic"):
        report.add(line, f"note: note type {notetype!r} read as Basic (first field front, second back)")
    return data, 2
