"""What `rnnquiz study` and the flashcard screen are asked for, and the session it opens.

The options travel to the screen in the one screen-argument syntax (`screen_args.ScreenArg`):
`rnn?cram&new-per-day=5&retention=0.85&rollover-hour=3`. Each value is checked by its rule in
`study.settings`, the same rule the saved settings and the scheduler use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rnnquiz.screen_args import ScreenArg
from rnnquiz.study.settings import DESIRED_RETENTION, NEW_PER_DAY, ROLLOVER_HOUR

if TYPE_CHECKING:
    from rnnquiz.content.library import Library
    from rnnquiz.study.progress_store import ProgressStore
    from rnnquiz.study.queue import CramSession, ReviewSession, StudyConfig
    from rnnquiz.study.store import Store

_KNOWN = {"cram", "new-per-day", "retention", "rollover-hour"}


@dataclass(frozen=True, slots=True)
class StudyOptions:
    """What `rnnquiz study` was asked for; None means "the learner's setting, else the default"."""

    course: str | None = None
    """A course id, or a section id for that section's cards only; None: every course."""
    cram: bool = False
    new_per_day: int | None = None
    retention: float | None = None
    rollover_hour: int | None = None

    def to_arg(self) -> str | None:
        """The screen argument; None when nothing differs from the defaults."""
        values = {"cram": ""} if self.cram else {}
        if self.new_per_day is not None:
            values["new-per-day"] = str(self.new_per_day)
        if self.retention is not None:
            values["retention"] = f"{self.retention:g}"
        if self.rollover_hour is not None:
            values["rollover-hour"] = str(self.rollover_hour)
        return ScreenArg(self.course, values).format() or None

    @classmethod
    def from_arg(cls, arg: str | None) -> StudyOptions:
        """Read a screen argument; a bad option is a `ValueError` with a message for the learner."""
        parsed = ScreenArg.parse(arg)
        unknown = sorted(set(parsed.values) - _KNOWN)
        if unknown:
            raise ValueError(f"unknown study option {unknown[0]!r}")
        new_per_day, retention, hour = (parsed.get(name) for name in ("new-per-day", "retention", "rollover-hour"))
        return cls(
            parsed.subject,
            parsed.flag("cram"),
            None if new_per_day is None else NEW_PER_DAY.parse(new_per_day),
            None if retention is None else DESIRED_RETENTION.parse(retention),
            None if hour is None else ROLLOVER_HOUR.parse(hour),
        )

    def overrides(self) -> dict[str, Any]:
        """`StudyConfig` fields these options set."""
        values: dict[str, Any] = {}
        if self.new_per_day is not None:
            values["new_per_day"] = self.new_per_day
        if self.retention is not None:
            values["desired_retention"] = self.retention
        if self.rollover_hour is not None:
            values["rollover_hour"] = self.rollover_hour
        return values


def save_settings(store: Store, options: StudyOptions) -> StudyConfig:
    """Remember the options given as the learner's defaults (one transaction each); the result."""
    for setting, value in ((NEW_PER_DAY, options.new_per_day), (DESIRED_RETENTION, options.retention),
                           (ROLLOVER_HOUR, options.rollover_hour)):
        if value is not None:
            store.set_setting(setting.key, value)
    return study_config(store, StudyOptions())


def study_config(store: ProgressStore, options: StudyOptions) -> StudyConfig:
    """The learner's saved settings, with this session's options on top."""
    from rnnquiz.study.queue import StudyConfig

    return StudyConfig.from_store(store, **options.overrides())


def open_session(
    store: Store, library: Library, options: StudyOptions, config: StudyConfig, *, cram: bool | None = None
) -> ReviewSession | CramSession:
    """A review (or cram) session over a course, a section, or every course; LookupError for an unknown one."""
    from rnnquiz.study.cards import units_of
    from rnnquiz.study.queue import CramSession, ReviewSession

    units = units_of(library, options.course)
    if units is None:
        raise LookupError(f"no course or section {options.course!r}")
    session_class = CramSession if (options.cram if cram is None else cram) else ReviewSession
    return session_class(store, units, config)
