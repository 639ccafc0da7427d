"""Export flashcards and glossary terms as an Anki package (.apkg) with genanki.

Every id Anki keys on is derived from rnnquiz ids, never random: note GUIDs from card ids (so
exporting again and importing into Anki updates the notes instead of duplicating them), deck ids
from course and section ids, and note type ids from fixed names. Quiz questions have no Anki
equivalent and are reported.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import cast

import genanki

from rnnquiz.content.model import BLANK, Flashcard, GlossaryTerm, MarkdownStr, parse_blanks
from rnnquiz.interchange.build import replace_atomically
from rnnquiz.interchange.csv_deck import glossary_id, spaceless_tags
from rnnquiz.interchange.report import Report
from rnnquiz.interchange.selection import Selected

_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background: white; }\n"
_HINT = "{{#Hint}}<br>{{hint:Hint}}{{/Hint}}"


def stable_id(*parts: str) -> int:
    """An id in genanki's recommended range [2**30, 2**31), the same for the same parts every time."""
    digest = hashlib.sha256("\x1f".join(("rnnquiz", *parts)).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def guid(item_id: str) -> str:
    return cast(str, genanki.guid_for("rnnquiz", item_id))  # genanki has no type hints


def _model(name: str, fields: list[str], templates: list[tuple[str, str, str]], cloze: bool = False) -> genanki.Model:
    return genanki.Model(
        stable_id("model", name), f"rnnquiz {name}", fields=[{"name": f} for f in fields],
        templates=[{"name": n, "qfmt": q, "afmt": a} for n, q, a in templates], css=_CSS,
        model_type=genanki.Model.CLOZE if cloze else genanki.Model.FRONT_BACK,
    )


BASIC = _model("Basic", ["Front", "Back", "Hint"],
               [("Card 1", "{{Front}}" + _HINT, "{{FrontSide}}<hr id=answer>{{Back}}")])
REVERSIBLE = _model("Basic (and reversed card)", ["Front", "Back", "Hint"], [
    ("Card 1", "{{Front}}" + _HINT, "{{FrontSide}}<hr id=answer>{{Back}}"),
    ("Card 2", "{{Back}}" + _HINT, "{{FrontSide}}<hr id=answer>{{Front}}"),
])
TYPE_IN = _model("Type-in", ["Front", "Back", "Hint"],
                 [("Card 1", "{{Front}}" + _HINT + "<br>{{type:Back}}", "{{Front}}<hr id=answer>{{type:Back}}")])
CLOZE = _model("Cloze", ["Text", "Hint"], [("Cloze", "{{cloze:Text}}" + _HINT, "{{cloze:Text}}")], cloze=True)
MODELS = {"basic": BASIC, "reversible": REVERSIBLE, "type_in": TYPE_IN, "cloze": CLOZE}


def field_html(value: str, markdown: bool = False) -> str:
    """Anki fields are HTML: text is escaped with its line breaks kept; Markdown is rendered."""
    if markdown or isinstance(value, MarkdownStr):
        try:
            from markdown_it import MarkdownIt
        except ImportError:  # pragma: no cover - markdown-it-py comes with rich
            pass
        else:
            rendered: str = MarkdownIt("commonmark", {"html": False}).render(str(value))
            return rendered.strip()
    return html.escape(str(value), quote=False).replace("\n", "<br>")


def cloze_html(card: Flashcard, report: Report) -> str:
    """`{{answer::hint}}` -> `{{cN::answer::hint}}`, one number per blank as rnnquiz asks them."""
    text = card.text or ""
    out, position = [], 0
    for number, (match, blank) in enumerate(zip(BLANK.finditer(text), parse_blanks(text), strict=False), start=1):
        out.append(field_html(text[position:match.start()]))
        if len(blank.answers) > 1:
            report.add(0, f"card `{card.id}`: other accepted answers {blank.answers[1:]} of blank {number} not "
                       "exported (an Anki cloze shows one answer)")
        hint = f"::{html.escape(blank.hint)}" if blank.hint else ""
        out.append(f"{{{{c{number}::{html.escape(blank.answers[0])}{hint}}}}}")
        position = match.end()
    out.append(field_html(text[position:]))
    return "".join(out)


def card_note(card: Flashcard, markdown: bool, report: Report) -> genanki.Note:
    hint = field_html(card.hint) if card.hint else ""
    if card.type == "cloze":
        fields = [cloze_html(card, report), hint]
    else:
        fields = [field_html(card.front or "", markdown), field_html(card.back or "", markdown), hint]
    return genanki.Note(model=MODELS[card.type], fields=fields, tags=spaceless_tags(card, report), guid=guid(card.id))


def glossary_note(course_id: str, term: GlossaryTerm, markdown: bool) -> genanki.Note:
    back = field_html(term.definition, markdown)
    if term.aliases:
        back += "<br><br>Also: " + html.escape(", ".join(term.aliases))
    item_id = glossary_id(course_id, term.term)
    return genanki.Note(model=BASIC, fields=[html.escape(term.term), back, ""], tags=["glossary"], guid=guid(item_id))


def build_package(selection: list[Selected], report: Report, glossary: bool = True) -> genanki.Package:
    """One deck per section (`Course::Section`), holding its cards and, if asked, its glossary."""
    decks = []
    for chosen in selection:
        course = chosen.course
        for section in chosen.sections:
            deck = genanki.Deck(stable_id("deck", course.course, section.section), f"{course.title}::{section.title}")
            for card in section.flashcards:
                deck.add_note(card_note(card, section.markdown, report))
            if glossary:
                for term in section.glossary:
                    deck.add_note(glossary_note(course.course, term, section.markdown))
            if section.quiz:
                report.add(0, f"section `{section.section}`: {len(section.quiz)} quiz question(s) not exported "
                           "(Anki has no quiz questions; use `export gift`)")
            if deck.notes:
                decks.append(deck)
    return genanki.Package(decks)


def write_apkg(package: genanki.Package, path: Path) -> None:
    """Write through a temporary file and rename, so an existing package is never left half-written."""
    replace_atomically(path, lambda temp: _write_package(package, temp))


def _write_package(package: genanki.Package, target: Path) -> None:
    """genanki's `write_to_file`, minus the temporary database it leaves behind in the temp folder."""
    with tempfile.TemporaryDirectory(prefix="rnnquiz-apkg-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            now = time.time()
            package.write_to_db(connection.cursor(), now, itertools.count(int(now * 1000)))
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
