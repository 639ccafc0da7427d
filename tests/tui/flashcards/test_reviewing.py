"""The review screen, driven as a learner would: flip, rate, undo, cloze, reversible, type-in,
hints, flags, leeches, nothing due, cram, and what each leaves in the progress database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, timedelta

from rnnquiz.study.scheduler import Rating, StudyScheduler
from rnnquiz.study.store import Store
from rnnquiz.study.wording import when
from rnnquiz.tui.screens.home import HomeScreen
from rnnquiz.tui.screens.study import StudyScreen
from rnnquiz.tui.widgets.card_view import BLANK_STYLE, CardView

from ..helpers import screen_text
from .helpers import (
    START,
    UNITS,
    graduate,
    open_study,
    settle,
)


async def test_space_flips_and_each_rating_shows_its_interval(cards_app):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        text = screen_text(app)
        assert "What does h[t-1] hold?" in text and "Basic" in text
        assert "6 new  0 learning  0 review" in text
        assert "The hidden state from the step before." not in text
        assert "Show answer" in text.splitlines()[-1]
        await pilot.press("space")
        text = screen_text(app)
        assert screen.state == "back"
        assert "The hidden state from the step before." in text
        for label in ("1 Again · 1m", "2 Hard · 6m", "▸3 Good · 10m", "4 Easy · 8d"):
            assert label in text, label


async def test_a_rating_is_saved_at_once_and_undo_restores_card_and_log(cards_app, store):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_study(app, pilot)
        await pilot.press("space", "3")
        await pilot.pause()
        # Committed before the next card shows: a second connection sees it.
        with sqlite3.connect(store.path) as other:
            assert other.execute("SELECT item_id, rating FROM review_log").fetchall() == [("basic-one", 3)]
        assert "Hidden state" in screen_text(app) and "5 new  1 learning  0 review" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert store.get_item("basic-one") is None and store.review_history("basic-one") == []
        text = screen_text(app)
        assert "What does h[t-1] hold?" in text and "6 new  0 learning  0 review" in text
        await pilot.press("space", "4")
        await pilot.pause()
        state = store.get_item("basic-one")
        assert state is not None and state.due - START == timedelta(days=8)


async def test_undo_of_a_review_card_restores_its_previous_schedule(cards_app, store, clock):
    graduate(store, *UNITS[1:], days_ago=30)  # everything but the basic card is overdue
    graduate(store, "basic-one", days_ago=30)
    before = store.get_item("basic-one")
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        assert screen.unit.id == "basic-one" and "1 review" not in screen_text(app)
        await pilot.press("space", "1")
        await pilot.pause()
        assert store.get_item("basic-one").lapses == 1
        await pilot.press("u")
        await pilot.pause()
        assert store.get_item("basic-one") == before
        assert len(store.review_history("basic-one")) == 1


async def test_reversible_card_buries_its_sibling_until_tomorrow(cards_app, store, clock):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("space", "4")  # basic
        await pilot.pause()
        assert screen.unit.id == "rev-one" and "Forward" in screen_text(app)
        await pilot.press("space", "4")
        await pilot.pause()
        assert screen.unit.id == "cloze-one#1"  # rev-one~rev is buried
    clock.advance(days=1)
    again = cards_app()
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await open_study(again, pilot)
        assert screen.unit.id == "rev-one~rev"
        text = screen_text(again)
        assert "Reversed" in text and "The network's memory, written h[t]" in text
        await pilot.press("space")
        assert "Hidden state" in screen_text(again)


async def test_cloze_blank_is_literal_text_and_the_answer_is_highlighted(cards_app, store):
    graduate(store, "basic-one", "rev-one", "rev-one~rev")
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        assert screen.unit.id == "cloze-one#1"
        text = screen_text(app)
        assert "Update: h_t = [activation](W[hh] h_(t-1) + W_xh x_t)" in text
        assert "Cloze · blank 1 of 2" in text
        await pilot.press("space")
        await pilot.pause()
        assert "Update: h_t = tanh(W[hh] h_(t-1) + W_xh x_t)" in screen_text(app)
        answer = screen.query_one(CardView).query_one(".card-answer").visual
        start = answer.plain.index("tanh")
        assert any(span.start == start and span.end == start + 4 and span.style == BLANK_STYLE
                   for span in answer.spans)


async def test_second_cloze_blank_shows_dots_and_comes_the_next_day(cards_app, store, clock):
    graduate(store, "basic-one", "rev-one", "rev-one~rev", "cloze-one#1", "typein-one")
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        assert screen.unit.id == "cloze-one#2"  # its sibling was reviewed yesterday, not today
        assert "Update: h_t = tanh(W[hh] h_(t-1) + [...] x_t)" in screen_text(app)


async def test_type_in_compares_suggests_and_enter_accepts(cards_app, store):
    graduate(store, *UNITS[:5])
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        assert screen.unit.id == "typein-one" and app.focused is not None and app.focused.id == "typed"
        await pilot.press(*"tanf3", "backspace", "backspace", "h")  # keys typed here never rate or flag
        assert not store.is_flagged("typein-one") and store.review_history("typein-one") == []
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Correct" in text and "suggested: Good" in text and "▸3 Good" in text
        assert app.focused is None
        await pilot.press("enter")
        await pilot.pause()
        assert [r.rating for r in store.review_history("typein-one")] == [3]


async def test_type_in_shows_the_differences_and_another_rating_can_be_chosen(cards_app, store):
    graduate(store, *UNITS[:5])
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_study(app, pilot)
        await pilot.press(*"tahn", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Not quite" in text and "You typed  tahn" in text and "Expected   tanh" in text
        assert "suggested: Again" in text and "▸1 Again" in text
        await pilot.press("2")
        await pilot.pause()
        assert [r.rating for r in store.review_history("typein-one")] == [2]


async def test_hint_is_shown_on_request_as_literal_text(cards_app):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_study(app, pilot)
        assert "not markup" not in screen_text(app) and "i Hint" in screen_text(app)
        await pilot.press("i")
        await pilot.pause()
        assert "Hint: It is a [memory], not markup." in screen_text(app)


async def test_nothing_due_says_when_and_cram_changes_no_schedule(cards_app, store):
    graduate(store, *UNITS, days_ago=2)  # Easy: due in 8 days, so 6 days from now
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        text = screen_text(app)
        assert screen.unit is None and "Nothing is due right now." in text
        due = min(store.get_item(u).due for u in UNITS)
        assert f"The next card is due {when(due, START, UTC)}." in text
        assert "The next card is due on Tuesday at 12:00." in text
        assert "c Cram all cards" in text
        before = _dump(store.path)
        await pilot.press("c")
        await settle(app, pilot)
        assert "Cram · 6 left · schedules unchanged" in screen_text(app)
        for key in ("space", "1", "space", "3", "u", "space", "4"):
            await pilot.press(key)
            await pilot.pause()
        assert "Cram · 5 left" in screen_text(app)  # Again brings the first card back later
        for _ in range(6):
            await pilot.press("enter", "4")  # enter: space would be typed into a type-in card's field
            await pilot.pause()
        assert "Cram finished" in screen_text(app) and "Schedules were not changed." in screen_text(app)
        assert _dump(store.path) == before


async def test_flag_marks_the_card_for_its_author_and_toggles(cards_app, store):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert store.is_flagged("basic-one") and "⚑ flagged for the author" in screen_text(app)
        assert isinstance(app.screen, StudyScreen) and screen.unit.id == "basic-one"
        await pilot.press("f")
        await pilot.pause()
        assert not store.is_flagged("basic-one")
        await pilot.press("space", "f")
        await pilot.pause()
        assert store.is_flagged("basic-one") and store.review_history("basic-one") == []


def test_stats_flagged_lists_a_flagged_card_with_file_and_line(tmp_path, capsys):
    from rnnquiz.cli import main

    from ..helpers import FIXTURES

    with Store.open(tmp_path) as store:
        store.flag("rev-one~rev", "card")
    assert main(["stats", "--flagged", "--content", str(FIXTURES / "cards"), "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{FIXTURES / 'cards' / 'deck.yaml'}:8:5: card rev-one~rev" in out


async def test_f_opens_flashcards_from_other_screens_and_flags_on_the_review_screen(cards_app, store):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the lesson of the first section
        await pilot.pause()
        assert app.screen.screen_name == "learn"
        await pilot.press("f")
        await settle(app, pilot)
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and store.is_flagged("basic-one")
        assert [type(s).__name__ for s in app.screen_stack].count("StudyScreen") == 1


async def test_a_card_forgotten_eight_times_becomes_a_leech_and_is_listed(cards_app, store, clock):
    scheduler = StudyScheduler(enable_fuzzing=False)
    at = START - timedelta(days=200)
    graduate(store, *UNITS[1:])
    for rating in [Rating.Easy] + [Rating.Again, Rating.Good] * 7:  # seven lapses, back in review
        store.record_review("basic-one", "card", rating, scheduler, at=at)
        at = max(at + timedelta(minutes=10), store.get_item("basic-one").due)
    clock.set(max(at, START))
    notes: list[str] = []
    app = cards_app()
    app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_study(app, pilot)
        assert screen.unit.id == "basic-one" and store.get_item("basic-one").lapses == 7
        await pilot.press("space", "1")
        await pilot.pause()
        state = store.get_item("basic-one")
        assert state.leech and state.suspended and state.lapses == 8
        assert any("is now a leech" in note for note in notes)
        text = screen_text(app)
        assert "Nothing is due right now." in text and "Leeches (1): suspended after 8 lapses" in text
        assert "basic-one  8 lapses" in text and "deck.yaml:4:5" in text


async def test_returning_home_refreshes_the_due_counts(cards_app, store, clock):
    from datetime import datetime

    clock.set(datetime.now(UTC) - timedelta(hours=1))  # an Again given an hour ago is due now
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "due" not in screen_text(app)
        await pilot.press("f")
        await settle(app, pilot)
        await pilot.press("space", "1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "The deck  1 due" in screen_text(app)


async def test_without_a_progress_database_it_says_so(mini_library):
    from rnnquiz.tui.app import create_app

    app = create_app(mini_library, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_study(app, pilot, arg=None)
        text = screen_text(app)
        assert "needs the progress database" in text and "Cram" not in text.splitlines()[-1]
        await pilot.press("space", "1", "u", "f", "c")
        assert app.is_running


async def test_mouse_shows_the_answer_and_rates(cards_app, store):
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_study(app, pilot)
        await pilot.click("#show-answer")
        await pilot.pause()
        await pilot.click("#rate-4")
        await pilot.pause()
        assert [r.rating for r in store.review_history("basic-one")] == [4]


async def test_small_terminals_and_resizing(cards_app, store):
    app = cards_app()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("space")
        await pilot.pause()
        text = screen_text(app)
        assert "1 Again · 1m" in text and "4 Easy · 8d" in text and "Back" in text.splitlines()[-1]
        for size in [(40, 12), (30, 8), (100, 30), (40, 12)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert "Again" in screen_text(app)
        await pilot.press("3", "space", "3")
        await pilot.pause()
        assert screen.unit is not None and app.is_running


async def test_unknown_course_is_a_notice_not_a_crash(cards_app):
    app = cards_app()
    notes: list[str] = []
    app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_screen("study", "nope")
        app.open_screen("study", "cards?retention=7")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert notes == ["no course or section 'nope'",
                         "desired retention must be between 0.5 and 0.99, not '7'"]


def _dump(path) -> dict[str, list]:
    """Every row of every table, to prove cram wrote nothing."""
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    dump = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    conn.close()
    return dump


async def test_read_aloud_says_a_cloze_gap_as_blank(cards_app, store, tmp_path):
    from rnnquiz.speech import Speaker

    from ...test_speech import fake_engine

    graduate(store, "basic-one", "rev-one", "rev-one~rev")
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.context.speaker = Speaker(fake_engine(tmp_path))
        await open_study(app, pilot)
        await pilot.press("l")
        await app.workers.wait_for_complete()
    said = (tmp_path / "said.txt").read_text(encoding="utf-8")
    assert "Update: h_t = blank (activation)(W[hh] h_(t-1) + W_xh x_t)" in said


async def test_the_session_is_built_in_a_worker_while_the_screen_says_so(cards_app, monkeypatch):
    import threading

    from rnnquiz.study import options as study_options

    threads: list[str] = []
    release = threading.Event()
    original = study_options.open_session

    def slow(*args, **kwargs):
        threads.append(threading.current_thread().name)
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr("rnnquiz.tui.screens.study.open_session", slow)
    app = cards_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = StudyScreen(app.context, "cards")
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.state == "loading" and "Gathering the cards…" in screen_text(app)
        assert not screen.check_action("flip", ()) and not screen.check_action("cram", ())
        await pilot.press("space", "3", "f")  # nothing to act on yet, and nothing breaks
        release.set()
        await settle(app, pilot)
        assert screen.state == "front" and threads and threading.main_thread().name not in threads


async def test_a_session_that_cannot_be_built_is_reported_and_the_app_keeps_running(cards_app, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("desired retention out of range")

    monkeypatch.setattr("rnnquiz.tui.screens.study.open_session", broken)
    app = cards_app()
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
        screen = StudyScreen(app.context, "cards")
        await app.push_screen(screen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.screen is screen and screen.session is None
    assert notes == ["ValueError: desired retention out of range"]
