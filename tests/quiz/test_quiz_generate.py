"""Questions made from the glossary: valid, stable, fair (the right answer exactly once)."""

from __future__ import annotations

import re

from rnnquiz.content.model import ID_PATTERN, GlossaryTerm, MarkdownStr
from rnnquiz.content.questions.single import SingleQuestion
from rnnquiz.quiz.generate import generate_questions, generated_id, slug
from rnnquiz.quiz.grading import grade

TERMS = [
    GlossaryTerm(term="Hidden state", definition="What the RNN carries between steps."),
    GlossaryTerm(term="BPTT", definition="Backpropagation through time."),
    GlossaryTerm(term="Vanishing gradient", definition="Gradients shrinking toward zero."),
    GlossaryTerm(term="Exploding gradient", definition="Gradients growing without bound."),
    GlossaryTerm(term="LSTM", definition="A gated cell with a memory."),
    GlossaryTerm(term="GRU", definition="A gated cell with a memory."),  # same definition as LSTM
]


def test_two_valid_questions_per_term_with_stable_ids() -> None:
    questions = generate_questions("rnn", TERMS, seed=1)
    assert len(questions) == 2 * len(TERMS)
    assert questions[0].id == "gen-rnn-hidden-state-def" and questions[1].id == "gen-rnn-hidden-state-term"
    for q in questions:
        assert isinstance(q, SingleQuestion)
        assert re.match(ID_PATTERN, q.id) and len(q.id) <= 80
        SingleQuestion.model_validate(q.model_dump())  # a valid model, round trip included


def test_right_answer_present_exactly_once_and_graded_right() -> None:
    for seed in range(5):
        for q in generate_questions("rnn", TERMS, seed=seed):
            term = next(t for t in TERMS if q.id == generated_id("rnn", t.term, q.id.rsplit("-", 1)[1]))
            right = term.definition if q.id.endswith("-def") else term.term
            texts = [c.text.casefold() for c in q.choices]
            assert texts.count(right.casefold()) == 1, (q.id, texts)
            assert len(set(texts)) == len(texts)
            assert q.choices[q.answer].text == right
            assert grade(q, q.answer).correct
            assert len(q.choices) == 4


def test_seed_decides_distractors_and_answer_position() -> None:
    a = generate_questions("rnn", TERMS, seed=1)
    assert a == generate_questions("rnn", TERMS, seed=1)
    variants = {tuple(c.text for c in generate_questions("rnn", TERMS, seed=s)[2].choices) for s in range(10)}
    assert len(variants) > 1


def test_distractors_come_from_the_pool() -> None:
    questions = generate_questions("rnn", TERMS[:1], TERMS, seed=0)
    assert len(questions) == 2
    pool_terms = {t.term for t in TERMS}
    assert {c.text for c in questions[1].choices} <= pool_terms


def test_skipped_below_two_terms() -> None:
    assert generate_questions("rnn", TERMS[:1], seed=0) == []
    assert generate_questions("rnn", [], seed=0) == []
    two = generate_questions("rnn", TERMS[:2], seed=0)
    assert len(two) == 4 and all(len(q.choices) == 2 for q in two)


def test_duplicate_terms_are_asked_once() -> None:
    twice = [TERMS[0], GlossaryTerm(term="hidden  state", definition="Again."), TERMS[1],
             GlossaryTerm(term="Hidden-State", definition="Same slug as Hidden state.")]
    ids = [q.id for q in generate_questions("rnn", twice, seed=0)]
    assert len(ids) == len(set(ids)) == 4


def test_ids_stay_valid_for_odd_terms() -> None:
    assert slug("Ünïcödé — σ(x)!") == "unicode-x"
    sigma = generated_id("rnn", "σ", "def")
    assert sigma.startswith("gen-rnn-") and sigma.endswith("-def") and re.match(ID_PATTERN, sigma)
    assert generated_id("rnn", "σ", "def") != generated_id("rnn", "τ", "def")
    long = generated_id("rnn", "a very long term " * 10, "term")
    assert len(long) <= 80 and long.endswith("-term") and re.match(ID_PATTERN, long)


def test_markdown_definitions_stay_markdown() -> None:
    terms = [GlossaryTerm(term="A", definition={"markdown": "*alpha*"}), GlossaryTerm(term="B", definition="beta")]
    q_def, q_term = generate_questions("c", terms[:1], terms, seed=0)
    assert any(isinstance(c.text, MarkdownStr) for c in q_def.choices)
    assert isinstance(q_term.prompt, MarkdownStr)



def _bundled_generated():
    from rnnquiz.content.library import load_library
    from rnnquiz.paths import bundled_content_dir

    library = load_library([bundled_content_dir()])
    for course in library.courses:
        pool = library.glossary(course.id)
        for section in course.sections:
            for question in generate_questions(course.id, section.glossary, pool, seed=7):
                yield section, question


def test_a_which_term_prompt_never_shows_its_answer() -> None:
    asked = 0
    for _section, q in _bundled_generated():
        if q.id.endswith("-term"):
            asked += 1
            answer = q.choices[q.answer].text
            words = re.findall(r"\w+", answer.casefold())
            name = " ".join(words)
            assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", " ".join(re.findall(r"\w+", q.prompt.casefold()))), (
                q.id, q.prompt)
    assert asked >= 26


def test_definitions_that_name_their_term_are_blanked_not_dropped() -> None:
    term = GlossaryTerm(term="Time Step", definition="One position t. At each time step an RNN reads x_t; time steps add up.")
    other = GlossaryTerm(term="Hidden state", definition="The memory.")
    q = next(q for q in generate_questions("c", [term, other], seed=1) if q.id.endswith("-term"))
    assert q.prompt == "Which term is defined as: One position t. At each ____ an RNN reads x_t; ____ add up."


def test_wrong_choices_are_the_most_similar_and_from_the_same_section_first() -> None:
    section = [
        GlossaryTerm(term="Forget gate", definition="The gate that decides what the cell state forgets."),
        GlossaryTerm(term="Input gate", definition="The gate that decides what enters the cell state."),
        GlossaryTerm(term="Output gate", definition="The gate that decides what the cell state shows."),
        GlossaryTerm(term="Cell state", definition="The LSTM's memory vector, updated by addition."),
    ]
    elsewhere = [
        GlossaryTerm(term="Perplexity", definition="The exponential of the mean cross-entropy of a language model."),
        GlossaryTerm(term="Teacher forcing", definition="Feeding the true previous token while training."),
        GlossaryTerm(term="Beam search", definition="Keeping the k best partial outputs while decoding."),
    ]
    for seed in range(10):
        q = next(q for q in generate_questions("c", section, section + elsewhere, seed=seed)
                 if q.id == "gen-c-forget-gate-def")
        wrong = {c.text for i, c in enumerate(q.choices) if i != q.answer}
        assert wrong == {t.definition for t in section[1:]}, seed  # the three from its own section
