"""Quiz, QA follow-up: on a small terminal each question shows its prompt (not only its choices),
and a typed answer's footer says that enter submits."""

from __future__ import annotations

import pytest

from rnnquiz.tui.screens.quiz import QuizScreen

from ..helpers import screen_text


def first_words(screen: QuizScreen) -> str:
    return " ".join(screen.session.current.question.prompt.split()[:4])


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (80, 24)])
async def test_every_question_shows_its_prompt_and_answer_at_small_sizes(quiz_app, size):
    app = quiz_app("quizzy?seed=5")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        seen = set()
        for _ in range(8):
            screen = app.screen
            assert isinstance(screen, QuizScreen)
            item = screen.session.current
            seen.add(item.type)
            await pilot.pause()
            body = screen.query_one("#quiz-body")
            text = screen_text(app)
            assert first_words(screen) in text, (item.id, text)
            # the prompt's first line is in view, and so is the top of the answer below it
            for part in (screen.view.query_one(".question-prompt"), screen.view.answer):
                assert body.content_region.y <= part.region.y < body.content_region.bottom, (item.id, text)
            await pilot.press("pagedown")
            await pilot.pause()
        assert len(seen) == 8


async def test_a_long_prompt_at_40x12_starts_at_its_first_line_after_the_one_before(quiz_app):
    app = quiz_app("quizzy?seed=5")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-tiny") and not screen.view.query_one(".question-how").display
        while screen.session.current.type != "match":  # the match question scrolled before
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.pause()
        assert "Match each cell with its gates." in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.has_class("-tiny") and screen.view.query_one(".question-how").display


@pytest.mark.parametrize("kind", ["short", "numeric", "cloze"])
async def test_the_footer_shows_enter_submits_while_typing(quiz_app, kind):
    app = quiz_app("typed?seed=2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        while screen.session.current.type != kind:
            await pilot.press("pagedown")
            await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        if kind == "cloze":  # enter moves on to the next blank, then submits from the last
            assert "⏎ Next blank" in footer, footer
            await pilot.press("x", "enter")
            await pilot.pause()
            footer = screen_text(app).splitlines()[-1]
        assert "⏎ Submit" in footer, footer
        assert app.focused is not None and app.focused.has_class("answer-field")
