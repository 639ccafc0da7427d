"""Export courses to other tools: Anki (.apkg), CSV/TSV, or Moodle GIFT.

`apkg` holds the flashcards and glossary terms (one deck per section; re-exporting updates the
notes in Anki instead of duplicating them), `csv`/`tsv` the same as a sheet, `gift` the quiz
questions. What a format cannot hold is listed on stderr. Content comes from the usual places
(the bundled course, RNNQUIZ_CONTENT, --content), narrowed with --course and --section.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rnnquiz.interchange.report import Report
    from rnnquiz.interchange.selection import Selected

HELP = "export courses to Anki (.apkg), CSV/TSV or Moodle GIFT"
FORMATS = ("apkg", "csv", "tsv", "gift")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=FORMATS, metavar="FORMAT", help=f"one of: {', '.join(FORMATS)}")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="file to write (required for apkg; csv, tsv and gift default to stdout)")
    parser.add_argument("--course", action="append", metavar="ID", help="only this course (repeatable)")
    parser.add_argument("--section", action="append", metavar="ID", help="only this section (repeatable)")
    parser.add_argument("--no-glossary", dest="glossary", action="store_false",
                        help="apkg/csv: leave glossary terms out")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands._common import load_library_from_args
    from rnnquiz.interchange.report import Report
    from rnnquiz.interchange.selection import UnknownId, select

    if args.format == "apkg" and (args.output is None or str(args.output) == "-"):
        return _fail("apkg is a binary file: give its name with -o OUT.apkg")
    library = load_library_from_args(args)
    try:
        selection = select(library, args.course, args.section)
    except UnknownId as unknown:
        return _fail(str(unknown))
    if not selection:
        if args.course or args.section:  # chosen and found, but none of its sections loaded
            chosen = ", ".join(f"`{name}`" for name in (args.section or args.course))
            return _fail(f"nothing to export: {chosen} has no section that loaded (run `rnnquiz validate`)")
        return _fail("nothing to export: no course is loaded")
    report = Report()
    try:
        summary = _export(args, selection, report)
    except OSError as error:
        return _fail(f"cannot write {args.output}: {error.strerror or error}")
    for line in report.lines("rnnquiz export"):
        print(line, file=sys.stderr)
    print(summary, file=sys.stderr)
    return 0


def _export(args: argparse.Namespace, selection: list[Selected], report: Report) -> str:
    where = args.output if args.output is not None and str(args.output) != "-" else None
    if args.format == "apkg":
        from rnnquiz.interchange.apkg import build_package, write_apkg

        assert where is not None  # refused above: a package is written to a named file
        package = build_package(selection, report, glossary=args.glossary)
        write_apkg(package, where)
        notes = sum(len(deck.notes) for deck in package.decks)
        return f"wrote {where}: {notes} note(s) in {len(package.decks)} deck(s)"
    if args.format == "gift":
        from rnnquiz.interchange.gift_writer import write_gift

        text, count = write_gift(selection, report)
        what = f"{count} question(s)"
    else:
        from rnnquiz.interchange.csv_deck import write_csv

        delimiter = "\t" if args.format == "tsv" else ","
        text, rows = write_csv(selection, delimiter, glossary=args.glossary, report=report)
        what = f"{rows} row(s)"
    if where is None:
        from rnnquiz.terminal import data_stream

        data_stream().write(text)
        return f"exported {what}"
    from rnnquiz.interchange.build import write_atomic

    write_atomic(where, text)
    return f"wrote {where}: {what}"


def _fail(message: str) -> int:
    print(f"rnnquiz export: {message}", file=sys.stderr)
    return 1
