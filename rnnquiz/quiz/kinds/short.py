"""`short` in a quiz. Response: `str`, compared with patterns and typo tolerance."""

from __future__ import annotations

from typing import Any

from rnnquiz.content.questions.short import ShortQuestion
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, failed
from rnnquiz.quiz.grading.text import answer_keys, closest, is_blank, matches, pattern_matches
from rnnquiz.quiz.kinds.spec import QuizKind


def grade(question: ShortQuestion, response: Any) -> Grade:
    right_answer = question.answer
    if response is None:
        return failed(question, right_answer, NO_ANSWER, invalid=False)
    if not isinstance(response, str):
        return failed(question, right_answer, "expected text")
    cs = question.case_sensitive
    if is_blank(response, cs):
        return failed(question, right_answer, NO_ANSWER, invalid=False)
    keys = answer_keys([question.answer, *question.accept], cs)
    message = ""
    right = matches(response, keys, cs) or pattern_matches(question.pattern, response, cs)
    if not right and question.min_similarity is not None:
        similarity, nearest = closest(response, keys, cs)
        if similarity >= question.min_similarity:
            right, message = True, f"accepted with a typo: expected {nearest}"
    return Grade(
        question_id=question.id,
        type=question.type,
        score=1.0 if right else 0.0,
        right_answer=right_answer,
        message=message,
        explanation=question.explain,
    )


def response_text(question: ShortQuestion, response: Any) -> str:
    return str(response)


KIND = QuizKind(model=ShortQuestion, grade=grade, response_text=response_text, shuffle=None)
