"""Table-driven grading: every question type, with the awkward inputs learners really send."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnnquiz.content.model import MarkdownStr
from rnnquiz.quiz.grading import grade, normalise, parse_number

from .quiz_helpers import make

SINGLE = make(
    "single",
    choices=["Grow", {"text": "Shrink", "feedback": "Right: they vanish."}, {"text": "Stay", "feedback": "No."}],
    answer=1,
    explain="Small Jacobians multiply.",
)
MULTIPLE = make("multiple", choices=["LSTM", "GRU", "Elman", "Perceptron"], answer=[0, 1])
MULTIPLE_ALL_BUT_ONE = make("multiple", choices=["a", "b", "c", "d"], answer=[0, 1, 2])
TRUE_FALSE = make("true_false", answer=False)
SHORT = make("short", answer="Vanishing gradient", accept=["VG"])
SHORT_TYPO = make("short", answer="recurrent", min_similarity=0.85)
SHORT_CASE = make("short", answer="BPTT", case_sensitive=True)
SHORT_PATTERN = make("short", answer="h[t-1]", pattern=r"h\[t-1\]|previous hidden state")
SHORT_UNICODE = make("short", answer="Ünïcödé naïve")
NUMERIC = make("numeric", answer=0.001, tolerance=0.0)
NUMERIC_TOL = make("numeric", answer=0.3, tolerance=0.01, unit="ms")
NUMERIC_BIG = make("numeric", answer=1000)
NUMERIC_RANGE = make("numeric", range=[-2, 2])
CLOZE = make("cloze", text="An {{RNN|recurrent network}} keeps a {{hidden state}}.")
ORDER = make("order", items=["A", "B", "C", "D"])
MATCH = make("match", pairs=[{"left": f"L{i}", "right": f"R{i}"} for i in range(3)])

CASES: list[tuple[str, Any, Any, float, str]] = [
    # name, question, response, score, message contains
    ("single right", SINGLE, 1, 1.0, ""),
    ("single wrong", SINGLE, 0, 0.0, ""),
    ("single none", SINGLE, None, 0.0, "no answer"),
    ("single out of range", SINGLE, 3, 0.0, "not one of the choices"),
    ("single negative", SINGLE, -1, 0.0, "not one of the choices"),
    ("single bool is not an index", SINGLE, True, 0.0, "not one of the choices"),
    ("single text", SINGLE, "1", 0.0, "not one of the choices"),
    ("multiple exact", MULTIPLE, {0, 1}, 1.0, ""),
    ("multiple duplicates count once", MULTIPLE, [0, 1, 1, 0], 1.0, ""),
    ("multiple half", MULTIPLE, [0], 0.5, "1 of 2"),
    ("multiple one wrong costs 1/W", MULTIPLE, [0, 1, 2], 0.5, "1 wrong"),
    ("multiple half plus wrong", MULTIPLE, [0, 2], 0.0, ""),
    ("multiple never below zero", MULTIPLE, [2, 3], 0.0, ""),
    ("multiple everything scores 0", MULTIPLE, [0, 1, 2, 3], 0.0, ""),
    ("multiple everything, 3 of 4 right", MULTIPLE_ALL_BUT_ONE, [0, 1, 2, 3], 0.0, ""),
    ("multiple empty", MULTIPLE, [], 0.0, "no answer"),
    ("multiple out of range", MULTIPLE, [0, 9], 0.0, "not a set of the choices"),
    ("multiple a string", MULTIPLE, "01", 0.0, "not a set of the choices"),
    ("multiple an int", MULTIPLE, 0, 0.0, "not a set of the choices"),
    ("true/false right", TRUE_FALSE, False, 1.0, ""),
    ("true/false wrong", TRUE_FALSE, True, 0.0, ""),
    ("true/false 0 is not False", TRUE_FALSE, 0, 0.0, "true or false"),
    ("true/false none", TRUE_FALSE, None, 0.0, "no answer"),
    ("short exact", SHORT, "Vanishing gradient", 1.0, ""),
    ("short case and spaces", SHORT, "  vanishing\t  GRADIENT ", 1.0, ""),
    ("short punctuation", SHORT, "Vanishing gradient!!", 1.0, ""),
    ("short hyphen is a space", SHORT, "vanishing-gradient", 1.0, ""),
    ("short accepted alternative", SHORT, "v.g.", 1.0, ""),
    ("short full-width", SHORT, "ＶＧ", 1.0, ""),
    ("short zero-width space", SHORT, "vanishing\u200b gradient", 1.0, ""),
    ("short wrong", SHORT, "exploding gradient", 0.0, ""),
    ("short typo without tolerance", SHORT, "vanishng gradient", 0.0, ""),
    ("short empty", SHORT, "", 0.0, "no answer"),
    ("short only spaces", SHORT, "   ", 0.0, "no answer"),
    ("short not text", SHORT, 42, 0.0, "expected text"),
    ("short typo accepted", SHORT_TYPO, "recurent", 1.0, "accepted with a typo: expected recurrent"),
    ("short swapped letters are one typo", SHORT_TYPO, "reucrrent", 1.0, "typo"),
    ("short too far", SHORT_TYPO, "recursion", 0.0, ""),
    ("short case sensitive right", SHORT_CASE, "BPTT", 1.0, ""),
    ("short case sensitive wrong", SHORT_CASE, "bptt", 0.0, ""),
    ("short pattern with punctuation", SHORT_PATTERN, "h[t-1]", 1.0, ""),
    ("short pattern ignores case", SHORT_PATTERN, "Previous  Hidden State", 1.0, ""),
    ("short pattern must match whole", SHORT_PATTERN, "the previous hidden state", 0.0, ""),
    ("short unicode composed", SHORT_UNICODE, "ünïcödé naïve", 1.0, ""),
    ("short unicode decomposed", SHORT_UNICODE, "U\u0308ni\u0308co\u0308de\u0301 nai\u0308ve", 1.0, ""),
    ("short accents matter", SHORT_UNICODE, "unicode naive", 0.0, ""),
    ("numeric plain", NUMERIC, "0.001", 1.0, ""),
    ("numeric exponent", NUMERIC, "1e-3", 1.0, ""),
    ("numeric capital exponent", NUMERIC, "1E-3", 1.0, ""),
    ("numeric leading plus and spaces", NUMERIC, "  +0.001  ", 1.0, ""),
    ("numeric bare point", NUMERIC, ".001", 1.0, ""),
    ("numeric decimal comma", NUMERIC, "0,001", 1.0, ""),
    ("numeric full-width", NUMERIC, "０.００１", 1.0, ""),
    ("numeric float given", NUMERIC, 0.001, 1.0, ""),
    ("numeric wrong", NUMERIC, "0.002", 0.0, ""),
    ("numeric text", NUMERIC, "a thousandth", 0.0, "not a number"),
    ("numeric two points", NUMERIC, "0.0.1", 0.0, "not a number"),
    ("numeric nan", NUMERIC, "nan", 0.0, "not a number"),
    ("numeric inf", NUMERIC, "inf", 0.0, "not a number"),
    ("numeric overflow", NUMERIC, "1e999", 0.0, "not a number"),
    ("numeric float nan", NUMERIC, float("nan"), 0.0, "not a number"),
    ("numeric bool", NUMERIC, True, 0.0, "not a number"),
    ("numeric empty", NUMERIC, "", 0.0, "no answer"),
    ("numeric thousands", NUMERIC_BIG, "1,000", 1.0, ""),
    ("numeric thousands with decimals", NUMERIC_BIG, "1,000.0", 1.0, ""),
    ("numeric bad grouping", NUMERIC_BIG, "10,00", 0.0, ""),
    ("numeric bad grouping 2", NUMERIC_BIG, "1,00,0", 0.0, "not a number"),
    ("numeric float tolerance edge", NUMERIC_TOL, "0.31", 1.0, ""),
    ("numeric below tolerance", NUMERIC_TOL, "0.2899", 0.0, ""),
    ("numeric with unit", NUMERIC_TOL, "0.3 ms", 1.0, ""),
    ("numeric with unit, no space", NUMERIC_TOL, "0.3MS", 1.0, ""),
    ("numeric range inside", NUMERIC_RANGE, "-1.5", 1.0, ""),
    ("numeric range edge", NUMERIC_RANGE, "2", 1.0, ""),
    ("numeric range unicode minus", NUMERIC_RANGE, "\u22122", 1.0, ""),
    ("numeric range outside", NUMERIC_RANGE, "2.5", 0.0, ""),
    ("cloze all right", CLOZE, ["RNN", "hidden state"], 1.0, ""),
    ("cloze alternative", CLOZE, ["Recurrent  network", "Hidden-State"], 1.0, ""),
    ("cloze one of two", CLOZE, ["CNN", "hidden state"], 0.5, "1 of 2 blanks"),
    ("cloze empty blanks", CLOZE, ["", "  "], 0.0, "0 of 2 blanks"),
    ("cloze too few", CLOZE, ["rnn"], 0.5, "1 of 2"),
    ("cloze too many", CLOZE, ["rnn", "hidden state", "extra"], 1.0, ""),
    ("cloze non-text blank", CLOZE, [None, "hidden state"], 0.5, ""),
    ("cloze not a list", CLOZE, 7, 0.0, "one text per blank"),
    ("cloze none", CLOZE, None, 0.0, "no answer"),
    ("order right", ORDER, [0, 1, 2, 3], 1.0, ""),
    ("order one moved to the front", ORDER, [3, 0, 1, 2], 2 / 3, "2 of 3"),
    ("order two swapped in the middle", ORDER, [0, 2, 1, 3], 0.0, "0 of 3"),
    ("order reversed", ORDER, [3, 2, 1, 0], 0.0, ""),
    ("order halves swapped", ORDER, [2, 3, 0, 1], 2 / 3, ""),
    ("order duplicate", ORDER, [0, 0, 1, 2], 0.0, "not an order"),
    ("order missing item", ORDER, [0, 1, 2], 0.0, "not an order"),
    ("order out of range", ORDER, [0, 1, 2, 4], 0.0, "not an order"),
    ("order not a list", ORDER, "0123", 0.0, "not an order"),
    ("match right", MATCH, {0: 0, 1: 1, 2: 2}, 1.0, ""),
    ("match one swap", MATCH, {0: 1, 1: 0, 2: 2}, 1 / 3, "1 of 3"),
    ("match partial", MATCH, {0: 0}, 1 / 3, "1 of 3"),
    ("match unmatched left", MATCH, {0: 0, 1: None, 2: 2}, 2 / 3, ""),
    ("match same right twice", MATCH, {0: 0, 1: 0, 2: 0}, 1 / 3, ""),
    ("match empty", MATCH, {}, 0.0, "0 of 3"),
    ("match out of range", MATCH, {0: 5}, 0.0, "not there"),
    ("match bad key", MATCH, {"0": 0}, 0.0, "not there"),
    ("match not a mapping", MATCH, [0, 1, 2], 0.0, "left item"),
]


@pytest.mark.parametrize(("question", "response", "score", "message"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_grade(question: Any, response: Any, score: float, message: str) -> None:
    result = grade(question, response)
    assert result.score == pytest.approx(score)
    assert result.correct == (result.score == 1.0)
    assert message in result.message
    assert result.question_id == question.id


def test_single_feedback_and_explanation() -> None:
    result = grade(SINGLE, 2)
    assert result.feedback == ("No.",)
    assert result.explanation == "Small Jacobians multiply."
    assert result.right_answer == "Shrink"
    assert [(p.label, p.picked, p.right, p.correct) for p in result.parts] == [
        ("Grow", False, False, True),
        ("Shrink", False, True, False),
        ("Stay", True, False, False),
    ]


def test_multiple_feedback_in_author_order() -> None:
    choices = [{"text": "a", "feedback": "fa"}, "b", {"text": "c", "feedback": "fc"}]
    question = make("multiple", choices=choices, answer=[0])
    assert grade(question, [2, 0]).feedback == ("fa", "fc")
    assert grade(question, [0, 2]).right_answer == "a"


def test_markdown_explanation_is_kept() -> None:
    question = make("true_false", answer=True, explain={"markdown": "**why**"})
    assert isinstance(grade(question, True).explanation, MarkdownStr)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (TRUE_FALSE, "False"),
        (SHORT, "Vanishing gradient"),
        (NUMERIC_TOL, "0.3 ± 0.01 ms"),
        (NUMERIC_BIG, "1000"),
        (NUMERIC_RANGE, "from -2 to 2"),
        (CLOZE, "An RNN keeps a hidden state."),
        (ORDER, "A → B → C → D"),
        (MATCH, "L0 → R0; L1 → R1; L2 → R2"),
        (MULTIPLE, "LSTM; GRU"),
    ],
)
def test_right_answer_in_words(question: Any, text: str) -> None:
    assert grade(question, None).right_answer == text


def test_cloze_parts_say_which_blank() -> None:
    parts = grade(CLOZE, ["CNN", "hidden state"]).parts
    assert [(p.label, p.correct, p.given, p.expected) for p in parts] == [
        ("blank 1", False, "CNN", "RNN | recurrent network"),
        ("blank 2", True, "hidden state", "hidden state"),
    ]


def test_order_parts_are_neighbouring_pairs() -> None:
    parts = grade(ORDER, [3, 0, 1, 2]).parts
    assert [(p.label, p.correct) for p in parts] == [("A → B", True), ("B → C", True), ("C → D", False)]


def test_match_parts_show_what_was_matched() -> None:
    parts = grade(MATCH, {0: 1, 1: 0}).parts
    assert [(p.label, p.given, p.expected, p.correct) for p in parts] == [
        ("L0", "R1", "R0", False),
        ("L1", "R0", "R1", False),
        ("L2", None, "R2", False),
    ]


def test_punctuation_only_answer_still_gradable() -> None:
    question = make("short", answer="?!")
    assert grade(question, "?!").correct
    assert not grade(question, "!?").correct


def test_short_typo_reports_the_closest_alternative() -> None:
    question = make("short", answer="long short-term memory", accept=["LSTM"], min_similarity=0.7)
    assert grade(question, "lstn").message == "accepted with a typo: expected LSTM"


@pytest.mark.parametrize(
    ("text", "value"),
    [("1e-3", 0.001), ("+5", 5.0), ("1,000", 1000.0), ("12,345.5", 12345.5), ("1,234,567", 1234567.0),
     ("0,5", 0.5), (" \u22123 ", -3.0), ("5.", 5.0), ("1 000", None), ("1_000", None), ("0x10", None),
     ("e5", None), ("1e", None), ("", None), ("-", None), ("+-1", None)],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_normalise() -> None:
    assert normalise("  Long–Short_Term/Memory, (LSTM)! ") == "long short term memory lstm"
    assert normalise("ＡＢＣ") == "abc"
    assert normalise("Straße") == "strasse"
    assert normalise("Straße", case_sensitive=True) == "Straße"


QUESTIONS = [SINGLE, MULTIPLE, TRUE_FALSE, SHORT_TYPO, SHORT_PATTERN, NUMERIC_TOL, NUMERIC_RANGE, CLOZE, ORDER, MATCH]

garbage = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.binary(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(inner.filter(lambda x: x.__hash__ is not None), inner,
                                                                 max_size=5) | st.frozensets(st.integers(), max_size=5),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(index=st.integers(0, len(QUESTIONS) - 1), response=garbage)
def test_never_raises_on_any_input(index: int, response: Any) -> None:
    result = grade(QUESTIONS[index], response)
    assert 0.0 <= result.score <= 1.0
    if result.invalid:
        assert result.score == 0.0 and result.message


def test_an_endless_iterator_is_not_an_answer() -> None:
    from itertools import count

    assert grade(MULTIPLE, count()).message == "not a set of the choices"
