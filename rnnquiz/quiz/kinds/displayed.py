"""Mapping what the learner picked on screen back to the author's indices, for the shuffled kinds."""

from __future__ import annotations

from typing import Any

from rnnquiz.quiz.grading.responses import as_elements, index_in_range


def original_index(displayed: Any, order: tuple[int, ...]) -> Any:
    """The author's index of displayed position `displayed`; anything else passes through unchanged.

    A non-index is just as out of range for the grader, which turns it into a 0 with a message.
    """
    return order[displayed] if index_in_range(displayed, len(order)) else displayed


def original_indices(response: Any, order: tuple[int, ...]) -> Any:
    """Each element mapped back, in the order given; a response that is not a collection is left as it is."""
    elements = as_elements(response)
    if elements is None:
        return response
    return [original_index(e, order) for e in elements]
