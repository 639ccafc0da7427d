"""`rnnquiz learn` and `rnnquiz glossary`, and the app's start-up when things are missing or broken."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from rnnquiz.cli import main
from rnnquiz.commands.app import build_app, prepare
from rnnquiz.study.progress import MemoryStore, Progress, open_store
from rnnquiz.tui.screens.glossary import GlossaryScreen
from rnnquiz.tui.screens.home import HomeScreen
from rnnquiz.tui.screens.lesson import LessonScreen

from .helpers import FIXTURES, screen_text


def args_for(tmp_path, *content) -> argparse.Namespace:
    return argparse.Namespace(content=[FIXTURES / name for name in content], data_dir=tmp_path / "data")


def test_learn_unknown_section_suggests_a_close_match(tmp_path, capsys):
    code = main(["learn", "frist", "--content", str(FIXTURES / "mini"), "--data-dir", str(tmp_path)])
    assert code == 1
    assert "rnnquiz learn: no section `frist`; did you mean `first`?" in capsys.readouterr().err


def test_learn_unknown_section_without_a_close_match_lists_sections(tmp_path, capsys):
    assert main(["learn", "zzz", "--content", str(FIXTURES / "mini"), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "no section `zzz`; sections: " in err and "first" in err


async def test_learn_and_glossary_open_their_screens(tmp_path):
    app = build_app(args_for(tmp_path, "mini"), "learn", "first")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
    app.context.progress.store.close()
    app = build_app(args_for(tmp_path, "mini"), "glossary", "recur")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert "Feeding the state back in." in screen_text(app)
    app.context.progress.store.close()


async def test_content_problems_are_reported_on_stderr_and_in_the_app(tmp_path, capsys):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "bad.yaml").write_text("section: bad\ntitle: Bad\nflashcard: []\n", encoding="utf-8")
    library, store, warnings = prepare(argparse.Namespace(content=[FIXTURES / "mini", broken],
                                                          data_dir=tmp_path / "data"))
    assert "warning:" in capsys.readouterr().err
    assert warnings and "problem(s) in the course files" in warnings[0] and "bad.yaml" in warnings[0]
    app = build_app(argparse.Namespace(), prepared=(library, store, warnings))
    shown: list[tuple[str, bool]] = []
    app.notify = lambda message, **kw: shown.append((str(message), kw.get("markup", True)))  # type: ignore
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert shown == [(warnings[0], False)]
    store.close()


async def test_the_app_starts_when_the_store_module_is_missing(tmp_path, monkeypatch, mini_library):
    monkeypatch.setitem(sys.modules, "rnnquiz.study.store", None)  # import now raises ImportError
    store, why = open_store(tmp_path)
    assert isinstance(store, MemoryStore) and "not available" in why
    from rnnquiz.tui.app import create_app

    app = create_app(mini_library, store, warnings=[why])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "(progress not saved)" in screen_text(app)
        await pilot.press("enter", "a")
        await pilot.pause()
        assert app.context.progress.is_read("first")


def test_a_database_that_cannot_be_opened_falls_back_to_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    store, why = open_store(blocker / "data")
    assert isinstance(store, MemoryStore) and why.startswith("progress will not be saved")


def test_progress_turns_store_errors_into_notices():
    class Broken:
        def sections_read(self):
            raise OSError("disk on fire")

        def mark_section_read(self, section_id, at):
            raise OSError("disk on fire")

    errors: list[str] = []
    progress = Progress(Broken(), on_error=errors.append)
    assert progress.read_sections() == set()
    progress.mark_read("s1")
    assert progress.is_read("s1")  # the learner still sees it read for this session
    assert len(errors) == 2 and "disk on fire" in errors[0]


def test_progress_counts_due_units_per_card_and_best_scores(store):
    class WithDue(MemoryStore):
        def due_items(self, kind, ids, now):
            assert kind == "card" and now.tzinfo is UTC
            return ["c1", "c1~rev", "c2#1", "c2#2", "c3"]

    progress = Progress(WithDue())
    assert progress.due_count(["c1", "c2"]) == 4
    assert progress.best_score("s", ["q"]) is None  # the memory store keeps no quiz history
    store.record_quiz_attempt("mini-q1", "first", "mini", 0.5, True, at=datetime.now(UTC))
    assert Progress(store).best_score("first", ["mini-q1"]) == 0.5


async def test_home_shows_due_cards_and_best_quiz_score(mini_library, store):
    from rnnquiz.tui.app import create_app

    class DueStore:
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def due_items(self, kind, ids, now):
            return ["mini-c1"]

    store.record_quiz_attempt("mini-q1", "first", "mini", 0.8, True)
    app = create_app(mini_library, DueStore(store))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "1. First steps  1 due · best 80%" in screen_text(app)
