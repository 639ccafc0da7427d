"""Grading picked answers: single choice, multiple choice, and true/false."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rnnquiz.content.model import MultipleQuestion, SingleQuestion, TrueFalseQuestion
from rnnquiz.quiz.grading.responses import as_elements, index_in_range
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, Part, bounded_score, failed


def _choice_parts(question: SingleQuestion | MultipleQuestion, picked: set[int], right: set[int]) -> tuple[Part, ...]:
    return tuple(
        Part(
            index=i,
            label=choice.text,
            correct=(i in picked) == (i in right),
            picked=i in picked,
            right=i in right,
            feedback=choice.feedback,
        )
        for i, choice in enumerate(question.choices)
    )


def _picked_feedback(question: SingleQuestion | MultipleQuestion, picked: set[int]) -> tuple[str, ...]:
    return tuple(c.feedback for i, c in enumerate(question.choices) if i in picked and c.feedback)


def grade_single(question: SingleQuestion, response: Any) -> Grade:
    right_answer = question.choices[question.answer].text
    if response is None:
        return failed(question, right_answer, NO_ANSWER, invalid=False)
    if not index_in_range(response, len(question.choices)):
        return failed(question, right_answer, "not one of the choices")
    picked = {int(response)}
    return Grade(
        question_id=question.id,
        type=question.type,
        score=1.0 if response == question.answer else 0.0,
        right_answer=right_answer,
        parts=_choice_parts(question, picked, {question.answer}),
        feedback=_picked_feedback(question, picked),
        explanation=question.explain,
    )


def grade_multiple(question: MultipleQuestion, response: Any) -> Grade:
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
        parts=_choice_parts(question, picked, right),
        feedback=_picked_feedback(question, picked),
        explanation=question.explain,
    )


def grade_true_false(question: TrueFalseQuestion, response: Any) -> Grade:
    right_answer = "True" if question.answer else "False"
    if response is None:
        return failed(question, right_answer, NO_ANSWER, invalid=False)
    if not isinstance(response, bool):
        return failed(question, right_answer, "answer true or false")
    return Grade(
        question_id=question.id,
        type=question.type,
        score=1.0 if response == question.answer else 0.0,
        right_answer=right_answer,
        explanation=question.explain,
    )
