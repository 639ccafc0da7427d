"""The Anki notes reader: headers, quoting, HTML, media, note types, cloze numbering, stable ids."""

import pytest

from rnnquiz.interchange.anki_cloze import convert_cloze
from rnnquiz.interchange.anki_text import parse_anki_text
from rnnquiz.interchange.ids import short_hash
from rnnquiz.interchange.report import ImportFailed

from .conftest import as_data, sample


def anki_id(guid: str) -> str:
    return f"anki-{short_hash(guid, length=10)}"


def test_notes_export_gives_exact_cards_in_deck_sections():
    assert as_data(parse_anki_text(sample("anki_notes.txt"))) == [
        ("RNN / Basics", [
            {"id": anki_id("Xk8#p2Lm)Q"), "front": "What does BPTT stand for?",
             "back": "Backpropagation through time.\nIt unrolls the network over the sequence.", "tags": ["rnn", "bptt"]},
            {"id": anki_id("fH3%aZ!r9w"), "type": "reversible", "front": "GRU", "back": "Gated recurrent unit",
             "tags": ["rnn"]},
            {"id": anki_id('q"uote,1'),
             "front": 'A field with a tab inside, "double quotes" and a line break in the source',
             "back": "- first\n- second"},
            {"id": anki_id("tYp3-in-01"), "type": "type_in", "front": "Max of tanh'(x)?", "back": "1"},
            {"id": anki_id("vocab-0001"), "front": "recurrence", "back": "the state feeds back into itself"},
        ]),
        ("RNN / Gates", [
            {"id": anki_id("c1oZe-0001"), "type": "cloze",
             "text": "An LSTM has {{three::how many?}} gates: {{input}}, {{forget}} and {{output}}.",
             "tags": ["lstm", "gates"]},
            {"id": anki_id("0pt-rev-01"), "type": "reversible", "front": "Forget gate",
             "back": "Decides what to erase from the cell state", "tags": ["lstm"]},
            {"id": anki_id("0pt-rev-02"), "front": "Input gate", "back": "Decides what to write to the cell state",
             "tags": ["lstm"]},
        ]),
    ]


def test_media_extra_fields_and_unmappable_notes_are_reported():
    assert parse_anki_text(sample("anki_notes.txt")).report.lines("n.txt") == [
        "n.txt:8: note: sound gru_pronounced.mp3 not imported",
        "n.txt:11: note: image lstm.png not imported",
        "n.txt:11: note: the 2 deletions numbered c2 become 2 separate cards (Anki asks them together)",
        "n.txt:11: note: Back Extra not imported (rnnquiz cloze cards have no extra field): 'Hochreiter & Schmidhuber, 1997'",
        "n.txt:15: note: image diagram.png not imported",
        "n.txt:15: note not imported: image occlusion needs the image",
        "n.txt:16: note: note type 'Vocabulary' read as Basic (first field front, second back)",
        "n.txt:16: note: field 3 not imported: 'rekurens'",
        "n.txt:17: note not imported: nested cloze deletions have no rnnquiz equivalent",
    ]


def test_plain_text_export_with_global_notetype_deck_and_legacy_tags_line():
    imported = parse_anki_text(sample("anki_plain.txt"))
    assert as_data(imported) == [("Plain deck", [
        {"id": "what-is-h_t-5d8e9f94", "front": "What is h_t?", "back": "The hidden state at step t",
         "tags": ["imported", "legacy"]},
        {"id": "is-1-2-3-bc1643ab", "front": "Is 1 < 2 && 3 > 2?", "back": "Yes; both hold", "tags": ["imported", "legacy"]},
    ])]
    assert imported.report.lines("p") == ["p:8: note: Notes not imported: 'a note that has no field to go to'"]


def test_guid_keeps_the_id_when_the_note_is_edited():
    before = parse_anki_text("#separator:tab\n#guid column:1\nG1\tOld front\tOld back\n")
    after = parse_anki_text("#separator:tab\n#guid column:1\nG1\tNew front\tNew back\n")
    assert before.sections[0].flashcards[0].id == after.sections[0].flashcards[0].id == anki_id("G1")


def test_without_a_notetype_column_cloze_markup_makes_a_cloze_card():
    imported = parse_anki_text("#separator:Comma\n#html:false\n\"{{c1::Elman}} networks, 1990\",\n")
    (card,) = imported.sections[0].flashcards
    assert (card.type, card.text) == ("cloze", "{{Elman}} networks, 1990")


def test_html_is_guessed_when_the_header_does_not_say():
    imported = parse_anki_text("front<br>line two\tback&amp;more\n")
    (card,) = imported.sections[0].flashcards
    assert (card.front, card.back) == ("front\nline two", "back&more")


def test_malformed_header_is_a_located_error():
    with pytest.raises(ImportFailed) as failed:
        parse_anki_text(sample("malformed/bad_anki.txt"))
    assert [(e.line, e.message) for e in failed.value.errors] == [
        (1, "unknown separator 'Dollar': use comma, semicolon, tab, space, pipe, colon or a single character"),
        (2, "`#html:` is true or false, not 'maybe'"),
    ]


def test_unterminated_quote_is_a_located_error():
    with pytest.raises(ImportFailed) as failed:
        parse_anki_text('#separator:tab\nok\tfine\n"broken\tfield\nmore\n')
    assert [(e.line, e.message) for e in failed.value.errors] == [(3, "a quoted field starts here and is never closed")]


def test_bad_column_number_is_a_located_error():
    with pytest.raises(ImportFailed) as failed:
        parse_anki_text("#separator:tab\n#tags column:zero\na\tb\n")
    assert failed.value.errors[0].line == 2


def test_unknown_header_is_reported_not_silently_ignored():
    imported = parse_anki_text("#separator:tab\n#colour:blue\n#if matches:update current\na\tb\n")
    assert imported.report.lines("f") == ["f:2: header `#colour:` not understood; ignored"]


@pytest.mark.parametrize(("anki", "ours", "notes"), [
    ("{{c1::a}} {{c2::b::hint}}", "{{a}} {{b::hint}}", []),
    ("{{c2::b}} then {{c1::a}}", "{{b}} then {{a}}", []),
    ("{{c1::x|y}}", "{{x|y}}", ["`|` in answer 'x|y' now separates accepted alternatives"]),
])
def test_cloze_numbers_map_to_one_blank_per_deletion(anki, ours, notes):
    converted = convert_cloze(anki)
    assert (converted.text, converted.notes, converted.error) == (ours, notes, None)


def test_an_empty_deletion_is_an_error_for_that_note():
    assert convert_cloze("{{c1:: }}").error == "a cloze deletion is empty"
