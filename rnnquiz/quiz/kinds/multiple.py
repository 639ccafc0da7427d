"""`multiple` in a quiz. Response: an iterable of `int` (set, list, tuple), the picked choices;
duplicates count once. Its choices are shown shuffled."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rnnquiz.content.questions.multiple import MultipleQuestion
from rnnquiz.quiz.grading.choices import choice_parts, picked_feedback
from rnnquiz.quiz.grading.responses import as_elements, index_in_range
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, bounded_score, failed
from rnnquiz.quiz.kinds.displayed import original_index
from rnnquiz.quiz.kinds.spec import QuizKind, Shuffle


def grade(question: MultipleQuestion, response: Any) -> Grade:
    """Each right pick earns 1/R and each wrong pick costs 1/W (R right, W wrong choices), floored at 0.

    Fairer than `(right - wrong) / R`: picking every choice (or none) always scores 0, so blanket
    guessing earns nothing however many choices are right.
    """
    right = set(question.answer)
    right_answer = "; ".join(question.choices[i].text for i in sorted(right))
    if response is None:
        return failed(question, right_answer, NO_ANSWER, invalid=False)
    elements = as_elements(response)
    n = len(question.choices)
    if elements is None or not all(index_in_range(e, n) for e in elements):
        return failed(question, right_answer, "not a set of the choices")
    picked = {int(e) for e in elements}
    wrong = n - len(right)
    hits, misses = len(picked & right), len(picked - right)
    value = Fraction(hits, len(right)) - (Fraction(misses, wrong) if wrong else 0)
    message = NO_ANSWER if not picked else f"{hits} of {len(right)} right choices picked, {misses} wrong"
    return Grade(
        question_id=question.id,
        type=question.type,
        score=bounded_score(value),
        right_answer=right_answer,
        message="" if picked == right else message,
        parts=choice_parts(question, picked, right),
        feedback=picked_feedback(question, picked),
        explanation=question.explain,
    )


def to_original(response: Any, order: tuple[int, ...]) -> Any:
    """The picks mapped back, as a sorted set: stored the same way however they were given."""
    elements = as_elements(response)
    if elements is None:
        return response
    mapped = [original_index(e, order) for e in elements]
    return sorted(set(mapped)) if all(index_in_range(i, len(order)) for i in mapped) else mapped


def response_text(question: MultipleQuestion, response: Any) -> str:
    picked = [question.choices[i].text for i in sorted(set(response))]
    return "; ".join(picked) if picked else "nothing picked"


KIND = QuizKind(
    model=MultipleQuestion,
    grade=grade,
    response_text=response_text,
    shuffle=Shuffle(count=lambda q: len(q.choices), to_original=to_original),
)
