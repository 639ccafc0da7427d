"""Flashcards as CSV or TSV: read front/back[/tags] sheets, write a full-fidelity sheet.

Without a header row the columns are front, back and optional tags (space-separated). A header
row naming `front` or `text` maps columns by name: id, section, type, front, back, text, hint,
tags, which is also what the writer produces, so an exported sheet imports back unchanged.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from rnnquiz.content.model import BLANK, Flashcard, MarkdownStr
from rnnquiz.interchange import imported as items
from rnnquiz.interchange.anki_cloze import convert_cloze, has_anki_cloze
from rnnquiz.interchange.csvtext import Record, read_records
from rnnquiz.interchange.ids import IdAllocator, id_from_text, is_id, slugify
from rnnquiz.interchange.imported import Imported
from rnnquiz.interchange.report import ImportFailed, Located, Report
from rnnquiz.interchange.selection import Selected

COLUMNS = ("id", "section", "type", "front", "back", "text", "hint", "tags")


def guess_delimiter(text: str, suffix: str = "") -> str:
    """Tab for .tsv files or tab-separated text, else `;` or `,`, whichever the first line has more of."""
    if suffix.lower() in (".tsv", ".tab"):
        return "\t"
    first = next((line for line in text.split("\n") if line.strip()), "")
    if "\t" in first:
        return "\t"
    return ";" if first.count(";") > first.count(",") else ","


def parse_csv(text: str, delimiter: str) -> Imported:
    """Flashcards from a sheet; raises ImportFailed for broken quoting or a bad header."""
    imported = Imported()
    records = list(read_records(text, delimiter))
    header: dict[str, int] | None = None
    if records and {"front", "text"} & {cell.strip().lower() for cell in records[0].fields}:
        header = _header(records.pop(0), imported.report)
    ids = IdAllocator()
    for record in records:
        row = _named(record, header, imported.report)
        card = _card(row, record.line, imported.report, ids)
        if card is not None:
            imported.section(row.get("section") or None).flashcards.append(card)
    return imported


def _header(record: Record, report: Report) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(record.fields):
        name = cell.strip().lower()
        if name in columns:
            raise ImportFailed([Located(record.line, f"column `{name}` appears twice in the header")])
        if name in COLUMNS:
            columns[name] = index
        elif name:
            report.add(record.line, f"column `{cell.strip()}` not imported: known columns are {', '.join(COLUMNS)}")
    return columns


def _named(record: Record, header: dict[str, int] | None, report: Report) -> dict[str, str]:
    fields = record.fields
    if header is not None:
        return {name: fields[i].strip() for name, i in header.items() if i < len(fields)}
    for index, value in enumerate(fields[3:], start=4):
        if value.strip():
            report.add(record.line, f"column {index} not imported (columns are front, back, tags): {value.strip()!r}")
    return dict(zip(("front", "back", "tags"), (f.strip() for f in fields[:3]), strict=False))


def _card(row: dict[str, str], line: int, report: Report, ids: IdAllocator) -> Any:
    front, back, text = row.get("front", ""), row.get("back", ""), row.get("text", "")
    blanks = bool(BLANK.search(front) or has_anki_cloze(front))
    kind = row.get("type") or ("cloze" if text or (not back and blanks) else "basic")
    data: dict[str, Any] = {"type": kind}
    if kind == "cloze":
        cloze = convert_cloze(text or front)
        for note in cloze.notes:
            report.add(line, f"row: {note}")
        if cloze.error:
            report.add(line, f"row not imported: {cloze.error}")
            return None
        data["text"] = cloze.text
    else:
        data.update(front=front, back=back)
    given = row.get("id", "")
    base = given if is_id(given) else slugify(given) or id_from_text(text or front, back)
    data["id"] = ids.take_reported(base, report, line, "row")
    if given and not is_id(given):
        report.add(line, f"row: id {given!r} is not a valid id; it became `{data['id']}`")
    for key in ("hint",):
        if row.get(key):
            data[key] = row[key]
    if row.get("tags"):
        data["tags"] = row["tags"].split()
    return items.flashcard(data, report, line, "row")


def write_csv(selection: list[Selected], delimiter: str = ",", glossary: bool = True,
              report: Report | None = None) -> tuple[str, int]:
    """Every flashcard (and glossary term, as a basic card tagged `glossary`) of the selection, and the row count.

    A sheet cell is plain text, so a Markdown field is written as its Markdown source and reported.
    """
    report = report if report is not None else Report()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    rows = 0
    for chosen in selection:
        for section in chosen.sections:
            for card in section.flashcards:
                if isinstance(card.front, MarkdownStr) or isinstance(card.back, MarkdownStr):
                    report.add(0, f"card `{card.id}`: written as Markdown source; the Markdown flag is not kept")
                writer.writerow([card.id, section.title, card.type, card.front or "", card.back or "",
                                 card.text or "", card.hint or "", " ".join(spaceless_tags(card, report))])
                rows += 1
            if glossary:
                for term in section.glossary:
                    back = term.definition + (f"\n\nAlso: {', '.join(term.aliases)}" if term.aliases else "")
                    writer.writerow([glossary_id(chosen.course.course, term.term), section.title, "basic", term.term,
                                     back, "", "", "glossary"])
                    rows += 1
    return out.getvalue(), rows


def glossary_id(course_id: str, term: str) -> str:
    """A stable id for a glossary term, which has none of its own: course and term decide it."""
    from rnnquiz.interchange.ids import short_hash

    return f"{course_id}.glossary.{slugify(term, limit=40) or short_hash(term)}"[:80]


def spaceless_tags(card: Flashcard, report: Report) -> list[str]:
    """Tags as Anki and sheets hold them, space-separated: inner spaces become `_`, and that is reported."""
    tags = []
    for tag in card.tags:
        joined = "_".join(tag.split())
        if joined != tag:
            report.add(0, f"card `{card.id}`: tag {tag!r} written as {joined!r} (tags are separated by spaces)")
        if joined:
            tags.append(joined)
    return tags
