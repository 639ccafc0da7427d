"""What the choice kinds (`single`, `multiple`) share when grading: a part per choice, and the picked feedback."""

from __future__ import annotations

from rnnquiz.content.questions.multiple import MultipleQuestion
from rnnquiz.content.questions.single import SingleQuestion
from rnnquiz.quiz.grading.result import Part


def choice_parts(question: SingleQuestion | MultipleQuestion, picked: set[int], right: set[int]) -> tuple[Part, ...]:
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


def picked_feedback(question: SingleQuestion | MultipleQuestion, picked: set[int]) -> tuple[str, ...]:
    return tuple(c.feedback for i, c in enumerate(question.choices) if i in picked and c.feedback)
