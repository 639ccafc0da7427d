"""Load one content file: YAML documents -> validated Course and Section models, with every problem located.

A document that fails validation is not thrown away whole: list items with errors (one bad quiz
question, one bad card) are dropped and the rest of the section is kept, so a learner can study
while the author fixes the file. Every problem is still reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import Node

from rnnquiz.content.errors import close_match, describe
from rnnquiz.content.model import Course, Section
from rnnquiz.content.problems import Problem
from rnnquiz.content.yamlsafe import Document, parse_documents, read_text

SECTION_LISTS = frozenset(
    name for name, info in Section.model_fields.items() if getattr(info.annotation, "__origin__", None) is list
)
"""Section fields whose items can be dropped one by one when they are invalid."""

DocumentKind = Literal["course", "section"]

_Model = TypeVar("_Model", bound=BaseModel)


@dataclass(slots=True)
class LoadedDocument:
    """A valid (possibly partly pruned) course or section, with the node tree for locations."""

    kind: DocumentKind
    model: Course | Section
    file: Path
    node: Node


@dataclass(slots=True)
class LoadedFile:
    file: Path
    documents: list[LoadedDocument] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_file(path: Path) -> LoadedFile:
    """Read, parse and validate one file; never raises for bad content."""
    result = LoadedFile(path)
    text, problem = read_text(path)
    if problem is not None:
        result.problems.append(problem)
        return result
    documents, problems = parse_documents(text or "", path)
    result.problems += problems
    if not documents and not problems:  # empty, or only comments: nothing an author meant to ship
        result.problems.append(Problem(path, 1, 1, "the file holds nothing: no course or section",
                                       hint="start it with `course:` or `section:` (`rnnquiz new` writes one)"))
    for document in documents:
        loaded, problems = _validate_document(document)
        result.problems += problems
        if loaded is not None:
            result.documents.append(loaded)
    return result


def _validate_document(document: Document) -> tuple[LoadedDocument | None, list[Problem]]:
    data, file = document.data, document.file
    if not isinstance(data, dict):
        return None, [_at(document, "a content document is a mapping that starts with `course:` or `section:`")]
    kind: DocumentKind
    model_type: type[Course] | type[Section]
    if "course" in data:
        kind, model_type = "course", Course
    elif "section" in data:
        kind, model_type = "section", Section
    else:
        guess = next((close_match(k, ("course", "section")) for k in data if close_match(k, ("course", "section"))),
                     None)
        hint = (f"did you mean `{guess}:`?" if guess
                else "a course file starts with `course: <id>`, a section with `section: <id>`")
        return None, [_at(document, "neither a course nor a section: it needs a `course:` or `section:` key", hint)]
    model, errors = _try(model_type, data)
    if model is not None:
        return LoadedDocument(kind, model, file, document.node), []
    problems = [describe(error, document.node, model_type, file) for error in errors]
    for _round in range(4):  # dropping a bad key can leave its item incomplete: prune again
        if not _prune(data, errors, kind):
            break
        model, errors = _try(model_type, data)
        if model is not None:
            break
    if model is None:
        return None, problems
    return LoadedDocument(kind, model, file, document.node), problems


def _try(model_type: type[_Model], data: Any) -> tuple[_Model | None, list[ErrorDetails]]:
    try:
        return model_type.model_validate(data), []
    except ValidationError as error:
        return None, error.errors(include_url=False)


def _prune(data: dict[str, Any], errors: list[ErrorDetails], kind: DocumentKind) -> bool:
    """Drop the list items that hold errors; False when an error is outside any droppable item."""
    doomed: dict[int, tuple[list[Any], set[int]]] = {}
    for error in errors:
        if error["type"] == "extra_forbidden" and _drop_key(data, list(error["loc"])):
            continue
        target = _droppable(data, list(error["loc"]), kind)
        if target is None:
            return False
        items, index = target
        doomed.setdefault(id(items), (items, set()))[1].add(index)
    for items, indices in doomed.values():
        for index in sorted(indices, reverse=True):
            del items[index]
    return True


def _drop_key(data: Any, loc: list[Any]) -> bool:
    """Remove an unknown key (reported already) so the rest of its mapping can be used."""
    container = data
    for part in loc[:-1]:
        if (isinstance(container, dict) and part in container) or (
            isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)
        ):
            container = container[part]
        elif not isinstance(part, str):
            return False  # otherwise `part` is a union tag, which has no place in the data
    if isinstance(container, dict) and loc and loc[-1] in container:
        del container[loc[-1]]
        return True
    return False


def _droppable(data: dict[str, Any], loc: list[Any], kind: DocumentKind) -> tuple[list[Any], int] | None:
    """The (list, index) of the section-level list item that contains the error at `loc`."""
    if kind == "course":
        # sections[i] (tag 'inline') then the section's own path
        if len(loc) < 3 or loc[0] != "sections" or not isinstance(loc[1], int) or loc[2] != "inline":
            return None
        sections = data.get("sections")
        if not isinstance(sections, list) or not 0 <= loc[1] < len(sections) or not isinstance(sections[loc[1]], dict):
            return None
        return _droppable(sections[loc[1]], loc[3:], "section")
    if len(loc) >= 2 and loc[0] in SECTION_LISTS and isinstance(loc[1], int):
        items = data.get(loc[0])
        if isinstance(items, list) and 0 <= loc[1] < len(items):
            return items, loc[1]
    return None


def _at(document: Document, message: str, hint: str | None = None) -> Problem:
    mark = document.node.start_mark
    return Problem(document.file, mark.line + 1, mark.column + 1, message, hint=hint)
