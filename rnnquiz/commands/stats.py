"""Print study statistics: a review heatmap (26 weeks), the due forecast (30 days), true retention,
cards by state, the streak and leeches. `--json` for scripts; `--flagged` lists the cards learners
flagged for their author, with `file:line`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rnnquiz.content.library import Library
    from rnnquiz.study.store import Flag

HELP = "print review statistics (or --flagged cards) from your progress"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--course", metavar="COURSE", help="only this course (by id)")
    parser.add_argument("--json", action="store_true", help="print a JSON document instead of text")
    parser.add_argument("--flagged", action="store_true", help="list flagged cards and questions with file:line")


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands._common import data_dir_from_args, load_library_from_args
    from rnnquiz.study.cards import units_of
    from rnnquiz.study.queue import StudyConfig
    from rnnquiz.study.stats import collect, render, to_json
    from rnnquiz.study.store import Store, StoreError
    from rnnquiz.study.units import card_id_of

    library = load_library_from_args(args)
    units = units_of(library, args.course)
    if units is None:
        known = ", ".join(c.id for c in library.courses) or "none"
        print(f"rnnquiz stats: no course {args.course!r} (courses: {known})", file=sys.stderr)
        return 1

    def locate(item_id: str) -> str | None:
        location = library.location(card_id_of(item_id)) or library.location(item_id)
        return None if location is None else str(location)

    try:
        with Store.open(data_dir_from_args(args)) as store:
            if store.notice:
                print(f"warning: {store.notice}", file=sys.stderr)
            if args.flagged:
                flags = [f for f in store.flagged() if not args.course or _in_course(library, f, args.course)]
                return _print_flagged(flags, locate, args.json)
            config = StudyConfig.from_store(store)
            stats = collect(store, [u.id for u in units], config.study_day, store.clock.now(),
                            only_these=bool(args.course))
    except StoreError as error:
        print(f"rnnquiz stats: {error}", file=sys.stderr)
        return 1
    if args.json:
        report = to_json(stats, locate=locate)
        report["course"] = args.course
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print("\n".join(render(stats, locate=locate)))
    return 0


def _in_course(library: Library, flag: Flag, course_id: str) -> bool:
    from rnnquiz.study.units import card_id_of

    item_id = card_id_of(flag.item_id) if flag.kind == "card" else flag.item_id
    section = library.section_of(item_id)
    course = library.course_of_section(section.section) if section is not None else None
    return course is not None and course.id == course_id


def _print_flagged(flags: list[Flag], locate: Callable[[str], str | None], as_json: bool) -> int:
    rows = [
        {
            "id": f.item_id,
            "kind": f.kind,
            "location": locate(f.item_id),
            "flagged_at": f.flagged_at.isoformat(),
            "note": f.note,
        }
        for f in flags
    ]
    if as_json:
        print(json.dumps({"flagged": rows}, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No flagged cards.")
        return 0
    for row in rows:
        where = row["location"] or "(no longer in the content)"
        note = f" - {row['note']}" if row["note"] else ""
        print(f"{where}: {row['kind']} {row['id']}{note}")
    return 0
