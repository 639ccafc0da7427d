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
    wanted_files = {_real(p) for p in requested if p.is_file()}
    wanted_dirs = [_real(p) for p in requested if not p.is_file()]
    problems = [p for p in library.problems if _is_wanted(p.file, wanted_files, wanted_dirs)]
    problems.sort(key=lambda p: (str(p.file), p.line, p.col))
    files = [f for f in library.files if _is_wanted(f, wanted_files, wanted_dirs)]
    counts = {
        "files": len(files),
        "courses": len(library.courses),
        "sections": sum(len(c.sections) for c in library.courses),
        "flashcards": len(library.flashcards),
        "questions": len(library.questions),
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


def _real(path: Path) -> Path:
    """The path with symlinks followed; a symlink loop stays as far as it resolves (no RuntimeError)."""
    return Path(os.path.realpath(path))


def _is_wanted(file: Path, files: set[Path], dirs: list[Path]) -> bool:
    resolved = _real(file)
    return resolved in files or any(resolved == d or d in resolved.parents for d in dirs)


def _summary(problems: list[Problem], counts: dict[str, int]) -> str:
    what = (f"{counts['courses']} course(s), {counts['sections']} section(s), {counts['flashcards']} flashcard(s), "
            f"{counts['questions']} question(s) in {counts['files']} file(s)")
    warnings = sum(p.warning for p in problems)
    if warnings == len(problems):
        return f"ok: {what}" + (f"; {warnings} warning(s)" if warnings else "")
    files = len({p.file for p in problems})
    noted = f" and {warnings} warning(s)" if warnings else ""
    return f"{len(problems) - warnings} problem(s){noted} in {files} file(s); loaded {what}"
