"""The learner's study settings and the one rule for each: its key, its range, its message.

The same rule decides what `rnnquiz study --retention` accepts, what a study screen argument
accepts, which stored value `StudyConfig.from_store` uses and what the scheduler takes, so a
value saved in one place is never refused in another.
"""

from __future__ import annotations

from dataclasses import dataclass

from rnnquiz.study.clock import SETTING_ROLLOVER_HOUR


@dataclass(frozen=True, slots=True)
class IntSetting:
    """A whole-number setting in `[low, high]` (`high` None: no upper limit)."""

    key: str
    low: int
    high: int | None
    message: str
    """Why a value is refused; `{text!r}` is the value as given."""

    def accepts(self, value: object) -> bool:
        return (isinstance(value, int) and not isinstance(value, bool) and value >= self.low
                and (self.high is None or value <= self.high))

    def stored(self, value: object) -> int | None:
        """A stored value when this rule accepts it, else None (the default is used)."""
        return value if isinstance(value, int) and self.accepts(value) else None

    def parse(self, text: str) -> int:
        """The value typed by the learner; ValueError with a message for them."""
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not self.accepts(value):
            raise ValueError(self.message.format(text=text))
        return value


@dataclass(frozen=True, slots=True)
class FloatSetting:
    """A number setting in `[low, high]`."""

    key: str
    low: float
    high: float
    message: str

    def accepts(self, value: object) -> bool:
        return (isinstance(value, int | float) and not isinstance(value, bool)
                and self.low <= value <= self.high)

    def stored(self, value: object) -> float | None:
        return float(value) if isinstance(value, int | float) and self.accepts(value) else None

    def parse(self, text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = None
        if value is None or not self.accepts(value):
            raise ValueError(self.message.format(text=text))
        return value


NEW_PER_DAY = IntSetting("study.new_per_day", 0, None,
                         "new cards per day must be a whole number, 0 or more, not {text!r}")
DESIRED_RETENTION = FloatSetting("study.desired_retention", 0.5, 0.99,
                                 "desired retention must be between 0.5 and 0.99, not {text!r}")
ROLLOVER_HOUR = IntSetting(SETTING_ROLLOVER_HOUR, 0, 23,
                           "the rollover hour must be a whole hour from 0 to 23, not {text!r}")
