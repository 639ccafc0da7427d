"""Every question kind is defined in all three layers, and the layers agree on which model it is.

A kind is its `type:` tag: the content table (`rnnquiz.content.questions`) lists the kinds, and the
quiz and the TUI each find their half by that tag. These tests fail on a kind that one layer lacks.
"""

from __future__ import annotations

import typing

import pytest
import yaml
from pydantic import TypeAdapter

from rnnquiz.content.model import Question, Section
from rnnquiz.content.questions import QUESTION_KINDS, kind_of
from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.interchange import imported
from rnnquiz.interchange.scaffold import section_yaml
from rnnquiz.quiz.kinds import QUIZ_KINDS

TAGS = list(QUESTION_KINDS)


def _union_members() -> dict[str, type]:
    """Tag -> model, read back from the discriminated union itself."""
    (union, *_) = typing.get_args(typing.get_args(Section.model_fields["quiz"].annotation)[0])
    members = {}
    for member in typing.get_args(union):
        model, *meta = typing.get_args(member)
        members[next(m.tag for m in meta if hasattr(m, "tag"))] = model
    return members


def test_the_union_is_the_content_table_in_its_order():
    members = _union_members()
    assert list(members) == TAGS
    assert all(members[tag] is QUESTION_KINDS[tag].model for tag in TAGS)


@pytest.mark.parametrize("tag", TAGS)
def test_the_content_kind_is_tagged_and_lives_in_its_own_module(tag):
    kind = QUESTION_KINDS[tag]
    assert typing.get_args(kind.model.model_fields["type"].annotation) == (tag,)
    assert issubclass(kind.model, QuestionBase)
    assert kind.model.__module__ == f"rnnquiz.content.questions.{tag}"  # the other layers find theirs by tag
    assert kind.starter.startswith("  - id: @SID@-") and f"\n    type: {tag}\n" in kind.starter


@pytest.mark.parametrize("tag", TAGS)
def test_the_quiz_has_the_kind(tag):
    assert tag in QUIZ_KINDS
    assert QUIZ_KINDS[tag].model is QUESTION_KINDS[tag].model


@pytest.mark.parametrize("tag", TAGS)
def test_the_tui_has_the_kind(tag):
    from rnnquiz.tui.answers import ANSWER_KINDS

    assert tag in ANSWER_KINDS
    assert ANSWER_KINDS[tag].model is QUESTION_KINDS[tag].model
    assert ANSWER_KINDS[tag].how_to_answer.endswith(".")


def test_no_layer_has_a_kind_the_content_lacks():
    from rnnquiz.tui.answers import ANSWER_KINDS

    assert list(QUIZ_KINDS) == TAGS
    assert list(ANSWER_KINDS) == TAGS


def test_the_file_formats_know_every_kind():
    assert set(TAGS) == imported._TAGS
    assert all(callable(kind.gift) for kind in QUESTION_KINDS.values())
    starter = section_yaml("s", "S")
    assert f"`type:` is one of {', '.join(TAGS)}." in starter
    assert all(kind.starter.replace("@SID@", "s") in starter for kind in QUESTION_KINDS.values())


@pytest.mark.parametrize("tag", TAGS)
def test_a_validated_question_finds_its_kind_in_every_table(tag):
    # The starter's example of the kind is a valid question of it.
    (data,) = yaml.safe_load(QUESTION_KINDS[tag].starter.replace("@SID@", "s"))
    question = TypeAdapter(Question).validate_python(data)
    assert type(question) is QUESTION_KINDS[tag].model
    assert kind_of(question) is QUESTION_KINDS[tag]
