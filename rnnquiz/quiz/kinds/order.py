"""`order` in a quiz. Response: a sequence of `int`, item indices in the order the learner put them.
The items are shown shuffled, never already in the right order."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rnnquiz.content.questions.order import OrderQuestion
from rnnquiz.quiz.grading.responses import as_elements, index_in_range
from rnnquiz.quiz.grading.result import NO_ANSWER, Grade, Part, bounded_score, failed
from rnnquiz.quiz.kinds.displayed import original_indices
from rnnquiz.quiz.kinds.spec import QuizKind, Shuffle


def grade(question: OrderQuestion, response: Any) -> Grade:
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


def response_text(question: OrderQuestion, response: Any) -> str:
    return " → ".join(question.items[i] for i in response)


KIND = QuizKind(
    model=OrderQuestion,
    grade=grade,
    response_text=response_text,
    shuffle=Shuffle(count=lambda q: len(q.items), to_original=original_indices, never_in_order=True),
)
