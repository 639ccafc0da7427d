"""`rnnquiz preview FILE`: the file's first lesson with its problems listed below, updated on every save."""

from __future__ import annotations

from pathlib import Path

from rnnquiz.cli import main
from rnnquiz.commands.preview import first_section
from rnnquiz.commands.validate import _with_siblings
from rnnquiz.content.live import LiveLibrary
from rnnquiz.tui.app import create_app
from rnnquiz.tui.screens.home import HomeScreen
from rnnquiz.tui.screens.lesson import LessonScreen
from rnnquiz.tui.widgets.problems import ProblemsPanel

from .helpers import flat, screen_text
from .test_live_reload import recorded, save, wait_for

BAD_QUESTION = "  - {id: mini-q2, type: single, prompt: Pick one., choices: [only], answer: 0}\n"


def preview_app(file: Path, store):
    live = LiveLibrary.open(_with_siblings([file]))
    section = first_section(live.get(), file)
    return create_app(live, store, initial="learn" if section else "home", arg=section, preview=file)


def panel_text(app) -> str:
    return str(app.screen.query_one(ProblemsPanel).query_one(".problems-text").content)


async def test_preview_lands_on_the_files_first_lesson_with_its_problems_listed(course, store):
    file = course / "first.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("quiz:\n", "quiz:\n" + BAD_QUESTION), encoding="utf-8")
    app = preview_app(file, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.section.section == "first"
        panel = app.screen.query_one(ProblemsPanel)
        [problem] = panel.problems
        line = f"{file}:{problem.line}:{problem.col}: quiz[0].choices: needs at least 2 items, has 1"
        assert panel_text(app) == line
        assert flat(line) in flat(screen_text(app))
        assert "first.yaml: 1 problem" in screen_text(app)


async def test_the_problems_follow_each_save(course, store):
    file = course / "first.yaml"
    app = preview_app(file, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "first.yaml: no problems" in screen_text(app)
        save(file, "title: First steps", "title: First steps\ncolour: blue")
        await wait_for(pilot, lambda: "unknown field `colour`" in panel_text(app))
        assert f"{file}:3:1: colour: unknown field `colour`" in panel_text(app)
        assert "first.yaml: 1 problem" in screen_text(app)
        save(file, "title: First steps\ncolour: blue", "title: Steps, first")
        await wait_for(pilot, lambda: "no problems" in screen_text(app) and "Steps, first" in screen_text(app))
        assert app.screen.section.title == "Steps, first"  # the valid version is in use


async def test_a_course_file_previews_its_first_section_and_a_stray_section_the_home_screen(course, store):
    assert first_section(LiveLibrary.open(_with_siblings([course / "course.yaml"])).get(),
                         course / "course.yaml") == "first"
    stray = course / "stray.yaml"
    stray.write_text("section: stray\ntitle: Nobody lists me\n", encoding="utf-8")
    app = preview_app(stray, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "is not listed in any course" in panel_text(app)


def test_preview_of_a_missing_file_says_so_and_exits_1(tmp_path, capsys):
    assert main(["preview", str(tmp_path / "nope.yaml")]) == 1
    assert capsys.readouterr().err.strip() == f"rnnquiz preview: no such file: {tmp_path / 'nope.yaml'}"
    (tmp_path / "notes.txt").write_text("hi")
    assert main(["preview", str(tmp_path / "notes.txt")]) == 1
    assert "is not a content file" in capsys.readouterr().err


async def test_a_file_broken_at_the_start_opens_its_lesson_once_a_save_fixes_it(course, store):
    file = course / "second.yaml"
    good = file.read_text(encoding="utf-8")
    file.write_text(good.replace("title: Second steps", 'title: "Second steps'), encoding="utf-8")  # unclosed quote
    app = preview_app(file, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # nothing in the file loads: no lesson yet
        assert "invalid YAML" in panel_text(app)
        save(file, 'title: "Second steps', "title: Second steps, fixed")
        await wait_for(pilot, lambda: isinstance(app.screen, LessonScreen))
        assert app.screen.section.section == "second" and app.screen.section.title == "Second steps, fixed"
        await wait_for(pilot, lambda: "second.yaml: no problems" in screen_text(app))
        await pilot.press("escape")  # back home on purpose: the next save does not open the lesson again
        await pilot.pause()
        save(file, "title: Second steps, fixed", "title: Second steps, again")
        await wait_for(pilot, lambda: "Second steps, again" in screen_text(app))
        assert isinstance(app.screen, HomeScreen)


async def test_a_refused_save_names_its_first_problem_and_points_to_the_list(course, store):
    file = course / "first.yaml"
    app = preview_app(file, store)
    notes = recorded(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        save(file, "section: first", "section: first\ncolour: blue\nshade: red")
        await wait_for(pilot, lambda: any(title.startswith("Not reloaded") for title, _, _ in notes))
        message = next(m for title, m, _ in notes if title.startswith("Not reloaded"))
        first, more = message.split("\n")
        assert first.startswith(f"{file}:2:1: colour: unknown field `colour`")
        assert more == "(and 1 more, listed below)"
        assert app.screen.section.title == "First steps"  # the version in use stays
        assert "unknown field `shade`" in panel_text(app)
        save(file, "colour: blue\nshade: red\ntitle: First steps", "title: Steps, first")
        await wait_for(pilot, lambda: app.screen.section.title == "Steps, first"
                       and [panel.problems for panel in app.screen.query(ProblemsPanel)] == [[]])
        shown = [note.title for note in app._notifications]
        assert not [t for t in shown if t.startswith("Not reloaded")] and "Content" in shown  # stale notice gone
