"""Open the app on the home screen (what `rnnquiz` does with no command)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rnnquiz.content.library import Library
    from rnnquiz.tui.app import RnnQuizApp

HELP = "open the app on the home screen"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options of its own: --content and --data-dir are common to every command."""


def prepare(args: argparse.Namespace) -> tuple[Library, Any, list[str]]:
    """The library, the progress store and the warnings to show in the app.

    Content problems and a store that will not open are printed to stderr and also shown in the
    app, because the terminal's scrollback is hidden while the app runs.
    """
    from rnnquiz.commands._common import data_dir_from_args, load_library_from_args
    from rnnquiz.tui.progress import open_store

    library = load_library_from_args(args)
    warnings: list[str] = []
    if library.problems:
        first = library.problems[0]
        more = f" (and {len(library.problems) - 1} more)" if len(library.problems) > 1 else ""
        warnings.append(f"{len(library.problems)} problem(s) in the course files; the invalid parts were "
                        f"skipped. Run `rnnquiz validate` for details. First: {first}{more}")
    store, why = open_store(data_dir_from_args(args))
    if why:
        print(f"warning: {why}", file=sys.stderr)
        warnings.append(why)
    return library, store, warnings


def build_app(args: argparse.Namespace, initial: str = "home", arg: str | None = None,
              prepared: tuple[Library, Any, list[str]] | None = None) -> RnnQuizApp:
    from rnnquiz.tui.app import create_app

    library, store, warnings = prepared or prepare(args)
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
