"""The outline cache: a warm start reads one JSON file; any change to the content or to rnnquiz is a miss."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rnnquiz.content import outline as outline_module
from rnnquiz.content.library import load_library
from rnnquiz.content.live import LiveLibrary
from rnnquiz.content.outline import CACHE_FILE, Outline, cache_key, outline_of, read_cached, write_cached
from rnnquiz.content.watch import snapshot

from ..shared import FIXTURES


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "data"


def bump(path: Path, text: str | None = None) -> None:
    """Rewrite a file (same text unless given) with a later modification time."""
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8") if text is None else text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_outline_has_what_the_home_screen_shows():
    outline = outline_of(load_library([FIXTURES / "mini"]))
    [course] = outline.courses
    assert (course.id, course.title, course.description) == ("mini", "Mini course", "A tiny course for tests.")
    assert [(s.id, s.title) for s in course.sections] == [("first", "First steps"), ("second", "Second steps")]
    first = outline.section("first")
    assert first is not None and first.cards == ("mini-c1",) and first.questions == ("mini-q1",)
    assert outline.problems == ()
    assert Outline.from_json(json.loads(json.dumps(outline.to_json()))) == outline


def test_cold_start_loads_and_writes_the_cache_then_a_warm_start_only_reads_it(course, data):
    cold = LiveLibrary.open([course], cache_dir=data)
    assert cold.loaded and (data / CACHE_FILE).is_file()
    warm = LiveLibrary.open([course], cache_dir=data)
    assert not warm.loaded  # the library loads later, in the app's worker
    assert warm.outline == cold.outline
    assert warm.get().section("first").title == "First steps"
    assert warm.loaded


@pytest.mark.parametrize("change", ["edit", "touch", "add", "remove"])
def test_any_change_to_a_content_file_is_a_miss(course, data, change):
    LiveLibrary.open([course], cache_dir=data)
    if change == "edit":
        bump(course / "first.yaml", (course / "first.yaml").read_text().replace("First steps", "Step one"))
    elif change == "touch":
        bump(course / "second.yaml")  # same text, same size: the modification time alone counts
    elif change == "add":
        (course / "third.yaml").write_text("section: third\ntitle: Third\n", encoding="utf-8")
    else:
        (course / "second.yaml").unlink()
    again = LiveLibrary.open([course], cache_dir=data)
    assert again.loaded
    if change == "edit":
        assert again.outline.section("first").title == "Step one"
    assert LiveLibrary.open([course], cache_dir=data).loaded is False  # rewritten: warm again


def test_other_content_folders_are_a_miss(course, data, tmp_path):
    LiveLibrary.open([course], cache_dir=data)
    other = tmp_path / "other"
    other.mkdir()
    assert LiveLibrary.open([course, other], cache_dir=data).loaded


def test_a_new_rnnquiz_version_is_a_miss(course, data, monkeypatch):
    LiveLibrary.open([course], cache_dir=data)
    monkeypatch.setattr(outline_module, "__version__", "99.0.0")
    assert LiveLibrary.open([course], cache_dir=data).loaded


@pytest.mark.parametrize("garbage", [b"", b"{not json", b"\xff\xfe\x00", b"[]", b'{"key": 1}',
                                     b'{"key": null, "outline": {"courses": 3}}'])
def test_a_damaged_cache_is_ignored_and_rewritten(course, data, garbage):
    data.mkdir()
    (data / CACHE_FILE).write_bytes(garbage)
    live = LiveLibrary.open([course], cache_dir=data)
    assert live.loaded and live.outline.courses[0].id == "mini"
    assert json.loads((data / CACHE_FILE).read_text(encoding="utf-8"))["outline"] == live.outline.to_json()
    assert not LiveLibrary.open([course], cache_dir=data).loaded


def test_a_cache_with_the_right_key_but_a_wrong_shape_is_a_miss(course, data):
    key = cache_key([course], snapshot([course]))
    data.mkdir()
    (data / CACHE_FILE).write_text(json.dumps({"key": key, "outline": {"courses": [{"id": 1}], "problems": []}}))
    assert read_cached(data, key) is None
    assert LiveLibrary.open([course], cache_dir=data).loaded


def test_problems_are_cached_as_printed(tmp_path, data):
    (tmp_path / "bad.yaml").write_text("section: s1\ntitle: One\nflashcard: []\n", encoding="utf-8")
    cold = LiveLibrary.open([tmp_path / "bad.yaml"], cache_dir=data)
    warm = LiveLibrary.open([tmp_path / "bad.yaml"], cache_dir=data)
    assert not warm.loaded
    assert warm.outline.problems == tuple(str(p) for p in cold.get().problems)
    assert any(":3:1: flashcard: unknown field" in p for p in warm.outline.problems)


def test_an_unwritable_data_folder_costs_only_the_cache(course, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    key = cache_key([course], snapshot([course]))
    assert write_cached(blocker / "data", key, Outline()) is False
    live = LiveLibrary.open([course], cache_dir=blocker / "data")
    assert live.loaded and live.outline.courses
