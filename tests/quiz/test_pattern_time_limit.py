"""An author's pattern can never freeze the quiz: `(a+)+b` against 31 `a`s takes exponential time
in a backtracking engine; grading gives up after the time limit and counts the answer wrong."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rnnquiz.content.regex_safety import nests_unbounded_repeats
from rnnquiz.quiz.grading import grade
from rnnquiz.quiz.grading.text import pattern_matches

from .quiz_helpers import make

CATASTROPHIC = [r"(a+)+b", r"(a|aa)+b", r"(x+x+)+y", r"(a*)*b"]


GRADE_IN_A_CHILD = """
import json, sys
from pydantic import TypeAdapter
from rnnquiz.content.model import Question
from rnnquiz.quiz.grading import grade
pattern, typed = sys.argv[1:]
question = TypeAdapter(Question).validate_python(
    {"type": "short", "id": "q", "prompt": "?", "answer": "b", "pattern": pattern})
print(json.dumps(grade(question, typed).score))
"""


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_a_catastrophic_pattern_gives_up_and_the_answer_is_wrong(pattern):
    # In a child process: a match that never ends holds the GIL, so no thread could time it out.
    typed = ("x" if "x" in pattern else "a") * 31
    try:
        child = subprocess.run([sys.executable, "-c", GRADE_IN_A_CHILD, pattern, typed],
                               capture_output=True, text=True, timeout=30, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"grading {pattern!r} did not return within 30 s")
    assert json.loads(child.stdout) == 0.0


def test_the_same_pattern_still_matches_what_it_should():
    question = make("short", answer="b", pattern=r"(a+)+b")
    assert grade(question, "aaab").score == 1.0
    assert pattern_matches(r"h\[t-1\]", "h[t-1]", case_sensitive=False)


@pytest.mark.parametrize(("pattern", "nested"), [
    (r"(a+)+b", True), (r"(a*)*", True), (r"(\w+\s?)+", True), (r"(a|b+)+", True), (r"((a+)?)+", True),
    (r"(?=(a+)+)b", True), (r"(\d+(\.\d+)?)+", True),
    (r"a+b+", False), (r"(ab)+", False), (r"(a{2,5})+", False), (r"[a-z]+( [a-z]+)*", False),
    (r"x|(y+z)*", False), (r"(a+)++b", False), (r"(?>a+)+b", False), (r"h\[t-1\]|previous hidden state", False),
])
def test_nested_unbounded_repeats_are_found(pattern, nested):
    assert nests_unbounded_repeats(pattern) is nested
