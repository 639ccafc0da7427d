"""A fuzzing harness: the bundled course files and real import samples, mutated the ways files get
damaged or attacked, go through the loader and each importer in-process. Every case ends in success
or in located problems, never another exception, within 2 s, and a failed import writes nothing.

The normal run tries a bounded number of cases; RNNQUIZ_FUZZ_EXAMPLES=5000 runs a long session.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rnnquiz.cli import main
from rnnquiz.content.library import load_library
from rnnquiz.paths import bundled_content_dir

from .shared import FIXTURES

EXAMPLES = int(os.environ.get("RNNQUIZ_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=2),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

COURSE = bundled_content_dir() / "rnn"
COURSE_FILES = sorted(p.name for p in COURSE.glob("*.yaml"))
SAMPLES = FIXTURES.parent / "interchange" / "samples"
IMPORTS = {"gift": "moodle.gift", "aiken": "quiz.aiken", "csv": "cards.csv", "tsv": "deck.tsv",
           "anki": "anki_notes.txt"}

INSERTS = [
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\x1b[31m", b"\x9b", b"\r", b"\t", b"\n\n",
    b"!!python/object/apply:os.system ['echo hi']", b"&a ", b"*a", b"<<: *a\n", b"!!binary aGk=", b"!!set {a}",
    b"? ", b": ", b"- ", b"---\n", b"...\n", b"%YAML 1.1\n", b"{", b"}", b"[", b"]", b'"', b"'", b"#", b"|",
    b">", b"~", b"null", b"yes", b"0x1F", b"1e309", b".nan", b"2025-01-01", b"\xe2\x80\xae",
    b"[" * 300 + b"]" * 300, b"a: " * 50, b"x" * 5000,
]
"""Bytes that damage or attack YAML (and the importers' formats): NULs, bad UTF-8, controls,
tags that would run code, aliases and merge keys, deep nesting, huge scalars."""


def _mutate(data: bytes, draw) -> bytes:
    lines = data.split(b"\n")
    kind = draw(st.sampled_from(["flip", "insert", "delete", "duplicate", "indent", "rename", "swap"]))
    at = draw(st.integers(0, max(0, len(lines) - 1)))
    if kind == "flip" and data:
        i = draw(st.integers(0, len(data) - 1))
        return data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1:]
    if kind == "insert":
        i = draw(st.integers(0, len(data)))
        return data[:i] + draw(st.sampled_from(INSERTS)) + data[i:]
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "indent":
        lines[at] = draw(st.sampled_from([b"  ", b" ", b"\t"])) + lines[at] if draw(st.booleans()) \
            else lines[at][2:]
    elif kind == "rename" and b":" in lines[at]:
        key, _, value = lines[at].partition(b":")
        lines[at] = key.rstrip(b"abcdefghijklmnopqrstuvwxyz_") + draw(st.sampled_from([b"x", b"id", b"\xe2\x80\xae"])) \
            + b":" + value
    elif kind == "swap" and b": " in lines[at]:
        key, _, _ = lines[at].partition(b": ")
        lines[at] = key + b": " + draw(st.sampled_from([b"[1, 2]", b"{a: 1}", b"null", b"-3", b"true", b"''"]))
    return b"\n".join(lines)


@st.composite
def mutated(draw, data: bytes) -> bytes:
    for _ in range(draw(st.integers(1, 4))):
        data = _mutate(data, draw)
    return data


def _check_problems(library, folder: Path) -> None:
    for problem in library.problems:
        assert problem.line >= 1 and problem.col >= 1 and problem.message, problem
        assert "\n" not in str(problem)
        assert Path(problem.file).resolve().parent == folder.resolve() or not Path(problem.file).exists(), problem


@FUZZ
@given(name=st.sampled_from(COURSE_FILES), data=st.data())
def test_a_damaged_course_file_gives_located_problems_and_the_rest_still_loads(name, data):
    original = (COURSE / name).read_bytes()
    damaged = data.draw(mutated(original))
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "rnn"
        shutil.copytree(COURSE, copy)
        (copy / name).write_bytes(damaged)
        library = load_library([copy])  # never raises
        _check_problems(library, copy)
        if name != "course.yaml" and not library.problems:
            assert library.courses  # nothing wrong reported: the course is there
        if name != "course.yaml":  # the other sections still load whatever happened to this one
            assert len([s for c in library.courses for s in c.sections]) >= len(COURSE_FILES) - 2


@FUZZ
@given(fmt=st.sampled_from(sorted(IMPORTS)), data=st.data())
def test_a_damaged_import_file_imports_or_is_refused_with_a_location_and_writes_nothing(fmt, data):
    original = (SAMPLES / IMPORTS[fmt]).read_bytes()
    damaged = data.draw(mutated(original))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / IMPORTS[fmt]
        source.write_bytes(damaged)
        out = Path(folder) / "out.yaml"
        err = StringIO()
        with redirect_stdout(StringIO()), redirect_stderr(err):
            code = main(["import", fmt, str(source), "-o", str(out), "--data-dir", folder])
        assert code in (0, 1), err.getvalue()  # 70 would be an internal error
        if code == 1:
            assert not out.exists()
            assert f"{source}" in err.getvalue() or "rnnquiz import:" in err.getvalue()
        else:
            assert main(["validate", str(out)]) == 0


@pytest.mark.parametrize("insert", INSERTS)
def test_each_hostile_insert_at_the_top_of_a_section(tmp_path, insert):
    copy = tmp_path / "rnn"
    shutil.copytree(COURSE, copy)
    path = copy / "bptt.yaml"
    path.write_bytes(insert + path.read_bytes())
    library = load_library([copy])
    _check_problems(library, copy)
