"""Feedback on wrong answers of every type, the author's feedback on picked choices (right after
answering, and in the review after an exam), and the last question left open."""

from __future__ import annotations

import pytest

from rnnquiz.tui.screens.quiz import QuizScreen
from rnnquiz.tui.screens.quiz_results import QuizResultsScreen

from ..helpers import flat, screen_text
from .helpers import right_keys, take_quiz, wrong_keys

RIGHT_HEADING = {"order": "Right order:", "match": "Right matches:"}


@pytest.mark.parametrize("section", ["choices", "typed", "arrange"])
async def test_a_whole_quiz_of_each_type_answered_wrong_then_retried(quiz_app, quiz_store, section):
    app = quiz_app(f"{section}?seed=11")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        total = len(screen.session)
        for _ in range(total):
            item = screen.session.current
            await pilot.press(*wrong_keys(screen))
            await pilot.pause()
            assert screen.showing_feedback, (item.id, screen_text(app))
            text = screen_text(app)
            assert "✗ Wrong" in text or "◐ Partly right" in text, (item.id, text)
            assert RIGHT_HEADING.get(item.type, "Right answer:") in text, (item.id, text)
            explanation = str(item.question.explain).replace("**", "")
            assert flat(explanation) in flat(text), (item.id, text)  # the why, Markdown rendered
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, QuizResultsScreen)
        assert f"0 of {total} right" in screen_text(app) and f"Retry the {total} missed" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        await take_quiz(pilot, app)
        assert isinstance(app.screen, QuizResultsScreen) and "Score 100%" in screen_text(app)
    for item in screen.session.items:
        assert [a.score < 1 for a in quiz_store.quiz_attempts(item.id)] == [True, False]
        assert quiz_store.has_item(item.id, "question")  # missed once: under spaced repetition


async def to_question(pilot, question_id: str) -> QuizScreen:
    screen = pilot.app.screen
    while screen.session.current.id != question_id:
        await pilot.press("pagedown")
    return screen


def keys_for(screen: QuizScreen, texts: list[str]) -> list[str]:
    """The pick keys of the choices with these texts, as shown on screen."""
    shown = [choice.text for choice in screen.session.current.choices]
    return [str(shown.index(text) + 1) for text in texts]


async def test_feedback_on_several_picked_choices_says_which_choice_it_is_about(quiz_app):
    app = quiz_app("choices?seed=1")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = await to_question(pilot, "c-multiple")
        await pilot.press(*keys_for(screen, ["LSTM", "Elman RNN", "Perceptron"]), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "◐ Partly right" not in text and "✗ Wrong" in text  # 2 of 2 right, 2 wrong: 0
        assert "On “Elman RNN”:" in text and "Elman's simple RNN has no gates [none]." in text
        assert "On “Perceptron”:" in text and "A perceptron has no recurrence at all." in text
        assert text.index("Elman's simple") < text.index("A perceptron")  # in the author's order


async def test_the_review_after_an_exam_shows_the_feedback_on_picked_choices(quiz_app):
    app = quiz_app("choices?seed=1&exam")
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        screen = await to_question(pilot, "c-multiple")
        await pilot.press(*keys_for(screen, ["GRU", "Perceptron"]), "enter")
        await pilot.pause()
        assert "A perceptron has no recurrence" not in screen_text(app)  # an exam holds it back
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, QuizResultsScreen)
        text = screen_text(app)
        assert "Your answer: GRU; Perceptron" in text and "A perceptron has no recurrence at all." in text
        assert text.count("no answer") == 2  # the two unanswered: `Your answer: no answer`, not said twice


async def test_skipping_the_last_open_question_says_how_to_finish(quiz_app, quiz_store):
    app = quiz_app("arrange?seed=2")
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.pause()
        screen = app.screen
        _first, last = screen.session.items
        assert "^f Finish" not in screen_text(app).splitlines()[-1]
        await pilot.press(*right_keys(screen))
        await pilot.pause()
        await pilot.press("enter")  # next: the last question left
        await pilot.pause()
        assert screen.session.current.id == last.id and "^f Finish" in screen_text(app).splitlines()[-1]
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.session.current.id == last.id and notes and "ctrl+f finishes" in notes[-1]
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, QuizResultsScreen) and "1 of 2 right" in screen_text(app)
    assert quiz_store.quiz_attempts(last.id)[0].response is None and quiz_store.has_item(last.id, "question")
