"""What every question kind shares: the common fields, and the choices of the choice kinds."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from rnnquiz.content.fields import Id, NonEmptyText, Strict, Text


class Choice(Strict):
    """A choice of a `single` or `multiple` question, with optional feedback."""

    text: NonEmptyText
    """The choice as shown."""
    feedback: Text | None = None
    """Shown when the learner picks this choice."""


def _choice_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


ChoiceItem = Annotated[Choice, BeforeValidator(_choice_from_text)]
Choices = Annotated[list[ChoiceItem], Field(min_length=2)]


class QuestionBase(Strict):
    """The fields of every question; each kind adds its `type:` tag and its answer."""

    id: Id
    """Stable id, unique in the whole library: quiz history and review scheduling follow it."""
    prompt: NonEmptyText
    """The question."""
    explain: Text | None = None
    """Why the answer is right; shown after answering."""
    tags: list[str] = Field(default_factory=list)
    """Free-form tags."""


def check_choice_index(index: int, info: ValidationInfo) -> int:
    """A validator: `index` names one of the question's choices."""
    choices = info.data.get("choices")
    if choices is not None and not 0 <= index < len(choices):
        raise PydanticCustomError(
            "answer_range",
            "answer {index} is not a choice: there are {n} choices, numbered from 0 to {last}",
            {"index": index, "n": len(choices), "last": len(choices) - 1},
        )
    return index
