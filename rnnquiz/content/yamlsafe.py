"""Read YAML as plain data, keeping node positions, refusing anything that is not plain data.

libyaml (when present) parses and composes the node tree; turning nodes into Python values is done
here rather than by PyYAML's constructor, because we want different rules than YAML 1.1:

- every scalar stays text, exactly as the author wrote it (`yes`, `on`, `010`, `1e3` are not
  silently turned into booleans or numbers); pydantic converts text where the schema asks for a
  number or a boolean, so `answer: 2` still works;
- plain `~`, `null` and an empty value are null;
- duplicate keys, tags that would build objects, and alias bombs are errors with a location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from rnnquiz.content.encoding import Undecodable, decode_text
from rnnquiz.content.problems import Problem

try:  # libyaml's C parser is about 4x faster; the pure-Python one gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Larger content files are refused before they are read: a course is text, not data dumps."""
MAX_DEPTH = 100
"""Deeper nesting is certainly a mistake (or a recursive alias)."""
_NODE_BUDGET_BASE = 50_000

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "value"))
_MERGE_TAG = _YAML + "merge"
_SEQ_TAG = _YAML + "seq"
_MAP_TAG = _YAML + "map"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff]")


class _Refused(Exception):
    """Stop building: the file is hostile or broken beyond a useful partial result."""

    def __init__(self, node: Node | None, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.node, self.message, self.hint = node, message, hint


@dataclass(slots=True)
class Document:
    """One YAML document of a file: its plain data and the node tree that knows positions."""

    file: Path
    index: int
    node: Node
    data: Any


def _problem(file: Path, node: Node | None, message: str, hint: str | None = None) -> Problem:
    line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (1, 1)
    return Problem(file, line, col, message, hint=hint)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text, or why it cannot be a content file. Cheap checks come first."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, Problem(path, 1, 1, f"file is {size / 2**20:.0f} MiB; content files may be at most "
                                 f"{MAX_FILE_BYTES // 2**20} MiB", hint="split the course into one file per section")
        raw = path.read_bytes()
    except OSError as error:
        return None, Problem(path, 1, 1, f"cannot read file: {error.strerror or error}")
    try:
        text = decode_text(raw, kind="YAML text file")
    except Undecodable as error:
        line = raw.count(b"\n", 0, error.offset) + 1
        col = error.offset - (raw.rfind(b"\n", 0, error.offset) + 1) + 1
        return None, Problem(path, line, col, error.message, hint=error.hint)
    bad = _FORBIDDEN_CHARS.search(text)
    if bad:
        line, col = _position(text, bad.start())
        return None, Problem(path, line, col, f"control character U+{ord(bad.group()):04X} is not allowed in YAML text")
    return text, None


_CONSTRUCTS = {
    "a quoted scalar": "quoted text",
    "a flow mapping": "`{...}` mapping",
    "a flow sequence": "`[...]` list",
    "a block mapping": "mapping",
    "a block collection": "block",
}
"""PyYAML's names for things that open and close, in an author's words."""


def _syntax_problem(error: yaml.MarkedYAMLError, file: Path) -> Problem:
    """A YAML syntax error placed where the author must look.

    PyYAML points at where it gave up; for something never closed (a quote, a bracket) that is the
    end of the file, so the place where it was opened is the useful location.
    """
    problem, context = error.problem_mark, error.context_mark
    context_text = (error.context or "").removeprefix("while scanning ").removeprefix("while parsing ")
    construct = _CONSTRUCTS.get(context_text)
    if context is not None and construct and (problem is None or "end of stream" in (error.problem or "")):
        end = f" (the file ends at line {problem.line + 1})" if problem is not None else ""
        return Problem(file, context.line + 1, context.column + 1,
                       f"invalid YAML: this {construct} is never closed{end}")
    mark = problem or context
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = "invalid YAML: " + (error.problem or error.context or "syntax error")
    if (context is not None and mark is not None and construct
            and (context.line, context.column) != (mark.line, mark.column)):
        message += f" (in the {construct} opened at line {context.line + 1}, column {context.column + 1})"
    return Problem(file, line, col, message)


def parse_documents(text: str, file: Path) -> tuple[list[Document], list[Problem]]:
    """All documents of a YAML text as plain data, or the problems that stopped them."""
    try:
        nodes = [node for node in yaml.compose_all(text, Loader=_Loader) if node is not None]
    except yaml.MarkedYAMLError as error:
        return [], [_syntax_problem(error, file)]
    except yaml.YAMLError as error:
        return [], [Problem(file, 1, 1, f"invalid YAML: {error}")]
    documents: list[Document] = []
    problems: list[Problem] = []
    budget = [_NODE_BUDGET_BASE + len(text)]
    for index, node in enumerate(nodes):
        builder = _Builder(file, budget)
        try:
            data = builder.build(node, 0)
        except _Refused as refused:
            problems += builder.problems
            problems.append(_problem(file, refused.node, refused.message, refused.hint))
            if "alias" in refused.message:
                break  # the budget is shared by the file: later documents would only repeat this
            continue
        problems += builder.problems
        documents.append(Document(file, index, node, data))
    return documents, problems


class _Builder:
    """Turns a node tree into dicts, lists, text and None, noting problems on the way."""

    __slots__ = ("budget", "file", "problems")

    def __init__(self, file: Path, budget: list[int]) -> None:
        self.file, self.budget = file, budget
        self.problems: list[Problem] = []

    def build(self, node: Node, depth: int) -> Any:
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise _Refused(node, "too many values after expanding aliases (an alias bomb?)",
                           hint="anchors and aliases may repeat small parts, not multiply the file")
        if depth > MAX_DEPTH:
            raise _Refused(node, f"nested more than {MAX_DEPTH} levels deep (a recursive alias?)")
        tag = node.tag
        if type(node) is ScalarNode:
            if tag not in _SCALAR_TAGS:
                raise _Refused(node, f"YAML tag {_short(tag)} is not allowed: content files hold plain data only")
            value = node.value
            if node.style is None and value in _NULLS:
                return None
            return value
        if type(node) is SequenceNode:
            if tag != _SEQ_TAG:
                raise _Refused(node, f"YAML tag {_short(tag)} is not allowed: content files hold plain data only")
            return [self.build(item, depth + 1) for item in node.value]
        if type(node) is MappingNode:
            if tag != _MAP_TAG:
                raise _Refused(node, f"YAML tag {_short(tag)} is not allowed: content files hold plain data only")
            return self._mapping(node, depth)
        raise _Refused(node, "unsupported YAML node")  # pragma: no cover - PyYAML has only these three

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is ScalarNode and key_node.tag == _MERGE_TAG:
                merged.update(self._merge_source(value_node, depth))
                continue
            if type(key_node) is not ScalarNode:
                self.problems.append(_problem(self.file, key_node, "a key must be plain text, not a list or mapping"))
                continue
            key = key_node.value
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.problems.append(
                    _problem(self.file, key_node, f"duplicate key `{key}`", hint=f"first given on line {first}")
                )
                continue
            seen[key] = key_node
            result[key] = self.build(value_node, depth + 1)
        if merged:
            return {**merged, **result}
        return result

    def _merge_source(self, node: Node, depth: int) -> dict[str, Any]:
        sources = node.value if type(node) is SequenceNode else [node]
        merged: dict[str, Any] = {}
        for source in reversed(sources):
            value = self.build(source, depth + 1)
            if not isinstance(value, dict):
                raise _Refused(source, "`<<` merges a mapping (or a list of mappings) only")
            merged.update(value)
        return merged


def _short(tag: str) -> str:
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag
