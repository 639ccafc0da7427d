"""`single` in a quiz. Response: `int`, the picked choice; its choices are shown shuffled."""

from __future__ import annotations

from typing import Any

from rnnquiz.content.questions.single import SingleQuestion
from rnnquiz.quiz.grading.choices import choice_parts, picked_feedback
from rnnquiz.quiz.grading.responses import index_in_range
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, failed
from rnnquiz.quiz.kinds.displayed import original_index
from rnnquiz.quiz.kinds.spec import QuizKind, Shuffle


def grade(question: SingleQuestion, response: Any) -> Grade:
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
        parts=choice_parts(question, picked, {question.answer}),
        feedback=picked_feedback(question, picked),
        explanation=question.explain,
    )


def response_text(question: SingleQuestion, response: Any) -> str:
    text: str = question.choices[response].text
    return text


KIND = QuizKind(
    model=SingleQuestion,
    grade=grade,
    response_text=response_text,
    shuffle=Shuffle(count=lambda q: len(q.choices), to_original=original_index),
)
