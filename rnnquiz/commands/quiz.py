"""Take a quiz: a section's, a course's, or (with no argument) every course's questions.

Questions you missed before come first when they are due again. `--seed` fixes the order and the
shuffle of the choices, `--exam` holds the feedback back until the end, `--generated` mixes in
questions made from the glossary, and `--limit` caps the number of questions.
"""

from __future__ import annotations

import argparse
import sys

HELP = "take a quiz on a section or a course (default: every course)"


def _whole(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {value}")
    return value


def _positive(text: str) -> int:
    return _whole(text, 0)


def _count(text: str) -> int:
    """--limit: a quiz of 0 questions is no quiz, so the usage error says 1 or more from the start."""
    return _whole(text, 1)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scope", nargs="?", metavar="SECTION|COURSE", help="a section or course id")
    parser.add_argument("--seed", type=_positive, metavar="N", help="fix question order and shuffles (replayable)")
    parser.add_argument("--exam", action="store_true", help="exam mode: no feedback until the end")
    parser.add_argument("--generated", action="store_true", help="mix in questions made from the glossary")
    parser.add_argument("--limit", type=_count, metavar="N", help="ask at most N questions")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands.app import build_app, close_store, prepare, run_app
    from rnnquiz.quiz.build import QuizScopeError, build_session
    from rnnquiz.quiz.options import QuizOptions

    library, store, warnings = prepare(args)
    options = QuizOptions(args.scope, args.seed, args.exam, args.generated, args.limit)
    try:  # the same check the screen makes, here so a typo is a one-line error and exit 1
        build_session(library, options.scope, seed=0, generated=options.generated, limit=options.limit)
    except QuizScopeError as error:
        close_store(store)
        print(f"rnnquiz quiz: {error}", file=sys.stderr)
        return 1
    return run_app(build_app(args, "quiz", options.to_arg(), prepared=(library, store, warnings)))
