"""Live reload: saving a content file while the app runs shows the new version where the learner was;
an invalid save is refused with a `file:line:col` notice and the previous version stays. Also the late
load of a warm start: home first, from the outline; other screens wait for the library."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from textual.widgets import TabbedContent

from rnnquiz.content import live as live_module
from rnnquiz.content.live import LiveLibrary
from rnnquiz.tui.app import create_app
from rnnquiz.tui.live_content import POLL_SECONDS
from rnnquiz.tui.screens.glossary import GlossaryScreen
from rnnquiz.tui.screens.home import HomeScreen
from rnnquiz.tui.screens.lesson import LessonScreen
from rnnquiz.tui.widgets.dialogue import DialogueView

from ..editing import save
from .helpers import flat, screen_text

RELOAD_WITHIN = 2.5
"""Seconds: the poll interval, the settle time (content.live.SETTLE_SECONDS) and reading the files,
with room for a busy test machine."""


async def wait_for(pilot, condition: Callable[[], bool], timeout: float = 5.0) -> float:
    """Seconds until `condition` holds, letting the app run; fails after `timeout`."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < timeout, "timed out"
        await pilot.pause(0.05)
    return time.monotonic() - start


def recorded(app) -> list[tuple[str, str, bool]]:
    """Notices as (title, message, markup), still shown as usual."""
    notes: list[tuple[str, str, bool]] = []
    original = app.notify

    def notify(message, *, title="", markup=True, **kwargs):
        notes.append((title, str(message), markup))
        return original(message, title=title, markup=markup, **kwargs)

    app.notify = notify
    return notes


async def test_a_valid_save_shows_in_the_open_lesson_where_the_learner_was(course, store):
    app = create_app(LiveLibrary.open([course]), store, initial="learn", arg="first")
    notes = recorded(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # two lines of the dialogue shown
        await pilot.pause()
        assert app.screen.query_one(DialogueView).revealed == 2
        save(course / "first.yaml", "What is h[t-1]?", "So what is h[t-1], exactly?")
        took = await wait_for(pilot, lambda: "Sowhatish[t-1],exactly?" in flat(screen_text(app)))
        assert took < RELOAD_WITHIN, took
        screen = app.screen
        assert isinstance(screen, LessonScreen) and screen.section.dialogue[1].text == "So what is h[t-1], exactly?"
        assert screen.query_one(DialogueView).revealed == 2  # the learner's place is kept
        assert screen.query_one(TabbedContent).active == "dialogue"
        assert ("Content", "Reloaded first.yaml.", False) in notes


async def test_an_invalid_save_is_refused_with_its_location_and_the_old_text_stays(course, store):
    app = create_app(LiveLibrary.open([course]), store, initial="learn", arg="first")
    notes = recorded(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")  # reveal the whole dialogue: the section is marked read
        await pilot.pause()
        read_before, states_before = store.sections_read(), store.item_states()
        assert "first" in read_before
        save(course / "first.yaml", "  - student: What is h[t-1]?", "  - student: What is h[t-1]?\n    mood: [/]")
        took = await wait_for(pilot, lambda: any(title.startswith("Not reloaded") for title, _, _ in notes))
        assert took < RELOAD_WITHIN, took
        title, message, markup = next(n for n in notes if n[0].startswith("Not reloaded"))
        assert markup is False and "first.yaml has problems" in title
        assert message.startswith(f"{course / 'first.yaml'}:6:5: dialogue[1].mood: unknown field")
        assert "mood" in message
        assert "Whatish[t-1]?" in flat(screen_text(app))
        assert app.screen.section.dialogue[1].text == "What is h[t-1]?"
        assert store.sections_read() == read_before and store.item_states() == states_before


async def test_home_and_glossary_follow_a_save(course, store):
    app = create_app(LiveLibrary.open([course]), store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        save(course / "second.yaml", "title: Second steps", "title: Further steps")
        await wait_for(pilot, lambda: "2. Further steps" in screen_text(app))
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#sections").highlighted_option.id == "section:second"
        await pilot.press("g")
        await wait_for(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        await pilot.press(*"gradient")
        await wait_for(pilot, lambda: "How the loss changes" in screen_text(app))
        save(course / "second.yaml", "How the loss changes with a weight.", "The slope of the loss.")
        await wait_for(pilot, lambda: "The slope of the loss." in screen_text(app))
        assert app.screen.query_one("Input").value == "gradient"


async def test_a_warm_start_shows_home_before_the_library_and_waits_for_it_to_open_a_lesson(
        course, store, tmp_path, monkeypatch):
    data = tmp_path / "data"
    LiveLibrary.open([course], cache_dir=data)  # cold start: writes the outline cache
    warm = LiveLibrary.open([course], cache_dir=data)
    assert not warm.loaded
    release, real = threading.Event(), live_module._load
    monkeypatch.setattr(live_module, "_load", lambda paths: release.wait(10) and real(paths))
    app = create_app(warm, store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "1. First steps" in screen_text(app) and not warm.loaded
            await pilot.press("enter")
            await pilot.pause(0.1)
            assert isinstance(app.screen, HomeScreen)  # waiting for the library, not frozen
            release.set()
            await wait_for(pilot, lambda: isinstance(app.screen, LessonScreen))
            assert warm.loaded and app.screen.section.section == "first"
    finally:
        release.set()


def test_the_poll_interval_is_half_a_second():
    assert POLL_SECONDS <= 0.5


def test_a_refusal_lists_the_saved_files_problems_first_then_at_most_a_few():
    from rnnquiz.content.live import Reload
    from rnnquiz.content.problems import Problem
    from rnnquiz.content.watch import Changes
    from rnnquiz.tui.live_content import SHOWN_PROBLEMS, refusal_notice

    saved, other = Path("/c/saved.yaml"), Path("/c/a-course.yaml")
    problems = [Problem(other, 3, 5, "section `s` is not defined in any loaded file"),
                *(Problem(saved, n, 1, f"problem {n}") for n in range(1, 5))]
    result = Reload(Changes(changed=[saved]), False, problems, problems)
    lines = refusal_notice(result).splitlines()
    assert lines[:SHOWN_PROBLEMS] == [f"/c/saved.yaml:{n}:1: problem {n}" for n in range(1, SHOWN_PROBLEMS + 1)]
    assert lines[-1] == f"(and {len(problems) - SHOWN_PROBLEMS} more)"
    # Under preview the panel lists only the saved file: another file's problem is named in the notice.
    assert refusal_notice(result, preview=saved).splitlines() == [
        "/c/saved.yaml:1:1: problem 1", "/c/a-course.yaml:3:5: section `s` is not defined in any loaded file",
        "(and 3 more, listed below)"]


def test_qa_a_refusal_under_preview_never_claims_other_files_are_listed_below():
    from rnnquiz.content.live import Reload
    from rnnquiz.content.problems import Problem
    from rnnquiz.content.watch import Changes
    from rnnquiz.tui.live_content import SHOWN_PROBLEMS, refusal_notice

    saved = Path("/c/saved.yaml")
    others = [Problem(Path(f"/c/other{n}.yaml"), 1, 1, f"other {n}") for n in range(SHOWN_PROBLEMS + 2)]
    problems = [Problem(saved, 2, 1, "mine"), *others]
    result = Reload(Changes(changed=[saved]), False, problems, problems)
    lines = refusal_notice(result, preview=saved).splitlines()
    assert lines[0] == "/c/saved.yaml:2:1: mine"
    assert lines[1:SHOWN_PROBLEMS] == [str(p) for p in others[:SHOWN_PROBLEMS - 1]]
    assert lines[-1] == f"(and {len(others) - (SHOWN_PROBLEMS - 1)} more in other files; `rnnquiz validate` lists them)"
    assert not any("listed below" in line for line in lines)


async def test_a_reload_that_drops_a_card_says_so(course, store):
    app = create_app(LiveLibrary.open([course]), store)
    notes = recorded(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        save(course / "first.yaml", "{id: mini-c1,", "{id: mini-c2,")
        await wait_for(pilot, lambda: any("left the course" in message for _, message, _ in notes))
        gone = next(message for _, message, _ in notes if "left the course" in message)
        assert gone.startswith("Cards or questions left the course: 1 no longer in first.yaml (mini-c1).")
        assert "mini-c2" in app.context.library.flashcards
