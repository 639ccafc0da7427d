"""`rnnquiz quiz`: options carried to the screen, unknown scopes as one-line errors, and the pure
helpers of the quiz screens (no Textual import)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rnnquiz.cli import main
from rnnquiz.quiz.grading import grade
from rnnquiz.quiz.kinds import response_text
from rnnquiz.quiz.kinds.cloze import cloze_display
from rnnquiz.quiz.options import QuizOptions
from rnnquiz.tui.screens.quiz import QuizScreen

from ..helpers import FIXTURES

QUIZ = str(FIXTURES / "quiz")


def test_unknown_scope_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["quiz", "choises", "--content", QUIZ, "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "rnnquiz quiz: no course or section `choises`; did you mean `choices`?"


def test_a_section_without_questions_is_an_error_too(tmp_path, capsys):
    assert main(["quiz", "second", "--content", str(FIXTURES / "mini"), "--data-dir", str(tmp_path)]) == 1
    assert "`second` has no quiz questions (try --generated" in capsys.readouterr().err


def test_bad_limit_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["quiz", "--limit", "x", "--content", QUIZ, "--data-dir", str(tmp_path)])
    assert exit_.value.code == 2
    for bad in ("0", "-1"):  # one rule, said the same way for both: 1 or more
        with pytest.raises(SystemExit) as exit_:
            main(["quiz", "--limit", bad, "--content", QUIZ, "--data-dir", str(tmp_path)])
        assert exit_.value.code == 2
        assert f"--limit: must be 1 or more, not {bad}" in capsys.readouterr().err


async def test_options_reach_the_screen(tmp_path, monkeypatch):
    apps = []
    monkeypatch.setattr("rnnquiz.commands.app.run_app", lambda app: apps.append(app) or 0)
    code = main(["quiz", "quizzy", "--seed", "42", "--exam", "--generated", "--limit", "4", "--content", QUIZ,
                 "--data-dir", str(tmp_path)])
    assert code == 0
    [app] = apps
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert (screen.session.seed, screen.session.exam, len(screen.session)) == (42, True, 4)
        assert screen.options == QuizOptions("quizzy", 42, True, True, 4)
    app.context.progress.store.close()


@pytest.mark.parametrize("options", [QuizOptions(), QuizOptions("rnn"), QuizOptions("a.b-c", 0, True, False, 3),
                                     QuizOptions(None, 7, False, True, None)])
def test_options_round_trip_through_the_screen_argument(options):
    assert QuizOptions.from_arg(options.to_arg()) == options


def test_a_bare_section_id_and_junk_settings():
    assert QuizOptions.from_arg("first") == QuizOptions("first")
    assert QuizOptions.from_arg("first?seed=x&limit=-1&bogus&exam") == QuizOptions("first", exam=True)
    assert QuizOptions.from_arg(None) == QuizOptions()


def test_cloze_gaps_are_numbered_and_brackets_kept():
    assert cloze_display("h[t-1] = {{tanh}}(W{{x|X}})") == "h[t-1] = [1]____(W[2]____)"


def test_responses_in_words(quiz_library_questions):
    q = quiz_library_questions
    assert response_text(q["c-single"], 1) == "Toward zero [/]"
    assert response_text(q["c-multiple"], [1, 0]) == "LSTM; GRU"
    assert response_text(q["c-true-false"], False) == "False"
    assert response_text(q["t-cloze"], ["LSTM", " "]) == "LSTM / (empty)"
    assert response_text(q["a-order"], [3, 2, 1, 0]) == "Update → Backward pass → Loss → Forward pass"
    assert response_text(q["a-match"], {0: 1, 2: None}) == "LSTM → two gates; GRU → ?; RNN → ?"
    assert response_text(q["t-short"], None) == "no answer"
    assert response_text(q["c-single"], 99) == "99"  # unreadable: shown as given
    assert not grade(q["c-single"], 99).correct


@pytest.fixture(scope="module")
def quiz_library_questions():
    from rnnquiz.content.library import load_library

    library = load_library([FIXTURES / "quiz"])
    return {q.id: q for course in library.courses for s in course.sections for q in s.quiz}


@pytest.mark.parametrize("module", ["rnnquiz.quiz.kinds", "rnnquiz.commands.quiz"])
def test_pure_modules_do_not_import_textual(module):
    code = f"import json, sys, {module}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert "textual" not in {name.split(".")[0] for name in json.loads(result.stdout)}
