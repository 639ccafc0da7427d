"""Open a lesson: the section named, or the first one not read yet."""

from __future__ import annotations

import argparse
import sys

HELP = "open a lesson (default: the first section not read yet)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("section", nargs="?", metavar="SECTION", help="section id, as listed by the home screen")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands.app import build_app, close_store, prepare, run_app
    from rnnquiz.content.errors import close_match
    from rnnquiz.study.progress import Progress

    library, store, warnings = prepare(args)
    ids = [s.section for course in library.courses for s in course.sections]
    if not ids:
        close_store(store)
        print("rnnquiz learn: no sections found in the loaded content (see `rnnquiz validate`)", file=sys.stderr)
        return 1
    section = args.section
    if section is None:
        read = Progress(store).read_sections()
        section = next((i for i in ids if i not in read), ids[0])
    elif library.section(section) is None:
        guess = close_match(section, ids)
        hint = f"did you mean `{guess}`?" if guess else f"sections: {', '.join(ids)}"
        close_store(store)
        print(f"rnnquiz learn: no section `{section}`; {hint}", file=sys.stderr)
        return 1
    return run_app(build_app(args, "learn", section, prepared=(library, store, warnings)))
