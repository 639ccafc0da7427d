"""The .apkg export opened as Anki would: a zip holding an SQLite collection.

Checks the notes, their note types and decks, and that GUIDs and deck ids stay the same across
exports, which is what makes Anki update notes on re-import instead of duplicating them.
"""

import json
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from rnnquiz.content.library import load_library
from rnnquiz.content.model import Course, Section
from rnnquiz.interchange.apkg import build_package, guid, stable_id, write_apkg
from rnnquiz.interchange.report import Report
from rnnquiz.interchange.selection import Selected, select
from rnnquiz.paths import bundled_content_dir

SECTION = Section.model_validate({
    "section": "gates", "title": "Gates",
    "glossary": [{"term": "Forget gate", "definition": "Decides what to erase.", "aliases": ["f_t"]}],
    "flashcards": [
        {"id": "g-basic", "front": "What is h[t-1]?", "back": "The previous state <not a tag>\nsecond line",
         "tags": ["rnn state"], "hint": "think back"},
        {"id": "g-rev", "type": "reversible", "front": "GRU", "back": "Gated recurrent unit"},
        {"id": "g-type", "type": "type_in", "front": "Gates in an LSTM?", "back": "3"},
        {"id": "g-cloze", "type": "cloze", "text": "An LSTM has {{three::how many?}} gates: {{input|in}} and {{forget}}."},
        {"id": "g-md", "front": {"markdown": "Is **this** bold?"}, "back": "Yes"},
    ],
    "quiz": [{"id": "g-q", "type": "true_false", "prompt": "P", "answer": True}],
})
COURSE = Course(course="demo", title="Demo", sections=["gates"])


def open_collection(path: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        archive.extract("collection.anki2", tmp_path)
    return sqlite3.connect(tmp_path / "collection.anki2")


def export(tmp_path: Path, name: str, selection=None, **options) -> tuple[Path, Report]:
    report = Report()
    path = tmp_path / name
    write_apkg(build_package(selection or [Selected(COURSE, [SECTION])], report, **options), path)
    return path, report


def notes(db: sqlite3.Connection) -> dict[str, tuple[str, list[str], str]]:
    models = json.loads(db.execute("select models from col").fetchone()[0])
    return {g: (models[str(mid)]["name"], flds.split("\x1f"), tags.strip())
            for g, mid, flds, tags in db.execute("select guid, mid, flds, tags from notes")}


def test_cards_and_glossary_become_notes_of_the_right_types(tmp_path):
    path, report = export(tmp_path, "demo.apkg")
    db = open_collection(path, tmp_path)
    assert notes(db) == {
        guid("g-basic"): ("rnnquiz Basic", ["What is h[t-1]?", "The previous state &lt;not a tag&gt;<br>second line",
                                            "think back"], "rnn_state"),
        guid("g-rev"): ("rnnquiz Basic (and reversed card)", ["GRU", "Gated recurrent unit", ""], ""),
        guid("g-type"): ("rnnquiz Type-in", ["Gates in an LSTM?", "3", ""], ""),
        guid("g-cloze"): ("rnnquiz Cloze", ["An LSTM has {{c1::three::how many?}} gates: {{c2::input}} and {{c3::forget}}.",
                                            ""], ""),
        guid("g-md"): ("rnnquiz Basic", ["<p>Is <strong>this</strong> bold?</p>", "Yes", ""], ""),
        guid("demo.glossary.forget-gate"): ("rnnquiz Basic", ["Forget gate", "Decides what to erase.<br><br>Also: f_t", ""],
                                            "glossary"),
    }
    # one card per note, two for the reversible one, one per blank of the cloze
    assert db.execute("select count(*) from cards").fetchone()[0] == 1 + 2 + 1 + 3 + 1 + 1
    decks = json.loads(db.execute("select decks from col").fetchone()[0])
    assert decks[str(stable_id("deck", "demo", "gates"))]["name"] == "Demo::Gates"
    assert [n.message for n in report.notes] == [
        "card `g-basic`: tag 'rnn state' written as 'rnn_state' (tags are separated by spaces)",
        "card `g-cloze`: other accepted answers ['in'] of blank 2 not exported (an Anki cloze shows one answer)",
        "section `gates`: 1 quiz question(s) not exported (Anki has no quiz questions; use `export gift`)",
    ]


def test_reexport_keeps_guids_and_deck_and_model_ids(tmp_path):
    first = open_collection(export(tmp_path, "a.apkg")[0], tmp_path / "a")
    second = open_collection(export(tmp_path, "b.apkg")[0], tmp_path / "b")
    query = "select guid, mid, flds from notes order by guid"
    assert first.execute(query).fetchall() == second.execute(query).fetchall()
    assert (json.loads(first.execute("select decks from col").fetchone()[0]).keys()
            == json.loads(second.execute("select decks from col").fetchone()[0]).keys())


def test_guid_follows_the_id_not_the_wording(tmp_path):
    reworded = SECTION.model_copy(update={"flashcards": [SECTION.flashcards[0].model_copy(update={"front": "Reworded?"})]})
    path, _ = export(tmp_path, "r.apkg", [Selected(COURSE, [reworded])], glossary=False)
    assert list(notes(open_collection(path, tmp_path))) == [guid("g-basic")]


def test_glossary_can_be_left_out(tmp_path):
    path, _ = export(tmp_path, "n.apkg", glossary=False)
    assert guid("demo.glossary.forget-gate") not in notes(open_collection(path, tmp_path))


def test_bundled_course_exports_every_card(tmp_path):
    library = load_library([bundled_content_dir()])
    path, _ = export(tmp_path, "rnn.apkg", select(library), glossary=False)
    got = notes(open_collection(path, tmp_path))
    assert set(got) == {guid(card_id) for card_id in library.flashcards}


@pytest.mark.parametrize("parts", [("model", "Basic"), ("deck", "c", "s")])
def test_stable_ids_are_in_genankis_range_and_repeatable(parts):
    assert 1 << 30 <= stable_id(*parts) < 1 << 31
    assert stable_id(*parts) == stable_id(*parts)


def test_guid_is_genanki_guid_of_the_id():
    assert guid("x") == genanki.guid_for("rnnquiz", "x")


def test_export_leaves_no_temporary_files(tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "out"
    out.mkdir()
    _path, _ = export(out, "x.apkg")
    assert list(scratch.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["x.apkg"]
