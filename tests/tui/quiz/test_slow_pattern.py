"""Typing into a question whose pattern backtracks exponentially: the quiz answers at once, wrong."""

from __future__ import annotations

from rnnquiz.content.library import load_library
from rnnquiz.tui.screens.quiz import QuizScreen

from ..helpers import screen_text

SECTION = """\
section: s1
title: One
quiz:
  - id: greedy
    type: short
    prompt: Type the word.
    answer: b
    pattern: "(a|aa)+b"
"""


async def test_a_catastrophic_pattern_does_not_freeze_the_quiz(tmp_path, make_app):
    (tmp_path / "course.yaml").write_text("course: c\ntitle: C\nsections: [s1]\n", encoding="utf-8")
    (tmp_path / "s1.yaml").write_text(SECTION, encoding="utf-8")
    library = load_library([tmp_path])
    assert "greedy" in library.questions
    app = make_app(library, initial="quiz", arg="s1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press(*("a" * 31), "enter")
        await pilot.pause()
        assert app.screen.showing_feedback and "✗ Wrong" in screen_text(app)
