"""Imported items -> one validated YAML file: a course document and its section documents.

The YAML is checked by loading it back with the real loader and comparing the result with what
was meant to be written; a file that would not validate, or would load differently, is never
written (that would be a bug here, reported as such).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from rnnquiz.content.model import Course, Section
from rnnquiz.interchange.ids import IdAllocator, slugify
from rnnquiz.interchange.imported import Imported

MODELINE = "# yaml-language-server: $schema=rnnquiz-schema.json"
_WIDTH = 1 << 16


@dataclass(slots=True)
class CourseFile:
    course: Course
    sections: list[Section]


def assemble(imported: Imported, course_id: str, title: str, id_prefix: str = "") -> CourseFile:
    """The course and sections for an import; section ids are `<course>.<slug of the title>`."""
    allocator, items = IdAllocator(), IdAllocator()
    sections = []
    for part in imported.sections:
        if part.title is None:
            section_id, section_title = allocator.take(course_id), title
        else:
            section_id = allocator.take(f"{course_id}.{slugify(part.title) or 'section'}"[:80])
            section_title = part.title[:200]
        cards = [_prefixed(c, id_prefix, items) for c in part.flashcards]
        quiz = [_prefixed(q, id_prefix, items) for q in part.quiz]
        sections.append(Section(section=section_id, title=section_title, flashcards=cards, quiz=quiz))
    course = Course(course=course_id, title=title, sections=[s.section for s in sections])
    return CourseFile(course, sections)


def _prefixed(item: Any, prefix: str, items: IdAllocator) -> Any:
    """The item with `prefix` on its id (once), still unique after a long id is cut to 80 characters."""
    wanted = item.id if not prefix or item.id.startswith(prefix) else (prefix + item.id)[:80]
    unique = items.take(wanted)
    return item if unique == item.id else item.model_copy(update={"id": unique})


def dump(model: BaseModel) -> dict[str, Any]:
    """A model as the plain data an author would write: defaults left out, `id`/`type` first."""
    data = model.model_dump(mode="json", exclude_defaults=True)
    for key in ("flashcards", "quiz"):
        if key in data:
            data[key] = [_id_first(item) for item in data[key]]
    return data


def _id_first(item: dict[str, Any]) -> dict[str, Any]:
    head: dict[str, Any] = {k: item[k] for k in ("id", "type") if k in item}
    return {**head, **{k: v for k, v in item.items() if k not in head}}


class _Dumper(yaml.SafeDumper):
    """Multi-line text as `|` blocks, which is how an author would write it."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Short lists of plain values (tags, answer indices, a range) on one line, as in `[0, 2]`."""
    flat = all(isinstance(v, int | float) or (isinstance(v, str) and "\n" not in v) for v in value)
    flow = flat and sum(len(str(v)) + 2 for v in value) <= 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _float(dumper: yaml.SafeDumper, value: float) -> yaml.ScalarNode:
    """`6` rather than `6.0`, as an author writes a whole number; the schema reads either as a float."""
    if value.is_integer() and abs(value) < 1e15:
        return dumper.represent_int(int(value))
    return dumper.represent_float(value)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(float, _float)
_Dumper.add_representer(list, _list)


def render(course_file: CourseFile, comments: list[str]) -> str:
    """The YAML text: modeline, comment block, then the course and its sections."""
    head = [MODELINE] + [f"# {line}".rstrip() for text in comments for line in text.split("\n")]
    documents = [dump(course_file.course)] + [dump(s) for s in course_file.sections]
    body = yaml.dump_all(documents, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=_WIDTH,
                         explicit_start=False)
    return "\n".join(head) + "\n" + body


def verify(text: str, course_file: CourseFile) -> list[str]:
    """Problems met when the text is loaded back; empty when it loads to exactly the intended models."""
    from rnnquiz.content.library import load_library

    with tempfile.TemporaryDirectory(prefix="rnnquiz-import-") as folder:
        path = Path(folder) / "imported.yaml"
        path.write_text(text, encoding="utf-8")
        library = load_library([path])
        problems = [str(p) for p in library.problems]
        loaded = library.course(course_file.course.course)
        if not problems and loaded is None:
            problems.append("the course did not load")
        elif not problems and loaded is not None:
            expected = [dump(s) for s in course_file.sections]
            if [dump(s) for s in loaded.sections] != expected:
                problems.append("the file loads to different content than was imported")
    return problems


def write_atomic(path: Path, text: str) -> None:
    """Write text via a hidden temporary file and rename, so a crash never leaves half a course."""

    def write(temp: Path) -> None:
        with temp.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)

    replace_atomically(path, write)


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Let `write` fill a temporary file beside `path`, then rename it into place.

    The new file gets the old file's permissions, or the usual ones for a new file (temporary
    files are created private). An existing device, pipe or socket is never renamed over: that would
    replace `/dev/null` itself, not write to it.
    """
    if path.exists() and not path.is_file():
        kind = "a folder" if path.is_dir() else "not a regular file (a device, pipe or socket)"
        raise OSError(errno.EEXIST, f"{kind}; name a file, or write to stdout with -o -")
    folder = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
