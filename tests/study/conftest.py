"""Fixtures for the study tests: a tmp_path database, a clock that moves only when told, fsrs without fuzz."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from rnnquiz.content.model import Flashcard
from rnnquiz.study.cards import ReviewUnit, expand_all
from rnnquiz.study.clock import ManualClock
from rnnquiz.study.queue import StudyConfig
from rnnquiz.study.scheduler import StudyScheduler
from rnnquiz.study.store import Store

START = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
"""A Monday noon, UTC; with `tz=timezone.utc` the study day rolls over at 04:00 UTC."""


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def store(tmp_path, clock) -> Store:
    with Store.open(tmp_path / "data", clock=clock) as opened:
        yield opened


@pytest.fixture
def config() -> StudyConfig:
    return StudyConfig(enable_fuzzing=False, tz=UTC)


@pytest.fixture
def scheduler() -> StudyScheduler:
    return StudyScheduler(enable_fuzzing=False)


def basic_units(count: int, prefix: str = "c") -> list[ReviewUnit]:
    cards = [Flashcard(id=f"{prefix}{i:03d}", front=f"front {i}", back=f"back {i}") for i in range(count)]
    return expand_all(cards)
