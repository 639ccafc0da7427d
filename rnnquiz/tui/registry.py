"""Every screen the app can open, by name: the one list that bindings, the palette and help read.

To add a screen, write `rnnquiz/tui/screens/NAME.py` with a `Screen` subclass whose constructor
is `(context: AppContext, arg: str | None = None)`, then add one `ScreenSpec` below. Its global
key, palette commands and help entry follow from the spec. Modules are
imported only when a screen first opens, so the home screen starts fast however many there are.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol, cast

if TYPE_CHECKING:
    from textual.screen import Screen

    from rnnquiz.tui.context import AppContext

ArgKind = Literal["none", "section", "course"]


class ScreenFactory(Protocol):
    """What every registered screen class is: built from the app's context and its argument."""

    def __call__(self, context: AppContext, arg: str | None = None) -> Screen[Any]: ...


@dataclass(frozen=True, slots=True)
class ScreenSpec:
    """How to open one screen."""

    name: str
    """Name used by `App.open_screen(name)`, the `open` action and `create_app(initial=...)`."""
    title: str
    """Shown in the command palette and the help screen."""
    help: str
    """One line for the command palette (plain text, never markup)."""
    target: str
    """`module:Class` of the screen."""
    key: str | None = None
    """Global key that opens it (with no argument), or None."""
    arg: ArgKind = "none"
    """What the screen is about: the palette offers one command per section or course."""
    verb: str | None = None
    """Palette prefix for per-section commands (`Learn: <section>`); defaults to the title."""

    def screen_class(self) -> type[Screen[Any]]:
        module_name, _, class_name = self.target.partition(":")
        found: type[Screen[Any]] = getattr(importlib.import_module(module_name), class_name)
        return found

    def create(self, context: AppContext, arg: str | None = None) -> Screen[Any]:
        """A new screen, tagged with its name and argument so the app can return to it later."""
        screen = cast(ScreenFactory, self.screen_class())(context, arg)
        screen.screen_name = self.name  # type: ignore[attr-defined]
        if getattr(screen, "screen_arg", None) is None:
            screen.screen_arg = arg  # type: ignore[attr-defined]
        return screen


SCREENS: dict[str, ScreenSpec] = {
    spec.name: spec
    for spec in (
        ScreenSpec("home", "Home", "Courses, sections and progress", "rnnquiz.tui.screens.home:HomeScreen", key="h"),
        ScreenSpec("learn", "Lesson", "Read a section: dialogue, summary, deep dive and more",
                   "rnnquiz.tui.screens.lesson:LessonScreen", arg="section", verb="Learn"),
        ScreenSpec("glossary", "Glossary", "Every term, filtered as you type",
                   "rnnquiz.tui.screens.glossary:GlossaryScreen", key="g"),
        ScreenSpec("help", "Keys", "Every key of every screen", "rnnquiz.tui.screens.help:HelpScreen"),
        ScreenSpec("study", "Flashcards", "Review the flashcards that are due",
                   "rnnquiz.tui.screens.study:StudyScreen", key="f", arg="section"),
        ScreenSpec("quiz", "Quiz", "Take a section's quiz", "rnnquiz.tui.screens.quiz:QuizScreen", arg="section"),
        # The lesson opens the lab with arg "SECTION?demo=INDEX": that section's `demos[INDEX]` (rnn/target.py).
        ScreenSpec("lab", "RNN lab", "Run the live RNN demos", "rnnquiz.tui.screens.lab:LabScreen", key="L"),
        ScreenSpec("stats", "Statistics", "Reviews heatmap, due forecast, retention, streak and leeches",
                   "rnnquiz.tui.screens.stats:StatsScreen"),
    )
}
"""Screen name -> spec, in the order the palette lists them."""


def get(name: str) -> ScreenSpec:
    try:
        return SCREENS[name]
    except KeyError:
        raise LookupError(f"no screen named {name!r}") from None


def keyed() -> Iterator[tuple[str, ScreenSpec]]:
    """(key, screen) for the screens with a global key, for the app's bindings."""
    return ((spec.key, spec) for spec in SCREENS.values() if spec.key)
