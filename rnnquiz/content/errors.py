"""Turn pydantic validation errors into located, plain-spoken problems for authors.

pydantic reports a path of keys, indices and union tags (`quiz, 3, single, answer`). We walk the
YAML node tree and the model types along that path together, which gives the line and column, a
readable field path (`quiz[3].answer`) and, for unknown keys, the fields that would have fitted.
"""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Tag
from pydantic_core import ErrorDetails
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from rnnquiz.content.problems import Problem


def close_match(word: str, options: typing.Iterable[str]) -> str | None:
    """The option an author most likely meant, if any is close enough."""
    options = list(options)
    normalised = {o.replace("_", "-").casefold(): o for o in options}
    key = word.replace("_", "-").casefold()
    if key in normalised:
        return normalised[key]
    found = difflib.get_close_matches(key, list(normalised), n=1, cutoff=0.6)
    return normalised[found[0]] if found else None


def _unwrap(tp: Any) -> tuple[Any, list[Any]]:
    """Strip Annotated layers, keeping their metadata (where union Tags live)."""
    meta: list[Any] = []
    while typing.get_origin(tp) is typing.Annotated:
        args = typing.get_args(tp)
        tp, meta = args[0], meta + list(args[1:])
    return tp, meta


def _union_members(tp: Any) -> list[Any] | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return list(typing.get_args(tp))
    return None


def _step_type(tp: Any, part: str | int) -> tuple[Any, bool]:
    """The type one path step below `tp`, and whether the step was a union tag (no YAML node)."""
    tp, _ = _unwrap(tp)
    members = _union_members(tp)
    if members is not None:
        for member in members:
            inner, meta = _unwrap(member)
            if any(isinstance(m, Tag) and m.tag == part for m in meta):
                return inner, True
        non_null = [m for m in members if m is not type(None)]
        if len(non_null) == 1:
            return _step_type(non_null[0], part)
        return None, False
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        field = tp.model_fields.get(part) if isinstance(part, str) else None
        return (field.annotation if field else None), False
    origin = typing.get_origin(tp)
    if origin in (list, tuple) and isinstance(part, int):
        args = typing.get_args(tp)
        return (args[0] if args else None), False
    if origin is dict and isinstance(part, str):
        args = typing.get_args(tp)
        return (args[1] if args else None), False
    return None, False


def _model_fields(tp: Any) -> list[str]:
    tp, _ = _unwrap(tp)
    members = _union_members(tp)
    if members is not None:
        non_null = [m for m in members if m is not type(None)]
        return _model_fields(non_null[0]) if len(non_null) == 1 else []
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _child(node: Node | None, part: str | int) -> tuple[Node | None, Node | None]:
    """(value node, key node) one step below `node`."""
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == part:
                return value, key
        return None, None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], None
    return None, None


def format_path(parts: list[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _kind(node: Node | None) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode):
        return "nothing" if node.style is None and node.value in ("", "~", "null") else f"{node.value!r}"
    return "nothing"


def describe(error: ErrorDetails, root: Node, root_type: type[BaseModel], file: Path) -> Problem:
    """One pydantic error as a Problem pointing at the YAML that caused it."""
    loc = list(error["loc"])
    node: Node | None = root
    anchor: Node = root
    key_node: Node | None = None
    tp: Any = root_type
    parent_tp: Any = root_type
    path: list[str | int] = []
    for part in loc:
        parent_tp = tp
        tp, was_tag = _step_type(tp, part)
        if was_tag:
            continue
        node, key_node = _child(node, part)
        path.append(part)
        if node is not None:
            anchor = node
    message, hint, at_key = _message(error, node, parent_tp, loc)
    target = key_node if at_key and key_node is not None else anchor
    return Problem(
        file,
        target.start_mark.line + 1,
        target.start_mark.column + 1,
        message,
        path=format_path(path),
        hint=hint,
    )


_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with `- `)",
    "tuple_type": "a list (lines starting with `- `)",
    "dict_type": "a mapping (`key: value` lines)",
    "model_type": "a mapping (`key: value` lines)",
    "model_attributes_type": "a mapping (`key: value` lines)",
}


def _message(error: ErrorDetails, node: Node | None, parent_tp: Any, loc: list[Any]) -> tuple[str, str | None, bool]:
    """(message, hint, point at the key rather than the value)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    last = loc[-1] if loc else None
    if kind == "missing":
        return f"missing required field `{last}`", None, False
    if kind == "extra_forbidden":
        guess = close_match(str(last), _model_fields(parent_tp))
        hint = f"did you mean `{guess}`?" if guess else _allowed(parent_tp)
        return f"unknown field `{last}`", hint, True
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, got {_kind(node)}", None, False
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",") if o.strip()]
        guess = close_match(str(error.get("input")), options)
        return (f"expected one of {expected}, got {error.get('input')!r}",
                f"did you mean {guess!r}?" if guess else None, False)
    if kind == "union_tag_invalid":
        field = str(ctx.get("discriminator", "")).strip("'")
        tags = [t.strip().strip("'") for t in str(ctx.get("expected_tags", "")).split(",")]
        guess = close_match(str(ctx.get("tag")), tags)
        hint = f"did you mean {guess!r}?" if guess else f"one of: {', '.join(tags)}"
        return f"unknown {field} {ctx.get('tag')!r}", hint, False
    if kind == "union_tag_not_found":
        field = str(ctx.get("discriminator", "")).strip("'")
        return f"missing `{field}:` — it says what kind of item this is", None, False
    if kind == "string_pattern_mismatch":
        return (f"{error.get('input')!r} is not a valid id",
                "use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit", False)
    if kind in ("too_short", "string_too_short"):
        minimum = ctx.get("min_length", 1)
        if kind == "string_too_short" or not isinstance(node, SequenceNode):
            return "must not be empty", None, False
        return (f"needs at least {minimum} item{'' if minimum == 1 else 's'}, has {len(node.value)}",
                None, False)
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        word = {"greater_than": "greater than", "greater_than_equal": "at least",
                "less_than": "less than", "less_than_equal": "at most"}[kind]
        bound = next(iter(ctx.values()), "?")
        return f"must be {word} {bound}, got {_kind(node)}", None, False
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return message, None, False


def _allowed(tp: Any) -> str | None:
    fields = _model_fields(tp)
    return f"allowed here: {', '.join(fields)}" if fields else None
