"""Small helpers shared by the TUI tests."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def screen_text(app: App) -> str:
    """What the terminal shows right now, as plain text (one line per row)."""
    # The compositor is private, but it is what the terminal receives; nothing public gives text.
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """Screen text without spaces, line breaks, borders or scrollbars, to find wrapped phrases."""
    return "".join(ch for ch in text if not ch.isspace() and not 0x2500 <= ord(ch) <= 0x259F)
