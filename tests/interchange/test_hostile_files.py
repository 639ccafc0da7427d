"""Import and export against files that are not what they seem: a FIFO, a device, UTF-16 text,
and content whose control characters would act on a terminal."""

from __future__ import annotations

import codecs
import os
import pty
import select
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from rnnquiz.cli import main

from .conftest import SAMPLES

HOSTILE_SECTION = """\
section: s1
title: One
flashcards:
  - {id: c1, front: "red \\e[31mtext\\a and \\u202egnp.exe", back: "plain"}
"""


def hostile_course(tmp_path: Path) -> Path:
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "course.yaml").write_text("course: c\ntitle: C\nsections: [s1]\n", encoding="utf-8")
    (folder / "s1.yaml").write_text(HOSTILE_SECTION, encoding="utf-8")
    return folder


EXPORT = ["-m", "rnnquiz", "--content", "{folder}", "export", "csv", "-o", "-"]


def export_argv(folder: Path) -> list[str]:
    return [sys.executable, *(arg.format(folder=folder) for arg in EXPORT)]


def read_until_closed(fd: int, timeout: float = 60.0) -> bytes:
    """Everything the child writes to its terminal, read while it runs (a full terminal blocks it)."""
    chunks = []
    while select.select([fd], [], [], timeout)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_export_to_a_terminal_shows_controls_instead_of_obeying_them(tmp_path):
    folder = hostile_course(tmp_path)
    master, slave = pty.openpty()
    try:
        child = subprocess.Popen(export_argv(folder), stdout=slave, stderr=subprocess.PIPE)
        os.close(slave)
        shown = read_until_closed(master).decode("utf-8")
        assert child.wait(timeout=60) == 0, child.stderr.read() if child.stderr else ""
    finally:
        os.close(master)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "red ␛[31mtext␇ and <U+202E>gnp.exe" in shown


def test_export_to_a_pipe_keeps_the_bytes_exactly(tmp_path):
    result = subprocess.run(export_argv(hostile_course(tmp_path)), capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "red \x1b[31mtext\x07 and \u202egnp.exe" in result.stdout.decode("utf-8")


def test_import_from_a_fifo_says_so_instead_of_waiting(tmp_path, capsys):
    fifo = tmp_path / "cards.csv"
    os.mkfifo(fifo)
    assert main(["import", "csv", str(fifo), "-o", str(tmp_path / "out.yaml")]) == 1
    assert f"{fifo}: not a regular file (a device, pipe or socket)" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["import", "export"])
def test_writing_never_renames_over_a_fifo_or_device(tmp_path, capsys, command):
    target = tmp_path / "out"
    os.mkfifo(target)
    if command == "import":
        args = ["import", "aiken", str(SAMPLES / "quiz.aiken"), "-o", str(target), "--force"]
    else:
        args = ["--content", str(hostile_course(tmp_path)), "export", "csv", "-o", str(target)]
    assert main(args) == 1
    assert stat.S_ISFIFO(target.stat().st_mode)  # still the FIFO, not replaced by a file
    assert "not a regular file (a device, pipe or socket); name a file, or write to stdout with -o -" in (
        capsys.readouterr().err)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]  # no temporary file left


def test_utf16_files_with_a_byte_order_mark_are_read(tmp_path, capsys):
    # Excel's "Unicode Text" export: UTF-16 little-endian with a BOM, tab-separated.
    sheet = tmp_path / "deck.tsv"
    sheet.write_bytes(codecs.BOM_UTF16_LE + "front\tback\nRNN\tRecurrent network\nΔ\tdelta\n".encode("utf-16-le"))
    out = tmp_path / "out.yaml"
    assert main(["import", "tsv", str(sheet), "-o", str(out)]) == 0, capsys.readouterr().err
    assert "Recurrent network" in out.read_text(encoding="utf-8") and "Δ" in out.read_text(encoding="utf-8")
    course = tmp_path / "course"
    course.mkdir()
    (course / "course.yaml").write_bytes(codecs.BOM_UTF16_BE + "course: c\ntitle: Ü\nsections: [s1]\n".encode("utf-16-be"))
    (course / "s1.yaml").write_bytes(codecs.BOM_UTF16_LE + "section: s1\ntitle: Ünë\n".encode("utf-16-le"))
    assert main(["validate", str(course)]) == 0, capsys.readouterr()


def test_utf16_without_a_byte_order_mark_is_named_not_called_binary(tmp_path, capsys):
    sheet = tmp_path / "deck.csv"
    sheet.write_bytes("front,back\nRNN,Recurrent network\n".encode("utf-16-le"))
    assert main(["import", "csv", str(sheet), "-o", str(tmp_path / "out.yaml")]) == 1
    assert f"{sheet}:1: UTF-16 text without a byte-order mark; save the file as UTF-8" in capsys.readouterr().err
