"""Which files are content: kept apart from the loader so that finding files never imports pydantic."""

from __future__ import annotations

CONTENT_SUFFIXES = (".yaml", ".yml")
"""A content file is a YAML file; hidden files and folders (editor swap files) are skipped."""
