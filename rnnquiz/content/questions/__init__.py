"""Every question kind, one module each, in the order authors see them: the content layer's table.

A kind's module defines its model (with a `type: Literal[...]` tag), its GIFT form and its starter
example, gathered into one `QuestionKind` named `KIND`. The quiz layer (`rnnquiz.quiz.kinds`) and
the TUI (`rnnquiz.tui.answers`) each hold a module of the same name for the same kind; both are
found from this table, so a kind missing there fails at import time.
"""

from __future__ import annotations

from typing import Any

from rnnquiz.content.questions import cloze, match, multiple, numeric, order, short, single, true_false
from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.content.questions.spec import QuestionKind

QUESTION_KINDS: dict[str, QuestionKind[Any]] = {
    kind.tag: kind
    for kind in (single.KIND, multiple.KIND, true_false.KIND, short.KIND, numeric.KIND, cloze.KIND, order.KIND,
                 match.KIND)
}
"""`type:` tag -> its kind, in the order of the JSON Schema's union and of the starter section."""

_BY_MODEL: dict[type[Any], QuestionKind[Any]] = {kind.model: kind for kind in QUESTION_KINDS.values()}


def kind_of(question: QuestionBase) -> QuestionKind[Any]:
    """The kind a question model belongs to; KeyError for anything that is not one of the kinds."""
    return _BY_MODEL[type(question)]
