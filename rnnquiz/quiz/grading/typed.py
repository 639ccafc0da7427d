"""Grading typed text: short answers (with patterns and typo tolerance) and cloze blanks."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rnnquiz.content.model import BLANK, ClozeQuestion, ShortQuestion, parse_blanks
from rnnquiz.quiz.grading.responses import as_elements
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, Part, bounded_score, failed
from rnnquiz.quiz.grading.text import answer_keys, closest, is_blank, matches, pattern_matches


def grade_short(question: ShortQuestion, response: Any) -> Grade:
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


def _cloze_filled(question: ClozeQuestion) -> str:
    answers = iter(blank.answers[0] for blank in question.blanks)
    return BLANK.sub(lambda _: next(answers, ""), question.text)


def grade_cloze(question: ClozeQuestion, response: Any) -> Grade:
    """Each blank is one part; the score is the fraction of blanks filled right."""
    blanks = parse_blanks(question.text)
    right_answer = _cloze_filled(question)
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
