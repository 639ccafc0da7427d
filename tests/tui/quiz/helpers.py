"""Shared by the quiz screen tests: the quiz fixture course, a fixed clock, a tmp_path store, the
app opened on a quiz with fsrs fuzzing off, and keys that answer the question on screen."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from rnnquiz.content.library import Library, load_library
from rnnquiz.study.clock import ManualClock
from rnnquiz.study.scheduler import StudyScheduler
from rnnquiz.study.store import Store
from rnnquiz.tui.app import create_app
from rnnquiz.tui.screens.quiz import QuizScreen
from rnnquiz.tui.widgets.answer_rows import key_label
from rnnquiz.tui.widgets.match_picker import right_label

from ..helpers import FIXTURES, screen_text

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SIZE = (80, 24)


@pytest.fixture(scope="module")
def quiz_library() -> Library:
    library = load_library([FIXTURES / "quiz"])
    assert not library.problems, [str(p) for p in library.problems]
    return library


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def quiz_store(tmp_path, clock):
    with Store.open(tmp_path / "quizdata", clock=clock) as opened:
        yield opened


@pytest.fixture
def quiz_app(quiz_library, quiz_store):
    """`quiz_app(arg)`: the app opened on a quiz of the quiz fixture course, fuzzing off."""

    def make(arg: str | None = None, **kwargs: Any):
        app = create_app(quiz_library, kwargs.pop("store", quiz_store), initial="quiz" if arg else "home", arg=arg,
                         **kwargs)
        app.context.progress.scheduler = StudyScheduler(enable_fuzzing=False)
        return app

    return make


def right_keys(screen: QuizScreen) -> list[str]:
    """The keys that answer the question on screen fully right (enter included)."""
    item = screen.session.current
    q = item.question
    if item.type == "single":
        return [key_label(item.displayed_index(q.answer)), "enter"]
    if item.type == "multiple":
        return [key_label(item.displayed_index(i)) for i in q.answer] + ["enter"]
    if item.type == "true_false":
        return ["t" if q.answer else "f", "enter"]
    if item.type == "short":
        return [*q.answer, "enter"]
    if item.type == "numeric":
        return [*"0.35", "enter"]
    if item.type == "cloze":
        return [key for blank in q.blanks for key in (*blank.answers[0], "enter")]
    if item.type == "order":
        order = list(screen.view.answer.order)
        keys = []
        for place in range(len(order)):
            row = order.index(item.displayed_index(place))
            keys += [str(row + 1)] + ["shift+up"] * (row - place)
            order.insert(place, order.pop(row))
        return keys + ["enter"]
    if item.type == "match":  # the cursor moves on to the next unmatched left item by itself
        return [right_label(item.displayed_index(i)) for i in range(len(q.pairs))] + ["enter"]
    raise AssertionError(item.type)


async def take_quiz(pilot, app, *, skip: frozenset[str] = frozenset(), wrong: frozenset[str] = frozenset()) -> None:
    """Answer every question right up to the end screen, except: ids in `wrong` get an answer that
    is not right (`wrong_keys`), ids in `skip` are skipped (PgDn), and when the quiz comes
    back round to a skipped one, ctrl+f finishes it."""
    skipped: set[str] = set()
    for _ in range(30):
        screen = app.screen
        if not isinstance(screen, QuizScreen):
            return
        item = screen.session.current
        if item.id in skipped:
            await pilot.press("ctrl+f")
        elif item.id in skip:
            skipped.add(item.id)
            await pilot.press("pagedown")
        else:
            await pilot.press(*(wrong_keys(screen) if item.id in wrong else right_keys(screen)))
            await pilot.pause()
            if isinstance(app.screen, QuizScreen) and app.screen.showing_feedback:
                verdict = "✗" if item.id in wrong else "✓ Right"
                assert verdict in screen_text(app), (item.id, screen_text(app))
                await pilot.press("enter")
        await pilot.pause()
    raise AssertionError("the quiz did not end")


def wrong_keys(screen: QuizScreen) -> list[str]:
    """Keys that answer the question on screen not right (enter included): a wrong choice, the
    other truth value, a wrong word or number, wrong blanks, the order as shown (never the right
    one), each left item matched with the next one's partner."""
    item = screen.session.current
    q = item.question
    if item.type == "single":
        return [key_label(next(i for i in range(len(q.choices)) if i != item.displayed_index(q.answer))), "enter"]
    if item.type == "multiple":
        return [key_label(item.displayed_index(next(i for i in range(len(q.choices)) if i not in q.answer))), "enter"]
    if item.type == "true_false":
        return ["f" if q.answer else "t", "enter"]
    if item.type == "short":
        return [*"xyzzy", "enter"]
    if item.type == "numeric":
        return [*"42", "enter"]
    if item.type == "cloze":
        return [key for _ in q.blanks for key in ("z", "z", "enter")]
    if item.type == "order":
        return ["enter"]
    if item.type == "match":
        n = len(q.pairs)
        return [right_label(item.displayed_index((i + 1) % n)) for i in range(n)] + ["enter"]
    raise AssertionError(item.type)
