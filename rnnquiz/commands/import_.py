"""Import flashcards or quiz questions from another tool into one course file that validates.

Formats: `anki` (Anki "Notes in Plain Text" export), `csv` / `tsv` (front, back, tags; or a header
row naming id, section, type, front, back, text, hint, tags), `gift` (Moodle GIFT), `aiken`
(Moodle Aiken). Everything that could not be carried over is listed on stderr and in a comment
block at the top of the output file. Malformed input is reported as file:line and nothing is written.
"""

from __future__ import annotations

import argparse
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rnnquiz.interchange.build import CourseFile
    from rnnquiz.interchange.imported import Imported

HELP = "import an Anki text export, CSV/TSV, Moodle GIFT or Aiken file as a course"
FORMATS = ("anki", "csv", "tsv", "gift", "aiken")
MAX_INPUT_BYTES = 64 * 1024 * 1024
_MARKER = "# Imported by `rnnquiz import"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=FORMATS, metavar="FORMAT", help=f"one of: {', '.join(FORMATS)}")
    parser.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT.yaml", required=True,
                        help="the course file to write (`-` for stdout)")
    parser.add_argument("--course-id", metavar="ID", help="course id (default: from the file name)")
    parser.add_argument("--title", help="course title (default: from the file name)")
    parser.add_argument("--id-prefix", metavar="PREFIX", default="",
                        help="put PREFIX before every card and question id, to keep them unique in your library")
    parser.add_argument("--delimiter", metavar="CHAR", help="csv/tsv: the column separator (default: guessed)")
    parser.add_argument("--force", action="store_true",
                        help="overwrite OUT even if it was not written by an earlier import")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.interchange import build
    from rnnquiz.interchange.ids import is_id, slugify
    from rnnquiz.interchange.report import ImportFailed
    from rnnquiz.interchange.scaffold import title_from_id

    source: Path = args.file
    problem = _check_options(args, is_id)
    if problem:
        return _fail(problem)
    text, error = read_input(source)
    if text is None:
        return _fail(error or "")
    try:
        imported = _parse(args.format, text, source, args.delimiter)
    except ImportFailed as failed:
        for located in failed.errors:
            print(located.render(source), file=sys.stderr)
        print(f"rnnquiz import: {len(failed.errors)} problem(s) in {source}; nothing written", file=sys.stderr)
        return 1
    notes = imported.report.lines(source)
    for line in notes:
        print(line, file=sys.stderr)
    if imported.count == 0:
        return _fail(f"{source}: nothing to import (no questions or notes could be read)")
    course_id = args.course_id or slugify(source.stem) or "imported"
    title = args.title or title_from_id(source.stem.replace(" ", "-")) or course_id
    course_file = build.assemble(imported, course_id, title, args.id_prefix)
    comments = [f"Imported by `rnnquiz import {args.format}` from {source.name}: {_counts(course_file)}."]
    if notes:
        comments += [f"Not imported or changed ({len(notes)}):"] + [f"  {line}" for line in notes]
    yaml_text = build.render(course_file, comments)
    problems = build.verify(yaml_text, course_file)
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return _fail("internal error: the generated course does not validate; nothing written (please report this)")
    return _write(args, yaml_text, course_file, len(notes))


def _check_options(args: argparse.Namespace, is_id: Callable[[str], bool]) -> str | None:
    if args.course_id and not is_id(args.course_id):
        return f"--course-id {args.course_id!r} is not a valid id (lowercase letters, digits, '.', '_', '-')"
    if args.id_prefix and not is_id(args.id_prefix):
        return f"--id-prefix {args.id_prefix!r} must itself be a valid id start (e.g. `bio-`)"
    if args.delimiter is not None and len(args.delimiter.replace("\\t", "\t")) != 1:
        return "--delimiter takes one character (write \\t for a tab)"
    if str(args.output) != "-" and args.output.resolve() == args.file.resolve():
        return "the output would overwrite the input file"
    return None


def read_input(path: Path) -> tuple[str | None, str | None]:
    """The file's text with line ends and control characters cleaned, or a located reason it cannot be read."""
    from rnnquiz.content.encoding import Undecodable, decode_text
    from rnnquiz.interchange.htmltext import clean_text

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO without a writer would block the read for ever
            return None, f"{path}: not a regular file (a device, pipe or socket); import reads files only"
        size = info.st_size
        if size > MAX_INPUT_BYTES:
            limit = MAX_INPUT_BYTES // 2**20
            return None, f"{path}: {size / 2**20:.0f} MiB is too large to import (at most {limit} MiB)"
        raw = path.read_bytes()
    except OSError as error:
        return None, f"{path}: cannot read: {error.strerror or error}"
    try:
        return clean_text(decode_text(raw)), None
    except Undecodable as error:
        line = raw.count(b"\n", 0, error.offset) + 1
        hint = f"; {error.hint}" if error.hint else ""
        return None, f"{path}:{line}: {error.message}{hint}"


def _parse(fmt: str, text: str, source: Path, delimiter: str | None) -> Imported:
    if fmt == "gift":
        from rnnquiz.interchange.gift import parse_gift

        return parse_gift(text)
    if fmt == "aiken":
        from rnnquiz.interchange.aiken import parse_aiken

        return parse_aiken(text)
    if fmt == "anki":
        from rnnquiz.interchange.anki_text import parse_anki_text

        return parse_anki_text(text)
    from rnnquiz.interchange.csv_deck import guess_delimiter, parse_csv

    if delimiter is not None:
        delimiter = delimiter.replace("\\t", "\t")
    return parse_csv(text, delimiter or ("\t" if fmt == "tsv" else guess_delimiter(text, source.suffix)))


def _counts(course_file: CourseFile) -> str:
    cards = sum(len(s.flashcards) for s in course_file.sections)
    questions = sum(len(s.quiz) for s in course_file.sections)
    return f"{cards} flashcard(s), {questions} question(s) in {len(course_file.sections)} section(s)"


def _write(args: argparse.Namespace, text: str, course_file: CourseFile, noted: int) -> int:
    from rnnquiz.interchange.build import write_atomic

    output: Path = args.output
    if str(output) == "-":
        from rnnquiz.terminal import data_stream

        data_stream().write(text)  # exact into a pipe, controls shown on a terminal
        return 0
    if output.exists() and not args.force and _MARKER not in _head(output):
        return _fail(f"{output} exists and was not written by `rnnquiz import`; use --force to overwrite it")
    try:
        write_atomic(output, text)
    except OSError as error:
        return _fail(f"cannot write {output}: {error.strerror or error}")
    extra = f"; {noted} item(s) not imported or changed, listed above and at the top of the file" if noted else ""
    print(f"wrote {output}: {_counts(course_file)}{extra}", file=sys.stderr)
    return 0


def _head(path: Path) -> str:
    if not path.is_file():
        return ""  # a FIFO would block the read; writing refuses such a target anyway
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return handle.read(4096)
    except OSError:
        return ""


def _fail(message: str) -> int:
    print(f"rnnquiz import: {message}", file=sys.stderr)
    return 1
