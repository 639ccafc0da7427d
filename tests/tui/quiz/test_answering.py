"""The quiz screen: whole quizzes of every question type by keyboard and mouse, immediate feedback
and exam mode, the end screen and retrying the missed ones, answers saved as they are given,
missed questions coming back, and the best score on the home screen."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rnnquiz.tui.screens.home import HomeScreen
from rnnquiz.tui.screens.quiz import QuizScreen
from rnnquiz.tui.screens.quiz_leave import LeaveExam
from rnnquiz.tui.screens.quiz_results import QuizResultsScreen, ReviewEntry
from rnnquiz.tui.widgets.answer_rows import AnswerRow, key_label

from ..helpers import flat, screen_text
from .helpers import SIZE, right_keys, take_quiz


@pytest.mark.parametrize("section", ["choices", "typed", "arrange"])
async def test_a_whole_quiz_of_each_type_answered_right(quiz_app, quiz_store, section):
    app = quiz_app(f"{section}?seed=3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        total = len(app.screen.session)
        await take_quiz(pilot, app)
        assert isinstance(app.screen, QuizResultsScreen)
        text = screen_text(app)
        assert "Score 100%" in text and f"{total} of {total} right" in text and "nothing missed" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "best 100%" in screen_text(app)  # home refreshed on return
    assert quiz_store.best_quiz_score(section) == 1.0


async def skip_to(pilot, question_id: str) -> QuizScreen:
    """Skip (PgDn) until the quiz shows `question_id`."""
    await pilot.pause()
    screen = pilot.app.screen
    while screen.session.current.id != question_id:
        await pilot.press("pagedown")
    return screen


async def test_feedback_shows_the_right_answer_and_the_explanation_literally(quiz_app):
    app = quiz_app("choices?seed=1")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await skip_to(pilot, "c-single")
        item = screen.session.current
        text = screen_text(app)
        assert "Which way do gradients go in W[hh]?" in text and "Toward zero [/]" in text
        wrong = next(i for i in range(4) if i != item.displayed_index(1))
        await pilot.press(key_label(wrong), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Wrong" in text and "Right answer: Toward zero [/]" in text
        assert "✓ Toward zero [/]  (right answer)" in text
        assert "Each step multiplies by the same Jacobian." in text  # Markdown explanation, rendered
        assert "**" not in text


async def test_choice_feedback_of_the_author_is_shown_literally(quiz_app):
    app = quiz_app("choices?seed=1")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await skip_to(pilot, "c-single")
        await pilot.press(*right_keys(screen))
        await pilot.pause()
        assert "Yes: products of small [bold]Jacobians[/bold] shrink." in screen_text(app)


async def test_each_answer_is_saved_when_given_and_a_miss_is_scheduled(quiz_app, quiz_store):
    app = quiz_app("typed?seed=2")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        first = screen.session.current
        await pilot.press(*"nope"[: 4 if first.type != "numeric" else 0], *("9" if first.type == "numeric" else ""))
        if first.type == "cloze":
            await pilot.press("enter")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.showing_feedback
        [attempt] = quiz_store.quiz_attempts(first.id)  # saved before the quiz ends
        assert attempt.score < 1 and attempt.section_id == "typed" and attempt.course_id == "quizzy"
        assert quiz_store.has_item(first.id, "question")  # missed: under spaced repetition now
        await pilot.press("escape")  # leaving an immediate quiz keeps what was answered
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(quiz_store.quiz_attempts(first.id)) == 1
    assert not any(quiz_store.quiz_attempts(i.id) for i in screen.session.items if i.id != first.id)


async def test_a_number_that_is_not_one_is_a_slip_to_fix_not_a_wrong_answer(quiz_app, quiz_store):
    app = quiz_app("typed?seed=2")
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.pause()
        screen = app.screen
        while screen.session.current.type != "numeric":
            await pilot.press("pagedown")
        await pilot.press(*"zero point", "enter")
        await pilot.pause()
        assert notes == ["not a number"] and not screen.showing_feedback
        await pilot.press("ctrl+u", *"0,35", "enter")  # a decimal comma is a number
        await pilot.pause()
        assert screen.showing_feedback and "✓ Right" in screen_text(app)
    assert quiz_store.quiz_attempts("t-numeric")[0].response == "0,35"


async def test_exam_holds_feedback_until_the_end_and_saves_then(quiz_app, quiz_store):
    app = quiz_app("quizzy?seed=5&exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "exam" in screen_text(app).splitlines()[0]
        ids = [item.id for item in screen.session.items]
        await take_quiz(pilot, app, skip={"a-match"})
        assert isinstance(app.screen, QuizResultsScreen)
        result = app.screen.result
        assert result.total == len(ids) == 8 and result.correct == 7
        assert [item.id for item in result.missed] == ["a-match"]
        entry = next(e for e in app.screen.query(ReviewEntry) if e.review.item.id == "a-match")
        app.screen.query_one("#results-review").scroll_to_widget(entry, animate=False, top=True)
        await pilot.pause()
        assert "Your answer: no answer" in screen_text(app)
    assert all(quiz_store.quiz_attempts(i) for i in ids)  # all saved at the end
    assert quiz_store.quiz_attempts("a-match")[0].response is None


async def test_exam_answers_wait_and_can_be_changed_before_the_end(quiz_app, quiz_store):
    app = quiz_app("choices?seed=4&exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        first = screen.session.current
        await pilot.press(*right_keys(screen))
        await pilot.pause()
        assert "✓" not in screen_text(app) and screen.session.position == 1  # no feedback, next question
        assert quiz_store.quiz_attempts(first.id) == []  # nothing saved before the end
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.session.position == 0
        assert "(•)" in screen_text(app) or "[x]" in screen_text(app)  # the answer given is shown again
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveExam)
        await pilot.press("escape")  # keep going
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape", "f")  # finish now: the unanswered count as missed
        await pilot.pause()
        assert isinstance(app.screen, QuizResultsScreen)
        assert app.screen.result.correct == 1 and len(app.screen.result.missed) == 2
    assert len(quiz_store.quiz_attempts(first.id)) == 1


async def test_leaving_an_exam_without_finishing_saves_nothing(quiz_app, quiz_store):
    app = quiz_app("choices?seed=4&exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = app.screen.session.current
        await pilot.press(*right_keys(app.screen))
        await pilot.press("escape", "l")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert quiz_store.quiz_attempts(first.id) == []


async def test_retry_the_missed_ones(quiz_app, quiz_store):
    app = quiz_app("arrange?seed=6")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await take_quiz(pilot, app, wrong={"a-order"})
        results = app.screen
        assert isinstance(results, QuizResultsScreen)
        assert "1 of 2 right" in screen_text(app) and "Retry the 1 missed" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        retry = app.screen
        assert isinstance(retry, QuizScreen) and retry.retry
        assert [i.id for i in retry.session.items] == ["a-order"] and "retry" in screen_text(app).splitlines()[0]
        await take_quiz(pilot, app)
        assert isinstance(app.screen, QuizResultsScreen) and "Score 100%" in screen_text(app)
        assert "r Retry" not in screen_text(app).splitlines()[-1]
    assert [a.score for a in quiz_store.quiz_attempts("a-order")] == [0.0, 1.0]


async def test_the_mouse_picks_toggles_orders_matches_and_submits(quiz_app):
    app = quiz_app("quizzy?seed=8")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        for _ in range(len(screen.session)):
            item = screen.session.current
            answer = screen.view.answer
            rows = list(answer.query(AnswerRow))
            q = item.question
            if item.type in ("single", "true_false"):
                index = item.displayed_index(q.answer) if item.type == "single" else (0 if q.answer else 1)
                await pilot.click(rows[index])
            elif item.type == "multiple":
                for i in q.answer:
                    await pilot.click(rows[item.displayed_index(i)])
            elif item.type == "order":
                for place in range(len(q.items)):  # click an item to grab it, click where it goes
                    await pilot.click(rows[answer.order.index(item.displayed_index(place))])
                    await pilot.click(rows[place])
            elif item.type == "match":
                lefts = [r for r in rows if r.group == "row"]
                rights = [r for r in rows if r.group == "right"]
                for i in range(len(q.pairs)):
                    await pilot.click(lefts[i])
                    await pilot.click(rights[item.displayed_index(i)])
            else:
                await pilot.press(*right_keys(screen)[:-1])
            await pilot.click("#quiz-go")  # Submit
            await pilot.pause()
            assert "✓ Right" in screen_text(app), (item.id, screen_text(app))
            await pilot.click("#quiz-go")  # Next
            await pilot.pause()
        assert isinstance(app.screen, QuizResultsScreen) and app.screen.result.correct == 8
        await pilot.click("#done")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_missed_question_comes_back_in_a_later_quiz_until_known(quiz_app, quiz_store, clock):
    app = quiz_app("choices?seed=1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await take_quiz(pilot, app, skip={"c-true-false"})
    clock.advance(timedelta(days=1))
    app = quiz_app("choices?seed=2")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.session.items[0].id == "c-true-false" and screen.session.items[0].due
        assert "missed before, back for review" in screen_text(app)
        await take_quiz(pilot, app)
    assert quiz_store.due_items("question") == []  # answered right: pushed further out


async def test_generated_questions_are_mixed_in(quiz_app):
    app = quiz_app("choices?seed=1&generated")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        items = app.screen.session.items
        assert any(i.generated for i in items) and any(not i.generated for i in items)
        while not app.screen.session.current.generated:
            await pilot.press("pagedown")
        assert "from the glossary" in screen_text(app)


async def test_home_z_opens_the_quiz_of_the_highlighted_section(quiz_app):
    app = quiz_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "z")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.screen.options.scope == "typed"


async def test_unknown_scope_from_the_app_is_a_notice(quiz_app):
    app = quiz_app("nope")
    notes: list[str] = []
    app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert notes == ["no course or section `nope`"]


@pytest.mark.parametrize("size", [(60, 20), (40, 12)])
async def test_small_terminals_and_resizing(quiz_app, size):
    app = quiz_app("quizzy?seed=9")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await take_quiz(pilot, app)
        assert isinstance(app.screen, QuizResultsScreen)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert "Score100%·8of8right" in flat(screen_text(app))


async def test_leaving_says_answers_were_saved_only_when_they_were(quiz_app, monkeypatch):
    for store_works in (True, False):
        app = quiz_app("choices?seed=1")
        notes: list[str] = []
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if not store_works:
                monkeypatch.setattr(app.context.progress, "save_quiz", lambda session: False)
            app.notify = lambda message, notes=notes, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
            await pilot.press(*right_keys(app.screen))
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert ("1 answer(s) saved." in notes) is store_works
