"""The quiz's half of every question kind: one module per kind, named after its `type:` tag.

The table follows `rnnquiz.content.questions.QUESTION_KINDS`: the module of each tag is imported
by that name, so a kind without one here fails when the quiz is imported, not at its first
question. Each module says in its docstring which response its grader takes.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from rnnquiz.content.questions import QUESTION_KINDS
from rnnquiz.quiz.kinds.spec import QuizKind


def _load(tag: str) -> QuizKind[Any]:
    kind = getattr(import_module(f"{__name__}.{tag}"), "KIND", None)
    if not isinstance(kind, QuizKind) or kind.model is not QUESTION_KINDS[tag].model:
        raise ImportError(f"{__name__}.{tag} must define KIND, the QuizKind of {tag!r} questions")
    return kind


QUIZ_KINDS: dict[str, QuizKind[Any]] = {tag: _load(tag) for tag in QUESTION_KINDS}
"""`type:` tag -> how the quiz grades, shuffles and words that kind."""


def kind_of(question: Any) -> QuizKind[Any]:
    """The quiz kind of `question`; TypeError (a programming error, not learner input) for anything else."""
    kind = QUIZ_KINDS.get(getattr(question, "type", None))  # type: ignore[arg-type]
    if kind is None:
        raise TypeError(f"not a quiz question: {type(question).__name__}")
    return kind


def response_text(question: Any, response: Any) -> str:
    """What the learner answered, in words (the response in the author's indices, as graded)."""
    if response is None:
        return "no answer"
    kind = kind_of(question)
    try:
        return kind.response_text(question, response)
    except (IndexError, KeyError, TypeError):
        return repr(response)  # a response the grader already called unreadable; shown as it was
