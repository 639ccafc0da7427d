import textwrap
from pathlib import Path

import pytest


@pytest.fixture
def write(tmp_path: Path):
    """Write a dedented YAML file into a fresh folder and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


COURSE = """
course: demo
title: Demo course
sections: [s1]
"""

SECTION = """
section: s1
title: One
summary: {basic: b, medium: m, detailed: d}
flashcards:
  - id: c1
    front: What is h[t-1]?
    back: The previous hidden state.
quiz:
  - id: q1
    type: single
    prompt: Pick one
    choices: [a, b]
    answer: 1
"""
