"""A typed answer against the expected one: what was right, what was missing, what was extra.

Both texts come from outside (the course and the learner), so they are assembled as literal
`Content`; the styling is ours. `diff_content` is a plain function so tests can read its text.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from rnnquiz.study.scheduler import RATING_NAMES, Rating
from rnnquiz.study.typein import TypedAnswer
from rnnquiz.tui.widgets.literal import literal

PART_STYLES = {"equal": "", "missing": "bold underline $success", "extra": "strike $error"}
"""`missing`: expected but not typed (shown to learn); `extra`: typed but not expected (struck out)."""


def diff_content(answer: TypedAnswer) -> Content:
    """The merged diff on one line, missing parts underlined and extra parts struck out."""
    return Content.assemble(*(literal(part.text, PART_STYLES[part.kind]) for part in answer.parts))


def verdict(answer: TypedAnswer) -> Content:
    """One line: right, close or wrong, and the rating it suggests."""
    suggested = RATING_NAMES[answer.suggested]
    if answer.exact:
        return Content.assemble(("✓ Correct", "bold $success"), (f"  suggested: {suggested}", "$text-muted"))
    if not answer.typed:
        return Content.assemble(("Nothing typed", "bold $error"), (f"  suggested: {suggested}", "$text-muted"))
    if answer.suggested == Rating.Hard:
        return Content.assemble((f"≈ Close ({answer.similarity:.0%} alike)", "bold $warning"),
                                (f"  suggested: {suggested}", "$text-muted"))
    return Content.assemble(("✗ Not quite", "bold $error"), (f"  suggested: {suggested}", "$text-muted"))


def typed_content(answer: TypedAnswer) -> Content:
    lines = [verdict(answer), Content.assemble(("You typed  ", "$text-muted"), literal(answer.typed or "(nothing)"))]
    if not answer.exact and answer.typed:
        lines.append(Content.assemble(("Difference ", "$text-muted"), diff_content(answer)))
    lines.append(Content.assemble(("Expected   ", "$text-muted"), literal(answer.expected, "bold")))
    return Content("\n").join(lines)


class TypedDiff(Static):
    """The typed answer, marked up against the expected one, with the suggested rating."""

    DEFAULT_CSS = """
    TypedDiff { height: auto; }
    """

    def __init__(self, answer: TypedAnswer, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(typed_content(answer), markup=False, id=id, classes=classes)
        self.answer = answer
