"""Where things live: the bundled course, extra content folders, and the progress database."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

CONTENT_ENV = "RNNQUIZ_CONTENT"
HOME_ENV = "RNNQUIZ_HOME"
APP_NAME = "rnnquiz"


def bundled_content_dir() -> Path:
    """The bundled courses: inside the installed wheel, or the top-level `content/` of a checkout.

    Editable installs do not see the wheel's force-included copy, so the checkout is tried second.
    """
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / "_content", package_dir.parent / "content"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled course is missing from this installation of rnnquiz")


def content_paths(extra: list[Path] | None = None, environ: Mapping[str, str] | None = None) -> list[Path]:
    """The bundled course first, then RNNQUIZ_CONTENT entries, then `--content` folders, deduplicated."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    paths = [bundled_content_dir()]
    paths += [Path(p) for p in env.get(CONTENT_ENV, "").split(os.pathsep) if p.strip()]
    paths += list(extra or [])
    seen: set[Path] = set()
    unique: list[Path] = []
    for path in paths:
        key = path.expanduser().resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path.expanduser())
    return unique


def data_dir(override: Path | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The folder of the progress database: `--data-dir`, else RNNQUIZ_HOME, else the user data dir."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    if override is not None:
        return override.expanduser()
    if env.get(HOME_ENV):
        return Path(env[HOME_ENV]).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)
