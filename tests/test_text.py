"""safe_text: content reaches the terminal as visible text, never as control sequences."""

import pytest

from rnnquiz.content.text import safe_text, speakable

LITERAL = ["h[t-1]", "W[hh]", "[/]", "[bold]x[/bold]", "[$accent]", "循环 🧠", "a\nb", "a\tb", ""]


@pytest.mark.parametrize("text", LITERAL)
def test_printable_text_and_newlines_and_tabs_are_unchanged(text):
    assert safe_text(text) == text


def test_escape_becomes_a_visible_symbol():
    assert safe_text("\x1b[31mred\x1b[0m") == "␛[31mred␛[0m"


@pytest.mark.parametrize(("raw", "shown"), [("\a", "␇"), ("\b", "␈"), ("\x00", "␀"), ("\x7f", "␡"),
                                            ("\x0c", "␌"), ("\x9b", "\ufffd"), ("\x85", "\n"), ("\u2028", "\n")])
def test_other_controls(raw, shown):
    assert safe_text(f"a{raw}b") == f"a{shown}b"


def test_windows_line_ends_become_newlines_but_a_stray_carriage_return_shows():
    assert safe_text("one\r\ntwo\rthree") == "one\ntwo␍three"


def test_no_c0_or_c1_control_survives_except_newline_and_tab():
    everything = "".join(chr(c) for c in range(0xA0))
    cleaned = safe_text(everything)
    assert not [ch for ch in cleaned if (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0) and ch not in "\n\t"]


def test_speakable_drops_controls_and_joins_lines():
    assert speakable("Hello\x1b[31m\n  world\u200b!") == "Hello [31m world!"


@pytest.mark.parametrize(("raw", "shown"), [
    ("invoice\u202egnp.exe", "invoice<U+202E>gnp.exe"),  # right-to-left override: reads as "exe.png"
    ("a\u2066b\u2069c", "a<U+2066>b<U+2069>c"),  # isolates
    ("pass\u200bword", "pass<U+200B>word"),  # zero-width space
    ("\ufeffstart", "<U+FEFF>start"),
])
def test_bidi_controls_and_invisible_spaces_are_shown_by_name(raw, shown):
    assert safe_text(raw) == shown


@pytest.mark.parametrize("kept", ["👩\u200d💻", "می\u200cخواهم", "abc \u200fשלום"])
def test_joiners_and_bidi_marks_that_scripts_and_emoji_need_are_kept(kept):
    assert safe_text(kept) == kept


def test_speakable_says_nothing_for_hidden_formatting():
    assert speakable("invoice\u202egnp\u200b.exe") == "invoicegnp.exe"
