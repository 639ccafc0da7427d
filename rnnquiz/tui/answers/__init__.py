"""The TUI's half of every question kind: one module per kind, named after its `type:` tag.

The table follows `rnnquiz.content.questions.QUESTION_KINDS`, each tag's module imported by that
name, so a kind without one here fails when the quiz screen is imported, not when its first
question is shown. The widgets themselves stay reusable in `rnnquiz.tui.widgets`.
"""

from __future__ import annotations

from importlib import import_module

from rnnquiz.content.questions import QUESTION_KINDS
from rnnquiz.tui.answers.spec import AnswerKind


def _load(tag: str) -> AnswerKind:
    kind = getattr(import_module(f"{__name__}.{tag}"), "KIND", None)
    if not isinstance(kind, AnswerKind) or kind.model is not QUESTION_KINDS[tag].model:
        raise ImportError(f"{__name__}.{tag} must define KIND, the AnswerKind of {tag!r} questions")
    return kind


ANSWER_KINDS: dict[str, AnswerKind] = {tag: _load(tag) for tag in QUESTION_KINDS}
"""`type:` tag (as in a question or its grade) -> how the quiz screen shows that kind."""
