"""How a quiz is built, as `rnnquiz quiz` and the screens ask for it.

The options travel to the quiz screen in the one screen-argument syntax (`screen_args.ScreenArg`):
`scope?seed=3&exam&generated&limit=10`; a bare section or course id (what the palette and the home
screen pass) is a plain immediate-mode quiz.
"""

from __future__ import annotations

from dataclasses import dataclass

from rnnquiz.screen_args import ScreenArg


@dataclass(frozen=True, slots=True)
class QuizOptions:
    """A quiz's scope (section or course id; None for every course) and settings."""

    scope: str | None = None
    seed: int | None = None
    exam: bool = False
    generated: bool = False
    limit: int | None = None

    def to_arg(self) -> str:
        values: dict[str, str] = {}
        if self.seed is not None:
            values["seed"] = str(self.seed)
        if self.exam:
            values["exam"] = ""
        if self.generated:
            values["generated"] = ""
        if self.limit is not None:
            values["limit"] = str(self.limit)
        return ScreenArg(self.scope, values).format()

    @classmethod
    def from_arg(cls, arg: str | None) -> QuizOptions:
        """Options from a screen argument; unknown or malformed settings are ignored."""
        parsed = ScreenArg.parse(arg)
        seed, limit = parsed.get("seed"), parsed.get("limit")
        return cls(
            parsed.subject,
            int(seed) if seed is not None and seed.isdigit() else None,
            parsed.flag("exam"),
            parsed.flag("generated"),
            int(limit) if limit is not None and limit.isdigit() else None,
        )
