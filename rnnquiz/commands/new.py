"""Start a course, or add a section to one: commented YAML that passes `rnnquiz validate` as written.

`rnnquiz new course NAME` makes the folder NAME with course.yaml, a first section showing every
part of a lesson and every card and question type, and the JSON Schema for editor completion.
`rnnquiz new section ID` writes ID.yaml beside a course file and adds ID to its `sections:` list,
keeping the course file's comments.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "scaffold a new course or section (commented YAML that validates)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    course = what.add_parser("course", help="a new course folder", description="Create a course folder.")
    course.add_argument("name", metavar="NAME", help="course id, also the folder name (e.g. rnn-basics)")
    course.add_argument("--title", help="course title (default: from NAME)")
    course.add_argument("--dir", type=Path, default=Path("."), metavar="DIR", help="where to create the folder")
    section = what.add_parser("section", help="a new section of a course",
                              description="Add a section file to a course and list it in the course.")
    section.add_argument("name", metavar="ID", help="section id, also the file name (e.g. hidden-state)")
    section.add_argument("--title", help="section title (default: from ID)")
    section.add_argument("--course", type=Path, default=Path("."), metavar="PATH",
                         help="the course file, or the folder holding it (default: the current folder)")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.interchange.ids import is_id
    from rnnquiz.interchange.scaffold import MAX_SECTION_ID

    limit = MAX_SECTION_ID - len("-intro") if args.what == "course" else MAX_SECTION_ID
    if not is_id(args.name) or len(args.name) > limit:
        return _fail(f"{args.name!r} is not a usable id: lowercase letters, digits, '.', '_' and '-', starting with "
                     f"a letter or digit, at most {limit} characters")
    try:
        return _course(args) if args.what == "course" else _section(args)
    except OSError as error:
        return _fail(f"cannot write {error.filename or ''}: {error.strerror or error}")


def _course(args: argparse.Namespace) -> int:
    from rnnquiz.commands.schema import render_schema
    from rnnquiz.interchange import scaffold

    folder: Path = args.dir / args.name
    first = f"{args.name}-intro"
    title = args.title or scaffold.title_from_id(args.name)
    files = {
        folder / "course.yaml": scaffold.course_yaml(args.name, title, first),
        folder / f"{first}.yaml": scaffold.section_yaml(first, "Introduction"),
        folder / scaffold.SCHEMA_FILE: render_schema(),
    }
    existing = [str(p) for p in files if p.exists()]
    if existing:
        return _fail(f"not overwriting {', '.join(existing)}")
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    if _problems([folder]):
        return 1
    for path in files:
        print(f"created {path}")
    print(f"next: edit the files, then `rnnquiz validate {folder}` and study with `rnnquiz --content {folder}`")
    return 0


def _section(args: argparse.Namespace) -> int:
    from rnnquiz.interchange import scaffold
    from rnnquiz.interchange.build import write_atomic

    course_file, why = _find_course_file(args.course)
    if course_file is None:
        return _fail(why)
    target = course_file.parent / f"{args.name}.yaml"
    if target.exists():
        return _fail(f"not overwriting {target}")
    text = course_file.read_text(encoding="utf-8")
    updated = scaffold.add_section_ref(text, args.name)
    if updated is None:
        return _fail(f"found no `sections:` list to extend in {course_file}; add `- {args.name}` to it by hand")
    if _lists(text, args.name):
        return _fail(f"{course_file} already lists a section `{args.name}`")
    title = args.title or scaffold.title_from_id(args.name)
    target.write_text(scaffold.section_yaml(args.name, title), encoding="utf-8")
    write_atomic(course_file, updated)
    if _problems([course_file.parent], only={target, course_file}):
        return 1
    print(f"created {target}")
    print(f"listed `{args.name}` in {course_file}")
    return 0


def _find_course_file(path: Path) -> tuple[Path | None, str]:
    """The course file at `path`, or the one course file in the folder `path`."""
    from rnnquiz.content.loader import load_file

    if path.is_file():
        candidates = [path]
    elif path.is_dir():
        candidates = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    else:
        return None, f"no such file or folder: {path}"
    courses = [p for p in candidates if any(d.kind == "course" for d in load_file(p).documents)]
    if len(courses) == 1:
        return courses[0], ""
    if not courses:
        return None, f"no valid course file in {path} (a file starting with `course:`); give one with --course"
    return None, f"several course files in {path}: {', '.join(p.name for p in courses)}; choose one with --course"


def _lists(text: str, section_id: str) -> bool:
    import yaml

    try:
        documents = list(yaml.safe_load_all(text))
    except yaml.YAMLError:
        return False  # the course file's own problems are for `rnnquiz validate` to report
    return any(isinstance(d, dict) and "course" in d and section_id in (d.get("sections") or []) for d in documents)


def _problems(paths: list[Path], only: set[Path] | None = None) -> bool:
    """Check what was written; a problem here is a bug in the scaffold, said plainly."""
    from rnnquiz.content.library import load_library

    library = load_library(paths)
    wanted = {p.resolve() for p in only} if only else None
    problems = [p for p in library.problems if wanted is None or p.file.resolve() in wanted]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("rnnquiz new: the written files have problems (listed above)", file=sys.stderr)
    return bool(problems)


def _fail(message: str) -> int:
    print(f"rnnquiz new: {message}", file=sys.stderr)
    return 1
