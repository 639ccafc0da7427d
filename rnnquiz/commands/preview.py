"""Preview one content file in the app, as a learner will see it, with its problems listed below.

The files beside it are loaded too (as `rnnquiz validate FILE` does), so its course and
cross-references resolve. Every save reloads it: the problems list follows the file as it is on
disk, while the lesson keeps showing the last version without new problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rnnquiz.content.live import first_section  # re-exported: where `preview` lands

HELP = "open a content file in the app, its problems listed live as you edit it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE",
                        help="a course or section file (.yaml); the files beside it give it context")


def _error(message: str) -> int:
    print(f"rnnquiz preview: {message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands._common import data_dir_from_args
    from rnnquiz.commands.app import content_warnings, run_app
    from rnnquiz.commands.validate import _with_siblings
    from rnnquiz.content.files import CONTENT_SUFFIXES
    from rnnquiz.content.live import LiveLibrary
    from rnnquiz.study.progress import open_store
    from rnnquiz.tui.app import create_app

    file: Path = args.file.expanduser()
    if not file.exists():
        return _error(f"no such file: {file}")
    if not file.is_file() or file.suffix not in CONTENT_SUFFIXES:
        return _error(f"{file} is not a content file (a .yaml or .yml file)")
    live = LiveLibrary.open(_with_siblings([file]))  # no outline cache: this is not the learner's library
    library = live.get()
    target = file.resolve()
    others = [str(p) for p in library.problems if p.file.resolve() != target]
    warnings = content_warnings(others)
    store, why = open_store(data_dir_from_args(args))
    if why:
        warnings.append(why)
    section = first_section(library, file)
    if section is None and any(p.file.resolve() == target for p in library.problems):
        warnings.append(f"{file.name} has no lesson to show yet: fix the problems listed below, and it "
                        "opens when you save.")
    elif section is None:
        warnings.append(f"{file.name} has no section that a course lists, so there is no lesson to show.")
    app = create_app(live, store, initial="learn" if section else "home", arg=section, warnings=warnings,
                     preview=file)
    return run_app(app)
