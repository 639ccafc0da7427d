"""The lines a demo shows about the learner's prediction: the verdict, and why it came out so."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from rnnquiz.tui.widgets.literal import literal


def verdict_line(question: Any, outcome: Any, chosen: int | None, *, same_params: bool) -> Content:
    """What was predicted, and once the run has an outcome, whether it was right (empty: no prediction).

    `same_params`: the demo still has the parameters the prediction was made for.
    """
    from rnnquiz.rnn import predictions  # NumPy: loaded only once a demo is on screen

    if chosen is None or question is None:
        return Content("")
    if not same_params:
        return Content.styled("Your prediction was for other parameters (p asks again).", "italic")
    if outcome is None:
        return Content.assemble(("You predicted: ", "bold"), literal(question.choices[chosen]))
    right = chosen == outcome.answer
    line = predictions.verdict(question, outcome, chosen)
    return Content.styled(line, "bold " + ("$success" if right else "$warning"))


def reveal_line(outcome: Any) -> Content:
    """The reason behind the outcome (empty until there is one)."""
    return Content.assemble(("Why: ", "bold"), literal(outcome.reveal)) if outcome else Content("")
