"""Constants every test folder shares: where the fixture courses are, and the fixed start time."""

from datetime import UTC, datetime
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
"""The fixture courses and files, one folder or file per case."""

START = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
"""A Monday noon, UTC; with `tz=timezone.utc` the study day rolls over at 04:00 UTC."""
