"""A quiz in progress: which questions, in what order, answered how well, and what is saved.

Pure logic for the quiz screen. Each question is shown through a `QuizItem` (`rnnquiz.quiz.presented`),
whose shuffle is fixed by the session's seed, so every quiz can be replayed.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rnnquiz.quiz.grading import Grade, grade
from rnnquiz.quiz.presented import QuizItem, present

if TYPE_CHECKING:
    from rnnquiz.study.scheduler import StudyScheduler
    from rnnquiz.study.store import Store

__all__ = ["QuizItem", "QuizResult", "QuizSession", "Review", "concrete_seed", "jsonable", "present"]


@dataclass(frozen=True, slots=True)
class Review:
    """One line of the end screen: the question, what the learner answered, and the grade."""

    item: QuizItem
    response: Any
    """The response in the author's indices (None when unanswered)."""
    grade: Grade


@dataclass(frozen=True, slots=True)
class QuizResult:
    """The end of a quiz: score, every question reviewed, and the ones to retry."""

    score: float
    """Mean score over all questions, in [0, 1]; unanswered questions count 0."""
    correct: int
    total: int
    reviews: tuple[Review, ...]
    missed: tuple[QuizItem, ...]


@dataclass
class QuizSession:
    """A quiz in progress over a fixed list of presented questions.

    Immediate mode returns each grade from `answer` and keeps the first answer (feedback was
    seen). Exam mode holds grades back until `finish()`, and a learner may change an answer
    until then.
    """

    items: list[QuizItem]
    seed: int
    exam: bool = False
    position: int = 0
    """Index of the question on screen."""
    finished: bool = False
    _responses: dict[str, Any] = field(default_factory=dict, init=False, repr=False)
    _grades: dict[str, Grade] = field(default_factory=dict, init=False, repr=False)
    _saved: set[str] = field(default_factory=set, init=False, repr=False)

    @classmethod
    def from_questions(
        cls,
        questions: Sequence[Any],
        *,
        seed: int | None = None,
        exam: bool = False,
        shuffle: bool = True,
        section_id: str | None = None,
        course_id: str | None = None,
    ) -> QuizSession:
        """A session over questions given directly; the seed fixes question order and every shuffle."""
        seed = concrete_seed(seed)
        items = [present(q, seed, section_id=section_id, course_id=course_id) for q in questions]
        if shuffle:
            random.Random(seed).shuffle(items)
        return cls(items, seed, exam)

    def __len__(self) -> int:
        return len(self.items)

    def item(self, question_id: str) -> QuizItem:
        """The item of a question; KeyError for an id not in this quiz (a caller bug)."""
        for item in self.items:
            if item.id == question_id:
                return item
        raise KeyError(question_id)

    @property
    def current(self) -> QuizItem | None:
        return self.items[self.position] if 0 <= self.position < len(self.items) else None

    def advance(self) -> QuizItem | None:
        """Move to the next question; None once past the last."""
        self.position = min(self.position + 1, len(self.items))
        return self.current

    def back(self) -> QuizItem | None:
        self.position = max(self.position - 1, 0)
        return self.current

    @property
    def answered(self) -> int:
        return sum(item.id in self._grades for item in self.items)

    def answer(self, question_id: str, response: Any) -> Grade | None:
        """Grade a response given in displayed indices; None in exam mode (the grade is held).

        Never raises on the response. After feedback was shown (immediate mode), or after
        `finish()`, the first grade stands and is returned again.
        """
        item = self.item(question_id)
        if self.finished or (not self.exam and question_id in self._grades):
            return self._grades[question_id]
        original = item.to_original(response)  # once: the response may be a one-shot iterator
        self._responses[question_id] = original
        self._grades[question_id] = grade(item.question, original)
        return None if self.exam else self._grades[question_id]

    def response(self, question_id: str) -> Any:
        """The learner's last response, in the author's indices (None when unanswered)."""
        return self._responses.get(question_id)

    def grade_of(self, question_id: str) -> Grade | None:
        """The grade, when it may be shown (immediate mode, or after finish)."""
        if self.exam and not self.finished:
            return None
        return self._grades.get(question_id)

    @property
    def score(self) -> float:
        """Running score over all questions; in exam mode it stays 0 until `finish()`."""
        if not self.items or (self.exam and not self.finished):
            return 0.0
        return sum(g.score for g in self._grades.values()) / len(self.items)

    @property
    def missed(self) -> list[QuizItem]:
        """Questions answered less than fully right (after finish, unanswered ones too)."""
        if self.exam and not self.finished:
            return []
        return [item for item in self.items if item.id in self._grades and not self._grades[item.id].correct]

    def finish(self) -> QuizResult:
        """End the quiz: unanswered questions get a `no answer` grade, and every grade is shown."""
        for item in self.items:
            if item.id not in self._grades:
                self._grades[item.id] = item.grade(None)
        self.finished = True
        reviews = tuple(Review(item, self._responses.get(item.id), self._grades[item.id]) for item in self.items)
        return QuizResult(
            score=self.score,
            correct=sum(r.grade.correct for r in reviews),
            total=len(self.items),
            reviews=reviews,
            missed=tuple(self.missed),
        )

    def retry_missed(self) -> QuizSession:
        """A new quiz of just the missed questions, shuffled afresh (still determined by the seed)."""
        seed = random.Random(f"{self.seed}:retry").randrange(2**32)
        items = [
            present(i.question, seed, section_id=i.section_id, course_id=i.course_id, generated=i.generated, due=i.due)
            for i in self.missed
        ]
        random.Random(seed).shuffle(items)
        return QuizSession(items, seed, self.exam)

    # --- persistence ---------------------------------------------------------------------------

    def unsaved(self) -> list[Review]:
        """Final grades not yet saved: each answer in immediate mode, all of them after an exam."""
        if self.exam and not self.finished:
            return []
        return [
            Review(item, self._responses.get(item.id), self._grades[item.id])
            for item in self.items
            if item.id in self._grades and item.id not in self._saved
        ]

    def save(self, store: Store, scheduler: StudyScheduler, *, at: datetime | None = None) -> list[Review]:
        """Store every final grade not saved yet; returns what was saved. Call after each answer.

        Each grade becomes one quiz attempt (the response in the author's indices, as JSON). A
        miss, or any answer to a question already under spaced repetition, is also rated with
        fsrs (`rating_for_score`: 1 -> Good, >= 0.5 -> Hard, else Again), so a missed question
        comes back in later quizzes, each time further out while it is answered right. A
        question never missed is not scheduled. Raises `StoreError` (a one-line message) if the
        database fails; what was saved before stays saved and the rest is retried next call.
        """
        from rnnquiz.study.scheduler import rating_for_score

        saved = []
        for review in self.unsaved():
            item, result = review.item, review.grade
            scheduled = not result.correct or store.has_item(item.id, "question")
            store.record_quiz_answer(  # attempt and review in one transaction: a kill keeps both or neither
                item.id, item.section_id, item.course_id, result.score, jsonable(review.response),
                rating=rating_for_score(result.score) if scheduled else None, scheduler=scheduler, at=at,
            )
            self._saved.add(item.id)
            saved.append(review)
        return saved


def jsonable(value: Any) -> Any:
    """A learner's response as plain JSON data, whatever it was (sets become sorted lists)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return repr(value)


def concrete_seed(seed: int | None) -> int:
    """A seed to keep: a random one when none is given, so every quiz can be replayed."""
    return random.randrange(2**32) if seed is None else seed
