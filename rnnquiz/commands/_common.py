"""Helpers shared by subcommands: the content and data folders chosen on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rnnquiz import paths

if TYPE_CHECKING:
    from rnnquiz.content.library import Library


def content_paths_from_args(args: argparse.Namespace) -> list[Path]:
    return paths.content_paths(getattr(args, "content", None))


def data_dir_from_args(args: argparse.Namespace) -> Path:
    return paths.data_dir(getattr(args, "data_dir", None))


def load_library_from_args(args: argparse.Namespace, *, warn: bool = True) -> Library:
    """The bundled course plus RNNQUIZ_CONTENT and --content; skipped content is reported on stderr."""
    from rnnquiz.content.library import load_library

    library = load_library(content_paths_from_args(args))
    if warn:
        warn_about_problems([str(problem) for problem in library.problems])
    return library


def warn_about_problems(problems: list[str]) -> None:
    """Print content problems (`file:line:col: message`) on stderr, then how many there were."""
    if problems:
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
        print(
            f"warning: {len(problems)} problem(s) in content; the invalid parts were skipped "
            "(run `rnnquiz validate` for details)",
            file=sys.stderr,
        )
