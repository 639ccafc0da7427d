from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def as_data(imported: Any) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """Sections as (title, items) with every item dumped the way it would be written to YAML."""
    return [
        (s.title, [item.model_dump(mode="json", exclude_defaults=True) for item in (*s.flashcards, *s.quiz)])
        for s in imported.sections
    ]


@pytest.fixture
def samples() -> Path:
    return SAMPLES
