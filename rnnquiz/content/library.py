"""All courses found in the content folders, with ids indexed and cross-references checked.

Ids are checked across the whole library because progress is stored by id: two cards with one id
would share one review history. The one exception is deliberate: a course from the author's own
folders with the id of a bundled course replaces it, so an edited copy of the bundled course is
studied instead of the original, with the learner's progress carried over by the same ids.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from rnnquiz.content.errors import close_match
from rnnquiz.content.files import CONTENT_SUFFIXES
from rnnquiz.content.loader import LoadedDocument, load_file
from rnnquiz.content.model import Course, Flashcard, GlossaryTerm, Question, Section
from rnnquiz.content.problems import Location, Problem
from rnnquiz.content.regex_safety import PATTERN_TIME_LIMIT, nests_unbounded_repeats
from rnnquiz.paths import bundled_content_dir


class _Identified(Protocol):
    """A flashcard or a question: anything indexed by its content id."""

    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_Identified)


@dataclass(slots=True)
class _Where:
    """Where a section lives: its file and its mapping node (the document, or an inline item)."""

    file: Path
    node: Node


@dataclass(slots=True)
class LoadedCourse:
    """A course with its sections resolved, in study order."""

    course: Course
    file: Path
    sections: list[Section] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.course.course

    @property
    def title(self) -> str:
        return self.course.title


@dataclass
class Library:
    """Everything loaded, plus every problem met on the way."""

    courses: list[LoadedCourse] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    flashcards: dict[str, Flashcard] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    _sections: dict[str, Section] = field(default_factory=dict)
    _locations: dict[str, Location] = field(default_factory=dict)
    _section_course: dict[str, LoadedCourse] = field(default_factory=dict)
    _item_section: dict[str, str] = field(default_factory=dict)

    def course(self, course_id: str) -> LoadedCourse | None:
        return next((c for c in self.courses if c.id == course_id), None)

    def section(self, section_id: str) -> Section | None:
        return self._sections.get(section_id) if section_id in self._section_course else None

    def course_of_section(self, section_id: str) -> LoadedCourse | None:
        return self._section_course.get(section_id)

    def section_of(self, item_id: str) -> Section | None:
        section_id = self._item_section.get(item_id)
        return self.section(section_id) if section_id else None

    def glossary(self, course_id: str) -> list[GlossaryTerm]:
        course = self.course(course_id)
        return [term for section in course.sections for term in section.glossary] if course else []

    def location(self, item_id: str) -> Location | None:
        """Where a flashcard, question or section (by id) is written."""
        return self._locations.get(item_id)


def load_library(paths: Iterable[Path]) -> Library:
    """Load every content file under `paths` (folders or files); problems are collected, never raised."""
    library = Library()
    documents: list[LoadedDocument] = []
    # Node trees are many small objects that all live until loading ends; letting the cyclic
    # garbage collector scan them over and over more than doubled load time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for file in _content_files(paths, library.problems):
            library.files.append(file)
            loaded = load_file(file)
            library.problems += loaded.problems
            documents += loaded.documents
        _Resolver(library).resolve(_without_replaced_bundled_courses(documents))
    finally:
        if collecting:
            gc.enable()
    return library


def _without_replaced_bundled_courses(documents: list[LoadedDocument]) -> list[LoadedDocument]:
    """Drop a bundled course, and the sections it lists, when another folder has a course of that id."""
    try:
        bundled = Path(os.path.realpath(bundled_content_dir()))
    except FileNotFoundError:
        return documents
    is_bundled = {id(d): Path(os.path.realpath(d.file)).is_relative_to(bundled) for d in documents}
    own_courses = {d.model.course for d in documents if isinstance(d.model, Course) and not is_bundled[id(d)]}
    replaced = [d for d in documents
                if is_bundled[id(d)] and isinstance(d.model, Course) and d.model.course in own_courses]
    if not replaced:
        return documents
    dropped_sections = {entry if isinstance(entry, str) else entry.section
                        for d in replaced for entry in d.model.sections}  # type: ignore[union-attr]
    dropped = {id(d) for d in replaced} | {
        id(d) for d in documents
        if is_bundled[id(d)] and isinstance(d.model, Section) and d.model.section in dropped_sections
    }
    return [d for d in documents if id(d) not in dropped]


def _content_files(paths: Iterable[Path], problems: list[Problem]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.suffix in CONTENT_SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            files = [path]
        elif path.is_symlink() and not path.exists():
            problems.append(Problem(path, 1, 1, "a symbolic link to nothing (a loop, or its target is gone)"))
            continue
        elif path.exists():  # a device, pipe or socket: reading it could block or never end
            problems.append(Problem(path, 1, 1, "not a regular file or folder (a device, pipe or socket)"))
            continue
        else:
            problems.append(Problem(path, 1, 1, "no such file or folder"))
            continue
        for file in files:
            key = Path(os.path.realpath(file))  # a symlink loop must not raise
            if key not in seen:
                seen.add(key)
                yield file


class _Resolver:
    """Builds the library's indexes from valid documents and checks references between them."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.where: dict[str, _Where] = {}
        self.first: dict[tuple[str, str], tuple[Path, Node]] = {}

    def problem(self, file: Path, node: Node, message: str, hint: str | None = None, warning: bool = False,
                related: Path | None = None) -> None:
        mark = node.start_mark
        self.library.problems.append(Problem(file, mark.line + 1, mark.column + 1, message, hint=hint,
                                             warning=warning, related=related))

    def claim(self, namespace: str, key: str, file: Path, node: Node) -> bool:
        """Register an id; a second use is a problem that points back at the first."""
        slot = (namespace, key)
        if slot in self.first:
            first = _location(*self.first[slot])
            self.problem(file, node, f"duplicate {namespace} id `{key}`", hint=f"first used at {first}",
                         related=first.file)
            return False
        self.first[slot] = (file, node)
        return True

    def resolve(self, documents: list[LoadedDocument]) -> None:
        courses: list[tuple[LoadedDocument, Course]] = []
        for document in documents:
            if isinstance(document.model, Section):
                self.add_section(document.model, document.file, document.node)
            else:
                courses.append((document, document.model))
                items = _child(document.node, "sections")
                for section in document.model.sections:
                    if isinstance(section, Section):
                        node = _find_by_id(items, "section", section.section) or document.node
                        self.add_section(section, document.file, node)
        for document, course in courses:
            self.add_course(document, course)
        for section_id, where in self.where.items():
            if section_id not in self.library._section_course:
                self.problem(where.file, _child(where.node, "section") or where.node,
                             f"section `{section_id}` is not listed in any course's `sections:`",
                             hint="add its id to the `sections:` list of a course file")
        for loaded in self.library.courses:
            self.check_glossary(loaded)

    def add_section(self, section: Section, file: Path, node: Node) -> None:
        library = self.library
        if not self.claim("section", section.section, file, _child(node, "section") or node):
            return
        kept: dict[str, Sequence[object]] = {
            "flashcards": self.claim_items("flashcards", section.flashcards, library.flashcards, section, file, node),
            "quiz": self.claim_items("quiz", section.quiz, library.questions, section, file, node),
        }
        if any(len(kept[key]) != len(getattr(section, key)) for key in kept):
            section = section.model_copy(update=kept)  # a duplicate id loses to the first use
        library._sections[section.section] = section
        library._locations[section.section] = _location(file, node)
        self.where[section.section] = _Where(file, node)
        self.check_patterns(section, file, node)

    def check_patterns(self, section: Section, file: Path, node: Node) -> None:
        """Warn about answer patterns that can take exponential time (grading stops them anyway)."""
        nodes_by_id = _index_by(_child(node, "quiz"), "id")
        for question in section.quiz:
            pattern = getattr(question, "pattern", None)
            if isinstance(pattern, str) and nests_unbounded_repeats(pattern):
                item = next(iter(nodes_by_id.get(question.id, ())), None)
                self.problem(file, _child(item, "pattern") or item or node,
                             f"question `{question.id}`: pattern {pattern!r} repeats a repeat with nothing required "
                             "between them, so checking a wrong answer can take exponential time "
                             f"(grading gives up after {PATTERN_TIME_LIMIT:g} s and counts it wrong)",
                             hint="write the inner repeat once, e.g. `(a+)+` as `a+`, or make it possessive: `(a+)++`",
                             warning=True)

    def claim_items(
        self, key: str, items: list[_Item], index: dict[str, _Item], section: Section, file: Path, node: Node
    ) -> list[_Item]:
        """The items of one of a section's lists (`key`) whose ids are free, indexed in `index`."""
        library = self.library
        nodes_by_id = _index_by(_child(node, key), "id")
        kept: list[_Item] = []
        for item in items:
            same_id = nodes_by_id.get(item.id)
            item_node = same_id.pop(0) if same_id else node
            if self.claim("item", item.id, file, _child(item_node, "id") or item_node):
                index[item.id] = item
                library._item_section[item.id] = section.section
                library._locations[item.id] = _location(file, item_node)
                kept.append(item)
        return kept

    def add_course(self, document: LoadedDocument, course: Course) -> None:
        file, node = document.file, document.node
        if not self.claim("course", course.course, file, _child(node, "course") or node):
            return
        loaded = LoadedCourse(course, file)
        refs = _child(node, "sections")
        for index, entry in enumerate(course.sections):
            section_id = entry if isinstance(entry, str) else entry.section
            ref_node = refs.value[index] if isinstance(refs, SequenceNode) and index < len(refs.value) else node
            section = self.library._sections.get(section_id)
            if section is None:
                guess = close_match(section_id, self.library._sections)
                self.problem(file, ref_node, f"section `{section_id}` is not defined in any loaded file",
                             hint=f"did you mean `{guess}`?" if guess else None)
                continue
            owner = self.library._section_course.get(section_id)
            if owner is not None:
                self.problem(file, ref_node, f"section `{section_id}` is already part of course `{owner.id}`")
                continue
            self.library._section_course[section_id] = loaded
            loaded.sections.append(section)
        self.library.courses.append(loaded)

    def check_glossary(self, course: LoadedCourse) -> None:
        names: dict[str, str] = {}
        for section in course.sections:
            where = self.where[section.section]
            terms_node = _child(where.node, "glossary")
            for term in section.glossary:
                term_node = _find_by_id(terms_node, "term", term.term) or where.node
                for name in (term.term, *term.aliases):
                    key = name.casefold()
                    if key in names and names[key] != term.term:
                        self.problem(where.file, term_node, f"glossary term `{name}` is defined twice in course "
                                     f"`{course.id}`", hint=f"also under `{names[key]}`")
                    names.setdefault(key, term.term)
        for section in course.sections:
            where = self.where[section.section]
            terms_node = _child(where.node, "glossary")
            for term in section.glossary:
                term_node = _find_by_id(terms_node, "term", term.term) or where.node
                see_node = _child(term_node, "see_also")
                for index, other in enumerate(term.see_also):
                    at = see_node.value[index] if isinstance(see_node, SequenceNode) else term_node
                    if other.casefold() == term.term.casefold():
                        self.problem(where.file, at, f"`{term.term}` lists itself under see_also")
                    elif other.casefold() not in names:
                        guess = close_match(other, set(names.values()))
                        self.problem(where.file, at, f"see_also names `{other}`, which is not a glossary term of "
                                     f"course `{course.id}`", hint=f"did you mean `{guess}`?" if guess else None)


def _location(file: Path, node: Node) -> Location:
    return Location(file, node.start_mark.line + 1, node.start_mark.column + 1)


def _child(node: Node | None, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        pairs: list[tuple[Node, Node]] = node.value
        for key_node, value in pairs:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return value
    return None


def _index_by(list_node: Node | None, key: str) -> dict[str, list[Node]]:
    """The mappings of a YAML list grouped by the text of their `key` (one pass, for large sections)."""
    index: dict[str, list[Node]] = {}
    if isinstance(list_node, SequenceNode):
        for item in list_node.value:
            id_node = _child(item, key)
            if isinstance(id_node, ScalarNode):
                index.setdefault(id_node.value, []).append(item)
    return index


def _find_by_id(list_node: Node | None, key: str, value: str) -> Node | None:
    """The mapping in a YAML list whose `key` is `value` (ids survive pruning; indices do not)."""
    return next(iter(_index_by(list_node, key).get(value, ())), None)
