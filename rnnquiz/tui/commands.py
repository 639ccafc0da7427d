"""The command palette (ctrl+p): one command per screen in the registry, one per section for
screens about a section, plus the theme switch.

Titles come from course files, so prompts are built as `Content` (never parsed as markup) and
highlighted by hand; `Matcher.highlight` would parse them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from rnnquiz.tui import registry
from rnnquiz.tui.widgets.literal import literal


@dataclass(frozen=True, slots=True)
class Command:
    text: str
    """What the learner searches; may hold course text."""
    help: str
    """Our own words only: the palette parses help as markup."""
    callback: Callable[[], object]


def commands(app: object) -> Iterator[Command]:
    """Every palette command, in the order shown before the learner types."""
    context = app.context  # type: ignore[attr-defined]
    open_screen = app.open_screen  # type: ignore[attr-defined]
    for spec in registry.SCREENS.values():
        if spec.arg == "section":
            if spec.key is not None:  # also opened without a section (flashcards of every course)
                yield Command(spec.title, spec.help, partial(open_screen, spec.name))
            for course in context.outline.courses:  # the outline: ready before the full library loads
                for section in course.sections:
                    yield Command(f"{spec.verb or spec.title}: {section.title}", spec.help,
                                  partial(open_screen, spec.name, section.id))
        else:
            yield Command(spec.title, spec.help, partial(open_screen, spec.name))
    yield Command("Toggle light / dark theme", "Switch between the light and the dark theme",
                  app.action_toggle_theme)  # type: ignore[attr-defined]


def highlighted(matcher: Matcher, text: str) -> Content:
    """The command text, literal, with the matched letters styled."""
    content = literal(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class RnnQuizCommands(Provider):
    """Jump to any section, the glossary, flashcards, a quiz or the lab."""

    async def discover(self) -> Hits:
        for command in commands(self.app):
            yield DiscoveryHit(literal(command.text), command.callback, text=command.text, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in commands(self.app):
            score = matcher.match(command.text)
            if score > 0:
                yield Hit(score, highlighted(matcher, command.text), command.callback, text=command.text,
                          help=command.help)


def provider() -> type[Provider]:
    """For `App.COMMANDS`, which accepts a callable so this module loads only when ctrl+p is used."""
    return RnnQuizCommands
