"""Fixtures for the quiz tests: the tiny course loaded through the real loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .quiz_helpers import ALPHA, BETA, COURSE


@pytest.fixture
def library(tmp_path: Path) -> Any:
    """The tiny course loaded through the real loader."""
    from rnnquiz.content.library import load_library

    (tmp_path / "course.yaml").write_text(COURSE, encoding="utf-8")
    (tmp_path / "alpha.yaml").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "beta.yaml").write_text(BETA, encoding="utf-8")
    loaded = load_library([tmp_path])
    assert not loaded.problems, [str(p) for p in loaded.problems]
    return loaded
