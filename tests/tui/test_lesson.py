"""The lesson screen: every part of a section, revealed and switched by keys, progress recorded."""

from __future__ import annotations

from textual.widgets import TabbedContent

from rnnquiz.speech import Speaker
from rnnquiz.tui.screens.lesson import LessonScreen
from rnnquiz.tui.widgets.deep_dive import DeepDiveView
from rnnquiz.tui.widgets.dialogue import DialogueView
from rnnquiz.tui.widgets.summary import SummaryView

from ..test_speech import fake_engine
from .helpers import screen_text


async def open_first(app, pilot, size=(80, 24)) -> LessonScreen:
    app.open_screen("learn", "first")
    await pilot.pause()
    assert isinstance(app.screen, LessonScreen)
    return app.screen


async def test_dialogue_is_revealed_line_by_line_with_speakers_apart(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await open_first(app, pilot)
        text = screen_text(app)
        assert "Hello class, today we meet h[t-1]." in text
        assert "What is h[t-1]?" not in text
        assert "Line 1 of 3" in text
        await pilot.press("space")
        text = screen_text(app)
        assert "Student" in text and "What is h[t-1]?" in text
        await pilot.press("enter")
        text = screen_text(app)
        assert "Ms Teacher" in text and "End of the dialogue" in text
        lines = list(lesson.query(".dialogue-line"))
        assert [line.has_class("-teacher") for line in lines] == [True, False, True]
        assert lines[0].region.x != lines[1].region.x  # teacher and student sit apart


async def test_finishing_the_dialogue_marks_the_section_read(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(app, pilot)
        assert "first" not in store.sections_read()
        await pilot.press("a")
        await pilot.pause()
        assert store.sections_read() == {"first"}
        assert "✓ read" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "✓ 1. First steps" in screen_text(app)
        assert "Mini course  1/2 read" in screen_text(app)


async def test_a_section_without_dialogue_is_read_on_opening(make_app, store):
    app = make_app(initial="learn", arg="second")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert store.sections_read() == {"second"}


async def test_summary_switches_between_basic_medium_detailed(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await open_first(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        assert lesson.query_one(TabbedContent).active == "summary"
        assert "Basic summary text." in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert "Medium summary text, a bit longer." in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert "Detailed summary text" in screen_text(app)
        assert lesson.query_one(SummaryView).level == "detailed"
        await pilot.click("#level-basic")
        await pilot.pause()
        assert "Basic summary text." in screen_text(app)


async def test_markdown_only_where_the_author_opted_in(make_app):
    app = make_app(initial="learn", arg="second")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Second basic summary." in text  # **basic** rendered as Markdown
        assert "**" not in text


async def test_deep_dive_shows_point_explanation_then_analogy(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await open_first(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        order = [text.index(p) for p in ("1. Point one", "Explanation one.", "Real-life analogy: Analogy one")]
        assert order == sorted(order)
        view = lesson.query_one(DeepDiveView)
        assert view.cursor == 0
        await pilot.press("down")
        await pilot.pause()
        assert view.cursor == 1 and view.current.point == "Point two"


async def test_concepts_examples_memory_aids_glossary_and_demos(make_app):
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await open_first(app, pilot)
        expected = {
            "4": ["1.  Concept alpha", "2.  Concept beta"],
            "5": ["Example 1", "A plain example.", "Titled example", "Example with a title."],
            "6": ["Rhyme", "In a sequence, RNNs thrive.", "Acronym", "Story", "Mnemonic", "h for hold."],
            "7": ["Hidden State (h)", "The network's memory, written h[t].", "See also: Recurrence"],
            "8": ["Demo: gradient-decay", "Watch the norm shrink.", "rho = 0.5", "steps = 20", "Open in the lab"],
        }
        for key, phrases in expected.items():
            await pilot.press(key)
            await pilot.pause()
            text = screen_text(app)
            for phrase in phrases:
                assert phrase in text, (key, phrase)


async def test_opening_a_demo_asks_for_the_lab(make_app):
    app = make_app()
    opened: list[tuple[str, str | None]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(app, pilot)
        app.open_screen = lambda name, arg=None: opened.append((name, arg))  # type: ignore[method-assign]
        await pilot.press("8")
        await pilot.pause()
        await pilot.press("o")
        await pilot.click(".demo-open")
        await pilot.pause()
    assert opened == [("lab", "first?demo=0"), ("lab", "first?demo=0")]


async def test_left_right_and_next_section(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        lesson = await open_first(app, pilot)
        await pilot.press("right")
        await pilot.pause()
        assert lesson.query_one(TabbedContent).active == "summary"
        await pilot.press("left", "left")
        await pilot.pause()
        assert lesson.query_one(TabbedContent).active == "demos"  # wraps around
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.section.section == "second"
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.section.section == "first"
        assert len(app.screen_stack) == 2


async def test_read_aloud_without_an_engine_says_how_to_get_one(make_app):
    app = make_app()
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.context.speaker = Speaker(None)
        await open_first(app, pilot)
        app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("l")
        await pilot.pause()
    assert notes and "espeak-ng" in notes[0]


async def test_read_aloud_speaks_the_current_line_in_the_speakers_voice(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.context.speaker = Speaker(fake_engine(tmp_path))
        lesson = await open_first(app, pilot)
        await pilot.press("space", "l")
        await app.workers.wait_for_complete()
        await pilot.press("3", "l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not lesson.speaking
    said = (tmp_path / "said.txt").read_text(encoding="utf-8").splitlines()
    assert said[0] == "['-v', 'en+f3', '--stdin'] What is h[t-1]?"
    assert said[1] == "['-v', 'en', '--stdin'] Point one. Explanation one. An analogy: Analogy one, like a relay race."


async def test_read_aloud_does_not_freeze_the_ui(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.context.speaker = Speaker(fake_engine(tmp_path, sleep=30))
        lesson = await open_first(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        assert lesson.speaking
        await pilot.press("space")  # the UI still answers while the engine speaks
        await pilot.pause()
        assert lesson.query_one(DialogueView).revealed == 2
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not lesson.speaking


async def test_a_speech_engine_that_cannot_run_is_a_notice_not_a_crash(make_app, tmp_path):
    from rnnquiz.speech import Engine

    app = make_app()
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.context.speaker = Speaker(Engine("espeak-ng", str(tmp_path / "removed-since-start")))
        lesson = await open_first(app, pilot)
        app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.screen is lesson and not lesson.speaking
    assert any(note.startswith("Reading aloud failed:") for note in notes)


async def test_the_end_of_the_dialogue_leads_into_practice(make_app):
    app = make_app(initial="learn", arg="first")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")  # every line
        await pilot.pause()
        status = app.screen.query_one(".dialogue-status").render()
        assert str(status) == ("End of the dialogue (3 lines). Next: z to check yourself (1 question), "
                               "f for its 1 card, n for the next section.")
