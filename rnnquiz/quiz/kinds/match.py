"""`match` in a quiz. Response: a mapping `int -> int`, left index -> right index of `pairs`.
The right sides are shown shuffled; the left ones keep the author's order."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from rnnquiz.content.questions.match import MatchQuestion
from rnnquiz.quiz.grading.responses import index_in_range
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, Part, bounded_score, failed
from rnnquiz.quiz.kinds.displayed import original_index
from rnnquiz.quiz.kinds.spec import QuizKind, Shuffle


def grade(question: MatchQuestion, response: Any) -> Grade:
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
    except Exception:  # noqa: BLE001 -- a hostile mapping; unreadable like any other
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


def to_original(response: Any, order: tuple[int, ...]) -> Any:
    """Left index -> displayed right position, mapped to left index -> the author's right index."""
    if not isinstance(response, Mapping):
        return response
    try:
        return {k: original_index(v, order) for k, v in response.items()}
    except Exception:  # noqa: BLE001 -- a hostile mapping; the grader rejects it on its own
        return response


def response_text(question: MatchQuestion, response: Any) -> str:
    if not isinstance(response, Mapping):
        return str(response)
    rights = [pair.right for pair in question.pairs]
    return "; ".join(
        f"{pair.left} → {rights[response[i]] if response.get(i) is not None else '?'}"
        for i, pair in enumerate(question.pairs)
    )


KIND = QuizKind(
    model=MatchQuestion,
    grade=grade,
    response_text=response_text,
    shuffle=Shuffle(count=lambda q: len(q.pairs), to_original=to_original),
)
