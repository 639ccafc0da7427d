"""The app shell: global keys, theme, and opening screens by name from the registry.

Kept thin on purpose: screens live in `screens/`, the list of them in `registry.py`, palette
commands in `commands.py`. `create_app` is the one way to build the app, for the CLI and tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from rnnquiz.content.live import LiveLibrary
from rnnquiz.study.progress import Progress
from rnnquiz.tui import registry
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.live_content import LiveContent
from rnnquiz.tui.styles import StagedStyles

if TYPE_CHECKING:
    from rnnquiz.content.library import Library

DARK, LIGHT = "textual-dark", "textual-light"
THEME_SETTING = "theme"
WITHOUT_LIBRARY = frozenset({"home", "help"})
"""Screens that open before the full library has loaded (home is drawn from the outline)."""
LOADING_NOTICE_AFTER = 0.25
"""Seconds a screen may wait for the library before the learner is told why."""


def commands_provider() -> Any:
    """The palette's commands, imported when ctrl+p is first used rather than at start-up."""
    from rnnquiz.tui.commands import provider

    return provider()


class RnnQuizApp(LiveContent, StagedStyles, App[None]):
    """rnnquiz in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "rnnquiz"
    COMMANDS = App.COMMANDS | {commands_provider}
    # No ClassVar here: App declares these as instance attributes, and mypy refuses the override.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "open('help')", "Keys", id="app.help"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False, id="app.theme"),
        *(
            Binding(key, f"open({spec.name!r})", spec.title,
                    show=False, id=f"app.open-{spec.name}")
            for key, spec in registry.keyed()
        ),
    ]

    def __init__(self, context: AppContext, initial: str = "home", arg: str | None = None) -> None:
        super().__init__()
        self.context = context
        self.initial = (initial, arg)
        saved = context.progress.setting(THEME_SETTING)
        if saved in self.available_themes:
            self.theme = saved  # before the styles are first parsed: in on_mount it would parse them twice
        if initial == "home" and context.preview is None:
            self.stage_styles()  # the other screens' rules load just after the first frame

    def get_default_screen(self) -> Screen[Any]:
        return registry.get("home").create(self.context)

    def on_mount(self) -> None:
        name, arg = self.initial
        if name != "home":
            self.open_screen(name, arg)
        for warning in self.context.warnings:
            self.notify(warning, title="Heads up", severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self.load_late_styles)
        self.call_after_refresh(self.start_live_content)  # after the first screen is shown

    def watch_theme(self, theme: str) -> None:
        if self.context.progress.setting(THEME_SETTING) != theme:
            self.context.progress.set_setting(THEME_SETTING, theme)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_open(self, name: str, arg: str | None = None) -> None:
        self.open_screen(name, arg)

    def go_back(self) -> None:
        """Leave the current screen; on the last one, stay."""
        if len(self.screen_stack) > 1:
            self.pop_screen()

    async def action_back(self) -> None:
        self.go_back()

    def open_screen(self, name: str, arg: str | None = None) -> None:
        """Show screen `name`: go back to it if it is already open, else push a new one."""
        try:
            spec = registry.get(name)
        except LookupError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if name not in WITHOUT_LIBRARY and not self.context.library_ready:
            self.run_worker(self._open_when_loaded(name, arg), group="open screen", exclusive=True,
                            exit_on_error=False)
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


    async def _open_when_loaded(self, name: str, arg: str | None) -> None:
        """Open a screen that needs the library once the late load (about 0.1 s) has finished."""
        notice = self.set_timer(LOADING_NOTICE_AFTER, lambda: self.notify("Loading the course…", timeout=2))
        try:
            await self.context.wait_library()
        finally:
            notice.stop()
        self.open_screen(name, arg)


def create_app(
    library: Library | LiveLibrary,
    store: Any | None = None,
    *,
    initial: str = "home",
    arg: str | None = None,
    warnings: Iterable[str] = (),
    preview: Path | None = None,
) -> RnnQuizApp:
    """The app for `library`, keeping progress in `store` (None: in memory, forgotten on exit).

    A `LiveLibrary` with content paths is watched: saved files are reloaded while the app runs.
    `preview`: a content file whose problems are listed beside its lessons (`rnnquiz preview`).
    """
    progress = Progress(store)
    context = AppContext(library, progress, warnings=list(warnings), preview=preview)
    app = RnnQuizApp(context, initial=initial, arg=arg)
    progress.on_error = lambda message: app.notify(message, title="Progress not saved", severity="error",
                                                   markup=False)
    return app
