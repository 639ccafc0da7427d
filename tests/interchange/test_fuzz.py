"""Any input either imports to a course that validates, or fails with located errors: never a crash."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rnnquiz.interchange import build
from rnnquiz.interchange.aiken import parse_aiken
from rnnquiz.interchange.anki_text import parse_anki_text
from rnnquiz.interchange.csv_deck import parse_csv
from rnnquiz.interchange.gift import parse_gift
from rnnquiz.interchange.report import ImportFailed

PIECES = ["{", "}", "~", "=", "#", "####", ":", "::", "->", "\\", "\\n", "%50%", "%-100%", "\n", "\n\n", "//",
          "[html]", "[markdown]", "<b>", "&amp;", "T", "FALSE", "1..5", "3:0.5", "$CATEGORY: a/b", "[tag:x]",
          "A. ", "B) ", "ANSWER: A", "\t", ",", ";", '"', '""', "{{c1::x}}", "{{y}}", "|", "#separator:tab\n",
          "#html:true\n", "#guid column:1\n", "Cloze", "Basic", " ", "word", "é", "[sound:a.mp3]", "*"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(parse, text: str) -> None:
    try:
        imported = parse(text)
    except ImportFailed as failed:
        assert failed.errors and all(e.line >= 1 and e.message for e in failed.errors)
        return
    if imported.count:
        course_file = build.assemble(imported, "fuzz", "Fuzz")
        assert build.verify(build.render(course_file, imported.report.lines("f")), course_file) == []


@SETTINGS
@given(texts)
def test_gift_never_crashes(text):
    check(parse_gift, text)


@SETTINGS
@given(texts)
def test_anki_never_crashes(text):
    check(parse_anki_text, text)


@SETTINGS
@given(texts)
def test_csv_never_crashes(text):
    check(lambda t: parse_csv(t, ","), text)


@SETTINGS
@given(texts)
def test_aiken_never_crashes(text):
    check(parse_aiken, text)


@SETTINGS
@given(texts)
def test_whatever_gift_imports_goes_back_to_gift_unchanged(text):
    from rnnquiz.interchange.gift_writer import write_gift
    from rnnquiz.interchange.report import Report
    from rnnquiz.interchange.selection import Selected

    try:
        imported = parse_gift(text)
    except ImportFailed:
        return
    if not imported.count:
        return
    first = build.assemble(imported, "fuzz", "Fuzz")
    report = Report()
    gift, _ = write_gift([Selected(first.course, first.sections)], report)
    assert not [n for n in report.notes if "GIFT has no place" in n.message]
    skipped = {n.message.split("`")[1] for n in report.notes if "not exported:" in n.message}
    kept = [q.model_dump(mode="json") for s in first.sections for q in s.quiz if q.id not in skipped]
    assert [q.model_dump(mode="json") for s in parse_gift(gift).sections for q in s.quiz] == kept
