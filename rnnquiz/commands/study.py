"""Review flashcards under spaced repetition: learning and relearning cards first, then reviews
due today, then new cards up to the daily limit. Space shows the answer, 1-4 rate it (Again, Hard,
Good, Easy), u undoes the last rating, f flags a card for its author. Every rating is saved at once.

`--new-per-day`, `--retention` and `--rollover-hour` apply to one session; with `--save-settings`
they become the learner's defaults (and `--save-settings` alone prints the current ones)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from rnnquiz.study.settings import DESIRED_RETENTION, NEW_PER_DAY, ROLLOVER_HOUR, FloatSetting, IntSetting

HELP = "review the flashcards that are due (spaced repetition)"


def _checked(setting: IntSetting | FloatSetting) -> Callable[[str], int | float]:
    """An argparse type that applies the setting's one rule (`rnnquiz.study.settings`)."""

    def parse(text: str) -> int | float:
        try:
            return setting.parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("course", nargs="?", metavar="COURSE|SECTION",
                        help="a course id, or a section id for its cards only (default: every course)")
    parser.add_argument("--cram", action="store_true",
                        help="go through every card, weakest first, without changing any schedule")
    parser.add_argument("--new-per-day", type=_checked(NEW_PER_DAY), metavar="N",
                        help="new cards to introduce per study day (default: your setting, else 20)")
    parser.add_argument("--retention", type=_checked(DESIRED_RETENTION), metavar="R",
                        help="desired retention, the chance of recall fsrs aims for, "
                             f"{DESIRED_RETENTION.low:g} to {DESIRED_RETENTION.high:g} "
                             "(default: your setting, else 0.9)")
    parser.add_argument("--rollover-hour", type=_checked(ROLLOVER_HOUR), metavar="H",
                        help="local hour, 0 to 23, at which a new study day starts (default: your setting, else 4)")
    parser.add_argument("--save-settings", action="store_true",
                        help="save the --new-per-day, --retention and --rollover-hour given as your defaults, "
                             "print your settings and exit (alone: just print them)")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands.app import build_app, close_store, prepare, run_app
    from rnnquiz.content.errors import close_match
    from rnnquiz.study.options import StudyOptions

    if args.save_settings:
        return _save_settings(args)
    library, store, warnings = prepare(args)
    if args.course is not None and library.course(args.course) is None and library.section(args.course) is None:
        ids = [course.id for course in library.courses]
        sections = [section.section for course in library.courses for section in course.sections]
        guess = close_match(args.course, ids + sections)
        hint = f"did you mean `{guess}`?" if guess else f"courses: {', '.join(ids) or 'none loaded'}"
        close_store(store)
        print(f"rnnquiz study: no course or section `{args.course}`; {hint}", file=sys.stderr)
        return 1
    options = StudyOptions(args.course, args.cram, args.new_per_day, args.retention, args.rollover_hour)
    return run_app(build_app(args, "study", options.to_arg(), prepared=(library, store, warnings)))


def _save_settings(args: argparse.Namespace) -> int:
    """Store the given options as the learner's defaults; no app, no content needed."""
    from rnnquiz.commands._common import data_dir_from_args
    from rnnquiz.study.options import StudyOptions, save_settings
    from rnnquiz.study.store import Store, StoreError
    from rnnquiz.study.wording import settings_summary

    if args.course is not None or args.cram:
        print("rnnquiz study: --save-settings applies to every course; leave out COURSE and --cram",
              file=sys.stderr)
        return 1
    options = StudyOptions(new_per_day=args.new_per_day, retention=args.retention, rollover_hour=args.rollover_hour)
    try:
        with Store.open(data_dir_from_args(args)) as store:
            if store.notice:
                print(f"warning: {store.notice}", file=sys.stderr)
            config = save_settings(store, options)
    except StoreError as error:
        print(f"rnnquiz study: {error}", file=sys.stderr)
        return 1
    changed = options.overrides()
    print(f"{'Saved. ' if changed else ''}Your study settings: {settings_summary(config)}.")
    if not changed:
        print("Change them with: rnnquiz study --new-per-day N --retention R --rollover-hour H --save-settings")
    return 0
