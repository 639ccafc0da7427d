"""GIFT -> YAML -> GIFT -> YAML gives the same course; rnnquiz quizzes survive a trip through GIFT."""

from pathlib import Path

import pytest

from rnnquiz.content.library import load_library
from rnnquiz.content.model import MarkdownStr, Section
from rnnquiz.interchange import build
from rnnquiz.interchange.gift import parse_gift
from rnnquiz.interchange.gift_writer import escape, write_gift
from rnnquiz.interchange.report import Report
from rnnquiz.interchange.selection import Selected, select
from rnnquiz.paths import bundled_content_dir

from .conftest import sample


def to_yaml(gift_text: str) -> tuple[str, build.CourseFile]:
    course_file = build.assemble(parse_gift(gift_text), "bank", "Bank")
    text = build.render(course_file, [])
    assert build.verify(text, course_file) == []
    return text, course_file


def to_gift(yaml_text: str, tmp_path: Path) -> tuple[str, Report]:
    path = tmp_path / "course.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    library = load_library([path])
    assert library.problems == []
    report = Report()
    text, _count = write_gift(select(library), report)
    return text, report


def test_gift_yaml_gift_yaml_is_stable(tmp_path):
    first_yaml, first = to_yaml(sample("moodle.gift"))
    gift, report = to_gift(first_yaml, tmp_path)
    second_yaml, second = to_yaml(gift)
    assert second_yaml == first_yaml
    assert [build.dump(s) for s in second.sections] == [build.dump(s) for s in first.sections]
    assert report.notes == []  # every question that came from GIFT goes back to GIFT


def test_written_gift_never_has_a_blank_line_inside_a_question(tmp_path):
    gift, _ = to_gift(to_yaml(sample("moodle.gift"))[0], tmp_path)
    for block in gift.split("\n\n"):
        assert block.count("{") - block.count("\\{") <= 1


def test_bundled_quizzes_survive_gift_except_what_is_reported():
    library = load_library([bundled_content_dir()])
    report = Report()
    gift, count = write_gift(select(library), report)
    back = {q.id: q for s in parse_gift(gift).sections for q in s.quiz}
    assert len(back) == count
    skipped = {n.message.split("`")[1] for n in report.notes if "not exported:" in n.message}
    lossy = {n.message.split("`")[1] for n in report.notes if "not exported (GIFT has no place" in n.message}
    assert set(back) | skipped == set(library.questions)
    for question_id, question in back.items():
        original = library.questions[question_id].model_dump(mode="json")
        got = question.model_dump(mode="json")
        if question_id in lossy:
            original, got = without_reported_losses(original), without_reported_losses(got)
        assert got == original, question_id


def without_reported_losses(data: dict) -> dict:
    """The fields the writer reports as lost, taken out so the rest can be compared exactly."""
    import re

    data = {k: v for k, v in data.items() if k not in ("min_similarity", "unit", "pattern", "case_sensitive")}
    if data["type"] == "cloze":
        data.pop("prompt")
        data["text"] = re.sub(r"::[^}]*\}\}", "}}", data["text"])
    return data


def test_writer_reports_what_gift_cannot_hold():
    section = Section.model_validate({
        "section": "s", "title": "S",
        "flashcards": [{"id": "c", "front": "f", "back": "b"}],
        "quiz": [
            {"id": "o", "type": "order", "prompt": "Order", "items": ["a", "b"]},
            {"id": "z", "type": "cloze", "text": "{{a}} and {{b}}"},
            {"id": "n", "type": "numeric", "prompt": "N", "answer": 3, "unit": "cm"},
            {"id": "s", "type": "short", "prompt": "S", "answer": "x", "pattern": "x+", "case_sensitive": True},
            {"id": "h", "type": "cloze", "text": "A {{b::hint}} c", "prompt": "Fill it"},
        ],
    })
    from rnnquiz.content.model import Course

    report = Report()
    gift, count = write_gift([Selected(Course(course="c", title="C", sections=["s"]), [section])], report)
    assert count == 3
    assert [n.message for n in report.notes] == [
        "section `s`: 1 flashcard(s) not exported (GIFT holds quiz questions; use `export apkg` or `export csv`)",
        "question `o` not exported: GIFT has no order questions",
        "question `z` not exported: a GIFT missing-word question has one blank, this cloze has 2",
        "question `n`: unit 'cm' not exported (GIFT has no place for it)",
        "question `s`: pattern 'x+' not exported (GIFT has no place for it)",
        "question `s`: case-sensitive comparison not exported (GIFT has no place for it)",
        "question `h`: hint 'hint' not exported (GIFT has no place for it)",
        "question `h`: instruction 'Fill it' not exported (GIFT has no place for it)",
    ]
    assert "::s::S{=x}" in gift and "::h::A {=b} c" in gift


@pytest.mark.parametrize("text", ["a ~ b = c # d { e } f : g \\ h\nnext", "[html] is a word", "%50% of it",
                                  "ends with a backslash \\"])
def test_any_text_survives_the_writer_and_the_reader(text):
    from rnnquiz.content.model import Course

    section = Section.model_validate({"section": "s", "title": "S", "quiz": [
        {"id": "q", "type": "single", "prompt": text, "choices": [text, "other"], "answer": 0, "explain": text}]})
    gift, _ = write_gift([Selected(Course(course="c", title="C", sections=["s"]), [section])], Report())
    (question,) = parse_gift(gift).sections[0].quiz
    assert (question.prompt, question.choices[0].text, question.explain) == (text.strip(),) * 3


def test_markdown_fields_keep_their_flag():
    from rnnquiz.content.model import Course

    section = Section.model_validate({"section": "s", "title": "S", "quiz": [
        {"id": "q", "type": "single", "prompt": {"markdown": "**P**"}, "choices": ["plain", {"text": {"markdown": "*m*"}}],
         "answer": 0}]})
    gift, _ = write_gift([Selected(Course(course="c", title="C", sections=["s"]), [section])], Report())
    (question,) = parse_gift(gift).sections[0].quiz
    assert isinstance(question.prompt, MarkdownStr) and isinstance(question.choices[1].text, MarkdownStr)
    assert not isinstance(question.choices[0].text, MarkdownStr)


def test_escape_turns_newlines_into_backslash_n():
    assert escape("a\nb{c}") == "a\\nb\\{c\\}"


def test_a_section_without_category_after_a_categorised_one_gets_its_own():
    from rnnquiz.content.model import Course

    first = Section.model_validate({"section": "s", "title": "First", "quiz": [
        {"id": "a", "type": "true_false", "prompt": "A", "answer": True}]})
    default = Section.model_validate({"section": "c", "title": "Course C", "quiz": [
        {"id": "b", "type": "true_false", "prompt": "B", "answer": False}]})
    gift, _ = write_gift([Selected(Course(course="c", title="C", sections=["s", "c"]), [first, default])], Report())
    assert [(s.title, [q.id for q in s.quiz]) for s in parse_gift(gift).sections] == [("First", ["a"]), ("Course C", ["b"])]
