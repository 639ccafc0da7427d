"""Fixtures for the TUI tests: the fixture courses, a tmp_path progress database, the app factory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from rnnquiz.content.library import Library, load_library
from rnnquiz.study.progress import open_store
from rnnquiz.tui.app import RnnQuizApp, create_app

from .helpers import FIXTURES


def _load(name: str) -> Library:
    library = load_library([FIXTURES / name])
    assert not library.problems, [str(p) for p in library.problems]
    return library


@pytest.fixture(scope="session")
def mini_library() -> Library:
    return _load("mini")


@pytest.fixture(scope="session")
def tricky_library() -> Library:
    return _load("tricky")


@pytest.fixture
def store(tmp_path) -> Iterator[Any]:
    """A real progress database in tmp_path."""
    opened, why = open_store(tmp_path / "data")
    assert why is None, why
    yield opened
    opened.close()


@pytest.fixture
def make_app(mini_library: Library, store: Any) -> Callable[..., RnnQuizApp]:
    """`make_app(library=None, **create_app_kwargs)`: the app on the mini course and the tmp database."""

    def make(library: Library | None = None, **kwargs: Any) -> RnnQuizApp:
        return create_app(library or mini_library, kwargs.pop("store", store), **kwargs)

    return make
