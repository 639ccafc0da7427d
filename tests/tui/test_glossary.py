"""The glossary: fuzzy filter as you type, definition pane, see-also links that jump."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from rnnquiz.tui.glossary_index import GlossaryIndex
from rnnquiz.tui.screens.glossary import GlossaryScreen
from rnnquiz.tui.screens.lesson import LessonScreen

from .helpers import screen_text


def terms_shown(app) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_index_ranks_names_then_typos_then_definitions(mini_library):
    index = GlossaryIndex(mini_library)
    assert [e.term.term for e in index.search("")] == ["Gradient", "Hidden State", "Recurrence"]
    assert [e.term.term for e in index.search("hid")] == ["Hidden State"]
    assert index.search("Hiden Stat")[0].term.term == "Hidden State"  # typo
    assert index.search("h")[0].term.term == "Hidden State"  # alias
    assert [e.term.term for e in index.search("loss changes")] == ["Gradient"]  # from the definition
    assert index.search("zzzzqqq") == []


def test_see_also_resolves_within_the_course_any_case(mini_library):
    index = GlossaryIndex(mini_library)
    hidden = index.search("Hidden State")[0]
    assert index.see_also(hidden, "recurrence").term.term == "Recurrence"
    assert index.see_also(hidden, "nothing") is None


async def test_typing_filters_and_the_definition_follows(make_app):
    app = make_app(initial="glossary")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert terms_shown(app) == ["Gradient", "Hidden State", "Recurrence"]
        assert "How the loss changes with a weight." in screen_text(app)
        await pilot.press(*"recur")
        await pilot.pause()
        assert terms_shown(app) == ["Recurrence"]
        assert "Feeding the state back in." in screen_text(app)
        await pilot.press("escape")  # clears the filter first
        await pilot.pause()
        assert app.screen.query_one(Input).value == ""
        assert len(terms_shown(app)) == 3
        await pilot.press("down")
        await pilot.pause()
        assert "The network's memory, written h[t]." in screen_text(app)


async def test_typing_in_the_list_goes_to_the_filter(make_app):
    app = make_app(initial="glossary")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one(OptionList).focus()
        await pilot.press(*"grad")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "grad"
        assert terms_shown(app)[0] == "Gradient"


async def test_see_also_link_jumps_even_when_filtered_out(make_app):
    app = make_app(initial="glossary", arg="hidden")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert terms_shown(app) == ["Hidden State"]
        await pilot.click(".see-also")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert screen.current is not None and screen.current.term.term == "Recurrence"
        assert screen.query_one(Input).value == ""
        assert "Feeding the state back in." in screen_text(app)


async def test_no_match_says_so(make_app):
    app = make_app(initial="glossary", arg="zzzzqqq")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No term matches" in screen_text(app)


async def test_open_the_lesson_a_term_comes_from(make_app):
    app = make_app(initial="glossary", arg="gradient")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.section.section == "second"
