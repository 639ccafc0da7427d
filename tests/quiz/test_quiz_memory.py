"""Quiz history in the real progress store: attempts kept, misses scheduled with fsrs and brought
back first in later quizzes, right answers pushing them further out."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from rnnquiz.quiz.build import build_session
from rnnquiz.quiz.session import QuizSession, jsonable
from rnnquiz.study.clock import ManualClock
from rnnquiz.study.scheduler import Rating

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    """The root conftest's store runs on this clock: these quizzes start at T0."""
    return ManualClock(T0)


def answer_right(session: QuizSession, question_id: str):
    item = session.item(question_id)
    q = item.question
    response = {
        "single": lambda: item.displayed_index(q.answer),
        "multiple": lambda: [item.displayed_index(i) for i in q.answer],
        "true_false": lambda: q.answer,
    }[item.type]()
    return session.answer(question_id, response)


def test_attempts_are_stored_and_misses_scheduled(library, store, scheduler) -> None:
    session = build_session(library, "alpha", seed=1)
    multiple = session.item("a-multiple")
    session.answer("a-single", None)  # no answer: Again
    session.answer("a-multiple", [multiple.displayed_index(0)])  # half right: Hard
    answer_right(session, "a-true-false")  # right, never missed: not scheduled
    saved = session.save(store, scheduler, at=T0)
    assert {r.item.id for r in saved} == {"a-single", "a-multiple", "a-true-false"}
    assert session.save(store, scheduler, at=T0) == []  # nothing saved twice

    [attempt] = store.quiz_attempts("a-multiple")
    assert (attempt.section_id, attempt.course_id, attempt.score, attempt.response) == ("alpha", "tiny", 0.5, [0])
    assert store.quiz_attempts("a-single")[0].response is None
    assert [r.rating for r in store.review_history("a-single", "question")] == [Rating.Again]
    assert [r.rating for r in store.review_history("a-multiple", "question")] == [Rating.Hard]
    assert not store.has_item("a-true-false", "question")
    assert store.best_quiz_score("alpha") == pytest.approx(0.5)


def test_missed_questions_come_back_first_until_known(library, store, scheduler) -> None:
    first = build_session(library, "tiny", seed=1)
    first.answer("a-single", None)
    for item in first.items:
        if item.id != "a-single" and item.type in ("multiple", "true_false"):
            answer_right(first, item.id)
    first.save(store, scheduler, at=T0)

    later = T0 + timedelta(days=1)
    again = build_session(library, "tiny", seed=2, store=store, now=later)
    assert again.items[0].id == "a-single" and again.items[0].due
    assert not any(i.due for i in again.items[1:])
    due_before = store.get_item("a-single", "question").due
    answer_right(again, "a-single")
    again.save(store, scheduler, at=later)
    assert store.review_history("a-single", "question")[-1].rating == Rating.Good
    assert store.get_item("a-single", "question").due > due_before

    # answered right each time it comes back, its interval keeps growing
    now, intervals = later, []
    for _ in range(4):
        item = store.get_item("a-single", "question")
        now = max(now, item.due) + timedelta(minutes=1)
        session = build_session(library, "alpha", seed=3, store=store, now=now)
        assert session.items[0].id == "a-single" and session.items[0].due
        answer_right(session, "a-single")
        session.save(store, scheduler, at=now)
        intervals.append(store.get_item("a-single", "question").due - now)
    assert intervals == sorted(intervals) and intervals[-1] > timedelta(days=3)
    assert store.due_items("question", now=now) == []


def test_exam_saves_only_at_the_end_and_unanswered_count_as_missed(library, store, scheduler) -> None:
    session = build_session(library, "alpha", seed=1, exam=True)
    answer_right(session, "a-true-false")
    assert session.save(store, scheduler, at=T0) == []
    assert store.quiz_attempts("a-true-false") == []
    session.finish()
    assert len(session.save(store, scheduler, at=T0)) == 3
    assert store.has_item("a-single", "question") and store.has_item("a-multiple", "question")
    assert store.quiz_attempts("a-single")[0].score == 0.0


def test_generated_questions_are_remembered_too(library, store, scheduler) -> None:
    session = build_session(library, "beta", seed=1, generated=True)
    generated = next(i for i in session.items if i.generated)
    session.answer(generated.id, None)
    session.save(store, scheduler, at=T0)
    back = build_session(library, "beta", seed=5, store=store, now=T0 + timedelta(days=1))
    assert back.items[0].id == generated.id and back.items[0].generated


def test_garbage_responses_are_stored_as_json(library, store, scheduler) -> None:
    session = build_session(library, "alpha", seed=1)
    session.answer("a-single", object())
    session.answer("a-multiple", [3, 1, 1])
    session.save(store, scheduler, at=T0)
    assert isinstance(store.quiz_attempts("a-single")[0].response, str)
    multiple = session.item("a-multiple")
    expected = sorted({multiple.order[3], multiple.order[1]})
    assert store.quiz_attempts("a-multiple")[0].response == expected  # picks stored as a sorted set


def test_jsonable() -> None:
    value = {0: {2, 1}, "k": (1, None), "f": 0.5, "o": object}
    assert json.loads(json.dumps(jsonable(value))) == {"0": [1, 2], "k": [1, None], "f": 0.5, "o": repr(object)}
