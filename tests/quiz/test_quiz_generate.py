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

