"""Grading arranged answers: putting items in order, and matching left items to right ones."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from rnnquiz.content.model import MatchQuestion, OrderQuestion
from rnnquiz.quiz.grading.responses import as_elements, index_in_range
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, Part, bounded_score, failed


def grade_order(question: OrderQuestion, response: Any) -> Grade:
    """Credit per adjacent pair: each `A → B` of the right order that the learner also put
    side by side earns 1/(n-1). One item moved to the wrong end loses one or two pairs, not
    every position, and a random order earns about 1/n on average.
    """
    items = question.items
    n = len(items)
    right_answer = " → ".join(items)
    if response is None:
        return failed(question, right_answer, NO_ANSWER, invalid=False)
    order = as_elements(response)
    if order is None or len(order) != n or not all(index_in_range(i, n) for i in order) or len(set(order)) != n:
        return failed(question, right_answer, "not an order of all the items")
    position = {int(item): place for place, item in enumerate(order)}
    parts = tuple(
        Part(
            index=i,
            label=f"{items[i]} → {items[i + 1]}",
            correct=position[i + 1] == position[i] + 1,
            expected=items[i + 1],
            given=items[order[position[i] + 1]] if position[i] + 1 < n else None,
        )
        for i in range(n - 1)
    )
    hits = sum(p.correct for p in parts)
    return Grade(
        question_id=question.id,
        type=question.type,
        score=bounded_score(Fraction(hits, n - 1)),
        right_answer=right_answer,
        message="" if hits == n - 1 else f"{hits} of {n - 1} neighbouring pairs in the right order",
        parts=parts,
        explanation=question.explain,
    )


def grade_match(question: MatchQuestion, response: Any) -> Grade:
    """Each left item is one part; unmatched left items count as wrong."""
    pairs = question.pairs
    n = len(pairs)
    right_answer = "; ".join(f"{p.left} → {p.right}" for p in pairs)
    if response is None:
        return failed(question, right_answer, NO_ANSWER, invalid=False)
    if not isinstance(response, Mapping):
        return failed(question, right_answer, "expected left item -> right item")
    try:
        entries = list(response.items())
    except Exception:  # a hostile mapping; unreadable like any other
        return failed(question, right_answer, "expected left item -> right item")
    if not all(index_in_range(k, n) and (v is None or index_in_range(v, n)) for k, v in entries):
        return failed(question, right_answer, "a match names an item that is not there")
    chosen = {int(k): (None if v is None else int(v)) for k, v in entries}
    parts = tuple(
        Part(
            index=i,
            label=pair.left,
            correct=chosen.get(i) == i,
            given=None if chosen.get(i) is None else pairs[chosen[i]].right,  # type: ignore[index]
            expected=pair.right,
        )
        for i, pair in enumerate(pairs)
    )
    hits = sum(p.correct for p in parts)
    return Grade(
        question_id=question.id,
        type=question.type,
        score=bounded_score(Fraction(hits, n)),
        right_answer=right_answer,
        message="" if hits == n else f"{hits} of {n} pairs matched",
        parts=parts,
        explanation=question.explain,
    )
