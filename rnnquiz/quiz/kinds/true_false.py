"""`true_false` in a quiz. Response: `bool`."""

from __future__ import annotations

from typing import Any

from rnnquiz.content.questions.true_false import TrueFalseQuestion
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, failed
from rnnquiz.quiz.kinds.spec import QuizKind


def grade(question: TrueFalseQuestion, response: Any) -> Grade:
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


def response_text(question: TrueFalseQuestion, response: Any) -> str:
    return "True" if response else "False"


KIND = QuizKind(model=TrueFalseQuestion, grade=grade, response_text=response_text, shuffle=None)
