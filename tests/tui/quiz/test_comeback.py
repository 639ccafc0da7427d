"""Memory across quizzes, as a learner meets it: a question missed in one quiz comes back first in
later quizzes (and says so) until it is answered right, then stays away until fsrs brings it
back; the home screen's best score follows every quiz."""

from __future__ import annotations

from datetime import timedelta

from rnnquiz.tui.screens.home import HomeScreen
from rnnquiz.tui.screens.quiz import QuizScreen
from rnnquiz.tui.screens.quiz_results import QuizResultsScreen

from ..helpers import screen_text
from .helpers import SIZE, right_keys, take_quiz, wrong_keys

MISSED = "c-true-false"


def home_line(app, title: str) -> str:
    return next(line for line in screen_text(app).splitlines() if title in line)


async def open_quiz_from_home(pilot) -> QuizScreen:
    """`z` on the highlighted section (the first, `choices`)."""
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("z")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen) and screen.options.scope == "choices"
    return screen


async def answer_current(pilot, right: bool) -> None:
    screen = pilot.app.screen
    await pilot.press(*(right_keys(screen) if right else wrong_keys(screen)))
    await pilot.pause()
    assert screen.showing_feedback


async def test_a_missed_question_comes_back_until_answered_right(quiz_app, quiz_store, clock):
    app = quiz_app()
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.pause()
        assert "best" not in home_line(app, "Picking answers")

        # 1. the first quiz: all right but one
        screen = await open_quiz_from_home(pilot)
        assert not any(item.due for item in screen.session.items) and not notes
        await take_quiz(pilot, app, wrong={MISSED})
        assert isinstance(app.screen, QuizResultsScreen) and "2 of 3 right" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "best 67%" in home_line(app, "Picking answers")  # the home screen refreshed on return
        assert quiz_store.has_item(MISSED, "question")

        # 2. a later quiz: it is back, first, and the learner is told so; missed again
        clock.advance(timedelta(minutes=10))
        screen = await open_quiz_from_home(pilot)
        assert [item.id for item in screen.session.items if item.due] == [MISSED]
        assert screen.session.current.id == MISSED
        assert "↻ missed before, back for review" in screen_text(app)
        assert notes == ["1 question you missed before is back for review: they come first."]
        await answer_current(pilot, right=False)
        await pilot.press("escape")  # leave after one answer: it is saved
        await pilot.pause()

        # 3. later again: still back, since it was missed again; now answered right
        clock.advance(timedelta(minutes=10))
        screen = await open_quiz_from_home(pilot)
        assert screen.session.current.id == MISSED and screen.session.current.due
        await answer_current(pilot, right=True)
        await pilot.press("escape")
        await pilot.pause()
        assert "best 100%" in home_line(app, "Picking answers")

        # 4. right away: known for now, so it is an ordinary question again, asked in its turn
        screen = await open_quiz_from_home(pilot)
        assert not any(item.due for item in screen.session.items)
        await pilot.press("escape")
        await pilot.pause()

        # 5. when fsrs says it is due, it comes back to be answered again
        due = quiz_store.get_item(MISSED, "question").due
        assert due > clock.now()
        clock.advance(due - clock.now() + timedelta(minutes=1))
        screen = await open_quiz_from_home(pilot)
        assert screen.session.current.id == MISSED and screen.session.current.due
    assert [round(a.score) for a in quiz_store.quiz_attempts(MISSED)] == [0, 0, 1]


async def test_a_question_missed_in_one_section_does_not_follow_into_another(quiz_app, quiz_store, clock):
    app = quiz_app("choices?seed=1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await take_quiz(pilot, app, wrong={MISSED})
    clock.advance(timedelta(days=1))
    for scope, expected in (("typed?seed=1", False), ("quizzy?seed=1", True)):
        app = quiz_app(scope)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            items = app.screen.session.items
            assert (items[0].id == MISSED and items[0].due) is expected
            assert MISSED in [i.id for i in items] or not expected
