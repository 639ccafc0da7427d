"""Check course files and report every problem as `file:line:col: message`; exit 1 when any is found."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rnnquiz.content.problems import Problem

HELP = "check course files; print each problem as file:line:col"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders to check (default: the content in use)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: one line per problem; json: a document for editors and CI")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands._common import content_paths_from_args
    from rnnquiz.content.library import load_library

    requested: list[Path] = args.paths or content_paths_from_args(args)
    context = _with_siblings(requested)
    library = load_library(context)
    wanted_files = {form for p in requested if p.is_file() for form in _forms(p)}
    wanted_dirs = [form for p in requested if not p.is_file() for form in _forms(p)]

    def wanted(file: Path | None) -> bool:
        return file is not None and _is_wanted(file, wanted_files, wanted_dirs)

    # A problem counts where it is and where it points (a duplicate id's first use), so checking
    # one file reports the clash a sibling has with it, as checking the folder does.
    problems = [p for p in library.problems if wanted(p.file) or wanted(p.related)]
    problems.sort(key=lambda p: (str(p.file), p.line, p.col))

    def located(item_id: str) -> bool:
        where = library.location(item_id)
        return where is not None and wanted(where.file)

    counts = {  # what the files asked about hold, not their siblings
        "files": sum(wanted(f) for f in library.files),
        "courses": sum(wanted(c.file) for c in library.courses),
        "sections": sum(located(s.section) for c in library.courses for s in c.sections),
        "flashcards": sum(located(i) for i in library.flashcards),
        "questions": sum(located(i) for i in library.questions),
    }
    errors = [p for p in problems if not p.warning]
    if args.format == "json":
        json.dump({"ok": not errors, "problems": [p.to_json() for p in problems], "counts": counts},
                  sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for problem in problems:
            print(problem)
        print(_summary(problems, counts), file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0


def _with_siblings(paths: list[Path]) -> list[Path]:
    """A single file is checked together with the files beside it, so its cross-references resolve."""
    context: list[Path] = []
    for path in paths:
        context.append(path)
        if path.is_file():
            context += sorted(p for p in path.parent.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return context


def _forms(path: Path) -> tuple[Path, Path]:
    """The path as written (made absolute) and with symlinks followed: a file linked into a folder is
    that folder's, and so is its target (a symlink loop resolves as far as it goes, without raising)."""
    return Path(os.path.abspath(path)), Path(os.path.realpath(path))


def _is_wanted(file: Path, files: set[Path], dirs: list[Path]) -> bool:
    return any(form in files or any(form == d or d in form.parents for d in dirs) for form in _forms(file))


def _summary(problems: list[Problem], counts: dict[str, int]) -> str:
    what = (f"{counts['courses']} course(s), {counts['sections']} section(s), {counts['flashcards']} flashcard(s), "
            f"{counts['questions']} question(s) in {counts['files']} file(s)")
    warnings = sum(p.warning for p in problems)
    if warnings == len(problems):
        return f"ok: {what}" + (f"; {warnings} warning(s)" if warnings else "")
    files = len({p.file for p in problems})
    noted = f" and {warnings} warning(s)" if warnings else ""
    return f"{len(problems) - warnings} problem(s){noted} in {files} file(s); loaded {what}"
