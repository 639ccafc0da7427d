"""What the quiz screens need beyond the quiz core: options carried in a screen argument, and a
learner's response put back into words for the end screen.

Pure Python (no Textual), so `rnnquiz quiz` can parse its options and tests can check the wording
without starting the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rnnquiz.content.model import BLANK


@dataclass(frozen=True, slots=True)
class QuizOptions:
    """How to build a quiz: its scope (section or course id; None for every course) and settings.

    The app opens screens with one string argument, so the options travel as `scope?seed=3&exam`;
    a bare section id (what the palette and the home screen pass) is a plain immediate-mode quiz.
    """

    scope: str | None = None
    seed: int | None = None
    exam: bool = False
    generated: bool = False
    limit: int | None = None

    def to_arg(self) -> str:
        flags = [f"seed={self.seed}" if self.seed is not None else "", "exam" if self.exam else "",
                 "generated" if self.generated else "", f"limit={self.limit}" if self.limit is not None else ""]
        query = "&".join(flag for flag in flags if flag)
        return f"{self.scope or ''}?{query}" if query else self.scope or ""

    @classmethod
    def from_arg(cls, arg: str | None) -> QuizOptions:
        """Options from a screen argument; unknown or malformed settings are ignored."""
        scope, _, query = (arg or "").partition("?")
        values: dict[str, Any] = {"scope": scope or None}
        for part in query.split("&"):
            name, _, value = part.partition("=")
            if name in ("exam", "generated"):
                values[name] = True
            elif name in ("seed", "limit") and value.isdigit():
                values[name] = int(value)
        return cls(**values)


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
