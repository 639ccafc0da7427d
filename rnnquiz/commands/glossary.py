"""Open the glossary of every loaded course, optionally filtered."""

from __future__ import annotations

import argparse

HELP = "open the glossary (optionally filtered by QUERY)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", metavar="QUERY", help="start with this filter, e.g. a term")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands.app import build_app, run_app

    return run_app(build_app(args, "glossary", args.query))
