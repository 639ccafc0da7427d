"""Home, QA follow-up: each section says how many missed quiz questions are due again, beside its
due cards and best score, and the count follows quizzes taken since (refreshed on return)."""

from __future__ import annotations

from datetime import UTC, timedelta

from rnnquiz.study.progress import MemoryStore, Progress
from rnnquiz.tui.screens.home import HomeScreen
from rnnquiz.tui.screens.quiz_results import QuizResultsScreen

from .helpers import SIZE, take_quiz
from .test_comeback import home_line, open_quiz_from_home

MISSED = ("c-true-false", "c-single")


async def back_home(pilot) -> None:
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)


async def test_home_counts_missed_questions_due_again_per_section(quiz_app, quiz_store, clock):
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "back" not in home_line(app, "Picking answers")
        await open_quiz_from_home(pilot)
        await take_quiz(pilot, app, wrong=set(MISSED))
        assert isinstance(app.screen, QuizResultsScreen)
        await back_home(pilot)
        assert "best 33%" in home_line(app, "Picking answers")
        assert "back" not in home_line(app, "Picking answers")  # missed a moment ago: not due yet

        clock.advance(timedelta(minutes=10))
        await pilot.press("g")  # any other screen and back: the home screen asks again on return
        await pilot.pause()
        await back_home(pilot)
        line = home_line(app, "Picking answers")
        assert line.rstrip().endswith("best 33% · 2 questions back"), line
        assert "back" not in home_line(app, "Typing answers")  # counted per section

        # the quiz brings them back first; one missed again, one answered right
        screen = await open_quiz_from_home(pilot)
        assert {item.id for item in screen.session.items if item.due} == set(MISSED)
        again = screen.session.current.id
        right = next(q for q in MISSED if q != again)
        await take_quiz(pilot, app, wrong={again})
        await back_home(pilot)
        assert "back" not in home_line(app, "Picking answers")  # neither is due this minute
        due_again, due_right = (quiz_store.get_item(q, "question").due for q in (again, right))
        assert due_again < due_right  # the one answered right stays away longer
        clock.advance(due_again - clock.now() + timedelta(seconds=1))
        await pilot.press("g")
        await pilot.pause()
        await back_home(pilot)
        assert home_line(app, "Picking answers").rstrip().endswith("best 67% · 1 question back")

def test_questions_back_asks_the_store_once_until_refreshed():
    calls = []

    class Store(MemoryStore):
        def due_items(self, kind, ids=None, now=None):
            calls.append(kind)
            return ["q1", "q3"] if kind == "question" else []

    progress = Progress(Store())
    assert progress.questions_back(["q1", "q2"]) == 1 and progress.questions_back(["q3", "q1"]) == 2
    assert calls == ["question"]
    progress.refresh()
    assert progress.questions_back([]) == 0 and calls == ["question", "question"]
    assert Progress(MemoryStore()).questions_back(["q1"]) == 0  # the in-memory stand-in has no schedule


def test_a_section_read_is_stamped_by_the_stores_clock():
    from datetime import datetime

    stamped = datetime(2030, 1, 2, 3, 4, tzinfo=UTC)

    class Clock:
        def now(self):
            return stamped

    class Store(MemoryStore):
        clock = Clock()

    store = Store()
    assert Progress(store).mark_read("s1")
    assert store.sections_read() == {"s1"} and store.first_read_at("s1") == stamped
