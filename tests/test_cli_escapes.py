"""No control character from outside text reaches the terminal through the command line: every
subcommand runs on a course whose file name, keys, ids and text are full of escape sequences,
and nothing it prints to stdout or stderr carries ESC, BEL, a C1 control or a bidi override."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ESC_TITLE = "\x1b]0;PWNED\x07"
BAD = f"{ESC_TITLE}\x1b[31m\x9b2J\u202e"
Y = "\\e]0;PWNED\\a\\e[31m\\x9b2J\\u202e"
"""The same, written as YAML escapes in double-quoted strings, so the content loads with them."""

SECTION = f"""\
section: s1
title: "One {Y}"
flashcards:
  - {{id: c1, front: "front {Y}", back: "back {Y}"}}
quiz:
  - {{id: q1, type: true_false, prompt: "p {Y}", answer: true}}
glossary:
  - {{term: "T {Y}", definition: "D {Y}"}}
"""
BROKEN = f"""\
section: s2
title: Two
"{Y}key": 1
flashcards:
  - {{id: "bad{Y}id", front: f, back: b}}
"""
GIFT = f"::q{ESC_TITLE}:: Is {BAD} true? {{T}}\n\n::broken {BAD} {{=a\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    course = root / "course"
    course.mkdir()
    (course / "course.yaml").write_text(f'course: c\ntitle: "C {Y}"\nsections: [s1]\n', encoding="utf-8")
    (course / f"{ESC_TITLE}red.yaml").write_text(SECTION, encoding="utf-8")
    (course / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (root / f"deck{ESC_TITLE}.gift").write_text(GIFT, encoding="utf-8")
    (root / "cards.csv").write_text(f"front,back\n{BAD},x\n", encoding="utf-8")
    return root


def forbidden(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text
                   if c in "\x1b\x07" or 0x80 <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E})


def commands(root: Path) -> list[list[str]]:
    course, gift, out = root / "course", next(root.glob("deck*.gift")), root / "out"
    return [
        ["validate", str(course)],
        ["validate", "--format", "json", str(course)],
        ["validate", str(course / f"{ESC_TITLE}red.yaml")],
        ["validate", str(root / f"missing{ESC_TITLE}.yaml")],
        ["--content", str(course), "stats"],
        ["--content", str(course), "stats", "--flagged"],
        ["--content", str(course), "stats", "--course", BAD],
        ["--content", str(course), "export", "csv", "-o", str(out / "x.csv"), "--course", "c"],
        ["--content", str(course), "export", "gift", "-o", str(out / "x.gift")],
        ["--content", str(course), "export", "apkg", "-o", str(out / "x.apkg")],
        ["--content", str(course), "export", "csv", "--section", BAD],
        ["import", "gift", str(gift), "-o", str(out / f"imp{ESC_TITLE}.yaml")],
        ["import", "csv", str(root / "cards.csv"), "-o", str(out / "c.yaml"), "--course-id", BAD],
        ["new", "course", BAD, "--dir", str(out)],
        ["new", "section", "s2", "--title", BAD, "--course", str(out / f"nope{ESC_TITLE}")],
        ["--content", str(course), "quiz", BAD],
        ["--content", str(course), "learn", BAD],
        ["--content", str(course), "lab", BAD],
        ["demo", BAD],
        ["demo", "gradient-decay", "--rho", BAD],
        [BAD],
    ]


def test_no_subcommand_prints_a_control_character_from_outside_text(hostile, tmp_path):
    (hostile / "out").mkdir(exist_ok=True)
    env = {**os.environ, "RNNQUIZ_HOME": str(tmp_path / "home"), "RNNQUIZ_CONTENT": ""}
    leaks = {}
    for args in commands(hostile):
        result = subprocess.run([sys.executable, "-m", "rnnquiz", *args], capture_output=True, env=env,
                                timeout=120, stdin=subprocess.DEVNULL)
        out, err = result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, (args, err)
        if found := forbidden(out + err):
            leaks[" ".join(args[:3])] = (found, (out + err)[:300])
    assert not leaks
