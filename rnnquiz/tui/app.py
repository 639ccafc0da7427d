"""The app shell: global keys, theme, and opening screens by name from the registry.

Kept thin on purpose: screens live in `screens/`, the list of them in `registry.py`, palette
commands in `commands.py`. `create_app` is the one way to build the app, for the CLI and tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from rnnquiz.content.library import Library
from rnnquiz.tui import registry
from rnnquiz.tui.commands import provider as commands_provider
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.progress import Progress

DARK, LIGHT = "textual-dark", "textual-light"
THEME_SETTING = "theme"


class RnnQuizApp(App[None]):
    """rnnquiz in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "rnnquiz"
    COMMANDS = App.COMMANDS | {commands_provider}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]
    BINDINGS = [
        Binding("question_mark,f1", "open('help')", "Keys", id="app.help"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False, id="app.theme"),
        *(
            Binding(spec.key, f"open({spec.name!r})", spec.title + ("" if spec.built else " (not built yet)"),
                    show=False, id=f"app.open-{spec.name}")
            for spec in registry.keyed()
        ),
    ]

    def __init__(self, context: AppContext, initial: str = "home", arg: str | None = None) -> None:
        super().__init__()
        self.context = context
        self.initial = (initial, arg)

    def get_default_screen(self) -> Screen:
        return registry.get("home").create(self.context)

    def on_mount(self) -> None:
        saved = self.context.progress.setting(THEME_SETTING)
        if saved in self.available_themes:
            self.theme = saved
        name, arg = self.initial
        if name != "home":
            self.open_screen(name, arg)
        for warning in self.context.warnings:
            self.notify(warning, title="Heads up", severity="warning", timeout=10, markup=False)

    def watch_theme(self, theme: str) -> None:
        if self.context.progress.setting(THEME_SETTING) != theme:
            self.context.progress.set_setting(THEME_SETTING, theme)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_open(self, name: str, arg: str | None = None) -> None:
        self.open_screen(name, arg)

    def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def open_screen(self, name: str, arg: str | None = None) -> None:
        """Show screen `name`: go back to it if it is already open, else push a new one."""
        try:
            spec = registry.get(name)
        except LookupError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if not spec.built:
            self.notify(f"{spec.title}: not built yet.", markup=False)
            return
        for depth, screen in enumerate(reversed(self.screen_stack)):
            if getattr(screen, "screen_name", None) == name and (arg is None or screen.screen_arg == arg):
                for _ in range(depth):
                    self.pop_screen()
                return
        try:
            screen = spec.create(self.context, arg)
        except LookupError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.push_screen(screen)


def create_app(
    library: Library,
    store: Any | None = None,
    *,
    initial: str = "home",
    arg: str | None = None,
    warnings: Iterable[str] = (),
) -> RnnQuizApp:
    """The app for `library`, keeping progress in `store` (None: in memory, forgotten on exit)."""
    progress = Progress(store)
    app = RnnQuizApp(AppContext(library, progress, warnings=list(warnings)), initial=initial, arg=arg)
    progress.on_error = lambda message: app.notify(message, title="Progress not saved", severity="error",
                                                   markup=False)
    return app
