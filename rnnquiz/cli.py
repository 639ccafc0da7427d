"""Command-line entry point: `rnnquiz` starts the app, subcommands do one job each.

Only argparse is imported up front; each subcommand imports what it needs when it runs, so that
`rnnquiz --help` and `rnnquiz validate` start fast and never load Textual or NumPy. A subcommand's
own options are added only when that subcommand is used (or its help is shown): building `demo`'s
options imports pydantic, which `rnnquiz` alone (the app) must not pay for at start-up.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rnnquiz import __version__
from rnnquiz.commands import COMMANDS

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _common_options(*, for_subcommand: bool) -> argparse.ArgumentParser:
    """Options accepted both before and after the subcommand name."""
    default = argparse.SUPPRESS if for_subcommand else None
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument(
        "--content",
        metavar="DIR",
        action="append",
        type=Path,
        default=default,
        help="add a folder (or file) of courses; repeatable; also RNNQUIZ_CONTENT (os.pathsep-separated)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=default,
        help="where progress is stored (default: the user data dir, or RNNQUIZ_HOME)",
    )
    return parser


class _LazyParser(argparse.ArgumentParser):
    """A subcommand's parser that adds its arguments the first time it parses or shows help."""

    def __init__(self, *args: Any, add_arguments: Callable[[argparse.ArgumentParser], None] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._add_arguments = add_arguments

    def _complete(self) -> None:
        add, self._add_arguments = self._add_arguments, None
        if add is not None:
            add(self)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._complete()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._complete()
        return super().format_usage()

    def format_help(self) -> str:
        self._complete()
        return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    """The whole CLI; subcommand modules add their own arguments."""
    parser = argparse.ArgumentParser(
        prog="rnnquiz",
        description="Study Recurrent Neural Networks in the terminal. Without a command, opens the app.",
        parents=[_common_options(for_subcommand=False)],
    )
    parser.add_argument("--version", action="version", version=f"rnnquiz {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_LazyParser)
    sub_common = _common_options(for_subcommand=True)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        sub = subparsers.add_parser(
            name,
            help=module.HELP,
            description=module.__doc__,
            parents=[sub_common],
            add_arguments=module.add_arguments,
        )
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen command; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from rnnquiz.commands import app as app_command

        return app_command.run(args)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: stop quietly, as Unix tools do.
        sys.stderr.close()
        return EXIT_OK
