"""Review flashcards under spaced repetition: learning and relearning cards first, then reviews
due today, then new cards up to the daily limit. Space shows the answer, 1-4 rate it (Again, Hard,
Good, Easy), u undoes the last rating, f flags a card for its author. Every rating is saved at once."""

from __future__ import annotations

import argparse
import sys

HELP = "review the flashcards that are due (spaced repetition)"


def _new_per_day(text: str) -> int:
    from rnnquiz.tui.study_session import parse_new_per_day

    try:
        return parse_new_per_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _retention(text: str) -> float:
    from rnnquiz.tui.study_session import parse_retention

    try:
        return parse_retention(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("course", nargs="?", metavar="COURSE", help="course id (default: every course)")
    parser.add_argument("--cram", action="store_true",
                        help="go through every card, weakest first, without changing any schedule")
    parser.add_argument("--new-per-day", type=_new_per_day, metavar="N",
                        help="new cards to introduce per study day (default: your setting, else 20)")
    parser.add_argument("--retention", type=_retention, metavar="R",
                        help="desired retention, the chance of recall fsrs aims for, 0.5 to 0.99 (default 0.9)")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands.app import build_app, close_store, prepare, run_app
    from rnnquiz.content.errors import close_match
    from rnnquiz.tui.study_session import StudyOptions

    library, store, warnings = prepare(args)
    if args.course is not None and library.course(args.course) is None:
        ids = [course.id for course in library.courses]
        guess = close_match(args.course, ids)
        hint = f"did you mean `{guess}`?" if guess else f"courses: {', '.join(ids) or 'none loaded'}"
        close_store(store)
        print(f"rnnquiz study: no course `{args.course}`; {hint}", file=sys.stderr)
        return 1
    options = StudyOptions(args.course, args.cram, args.new_per_day, args.retention)
    return run_app(build_app(args, "study", options.to_arg(), prepared=(library, store, warnings)))
