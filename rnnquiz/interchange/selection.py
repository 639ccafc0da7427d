"""Which courses and sections an export covers, chosen with `--course` / `--section`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rnnquiz.content.model import Course, Section

if TYPE_CHECKING:
    from rnnquiz.content.library import Library


@dataclass(frozen=True, slots=True)
class Selected:
    """A course and the sections of it to export, in study order."""

    course: Course
    sections: list[Section]


class UnknownId(ValueError):
    """A `--course` or `--section` that names nothing loaded."""


def select(
    library: Library, course_ids: list[str] | None = None, section_ids: list[str] | None = None
) -> list[Selected]:
    """Every course by default; `course_ids` narrows to those courses, `section_ids` to those sections."""
    for course_id in course_ids or ():
        if library.course(course_id) is None:
            known = ", ".join(c.id for c in library.courses) or "none"
            raise UnknownId(f"no course `{course_id}` (loaded: {known})")
    for section_id in section_ids or ():
        if library.course_of_section(section_id) is None:
            raise UnknownId(f"no section `{section_id}` in any loaded course")
    chosen = []
    for loaded in library.courses:
        if course_ids and loaded.id not in course_ids:
            continue
        sections = [s for s in loaded.sections if not section_ids or s.section in section_ids]
        if sections:
            chosen.append(Selected(loaded.course, sections))
    return chosen
