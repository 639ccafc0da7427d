"""The pure side of the review screen: its options, "when" texts, and `rnnquiz study` itself."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from rnnquiz.study.options import StudyOptions
from rnnquiz.study.wording import when

from ..helpers import FIXTURES

NOON = datetime(2025, 3, 12, 12, 0, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize("options", [
    StudyOptions(),
    StudyOptions("rnn"),
    StudyOptions(None, cram=True),
    StudyOptions("rnn", True, 5, 0.85),
    StudyOptions("rnn", rollover_hour=0),
    StudyOptions(retention=0.95, rollover_hour=23),
    StudyOptions(new_per_day=0),
])
def test_options_travel_in_the_screen_argument(options):
    assert StudyOptions.from_arg(options.to_arg()) == options


def test_default_options_need_no_argument_and_bad_ones_say_why():
    assert StudyOptions().to_arg() is None
    with pytest.raises(ValueError, match=r"between 0\.5 and 0\.99"):
        StudyOptions.from_arg("rnn?retention=1.5")
    with pytest.raises(ValueError, match="0 or more"):
        StudyOptions.from_arg("?new-per-day=-1")
    with pytest.raises(ValueError, match="from 0 to 23"):
        StudyOptions.from_arg("?rollover-hour=24")
    with pytest.raises(ValueError, match="unknown study option"):
        StudyOptions.from_arg("?fast")
    assert StudyOptions("rnn", new_per_day=3, retention=0.8, rollover_hour=2).overrides() == {
        "new_per_day": 3, "desired_retention": 0.8, "rollover_hour": 2}


@pytest.mark.parametrize(("delta", "text"), [
    (timedelta(seconds=-5), "now"),
    (timedelta(seconds=20), "in 1 minute"),
    (timedelta(minutes=10), "in 10 minutes"),
    (timedelta(hours=3, minutes=30), "today at 15:30"),
    (timedelta(hours=16), "tomorrow at 04:00"),
    (timedelta(days=3), "on Saturday at 12:00"),
    (timedelta(days=30), "on 11 Apr 2025"),
])
def test_when_the_next_card_is_due(delta, text):
    assert when(NOON + delta, NOON, UTC) == text


def run_cli(*args: str, data_dir) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rnnquiz", "study", *args, "--content", str(FIXTURES / "cards"),
                           "--data-dir", str(data_dir)], capture_output=True, text=True, timeout=60)


def test_unknown_course_is_one_line_with_a_close_match_and_exit_1(tmp_path):
    result = run_cli("cardz", data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "rnnquiz study: no course or section `cardz`; did you mean `cards`?"
    assert "Traceback" not in result.stderr


def test_bad_options_are_usage_errors(tmp_path):
    result = run_cli("cards", "--retention", "0.2", data_dir=tmp_path)
    assert result.returncode == 2 and "desired retention must be between 0.5 and 0.99" in result.stderr
    result = run_cli("--new-per-day", "many", data_dir=tmp_path)
    assert result.returncode == 2 and "new cards per day must be a whole number" in result.stderr


def test_the_command_opens_the_review_screen_with_its_options(tmp_path, monkeypatch):
    import argparse

    from rnnquiz.commands import app as app_command
    from rnnquiz.commands import study

    opened = {}
    monkeypatch.setattr(app_command, "run_app", lambda app: opened.update(initial=app.initial) or 0)
    args = argparse.Namespace(course="cards", cram=True, new_per_day=4, retention=0.8, rollover_hour=5,
                              save_settings=False, content=[FIXTURES / "cards"], data_dir=tmp_path)
    assert study.run(args) == 0
    assert opened["initial"] == ("study", "cards?cram&new-per-day=4&retention=0.8&rollover-hour=5")


def test_save_settings_remembers_the_defaults_that_study_and_stats_use(tmp_path):
    from rnnquiz.study.queue import StudyConfig
    from rnnquiz.study.store import Store

    result = run_cli("--save-settings", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Your study settings: 20 new cards a day, desired retention 0.9, a study day starts at 04:00." \
        in result.stdout and "--save-settings" in result.stdout
    result = run_cli("--new-per-day", "7", "--retention", "0.85", "--rollover-hour", "3", "--save-settings",
                     data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Saved. Your study settings: 7 new cards a day, desired retention 0.85, "
                                    "a study day starts at 03:00.")
    with Store.open(tmp_path) as store:
        config = StudyConfig.from_store(store)
    assert (config.new_per_day, config.desired_retention, config.rollover_hour) == (7, 0.85, 3)
    result = run_cli("--retention", "0.9", "--save-settings", data_dir=tmp_path)  # the others stay
    assert "7 new cards a day, desired retention 0.9, a study day starts at 03:00" in result.stdout
    result = run_cli("cards", "--save-settings", data_dir=tmp_path)
    assert result.returncode == 1 and "applies to every course" in result.stderr


@pytest.mark.parametrize("module", ["rnnquiz.study.options", "rnnquiz.study.wording", "rnnquiz.commands.study"])
def test_module_does_not_import_textual(module):
    code = f"import json, sys, {module}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert "textual" not in {name.split(".")[0] for name in json.loads(result.stdout)}


def test_a_cloze_gap_is_read_as_blank_with_its_hint():
    from rnnquiz.content.model import Flashcard
    from rnnquiz.study.cards import expand
    from rnnquiz.study.wording import spoken_prompt

    first, second = expand(Flashcard(id="c", type="cloze", text="A {{x::letter]}} then {{y}}, end [...]"))
    assert spoken_prompt(first) == "A blank (letter]) then y, end [...]"
    assert spoken_prompt(second) == "A x then blank, end [...]"
