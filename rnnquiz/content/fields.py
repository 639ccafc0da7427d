"""The pieces every content model is built from: ids, text fields, cloze blanks and the strict base.

They sit below `model.py` and `questions/`, so a question kind's module can use them without
importing the model that gathers the kinds.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema, WrapValidator
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
"""Ids are lowercase slugs so they survive in file names, URLs and Anki GUIDs."""

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]


class MarkdownStr(str):
    """Text the author asked to be rendered as Markdown; everything else is shown literally."""

    __slots__ = ()


def _markdown_or_text(value: Any, handler: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"markdown"}:
        inner = value["markdown"]
        if not isinstance(inner, str):
            raise PydanticCustomError("string_type", "`markdown:` must hold text")
        return MarkdownStr(inner)
    return handler(value)


def _dump_text(value: str) -> Any:
    return {"markdown": str(value)} if isinstance(value, MarkdownStr) else value


Text = Annotated[
    str,
    WrapValidator(_markdown_or_text),
    PlainSerializer(_dump_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"markdown": {"type": "string", "description": "Text rendered as Markdown."}},
                    "required": ["markdown"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]
"""Plain text shown exactly as written; `{markdown: "..."}` opts one field into Markdown."""

NonEmptyText = Annotated[Text, Field(min_length=1)]

BLANK = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
"""A cloze blank: `{{answer}}`, `{{answer::hint}}`, or `{{answer|other answer}}` in quizzes."""


class Blank(BaseModel):
    """One `{{...}}` blank of a cloze text."""

    answers: list[str]
    hint: str | None = None


def parse_blanks(text: str) -> list[Blank]:
    """The blanks of a cloze text, in order."""
    blanks = []
    for match in BLANK.finditer(text):
        body, _, hint = match.group(1).partition("::")
        answers = [a.strip() for a in body.split("|")]
        blanks.append(Blank(answers=answers, hint=hint.strip() or None))
    return blanks


def check_cloze(text: str) -> str:
    """The cloze text unchanged, or why its blanks cannot be read (cloze cards and questions alike)."""
    if "{{" not in text:
        raise PydanticCustomError("cloze", "a cloze text needs at least one {{blank}}")
    stripped = BLANK.sub("", text)
    if "{{" in stripped or "}}" in stripped:
        raise PydanticCustomError("cloze", "unbalanced {{ }} in the cloze text")
    for blank in parse_blanks(text):
        if not all(blank.answers):
            raise PydanticCustomError("cloze", "a {{blank}} is empty")
    return text


ClozeText = Annotated[str, Field(min_length=1), AfterValidator(check_cloze)]


class Strict(BaseModel):
    """Base of every content model: unknown keys are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)
