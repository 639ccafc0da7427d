"""A stray `--snapshot-update` must not accept changed screens: it needs the consent variable too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import SNAPSHOT_UPDATE_CONSENT

ROOT = Path(__file__).resolve().parent.parent


def collect_with_update(consent: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != SNAPSHOT_UPDATE_CONSENT}
    if consent is not None:
        env[SNAPSHOT_UPDATE_CONSENT] = consent
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q", "--snapshot-update",
         "tests/test_text.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_snapshot_update_is_refused_without_consent():
    result = collect_with_update(None)
    assert result.returncode == 4, result.stdout + result.stderr  # pytest's usage error
    assert f"{SNAPSHOT_UPDATE_CONSENT}=1" in result.stderr


def test_snapshot_update_runs_with_consent():
    result = collect_with_update("1")
    assert result.returncode == 0, result.stdout + result.stderr
