"""Command-line entry point: `rnnquiz` starts the app, subcommands do one job each.

Only argparse is imported up front; each subcommand imports what it needs when it runs, so that
`rnnquiz --help` and `rnnquiz validate` start fast and never load Textual or NumPy. A subcommand's
module is imported, and its options added, only when that subcommand is used (or help is shown):
building `demo`'s options imports pydantic, and `rnnquiz` alone (the app) must not pay for that,
nor for importing a dozen command modules it does not run.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any, TypeVar

from rnnquiz import __version__
from rnnquiz.commands import COMMANDS

EXIT_OK = 0

_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)


def _common_options(parser: _Parser, *, for_subcommand: bool) -> _Parser:
    """`parser` (a new one, without help) given the options accepted both before and after the subcommand name."""
    default = argparse.SUPPRESS if for_subcommand else None
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
    """A subcommand's parser that imports its module and adds its arguments the first time it parses
    or shows help, so that `rnnquiz` alone imports no subcommand module at all."""

    def __init__(self, *args: Any, module_name: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._module_name = module_name

    def _complete(self) -> None:
        module_name, self._module_name = self._module_name, None
        if module_name is not None:
            module = importlib.import_module(module_name)
            self.description = module.__doc__
            self.set_defaults(run=module.run)
            module.add_arguments(self)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._complete()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._complete()
        return super().format_usage()

    def format_help(self) -> str:
        self._complete()
        return super().format_help()


class _MainParser(argparse.ArgumentParser):
    """The top-level parser. Its subcommands are added only when the command line may name one (or help
    is shown), and each one's help line is read from its module only for --help: `rnnquiz` alone, the
    app, skips building a dozen parsers it will not use."""

    _commands_added = False

    def _add_commands(self) -> None:
        if self._commands_added:
            return
        self._commands_added = True
        subparsers = self.add_subparsers(dest="command", metavar="COMMAND", parser_class=_LazyParser)
        sub_common = _common_options(_LazyParser(add_help=False), for_subcommand=True)
        self._lazy_help: list[tuple[argparse.Action, str]] = []
        for name, module_name in COMMANDS.items():
            subparsers.add_parser(name, help=None, parents=[sub_common], module_name=module_name)
            self._lazy_help.append((subparsers._choices_actions[-1], module_name))

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        args = sys.argv[1:] if args is None else list(args)
        if not _only_common_options(args):
            self._add_commands()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._add_commands()
        return super().format_usage()

    def format_help(self) -> str:
        self._add_commands()
        for action, module_name in self._lazy_help:
            if action.help is None:
                action.help = importlib.import_module(module_name).HELP
        return super().format_help()


def _only_common_options(args: list[str]) -> bool:
    """True when `args` are only --content / --data-dir with their values: no command, no help."""
    rest = iter(args)
    for arg in rest:
        if arg in ("--content", "--data-dir"):
            if next(rest, None) is None:
                return False
        elif not arg.startswith(("--content=", "--data-dir=")):
            return False
    return True


def build_parser() -> argparse.ArgumentParser:
    """The whole CLI; subcommand modules add their own arguments (when that subcommand is used)."""
    parser = _MainParser(
        prog="rnnquiz",
        description="Study Recurrent Neural Networks in the terminal. Without a command, opens the app.",
        parents=[_common_options(argparse.ArgumentParser(add_help=False), for_subcommand=False)],
    )
    parser.add_argument("--version", action="version", version=f"rnnquiz {__version__}")
    parser.set_defaults(command=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen command; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from rnnquiz.commands import app as app_command

        return app_command.run(args)
    try:
        code: int = args.run(args)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: stop quietly, as Unix tools do.
        sys.stderr.close()
        return EXIT_OK
