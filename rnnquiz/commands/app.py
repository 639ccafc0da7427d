"""Open the app on the home screen (what `rnnquiz` does with no command).

Start-up is kept close to a bare Textual app's: the home screen is drawn from the library's outline,
read from a small cache in the data folder when no content file changed since it was written, and
the full library loads in a worker just after. Other commands (`learn`, `study`...) call `prepare`,
which loads the library before the app starts, because they need it to check their arguments.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rnnquiz.content.library import Library
    from rnnquiz.content.live import LiveLibrary
    from rnnquiz.tui.app import RnnQuizApp

HELP = "open the app on the home screen"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options of its own: --content and --data-dir are common to every command."""


def content_warnings(problems: Sequence[str]) -> list[str]:
    """The one notice the app shows about content problems (they are also printed on stderr)."""
    if not problems:
        return []
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return [f"{len(problems)} problem(s) in the course files; the invalid parts were skipped. "
            f"Run `rnnquiz validate` for details. First: {problems[0]}{more}"]


def _open_store(args: argparse.Namespace, warnings: list[str]) -> Any:
    from rnnquiz.commands._common import data_dir_from_args
    from rnnquiz.study.progress import open_store

    store, why = open_store(data_dir_from_args(args))
    if why:
        print(f"warning: {why}", file=sys.stderr)
        warnings.append(why)
    return store


def open_live(args: argparse.Namespace) -> LiveLibrary:
    """The content in use, from the outline cache when it is fresh (warm start), else loaded now."""
    from rnnquiz.commands._common import content_paths_from_args, data_dir_from_args
    from rnnquiz.content.live import LiveLibrary

    return LiveLibrary.open(content_paths_from_args(args), cache_dir=data_dir_from_args(args))


def prepare_home(args: argparse.Namespace) -> tuple[LiveLibrary, Any, list[str]]:
    """For the home screen: the live library (perhaps not loaded yet), the store and the warnings.

    Content problems and a store that will not open are printed to stderr and also shown in the
    app, because the terminal's scrollback is hidden while the app runs.
    """
    from rnnquiz.commands._common import warn_about_problems

    live = open_live(args)
    warn_about_problems(list(live.outline.problems))
    warnings = content_warnings(live.outline.problems)
    return live, _open_store(args, warnings), warnings


def prepare(args: argparse.Namespace) -> tuple[Library, Any, list[str]]:
    """The loaded library, the progress store and the warnings to show in the app (for commands
    that need the library before the app starts)."""
    from rnnquiz.commands._common import warn_about_problems

    library = open_live(args).get()  # also refreshes the outline cache for the next `rnnquiz`
    problems = [str(problem) for problem in library.problems]
    warn_about_problems(problems)
    warnings = content_warnings(problems)
    return library, _open_store(args, warnings), warnings


def build_app(args: argparse.Namespace, initial: str = "home", arg: str | None = None,
              prepared: tuple[Library | LiveLibrary, Any, list[str]] | None = None) -> RnnQuizApp:
    """The app for the command line's content and data folder; the content files are watched."""
    from rnnquiz.commands._common import content_paths_from_args, data_dir_from_args
    from rnnquiz.content.live import LiveLibrary
    from rnnquiz.tui.app import create_app

    if prepared is None:
        prepared = prepare_home(args) if initial == "home" else prepare(args)
    library, store, warnings = prepared
    if not isinstance(library, LiveLibrary):
        library = LiveLibrary(content_paths_from_args(args), library=library, cache_dir=data_dir_from_args(args))
    return create_app(library, store, initial=initial, arg=arg, warnings=warnings)


def close_store(store: Any) -> None:
    close = getattr(store, "close", None)
    if callable(close):
        close()


def run_app(app: RnnQuizApp) -> int:
    """Run until the learner quits, then close the store so the last write is flushed."""
    try:
        app.run()
    finally:
        close_store(app.context.progress.store)
    return app.return_code or 0


def run(args: argparse.Namespace) -> int:
    return run_app(build_app(args))
