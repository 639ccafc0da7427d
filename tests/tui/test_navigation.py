"""Getting around: home, lessons, glossary, help, palette, back, theme, by keyboard and mouse."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import OptionList

from rnnquiz.tui.screens.glossary import GlossaryScreen
from rnnquiz.tui.screens.help import HelpScreen
from rnnquiz.tui.screens.home import HomeScreen
from rnnquiz.tui.screens.lesson import LessonScreen

from .helpers import palette_offers, screen_text, wait_until


async def test_home_lists_courses_and_sections_with_progress(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Mini course  0/2 read" in text
        assert "· 1. First steps" in text and "· 2. Second steps" in text
        assert "Glossary" in text and "Quit" in text  # footer


async def test_enter_opens_the_highlighted_lesson_and_escape_comes_back(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.section.section == "second"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_clicking_a_section_opens_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        row = next(i for i in range(options.option_count) if options.get_option_at_index(i).id == "section:first")
        await pilot.click(OptionList, offset=(4, row))
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.section.section == "first"


async def test_global_keys_open_glossary_help_and_home(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("ctrl+o")  # open the lesson of the highlighted term
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1


async def test_help_lists_the_keys_of_every_screen(make_app):
    app = make_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        for expected in ("Everywhere", "Home", "Lesson", "Glossary", "Next line", "Read aloud", "b m d",
                         "Open lesson", "ctrl+p", "Light/dark"):
            assert expected in text, expected


async def test_global_keys_open_flashcards_and_the_lab_and_escape_returns_home(make_app):
    from rnnquiz.tui.screens.lab import LabScreen
    from rnnquiz.tui.screens.study import StudyScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LabScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_palette_jumps_to_a_section(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"learn second")
        await wait_until(pilot, lambda: palette_offers(app, "Learn: Second steps"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.section.section == "second"


async def test_palette_offers_every_section_and_every_screen(make_app):
    from rnnquiz.tui.commands import commands

    app = make_app()
    async with app.run_test(size=(80, 24)):
        texts = [command.text for command in commands(app)]
    for expected in ("Learn: First steps", "Learn: Second steps", "Glossary", "Flashcards", "Quiz: First steps",
                     "RNN lab", "Statistics", "Toggle light / dark theme"):
        assert expected in texts


async def test_reopening_an_open_screen_goes_back_to_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_screen("learn", "first")
        await pilot.pause()
        app.open_screen("glossary")
        await pilot.pause()
        app.open_screen("learn", "first")
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen", "LessonScreen"]


async def test_theme_choice_is_remembered(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not app.current_theme.dark
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
    assert store.get_setting("theme") == "textual-light"


async def test_initial_screen_and_unknown_section(make_app):
    app = make_app(initial="learn", arg="second")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    notes: list[str] = []
    app = make_app(initial="learn", arg="nope")
    app.notify = lambda message, **kwargs: notes.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert notes == ["no section 'nope'"]


async def test_home_reads_progress_once_at_start_and_again_on_return(make_app):
    app = make_app()
    calls: list[str] = []
    store = app.context.progress.store
    original = store.sections_read

    def counted():
        calls.append("sections_read")
        return original()

    store.sections_read = counted
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert calls.count("sections_read") == 1
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and calls.count("sections_read") == 2


async def test_a_lesson_leads_to_its_own_quiz_and_cards(make_app):
    from rnnquiz.tui.screens.quiz import QuizScreen
    from rnnquiz.tui.screens.study import StudyScreen

    app = make_app(initial="learn", arg="first")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "z Quiz" in footer and "f Cards" in footer
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, StudyScreen))
        assert app.screen.options.course == "first" and "First steps › Flashcards" in screen_text(app)
        assert {unit.card_id for unit in app.screen.session.units.values()} == {"mini-c1"}
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LessonScreen))
        await pilot.press("z")
        await wait_until(pilot, lambda: isinstance(app.screen, QuizScreen))
        assert [item.section_id for item in app.screen.session.items] == ["first"]


def test_the_palette_offers_each_sections_flashcards_and_all_of_them(make_app):
    from rnnquiz.tui.commands import commands

    texts = [command.text for command in commands(make_app())]
    assert "Flashcards" in texts and "Flashcards: First steps" in texts and "Flashcards: Second steps" in texts


async def test_home_is_titled_with_the_course_loaded_not_a_fixed_subject(make_app, tricky_library):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen_text(app).splitlines()[0].strip().startswith("rnnquiz  Mini course")
        assert "recurrent neural networks" not in screen_text(app).casefold()
