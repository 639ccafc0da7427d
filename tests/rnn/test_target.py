"""What the lab opens on: a lesson's demo by position, or a demo with the parameters typed."""

from __future__ import annotations

import pytest

from rnnquiz.content.demos import GradientDecayParams
from rnnquiz.content.library import load_library
from rnnquiz.rnn.target import lesson_demo_arg, parse_target, target_arg

from ..editing import FIXTURES


def test_a_lessons_demo_is_found_by_section_and_position():
    library = load_library([FIXTURES / "mini"])
    arg = lesson_demo_arg("first", 0)
    assert arg == "first?demo=0"
    target = parse_target(arg, library)
    assert (target.demo, target.section) == ("gradient-decay", "first")
    assert target.params.rho == 0.5 and target.caption


@pytest.mark.parametrize("arg, reason", [("first?demo=7", "has no demo #7"), ("nowhere?demo=0", "no section"),
                                         ("first?demo=x", "has no demo #x")])
def test_a_missing_lesson_demo_says_why(arg, reason):
    with pytest.raises(LookupError, match=reason):
        parse_target(arg, load_library([FIXTURES / "mini"]))


def test_typed_parameters_round_trip_and_bad_ones_say_why():
    params = GradientDecayParams(rho=1.5, steps=12)
    assert target_arg("gradient-decay", params) == "gradient-decay?rho=1.5&steps=12"
    assert parse_target(target_arg("gradient-decay", params)).params == params
    assert parse_target("gradient_decay").demo == "gradient-decay"
    with pytest.raises(LookupError, match="no demo named"):
        parse_target("nope")
    with pytest.raises(LookupError, match="rho"):
        parse_target("gradient-decay?rho=0")
