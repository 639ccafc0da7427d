"""Aiken: multi-line questions, `A.` and `A)` options, located errors."""

import pytest

from rnnquiz.interchange.aiken import parse_aiken
from rnnquiz.interchange.report import ImportFailed

from .conftest import as_data, sample


def test_aiken_questions_become_single_choice():
    assert as_data(parse_aiken(sample("quiz.aiken"))) == [(None, [
        {"id": "what-carries-memory-from-one-step-08546d83", "type": "single",
         "prompt": "What carries memory from one step to the next in an RNN?",
         "choices": [{"text": "The bias vector"}, {"text": "The hidden state"}, {"text": "The learning rate"},
                     {"text": "The loss"}], "answer": 1},
        {"id": "which-of-these-cells-has-a-1624123d", "type": "single",
         "prompt": "Which of these cells has a forget gate?",
         "choices": [{"text": "Elman RNN"}, {"text": "LSTM"}], "answer": 1},
        {"id": "gradients-in-a-plain-rnn-over-e6d9a59c", "type": "single",
         "prompt": "Gradients in a plain RNN over long spans usually...\n(choose the best answer)",
         "choices": [{"text": "vanish"}, {"text": "stay constant"}, {"text": "become exactly zero at once"}],
         "answer": 0},
    ])]


def test_malformed_aiken_is_reported_line_by_line():
    with pytest.raises(ImportFailed) as failed:
        parse_aiken(sample("malformed/bad.aiken"))
    assert [(e.line, e.message) for e in failed.value.errors] == [
        (4, "ANSWER C is not one of the options A, B"),
        (6, "this question has no `ANSWER:` line"),
    ]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("ANSWER: A\n", 1, "without a question"),
    ("Q\nA. a\nA. b\nANSWER: A\n", 3, "option A is given twice"),
    ("Q\nA. a\nANSWER: A\n", 1, "at least two options"),
    ("Q\nA. a\nB. b\nstray\nANSWER: A\n", 4, "text after the options"),
])
def test_each_aiken_mistake(text, line, message):
    with pytest.raises(ImportFailed) as failed:
        parse_aiken(text)
    assert failed.value.errors[0].line == line and message in failed.value.errors[0].message
