"""Small helpers shared by the TUI tests."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.command import CommandList
from textual.pilot import Pilot

from ..shared import FIXTURES  # noqa: F401 -- the TUI tests import it from here


def screen_text(app: App) -> str:
    """What the terminal shows right now, as plain text (one line per row)."""
    # The compositor is private, but it is what the terminal receives; nothing public gives text.
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """Screen text without spaces, line breaks, borders or scrollbars, to find wrapped phrases."""
    return "".join(ch for ch in text if not ch.isspace() and not 0x2500 <= ord(ch) <= 0x259F)


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app work (a worker, a search, a reload) until `condition` holds; fail after `timeout`
    seconds of pauses (counted, not read from the wall clock, so a loaded machine gets more time)."""
    waited = 0.0
    while not condition():
        assert waited < timeout, "timed out"
        await pilot.pause(0.02)
        waited += 0.02


def palette_offers(app: App, words: str) -> bool:
    """Whether the open command palette lists a command containing `words` (its search is async)."""
    found = app.screen.query(CommandList)
    if not found:
        return False
    options = found.first()
    return any(words in str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
