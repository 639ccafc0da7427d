"""Quiz sessions: seeded determinism, immediate and exam modes, retrying the missed ones, and
quizzes built from a real (tiny) library."""

from __future__ import annotations

import pytest

from rnnquiz.quiz.build import QuizScopeError, build_session
from rnnquiz.quiz.session import QuizSession

from .quiz_helpers import make

QUESTIONS = [
    make("single", id="s1", choices=["a", "b", "c"], answer=2),
    make("multiple", id="m1", choices=["a", "b", "c", "d"], answer=[0, 3]),
    make("true_false", id="t1", answer=True),
    make("numeric", id="n1", answer=2.5),
    make("order", id="o1", items=["x", "y", "z"]),
]


def right_displayed(session: QuizSession, question_id: str):
    """The fully right response for a question, in the indices the screen shows."""
    item = session.item(question_id)
    q = item.question
    return {
        "single": lambda: item.displayed_index(q.answer),
        "multiple": lambda: {item.displayed_index(i) for i in q.answer},
        "true_false": lambda: q.answer,
        "numeric": lambda: "2.5",
        "order": lambda: [item.displayed_index(i) for i in range(len(q.items))],
    }[item.type]()


def snapshot(session: QuizSession):
    return [(i.id, i.order) for i in session.items]


def test_same_seed_same_quiz_different_seed_different_quiz() -> None:
    a = QuizSession.from_questions(QUESTIONS, seed=7)
    b = QuizSession.from_questions(QUESTIONS, seed=7)
    assert snapshot(a) == snapshot(b)
    others = {tuple(snapshot(QuizSession.from_questions(QUESTIONS, seed=s))) for s in range(8)}
    assert len(others) > 1


def test_no_seed_still_gets_a_replayable_seed() -> None:
    session = QuizSession.from_questions(QUESTIONS)
    assert snapshot(QuizSession.from_questions(QUESTIONS, seed=session.seed)) == snapshot(session)


def test_choice_shuffle_of_a_question_does_not_depend_on_the_others() -> None:
    alone = QuizSession.from_questions(QUESTIONS[:1], seed=3)
    together = QuizSession.from_questions(QUESTIONS, seed=3)
    assert alone.item("s1").order == together.item("s1").order


def test_immediate_mode_grades_now_and_keeps_the_first_answer() -> None:
    session = QuizSession.from_questions(QUESTIONS, seed=1)
    wrong = (right_displayed(session, "s1") + 1) % 3
    first = session.answer("s1", wrong)
    assert first is not None and not first.correct
    assert session.answer("s1", right_displayed(session, "s1")) == first  # no second chance after feedback
    assert session.grade_of("s1") == first
    assert session.answered == 1
    assert [i.id for i in session.missed] == ["s1"]


def test_session_grades_through_the_shuffle() -> None:
    session = QuizSession.from_questions(QUESTIONS, seed=11)
    for item in session.items:
        result = session.answer(item.id, right_displayed(session, item.id))
        assert result is not None and result.correct, item.id
    assert session.score == 1.0
    assert session.missed == []


def test_exam_mode_holds_grades_until_finish_and_allows_changes() -> None:
    session = QuizSession.from_questions(QUESTIONS, seed=2, exam=True)
    assert session.answer("t1", False) is None
    assert session.grade_of("t1") is None
    assert session.missed == [] and session.score == 0.0
    assert session.unsaved() == []
    assert session.answer("t1", True) is None  # changed mind: allowed before finish
    session.answer("n1", "2.5")
    result = session.finish()
    assert result.total == 5 and result.correct == 2
    assert result.score == pytest.approx(2 / 5)
    assert session.grade_of("t1").correct
    assert {r.item.id: r.grade.message for r in result.reviews if r.response is None} == {
        "s1": "no answer",
        "m1": "no answer",
        "o1": "no answer",
    }
    assert {i.id for i in result.missed} == {"s1", "m1", "o1"}
    assert session.answer("t1", False).correct  # finished: the grade stands


def test_exam_problem_check_reveals_nothing_but_unreadable_input() -> None:
    session = QuizSession.from_questions(QUESTIONS, seed=2, exam=True)
    item = session.item("n1")
    assert item.problem("two and a half") == "not a number"
    assert item.problem("3") is None  # wrong, but readable: nothing said


def test_garbage_responses_never_raise() -> None:
    session = QuizSession.from_questions(QUESTIONS, seed=5)
    for item, junk in zip(session.items, [object(), {"a": 1}, "yes", [1, 2], 99], strict=True):
        result = session.answer(item.id, junk)
        assert result is not None and result.score == 0.0


def test_unknown_question_id_is_a_caller_bug() -> None:
    with pytest.raises(KeyError):
        QuizSession.from_questions(QUESTIONS, seed=1).answer("nope", 1)


def test_retry_missed_has_just_the_missed_questions_reshuffled() -> None:
    session = QuizSession.from_questions(QUESTIONS, seed=4)
    for item in session.items:
        if item.id in ("s1", "o1"):
            session.answer(item.id, None)
        else:
            session.answer(item.id, right_displayed(session, item.id))
    retry = session.retry_missed()
    assert sorted(i.id for i in retry.items) == ["o1", "s1"]
    assert retry.seed != session.seed and not retry.exam
    assert retry.answered == 0
    assert snapshot(session.retry_missed()) == snapshot(retry)  # deterministic too
    for item in retry.items:
        assert retry.answer(item.id, right_displayed(retry, item.id)).correct


def test_navigation() -> None:
    session = QuizSession.from_questions(QUESTIONS[:2], seed=0)
    first = session.current
    assert session.advance() is not first and session.position == 1
    assert session.advance() is None and session.position == 2
    assert session.advance() is None and session.position == 2
    assert session.back() is session.items[1]


def test_unsaved_holds_the_final_grades() -> None:
    session = QuizSession.from_questions(QUESTIONS, seed=1)
    session.answer("t1", True)
    assert [(r.item.id, r.response, r.grade.score) for r in session.unsaved()] == [("t1", True, 1.0)]


# --- built from the library ------------------------------------------------------------------


def test_section_quiz_has_the_section_questions_with_their_origin(library) -> None:
    session = build_session(library, "alpha", seed=1)
    assert sorted(i.id for i in session.items) == ["a-multiple", "a-single", "a-true-false"]
    assert {(i.section_id, i.course_id) for i in session.items} == {("alpha", "tiny")}


def test_course_quiz_spans_sections_and_is_seeded(library) -> None:
    a = build_session(library, "tiny", seed=9)
    assert {i.section_id for i in a.items} == {"alpha", "beta"}
    assert len(a) == 6
    assert snapshot(a) == snapshot(build_session(library, "tiny", seed=9))
    assert len(build_session(library, None, seed=9)) == 6


def test_generated_questions_are_mixed_in_on_request(library) -> None:
    plain = build_session(library, "beta", seed=1)
    mixed = build_session(library, "beta", seed=1, generated=True)
    generated = [i for i in mixed.items if i.generated]
    assert not any(i.generated for i in plain.items)
    assert len(generated) == 4  # two terms in beta, both directions
    assert all(i.section_id == "beta" and i.course_id == "tiny" for i in generated)
    # distractors come from the whole course: five terms, so three distractors each
    assert all(len(i.choices) == 4 for i in generated)


def test_due_questions_come_first(library) -> None:
    due = ["b-match", "gen-tiny-bptt-term", "elsewhere", "a-single"]
    session = build_session(library, "tiny", seed=3, due_ids=due)
    assert [i.id for i in session.items[:3]] == ["b-match", "gen-tiny-bptt-term", "a-single"]
    assert [i.due for i in session.items] == [True] * 3 + [False] * 4  # 6 authored + 1 generated
    assert session.items[1].generated  # brought back even without --generated
    assert len({i.id for i in session.items}) == len(session)


def test_due_questions_outside_the_section_stay_out(library) -> None:
    session = build_session(library, "alpha", seed=3, due_ids=["b-match"])
    assert "b-match" not in {i.id for i in session.items}


def test_limit(library) -> None:
    session = build_session(library, "tiny", seed=3, due_ids=["b-order"], limit=2)
    assert len(session) == 2 and session.items[0].id == "b-order"


def test_unknown_scope_names_a_close_match(library) -> None:
    with pytest.raises(QuizScopeError, match="did you mean `alpha`"):
        build_session(library, "alpah")


def test_empty_quiz_is_a_clear_error(tmp_path) -> None:
    from rnnquiz.content.library import load_library

    (tmp_path / "c.yaml").write_text("course: c\ntitle: C\nsections:\n  - {section: s, title: S}\n", encoding="utf-8")
    with pytest.raises(QuizScopeError, match="`s` has no quiz questions"):
        build_session(load_library([tmp_path]), "s")


def test_a_one_shot_iterator_is_read_once() -> None:
    session = QuizSession.from_questions(QUESTIONS, seed=6)
    right = right_displayed(session, "m1")
    assert session.answer("m1", iter(right)).correct
