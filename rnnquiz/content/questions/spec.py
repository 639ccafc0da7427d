"""One question kind as the content layer knows it: its model, its GIFT form, its starter example.

The file formats (`rnnquiz.interchange`) may not import the quiz layer, so what they need per kind
lives here beside the model and is reached through `rnnquiz.content.questions.QUESTION_KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar, get_args

from rnnquiz.content.questions.base import QuestionBase

Q = TypeVar("Q", bound=QuestionBase)


class GiftOut(Protocol):
    """The GIFT writer as a kind sees it (`rnnquiz.interchange.gift_writer`): escaping, formats, the report."""

    def prompt(self, question: QuestionBase) -> str:
        """Tag comment, `::id::` title and the prompt; the prompt's `[format]` holds for the texts after it."""
        ...

    def title(self, question: QuestionBase) -> str:
        """Tag comment and title alone, for a kind that writes its own text instead of a prompt (plain format)."""
        ...

    def answers(self, question: QuestionBase, body: str) -> str:
        """`{body####explanation}`; the explanation gets its own line after a multi-line body."""
        ...

    def explain(self, question: QuestionBase) -> str:
        """`####explanation`, or nothing."""
        ...

    def text(self, value: str) -> str:
        """An author's text escaped, with a `[format]` prefix where it differs from the prompt's or could be misread."""
        ...

    def escape(self, text: str) -> str:
        """GIFT's backslash escapes alone."""
        ...

    def plain_prefix(self, text: str) -> str:
        """`[plain]` when `text` would otherwise be read as a format or a weight, else nothing."""
        ...

    def wildcard_pattern(self, answers: list[str]) -> str | None:
        """The pattern the reader makes of Moodle `*` wildcards in these answers, if any."""
        ...

    def skip(self, question: QuestionBase, why: str) -> None:
        """Report the question as not exported."""
        ...

    def lost(self, question: QuestionBase, what: str) -> None:
        """Report a part of the question GIFT has no place for."""
        ...


@dataclass(frozen=True, slots=True)
class QuestionKind(Generic[Q]):
    """A question kind's content-layer half; its `tag` is read from the model's `type:` Literal."""

    model: type[Q]
    """The pydantic model: fields, validators and the docstrings authors see in the JSON Schema."""
    gift: Callable[[Q, GiftOut], str | None]
    """The question as Moodle GIFT, or None (after `skip`) when GIFT cannot hold it."""
    starter: str
    """Its example in the `rnnquiz new` section starter: one YAML list item, `@SID@` for the section id."""

    @property
    def tag(self) -> str:
        """The `type:` value that selects this kind."""
        (tag,) = get_args(self.model.model_fields["type"].annotation)
        return str(tag)
