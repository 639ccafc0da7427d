"""SVG snapshots of the quiz: a question, its feedback, the end screen (update with
`pytest --snapshot-update`, then look at them). Each one also checks what it pictures."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from rnnquiz.content.library import load_library
from rnnquiz.study.scheduler import StudyScheduler
from rnnquiz.tui.app import create_app
from rnnquiz.tui.screens.quiz import QuizScreen
from rnnquiz.tui.screens.quiz_results import QuizResultsScreen
from rnnquiz.tui.widgets.answer_rows import key_label
from rnnquiz.tui.widgets.choice_list import ChoiceList
from rnnquiz.tui.widgets.match_picker import MatchPicker
from rnnquiz.tui.widgets.quiz_feedback import QuizFeedback

from ..helpers import FIXTURES, screen_text
from ..test_snapshots import no_blink

SIZE = (80, 24)


@pytest.fixture(scope="module")
def quiz_library():
    return load_library([FIXTURES / "quiz"])


@pytest.fixture
def quiz_app(quiz_library, store):
    def make(arg: str):
        app = create_app(quiz_library, store, initial="quiz", arg=arg)
        app.context.progress.scheduler = StudyScheduler(enable_fuzzing=False)
        return app

    return make


async def to_question(pilot: Pilot, question_id: str) -> None:
    assert isinstance(pilot.app.screen, QuizScreen)
    while pilot.app.screen.session.current.id != question_id:
        await pilot.press("pagedown")
    await no_blink(pilot)


def test_single_choice_question(snap_compare, quiz_app):
    async def run_before(pilot: Pilot) -> None:
        await to_question(pilot, "c-single")
        await pilot.press("down")  # the cursor moves to the second choice, and that picks it
        await pilot.pause()
        screen = pilot.app.screen
        choices = screen.query_one(ChoiceList)
        assert choices.picked == {1} and choices.cursor == 1 and choices.texts[1] == "Sideways"
        assert not choices.locked and screen.session.grade_of("c-single") is None  # picked, not submitted
        text = screen_text(pilot.app)
        assert "Question 3 of 3" in text and "0/3 answered" in text
        assert "› 2 (•) Sideways" in text and "1 ( ) Up" in text

    assert snap_compare(quiz_app("choices?seed=1"), terminal_size=SIZE, run_before=run_before)


def test_wrong_answer_feedback(snap_compare, quiz_app):
    async def run_before(pilot: Pilot) -> None:
        await to_question(pilot, "c-single")
        item = pilot.app.screen.session.current
        wrong = next(i for i in range(4) if i != item.displayed_index(1))
        await pilot.press(key_label(wrong), "enter")
        await pilot.pause()
        grade = pilot.app.screen.session.grade_of("c-single")
        assert grade is not None and not grade.correct and grade.score == 0
        assert pilot.app.screen.query(QuizFeedback)
        text = screen_text(pilot.app)
        assert "▌ ✗ Wrong" in text and "▌ Right answer: Toward zero [/]" in text
        assert "1/3 answered · 0 right" in text

    assert snap_compare(quiz_app("choices?seed=1"), terminal_size=SIZE, run_before=run_before)


def test_match_question_at_60x20(snap_compare, quiz_app):
    async def run_before(pilot: Pilot) -> None:
        await to_question(pilot, "a-match")
        await pilot.press("b")
        await pilot.pause()
        picker = pilot.app.screen.query_one(MatchPicker)
        assert picker.matched == {0: 1} and picker.cursor == 1  # LSTM got b, the cursor moved on
        assert picker.rights[1] == "no gates" and picker.response() == {0: 1}
        text = screen_text(pilot.app)
        assert "1. LSTM  → b no gates" in text and "› 2. GRU  → ?" in text and "b  no gates  ← 1" in text

    assert snap_compare(quiz_app("arrange?seed=1"), terminal_size=(60, 20), run_before=run_before)


def test_end_screen(snap_compare, quiz_app):
    async def run_before(pilot: Pilot) -> None:
        for _ in range(3):  # an exam: the first choice of each question, feedback at the end
            await pilot.press("1", "enter")
            await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, QuizResultsScreen) and screen.session.finished
        result = screen.result
        assert (result.score, result.correct, result.total, len(result.missed)) == (0.5, 1, 3, 2)
        text = screen_text(pilot.app)
        assert "Score 50%  ·  1 of 3 right  ·  2 to retry" in text
        assert "1. ◐ Partly right (50%)" in text and "2. ✓ Right" in text and "3. ✗ Wrong" in text

    assert snap_compare(quiz_app("choices?seed=1&exam"), terminal_size=SIZE, run_before=run_before)
