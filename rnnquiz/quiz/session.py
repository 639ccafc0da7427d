"""A quiz in progress: which questions, in what order, shown how, answered how well.

Pure logic for the quiz screen. Choices, order items and the right side of match questions are
shuffled per question by a seed; a `QuizItem` is the shuffled view and maps what the learner
picked on screen back to the author's indices, so grading never sees the shuffle.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rnnquiz.content.model import Choice
from rnnquiz.quiz.grading import Grade, as_elements, grade, index_in_range

if TYPE_CHECKING:
    from rnnquiz.study.scheduler import StudyScheduler
    from rnnquiz.study.store import Store


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One question as presented: the question, where it comes from, and its shuffled view.

    Responses given to `to_original`/`grade` use *displayed* indices (positions on screen):
    single: int; multiple: iterable of int; order: sequence of int, first placed first;
    match: mapping of left index (lefts are not shuffled) -> displayed right index.
    Every other type takes the response described in `rnnquiz.quiz.grading`.
    """

    question: Any
    """The question model (any of the eight types)."""
    section_id: str | None = None
    course_id: str | None = None
    order: tuple[int, ...] = ()
    """Displayed position -> original index; empty when nothing is shuffled."""
    generated: bool = False
    """Made from the glossary, not written by the author."""
    due: bool = False
    """Brought back by spaced repetition after an earlier miss."""

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type

    def _displayed(self, texts: Sequence[Any]) -> list[Any]:
        return [texts[i] for i in self.order] if self.order else list(texts)

    @property
    def choices(self) -> list[Choice]:
        """single/multiple: the choices in displayed order."""
        return self._displayed(self.question.choices)

    @property
    def items(self) -> list[str]:
        """order: the items in the (shuffled) order they are first shown."""
        return self._displayed(self.question.items)

    @property
    def lefts(self) -> list[str]:
        """match: the left items, in the author's order."""
        return [pair.left for pair in self.question.pairs]

    @property
    def rights(self) -> list[str]:
        """match: the right items in displayed order."""
        return self._displayed([pair.right for pair in self.question.pairs])

    def displayed_index(self, original: int) -> int:
        """Where the author's choice/item/right number `original` is shown."""
        return self.order.index(original) if self.order else original

    def _to_original_index(self, displayed: Any) -> Any:
        # Anything that is not a displayed index passes through unchanged; it is just as
        # out of range for the grader, which turns it into a score of 0 with a message.
        return self.order[displayed] if index_in_range(displayed, len(self.order)) else displayed

    def to_original(self, response: Any) -> Any:
        """The response in the author's indices, ready for `grading.grade`."""
        if not self.order or response is None:
            return response
        if self.type == "single":
            return self._to_original_index(response)
        if self.type in ("multiple", "order"):
            elements = as_elements(response)
            if elements is None:
                return response
            mapped = [self._to_original_index(e) for e in elements]
            if self.type == "multiple" and all(index_in_range(i, len(self.order)) for i in mapped):
                return sorted(set(mapped))  # a set of picks: stored the same way however it was given
            return mapped
        if self.type == "match" and isinstance(response, Mapping):
            try:
                return {k: self._to_original_index(v) for k, v in response.items()}
            except Exception:  # a hostile mapping; the grader rejects it on its own
                return response
        return response

    def grade(self, response: Any) -> Grade:
        """Grade a response given in displayed indices."""
        return grade(self.question, self.to_original(response))

    def problem(self, response: Any) -> str | None:
        """Why the response cannot be read (e.g. `not a number`), without revealing if it is right.

        Exam mode uses this to let the learner fix a typo before the grade is held back.
        """
        result = self.grade(response)
        return result.message if result.invalid else None


def present(
    question: Any,
    seed: int | str,
    *,
    section_id: str | None = None,
    course_id: str | None = None,
    generated: bool = False,
    due: bool = False,
) -> QuizItem:
    """The question's shuffled view; the shuffle depends only on (seed, question id).

    An order question is never shown already in the right order.
    """
    n = _shuffled_count(question)
    order: tuple[int, ...] = ()
    if n:
        rng = random.Random(f"{seed}:{question.id}")
        shuffled = list(range(n))
        rng.shuffle(shuffled)
        while question.type == "order" and shuffled == sorted(shuffled):
            rng.shuffle(shuffled)
        order = tuple(shuffled)
    return QuizItem(question, section_id, course_id, order, generated, due)


def _shuffled_count(question: Any) -> int:
    """How many things of this question are shown shuffled (choices, items, right side of pairs)."""
    if question.type in ("single", "multiple"):
        return len(question.choices)
    if question.type == "order":
        return len(question.items)
    if question.type == "match":
        return len(question.pairs)
    return 0


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
        seed = _concrete(seed)
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


def _concrete(seed: int | None) -> int:
    """A seed to keep: a random one when none is given, so every quiz can be replayed."""
    return random.randrange(2**32) if seed is None else seed


# --- building a quiz from the library -----------------------------------------------------------


class QuizScopeError(ValueError):
    """The quiz cannot be built: unknown section or course, or nothing to ask. The message is for the learner."""


def build_session(
    library: Any,
    scope: str | None = None,
    *,
    seed: int | None = None,
    exam: bool = False,
    generated: bool = False,
    due_ids: Sequence[str] = (),
    store: Store | None = None,
    now: datetime | None = None,
    limit: int | None = None,
    shuffle: bool = True,
) -> QuizSession:
    """The quiz for a course id, a section id, or (None) every course of the library.

    `generated` mixes in glossary questions. Questions that spaced repetition brings back (the
    `store`'s questions due at `now`, or `due_ids` given directly) come first when they are inside
    the scope, most urgent first; the rest follow in seeded random order. `limit` caps the length.
    Raises QuizScopeError for an unknown scope or an empty quiz.
    """
    from rnnquiz.quiz.generate import generate_questions

    seed = _concrete(seed)
    if store is not None:
        due_ids = [*due_ids, *store.due_items("question", now=now)]
    entries: list[QuizItem] = []
    for course, sections in _resolve(library, scope):
        pool = library.glossary(course.id)
        for section in sections:
            where = {"section_id": section.section, "course_id": course.id}
            entries += [present(q, seed, **where) for q in section.quiz]
            if generated or due_ids:
                made = generate_questions(course.id, section.glossary, pool, seed=seed)
                entries += [present(q, seed, generated=True, **where) for q in made]
    by_id: dict[str, QuizItem] = {}
    for item in entries:
        by_id.setdefault(item.id, item)
    due_set = set(due_ids)
    due = [_due(by_id[qid]) for qid in dict.fromkeys(due_ids) if qid in by_id]
    rest = [item for item in by_id.values() if item.id not in due_set and (generated or not item.generated)]
    if shuffle:
        random.Random(seed).shuffle(rest)
    items = (due + rest)[:limit] if limit is not None else due + rest
    if not items:
        where = f"`{scope}`" if scope else "the library"
        hint = "" if generated else " (try --generated to ask about its glossary)"
        raise QuizScopeError(f"{where} has no quiz questions{hint}")
    return QuizSession(items, seed, exam)


def _due(item: QuizItem) -> QuizItem:
    return QuizItem(item.question, item.section_id, item.course_id, item.order, item.generated, due=True)


def _resolve(library: Any, scope: str | None) -> list[tuple[Any, list[Any]]]:
    """(course, sections) pairs for a scope; a course id wins over a section id of the same name."""
    if scope is None:
        return [(course, list(course.sections)) for course in library.courses]
    course = library.course(scope)
    if course is not None:
        return [(course, list(course.sections))]
    section = library.section(scope)
    if section is not None:
        return [(library.course_of_section(scope), [section])]
    from rnnquiz.content.errors import close_match

    names = [c.id for c in library.courses] + [s.section for c in library.courses for s in c.sections]
    guess = close_match(scope, names)
    raise QuizScopeError(f"no course or section `{scope}`" + (f"; did you mean `{guess}`?" if guess else ""))
