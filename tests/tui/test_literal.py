"""Tricky content shows exactly as written: brackets are text, escapes are visible, nothing crashes."""

from __future__ import annotations

import pytest
from textual.content import Content

from rnnquiz.tui.widgets.literal import literal

from .helpers import flat, palette_offers, screen_text, wait_until

TRICKY_PHRASES = {
    "1": ["h[t-1] and W[hh] and [/] and [bold]x[/bold] and [$accent]y[/] and", "[@click=app.quit]z[/]",
          "Colour escape ␛[31mRED␛[0m, bell ␇, backspace ␈, CR ␍, C1 \ufffd2J",
          "循环神经网络 (RNN) は系列を読みます 🧠🔁 done",
          "Pneumonoultramicroscopicsilicovolcanoconiosis_Pneumonoultramicroscopicsilicovolcanoconiosis_"
          "Pneumonoultramicroscopicsilicovolcanoconiosis"],
    "2": ["[b]basic[/b] \\[escaped] [link=https://example.com]link[/link]"],
    "3": ["Point [i]one[/i]", "W[hh] * h[t-1] + W[xh] * x[t]", "[/] alone closes nothing"],
    "4": ["[bold]Concept[/bold]", "␛[2J cleared?"],
    "5": ["[u]Title[/u]", "Example [with] brackets"],
    "6": ["[reverse]R[/reverse]hyme"],
    "7": ["h[t-1]", "Previous state [not markup]", "See also: W[hh]", "Recurrent weights 🧮"],
    "8": ["Caption [bold]literal[/bold]", "text = 'h[t-1] [/]'"],
}


@pytest.mark.parametrize("text", ["h[t-1]", "[/]", "[bold]x[/bold]", "[$accent]y[/]", "[@click=app.quit]z[/]"])
def test_literal_content_is_never_markup(text):
    assert literal(text).plain == text
    assert literal(text).spans == []


def test_literal_shows_controls_and_expands_tabs():
    assert literal("a\x1b[0mb").plain == "a␛[0mb"
    assert literal("\tb").plain == "    b"
    assert isinstance(literal("x", "bold"), Content)


async def test_every_part_of_the_tricky_lesson_renders_literally(make_app, tricky_library):
    app = make_app(tricky_library, initial="learn", arg="tricky-text")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(app)
        assert flat("Tricky [bold]course[/] W[hh] › Brackets h[t-1] [/] [bold]not bold[/bold]") in flat(text)
        for key, phrases in TRICKY_PHRASES.items():
            await pilot.press(key)
            await pilot.pause()
            text = screen_text(app)
            assert "\x1b" not in text and "\x07" not in text
            for phrase in phrases:
                assert flat(phrase) in flat(text), (key, phrase)
        await pilot.press("2", "m")
        await pilot.pause()
        assert "Medium: $accent $variable [red on blue]m[/]" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert flat("Detailed: ␛]0;retitled␇ window title escape, then 中文 text") in flat(screen_text(app))


async def test_markup_like_clicks_do_nothing(make_app, tricky_library):
    """`[@click=app.quit]` in content is text; clicking it must not quit the app."""
    app = make_app(tricky_library, initial="learn", arg="tricky-text")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.click(".dialogue-line .words", offset=(2, 1))
        await pilot.pause()
        assert app.is_running


async def test_tricky_home_glossary_help_and_palette(make_app, tricky_library):
    app = make_app(tricky_library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert flat("Tricky [bold]course[/] W[hh]  0/1 read") in flat(screen_text(app))
        assert flat("1. Brackets h[t-1] [/] [bold]not bold[/bold]") in flat(screen_text(app))
        await pilot.press("g")
        await pilot.pause()
        text = screen_text(app)
        assert "h[t-1]" in text and "W[hh]" in text and "Previous state [not markup]" in text
        await pilot.click(".see-also")
        await pilot.pause()
        assert "Recurrent weights 🧮" in screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"brack")
        await wait_until(pilot, lambda: palette_offers(app, "Brackets"))
        assert flat("Learn: Brackets h[t-1] [/] [bold]not bold[/bold]") in flat(screen_text(app))


async def test_a_right_to_left_override_in_a_lesson_is_shown_not_obeyed(tmp_path, make_app):
    from rnnquiz.content.library import load_library

    (tmp_path / "course.yaml").write_text("course: c\ntitle: C\nsections: [s1]\n", encoding="utf-8")
    (tmp_path / "s1.yaml").write_text(
        'section: s1\ntitle: One\ndialogue:\n  - teacher: "open invoice\\u202egnp.exe now"\n',
        encoding="utf-8")
    app = make_app(load_library([tmp_path]), initial="learn", arg="s1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "open invoice<U+202E>gnp.exe now" in text and "\u202e" not in text
