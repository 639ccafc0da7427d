"""Print the JSON Schema of content files, for editor completion and hover docs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "print the JSON Schema of course files (for editors)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")


def content_schema() -> dict[str, object]:
    """One schema for any content document: a course or a section."""

    from pydantic import TypeAdapter

    from rnnquiz.content.model import Course, Section

    schema = TypeAdapter(Course | Section).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rnnquiz content file",
        "description": "A course (`course:` with its `sections:`) or a section (`section:` with its lesson parts).",
        **schema,
    }


def render_schema() -> str:
    return json.dumps(content_schema(), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    text = render_schema()
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"rnnquiz schema: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    return 0
