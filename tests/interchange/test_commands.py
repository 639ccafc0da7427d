"""`rnnquiz import` and `rnnquiz export` as a user runs them: exit codes, messages, files."""

import subprocess
import sys
from pathlib import Path

import pytest

from rnnquiz.cli import main

from .conftest import SAMPLES


@pytest.mark.parametrize(("fmt", "name", "counts"), [
    ("gift", "moodle.gift", "0 flashcard(s), 16 question(s) in 2 section(s)"),
    ("anki", "anki_notes.txt", "8 flashcard(s), 0 question(s) in 2 section(s)"),
    ("csv", "cards.csv", "4 flashcard(s), 0 question(s) in 1 section(s)"),
    ("tsv", "deck.tsv", "3 flashcard(s), 0 question(s) in 1 section(s)"),
    ("aiken", "quiz.aiken", "0 flashcard(s), 3 question(s) in 1 section(s)"),
])
def test_import_writes_a_file_that_validates(fmt, name, counts, tmp_path, capsys):
    out = tmp_path / "out.yaml"
    assert main(["import", fmt, str(SAMPLES / name), "-o", str(out), "--course-id", "imp"]) == 0
    err = capsys.readouterr().err
    assert f"wrote {out}: {counts}" in err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=rnnquiz-schema.json\n")
    assert f"# Imported by `rnnquiz import {fmt}` from {name}: {counts}." in text
    report = [line for line in err.splitlines() if line.startswith(str(SAMPLES / name))]
    for line in report:  # every reported item is also in the file's comment block
        assert f"#   {line}" in text
    assert main(["validate", str(out)]) == 0


@pytest.mark.parametrize(("fmt", "name", "first_error"), [
    ("gift", "malformed/bad.gift", ":3: `{` is never closed"),
    ("aiken", "malformed/bad.aiken", ":4: ANSWER C is not one of the options A, B"),
    ("csv", "malformed/bad.csv", ":3: a quoted field starts here and is never closed"),
    ("anki", "malformed/bad_anki.txt", ":1: unknown separator 'Dollar'"),
    ("aiken", "malformed/not_utf8.aiken", ":2: not valid UTF-8 (byte 0xff)"),
])
def test_malformed_input_is_located_exit_1_and_nothing_written(fmt, name, first_error, tmp_path, capsys):
    out = tmp_path / "out.yaml"
    assert main(["import", fmt, str(SAMPLES / name), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{SAMPLES / name}{first_error}" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_import_never_overwrites_a_hand_written_file(tmp_path, capsys):
    out = tmp_path / "mine.yaml"
    out.write_text("course: mine\n", encoding="utf-8")
    assert main(["import", "aiken", str(SAMPLES / "quiz.aiken"), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "course: mine\n"
    assert main(["import", "aiken", str(SAMPLES / "quiz.aiken"), "-o", str(out), "--force"]) == 0
    assert main(["import", "aiken", str(SAMPLES / "quiz.aiken"), "-o", str(out)]) == 0  # its own output: fine


def test_reimport_gives_the_same_file(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for out in (first, second):
        assert main(["import", "gift", str(SAMPLES / "moodle.gift"), "-o", str(out), "--course-id", "bank"]) == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_import_options_are_checked(tmp_path, capsys):
    sample = str(SAMPLES / "quiz.aiken")
    assert main(["import", "aiken", sample, "-o", str(tmp_path / "o.yaml"), "--course-id", "Bad Id"]) == 1
    assert main(["import", "aiken", sample, "-o", sample]) == 1
    assert main(["import", "csv", str(SAMPLES / "cards.csv"), "-o", str(tmp_path / "o.yaml"), "--delimiter", ";;"]) == 1
    assert main(["import", "aiken", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o.yaml")]) == 1
    err = capsys.readouterr().err
    assert "not a valid id" in err and "overwrite the input" in err and "one character" in err
    assert "cannot read" in err


def test_import_of_nothing_usable_fails(tmp_path, capsys):
    empty = tmp_path / "e.gift"
    empty.write_text("// only a comment\n\nA description.\n", encoding="utf-8")
    assert main(["import", "gift", str(empty), "-o", str(tmp_path / "o.yaml")]) == 1
    err = capsys.readouterr().err
    assert "description" in err and "nothing to import" in err


def test_import_to_stdout(capsys):
    assert main(["import", "aiken", str(SAMPLES / "quiz.aiken"), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# yaml-language-server")


def test_export_gift_csv_and_apkg_of_one_section(tmp_path, capsys):
    gift, sheet, package = tmp_path / "b.gift", tmp_path / "b.csv", tmp_path / "b.apkg"
    assert main(["export", "gift", "--section", "bptt", "-o", str(gift)]) == 0
    assert main(["export", "csv", "--section", "bptt", "-o", str(sheet)]) == 0
    assert main(["export", "apkg", "--course", "rnn", "--section", "bptt", "-o", str(package)]) == 0
    err = capsys.readouterr().err
    assert f"wrote {gift}:" in err and f"wrote {sheet}:" in err and f"wrote {package}:" in err
    from rnnquiz.content.library import load_library
    from rnnquiz.paths import bundled_content_dir

    orders = [q.id for q in load_library([bundled_content_dir()]).section("bptt").quiz if q.type == "order"]
    for question_id in orders:
        assert f"rnnquiz export: question `{question_id}` not exported: GIFT has no order questions" in err
    assert gift.read_text(encoding="utf-8").count("$CATEGORY:") == 1
    assert sheet.read_text(encoding="utf-8").startswith("id,section,type,front,back,text,hint,tags\n")


def test_export_to_stdout_and_errors(capsys):
    assert main(["export", "tsv", "--section", "bptt"]) == 0
    assert capsys.readouterr().out.startswith("id\tsection\ttype")
    assert main(["export", "apkg"]) == 1
    assert main(["export", "gift", "--course", "nope"]) == 1
    assert main(["export", "gift", "--section", "nope"]) == 1
    err = capsys.readouterr().err
    assert "give its name with -o" in err and "no course `nope`" in err and "no section `nope`" in err


def test_commands_never_load_textual_or_numpy(tmp_path):
    code = (
        "import contextlib, io, json, sys\n"
        "from rnnquiz.cli import main\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main(['import', 'gift', {str(SAMPLES / 'moodle.gift')!r}, '-o', {str(tmp_path / 'x.yaml')!r}])\n"
        f"    main(['export', 'apkg', '--section', 'bptt', '-o', {str(tmp_path / 'x.apkg')!r}])\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    loaded = {name.split(".")[0] for name in __import__("json").loads(result.stdout.splitlines()[-1])}
    assert not loaded & {"textual", "numpy"}
    assert Path(tmp_path / "x.apkg").exists()


def test_qa_export_of_a_course_whose_sections_all_failed_names_it(tmp_path, capsys):
    """The course is loaded but none of its sections are: say so, not "no course is loaded"."""
    content = tmp_path / "c"
    content.mkdir()
    (content / "course.yaml").write_text("course: gone\ntitle: Gone\nsections: [nowhere]\n", encoding="utf-8")
    code = main(["--content", str(content), "export", "csv", "--course", "gone", "-o", str(tmp_path / "o.csv")])
    assert code == 1
    err = capsys.readouterr().err
    assert "nothing to export: `gone` has no section that loaded" in err
    assert "no course is loaded" not in err and not (tmp_path / "o.csv").exists()
