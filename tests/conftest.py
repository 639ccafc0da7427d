"""Fixtures shared by every test folder: an editable course, a clock that moves only when told, a
real progress database in tmp_path, and fsrs without fuzz."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from rnnquiz.study.clock import ManualClock
from rnnquiz.study.scheduler import StudyScheduler
from rnnquiz.study.store import Store

from .shared import FIXTURES, START

SNAPSHOT_UPDATE_CONSENT = "RNNQUIZ_UPDATE_SNAPSHOTS"


def pytest_configure(config: pytest.Config) -> None:
    """`--snapshot-update` rewrites every reference screen that differs, so a stray flag would accept a
    regression as the new truth: it needs RNNQUIZ_UPDATE_SNAPSHOTS=1 as well."""
    wants_update = config.getoption("--snapshot-update", default=False)
    if wants_update and os.environ.get(SNAPSHOT_UPDATE_CONSENT) != "1":
        raise pytest.UsageError(
            "--snapshot-update rewrites the reference screenshots; look at the snapshot report first, "
            f"then run again with {SNAPSHOT_UPDATE_CONSENT}=1 to accept the new screens"
        )


@pytest.fixture
def clock() -> ManualClock:
    """Fixed at START; a folder or module may override it to start elsewhere."""
    return ManualClock(START)


@pytest.fixture
def store(tmp_path: Path, clock: ManualClock) -> Iterator[Store]:
    """The real SQLite store in tmp_path, on `clock`. (The TUI tests override it with the app's own
    way of opening the store.)"""
    with Store.open(tmp_path / "data", clock=clock) as opened:
        yield opened


@pytest.fixture
def scheduler() -> StudyScheduler:
    return StudyScheduler(enable_fuzzing=False)


@pytest.fixture
def course(tmp_path) -> Path:
    """A copy of the mini fixture course that a test may edit as an author would."""
    folder = tmp_path / "course"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder
