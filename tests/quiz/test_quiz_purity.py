"""The quiz logic stays pure: grading loads no UI, database or scheduler, so it is cheap to call anywhere."""

from __future__ import annotations

import json
import subprocess
import sys


def loaded_top_level(module: str) -> set[str]:
    probe = f"import {module}, json, sys; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    return {name.split(".")[0] for name in json.loads(result.stdout.strip().splitlines()[-1])}


def test_quiz_package_loads_no_textual_sqlite_or_fsrs() -> None:
    loaded = loaded_top_level("rnnquiz.quiz")
    assert not loaded & {"textual", "sqlite3", "fsrs", "numpy"}
