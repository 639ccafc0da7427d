"""`cloze` in a quiz. Response: a sequence of `str`, one per blank (a plain `str` for a one-blank
text); each blank is one part of the grade."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rnnquiz.content.fields import BLANK, parse_blanks
from rnnquiz.content.questions.cloze import ClozeQuestion
from rnnquiz.quiz.grading.responses import as_elements
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, Part, bounded_score, failed
from rnnquiz.quiz.grading.text import answer_keys, is_blank, matches
from rnnquiz.quiz.kinds.spec import QuizKind


def cloze_display(text: str) -> str:
    """A cloze text with each `{{blank}}` shown as a numbered gap: `The [1]____ carries h[t-1]`."""
    numbers = iter(range(1, 10_000))
    return BLANK.sub(lambda _: f"[{next(numbers)}]____", text)


def _filled(question: ClozeQuestion) -> str:
    answers = iter(blank.answers[0] for blank in question.blanks)
    return BLANK.sub(lambda _: next(answers, ""), question.text)


def grade(question: ClozeQuestion, response: Any) -> Grade:
    """Each blank is one part; the score is the fraction of blanks filled right."""
    blanks = parse_blanks(question.text)
    right_answer = _filled(question)
    if response is None:
        return failed(question, right_answer, NO_ANSWER, invalid=False)
    if isinstance(response, str):
        response = [response]
    given = as_elements(response)
    if given is None:
        return failed(question, right_answer, "expected one text per blank")
    cs = question.case_sensitive
    parts = []
    for i, blank in enumerate(blanks):
        text = given[i] if i < len(given) and isinstance(given[i], str) else ""
        ok = not is_blank(text, cs) and matches(text, answer_keys(blank.answers, cs), cs)
        parts.append(Part(index=i, label=f"blank {i + 1}", correct=ok, given=text, expected=" | ".join(blank.answers)))
    hits = sum(p.correct for p in parts)
    return Grade(
        question_id=question.id,
        type=question.type,
        score=bounded_score(Fraction(hits, len(blanks))),
        right_answer=right_answer,
        message="" if hits == len(blanks) else f"{hits} of {len(blanks)} blanks right",
        parts=tuple(parts),
        explanation=question.explain,
    )


def response_text(question: ClozeQuestion, response: Any) -> str:
    blanks = [response] if isinstance(response, str) else list(response)
    return " / ".join(text if text.strip() else "(empty)" for text in blanks)


KIND = QuizKind(model=ClozeQuestion, grade=grade, response_text=response_text, shuffle=None)
