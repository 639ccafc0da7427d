"""SVG snapshots of the quiz: a question, its feedback, the end screen (update with
`pytest --snapshot-update`, then look at them)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from rnnquiz.content.library import load_library
from rnnquiz.study.scheduler import StudyScheduler
from rnnquiz.tui.app import create_app
from rnnquiz.tui.widgets.answer_rows import key_label

from ..helpers import FIXTURES
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
    while pilot.app.screen.session.current.id != question_id:
        await pilot.press("pagedown")
    await no_blink(pilot)


def test_single_choice_question(snap_compare, quiz_app):
    async def run_before(pilot: Pilot) -> None:
        await to_question(pilot, "c-single")
        await pilot.press("down")  # picks the first choice, cursor on it

    assert snap_compare(quiz_app("choices?seed=1"), terminal_size=SIZE, run_before=run_before)


def test_wrong_answer_feedback(snap_compare, quiz_app):
    async def run_before(pilot: Pilot) -> None:
        await to_question(pilot, "c-single")
        item = pilot.app.screen.session.current
        wrong = next(i for i in range(4) if i != item.displayed_index(1))
        await pilot.press(key_label(wrong), "enter")
        await pilot.pause()

    assert snap_compare(quiz_app("choices?seed=1"), terminal_size=SIZE, run_before=run_before)


def test_match_question_at_60x20(snap_compare, quiz_app):
    async def run_before(pilot: Pilot) -> None:
        await to_question(pilot, "a-match")
        await pilot.press("b")

    assert snap_compare(quiz_app("arrange?seed=1"), terminal_size=(60, 20), run_before=run_before)


def test_end_screen(snap_compare, quiz_app):
    async def run_before(pilot: Pilot) -> None:
        for _ in range(3):  # an exam: the first choice of each question, feedback at the end
            await pilot.press("1", "enter")
            await pilot.pause()

    assert snap_compare(quiz_app("choices?seed=1&exam"), terminal_size=SIZE, run_before=run_before)
