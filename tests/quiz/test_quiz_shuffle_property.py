"""Shuffling is presentation only: answering through any shuffled view grades exactly like
answering the author's question directly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rnnquiz.quiz.grading import grade
from rnnquiz.quiz.session import present

from .quiz_helpers import make

seeds = st.integers(0, 2**32 - 1) | st.text(max_size=8)


@st.composite
def single_case(draw):
    n = draw(st.integers(2, 6))
    question = make("single", choices=[f"c{i}" for i in range(n)], answer=draw(st.integers(0, n - 1)))
    return question, draw(st.integers(0, n - 1))


@st.composite
def multiple_case(draw):
    n = draw(st.integers(2, 6))
    right = draw(st.sets(st.integers(0, n - 1), min_size=1))
    question = make("multiple", choices=[f"c{i}" for i in range(n)], answer=sorted(right))
    return question, draw(st.lists(st.integers(0, n - 1), max_size=n + 2))


@st.composite
def order_case(draw):
    n = draw(st.integers(2, 7))
    question = make("order", items=[f"i{i}" for i in range(n)])
    return question, draw(st.permutations(range(n)))


@st.composite
def match_case(draw):
    n = draw(st.integers(2, 6))
    question = make("match", pairs=[{"left": f"l{i}", "right": f"r{i}"} for i in range(n)])
    picks = draw(st.dictionaries(st.integers(0, n - 1), st.integers(0, n - 1)))
    return question, picks


def _through_view(question, original_response, seed):
    """Answer on the shuffled view what `original_response` answers on the original."""
    item = present(question, seed)
    shown = item.displayed_index
    if question.type == "single":
        displayed = shown(original_response)
    elif question.type in ("multiple", "order"):
        displayed = [shown(i) for i in original_response]
    else:
        displayed = {left: shown(right) for left, right in original_response.items()}
    return item, displayed


@settings(max_examples=150, deadline=None)
@given(case=st.one_of(single_case(), multiple_case(), order_case(), match_case()), seed=seeds)
def test_shuffling_never_changes_a_grade(case, seed) -> None:
    question, original_response = case
    item, displayed = _through_view(question, original_response, seed)
    assert item.grade(displayed) == grade(question, original_response)


@settings(max_examples=100, deadline=None)
@given(case=st.one_of(single_case(), multiple_case(), order_case(), match_case()), seed=seeds)
def test_view_shows_the_same_things_reordered(case, seed) -> None:
    question, _ = case
    item = present(question, seed)
    assert sorted(item.order) == list(range(len(item.order)))
    if question.type in ("single", "multiple"):
        assert sorted(c.text for c in item.choices) == sorted(c.text for c in question.choices)
        assert [item.choices[item.displayed_index(i)] for i in range(len(question.choices))] == question.choices
    if question.type == "order":
        assert item.items != question.items  # never shown already solved
    if question.type == "match":
        assert item.lefts == [p.left for p in question.pairs]
        assert sorted(item.rights) == sorted(p.right for p in question.pairs)


@settings(max_examples=100, deadline=None)
@given(case=st.one_of(single_case(), order_case()), seed=seeds, junk=st.integers() | st.none() | st.text())
def test_out_of_range_through_a_view_stays_wrong(case, seed, junk) -> None:
    question, _ = case
    item = present(question, seed)
    n = len(item.order)
    if isinstance(junk, int) and 0 <= junk < n:
        return
    result = item.grade(junk if question.type == "single" else [junk] * n)
    assert result.score == 0.0


garbage = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.integers(-2, 6), inner, max_size=4),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(case=st.one_of(single_case(), multiple_case(), order_case(), match_case()), seed=seeds, junk=garbage)
def test_any_response_through_a_view_is_graded_without_raising(case, seed, junk) -> None:
    question, _ = case
    result = present(question, seed).grade(junk)
    assert 0.0 <= result.score <= 1.0
