"""Fixtures for the study tests: the study configuration and card units (the clock, store and
scheduler are the root conftest's)."""

from __future__ import annotations

from datetime import UTC

import pytest

from rnnquiz.content.model import Flashcard
from rnnquiz.study.cards import ReviewUnit, expand_all
from rnnquiz.study.queue import StudyConfig

from ..shared import START  # noqa: F401 -- the study tests import it from here


@pytest.fixture
def config() -> StudyConfig:
    return StudyConfig(enable_fuzzing=False, tz=UTC)


def basic_units(count: int, prefix: str = "c") -> list[ReviewUnit]:
    cards = [Flashcard(id=f"{prefix}{i:03d}", front=f"front {i}", back=f"back {i}") for i in range(count)]
    return expand_all(cards)
