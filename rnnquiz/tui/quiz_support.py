"""What the quiz screens need beyond the quiz core: a learner's response put back into words for
the end screen. Pure Python (no Textual), so tests can check the wording without starting the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rnnquiz.content.model import BLANK


def cloze_display(text: str) -> str:
    """A cloze text with each `{{blank}}` shown as a numbered gap: `The [1]____ carries h[t-1]`."""
    numbers = iter(range(1, 10_000))
    return BLANK.sub(lambda _: f"[{next(numbers)}]____", text)


def response_text(question: Any, response: Any) -> str:
    """What the learner answered, in words (the response in the author's indices, as graded)."""
    if response is None:
        return "no answer"
    try:
        kind = question.type
        if kind == "single":
            return question.choices[response].text
        if kind == "multiple":
            picked = [question.choices[i].text for i in sorted(set(response))]
            return "; ".join(picked) if picked else "nothing picked"
        if kind == "true_false":
            return "True" if response else "False"
        if kind == "cloze":
            blanks = [response] if isinstance(response, str) else list(response)
            return " / ".join(text if text.strip() else "(empty)" for text in blanks)
        if kind == "order":
            return " → ".join(question.items[i] for i in response)
        if kind == "match" and isinstance(response, Mapping):
            rights = [pair.right for pair in question.pairs]
            return "; ".join(
                f"{pair.left} → {rights[response[i]] if response.get(i) is not None else '?'}"
                for i, pair in enumerate(question.pairs)
            )
        return str(response)
    except (IndexError, KeyError, TypeError):
        return repr(response)  # a response the grader already called unreadable; shown as it was
