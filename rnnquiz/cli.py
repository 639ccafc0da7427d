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


EXIT_INTERNAL_ERROR = 70
"""sysexits.h's EX_SOFTWARE: a bug of ours, not a problem with the user's input."""

ERROR_LOG = "errors.log"
"""In the data folder: the traceback of each internal error, newest last."""


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen command; returns the process exit code.

    Every message goes out through `terminal.SafeStream`, so no control character from a file name,
    a key or course text reaches the terminal; an unexpected exception is one line and exit 70,
    its traceback kept in the data folder's errors.log.
    """
    from rnnquiz.terminal import safe_streams

    stdout, stderr = safe_streams()
    try:
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
        except Exception as error:  # noqa: BLE001 -- the last line of defence: one line, never a traceback
            return _internal_error(args, error)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _internal_error(args: argparse.Namespace, error: Exception) -> int:
    """Say it in one line, keep the traceback in the data folder, exit 70."""
    import traceback
    from datetime import UTC, datetime

    from rnnquiz import paths

    where = f"`rnnquiz {args.command}`"
    kept = ""
    try:
        log = paths.data_dir(getattr(args, "data_dir", None)) / ERROR_LOG
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()} rnnquiz {__version__} {where}\n")
            handle.write("".join(traceback.format_exception(error)))
        kept = f" (details in {log})"
    except OSError:
        pass
    print(f"rnnquiz: internal error in {where}: {type(error).__name__}: {error}; please report it{kept}",
          file=sys.stderr)
    return EXIT_INTERNAL_ERROR
