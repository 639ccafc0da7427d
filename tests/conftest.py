"""Fixtures shared by every test folder."""

import shutil
from pathlib import Path

import pytest

from .editing import FIXTURES


@pytest.fixture
def course(tmp_path) -> Path:
    """A copy of the mini fixture course that a test may edit as an author would."""
    folder = tmp_path / "course"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder
