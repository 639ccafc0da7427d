"""The bundled course: valid, complete in every section, and faithful to its source page."""

import pytest

from rnnquiz.content.library import load_library
from rnnquiz.content.questions import QUESTION_KINDS
from rnnquiz.paths import bundled_content_dir

SECTIONS = ["sequences", "hidden-state", "bptt", "vanishing-gradient", "exploding-gradients", "lstm-gru", "applications"]


@pytest.fixture(scope="module")
def library():
    return load_library([bundled_content_dir()])


@pytest.fixture(scope="module")
def course(library):
    return library.course("rnn")


def all_text(course) -> str:
    return "\n".join(section.model_dump_json() for section in course.sections)


def test_bundled_course_has_no_problems(library):
    assert [str(p) for p in library.problems] == []


def test_sections_in_order(course):
    assert course.title == "Recurrent Neural Networks"
    assert [s.section for s in course.sections] == SECTIONS


@pytest.mark.parametrize("index", range(len(SECTIONS)))
def test_every_section_has_every_part(course, index):
    section = course.sections[index]
    assert len(section.dialogue) >= 6
    assert {line.role for line in section.dialogue} == {"teacher", "student"}
    assert section.summary is not None
    assert len(section.deep_dive) >= 2 and all(item.analogy for item in section.deep_dive)
    assert len(section.key_concepts) >= 3
    assert len(section.examples) >= 2
    assert len(section.memory_aids) >= 2
    assert section.glossary
    assert len(section.flashcards) >= 8
    assert len({card.type for card in section.flashcards}) >= 3
    assert len(section.quiz) >= 8
    assert len({q.type for q in section.quiz}) >= 4
    assert all(q.explain for q in section.quiz)


def test_every_question_type_is_used(course):
    used = {q.type for s in course.sections for q in s.quiz}
    assert used == set(QUESTION_KINDS)


def test_demos_are_referenced(course):
    demos = {ref.demo for s in course.sections for ref in s.demos}
    assert {"gradient-decay", "hidden-state", "clipping"} <= demos


@pytest.mark.parametrize(
    "verbatim",
    [
        "In a sequence, RNNs thrive, keeping memories alive.",
        "Remember 'RNN' as 'Read Next Note' for their ability to process ongoing information.",
        "Imagine a storyteller (RNN) who remembers the plot (hidden states) as they narrate a long tale, "
        "but sometimes forgets bits if the story gets too complex (vanishing gradient problem).",
    ],
)
def test_source_memory_aids_are_kept_as_written(course, verbatim):
    aids = [aid.text for s in course.sections for aid in s.memory_aids]
    assert verbatim in aids


@pytest.mark.parametrize("term", ["Recurrent Neural Network (RNN)", "Vanishing Gradient Problem", "Hidden State"])
def test_source_definitions_are_in_the_glossary(library, term):
    assert term in {t.term for t in library.glossary("rnn")}


@pytest.mark.parametrize(
    "phrase",
    [
        "stock prices",  # dialogue beat 1
        "chatbots",  # dialogue beat 3
        "speech recognition",
        "patient health records",  # example
        "word prediction",  # example
        "reading a book",  # deep-dive analogy 1
        "long time ago",  # deep-dive analogy 2
        "long-range dependencies",  # key concept
    ],
)
def test_source_page_elements_are_carried_over(course, phrase):
    assert phrase.casefold() in all_text(course).casefold()


def test_no_mis_encoded_text_from_the_source_page(course):
    text = all_text(course)
    assert "β" not in text
