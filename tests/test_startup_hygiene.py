"""What `rnnquiz` may import before the home screen is ready: the start-up budget is a bare Textual app's
plus a quarter (benchmarks/bench_startup.py), so pydantic, YAML, fsrs and NumPy wait until they are needed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from .shared import FIXTURES

LATE = {"pydantic", "pydantic_core", "yaml", "fsrs", "numpy"}


def run_probe(code: str, *argv: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def top_level(modules: list[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_building_the_parser_for_the_app_imports_nothing_heavy():
    code = ("import json, sys\nfrom rnnquiz.cli import build_parser\n"
            "build_parser().parse_args(['--data-dir', 'x'])\nprint(json.dumps({'modules': sorted(sys.modules)}))")
    modules = top_level(run_probe(code)["modules"])
    assert not modules & (LATE | {"textual"})


def test_a_subcommands_options_are_still_there_when_it_is_used(capsys):
    from rnnquiz.cli import build_parser

    args = build_parser().parse_args(["demo", "gradient-decay", "--rho", "0.5"])
    assert args.name == "gradient-decay" and args.rho == "0.5"


def test_a_warm_start_reaches_the_home_screen_without_pydantic_yaml_or_fsrs(tmp_path):
    content = tmp_path / "course"
    shutil.copytree(FIXTURES / "mini", content)
    code = """
import json, sys
from rnnquiz.cli import build_parser
from rnnquiz.commands.app import build_app

seen = {}

async def ready(pilot):
    seen["screen"] = type(pilot.app.screen).__name__
    seen["modules"] = sorted(sys.modules)
    seen["text"] = [option.id for option in pilot.app.screen.query_one("#sections").options]
    seen["late_styles"] = pilot.app.late_styles_pending
    pilot.app.exit()

app = build_app(build_parser().parse_args(sys.argv[1:]))
seen["loaded_before_run"] = app.context.library_ready
app.run(headless=True, size=(80, 24), auto_pilot=ready)
print(json.dumps(seen))
"""
    argv = ["--data-dir", str(tmp_path / "data"), "--content", str(content)]
    cold = run_probe(code, *argv)
    assert cold["loaded_before_run"] is True  # no cache yet: loaded before the app, cache written
    warm = run_probe(code, *argv)
    assert warm["loaded_before_run"] is False
    assert warm["screen"] == "HomeScreen"
    assert "section:first" in warm["text"] and "section:second" in warm["text"]
    assert not top_level(warm["modules"]) & LATE
    # Nor what only other screens and commands need: the palette, other subcommands, their screens.
    assert not {"rnnquiz.tui.commands", "rnnquiz.tui.widgets.problems", "rnnquiz.commands.demo",
                "rnnquiz.commands.study", "rnnquiz.tui.screens.lesson", "rnnquiz.content.problems"} & set(warm["modules"])
    assert warm["late_styles"] is True  # the other screens' styles are parsed after the first frame


def test_the_app_alone_builds_no_subcommand_parsers_but_help_lists_them_all():
    from rnnquiz.cli import build_parser
    from rnnquiz.commands import COMMANDS

    parser = build_parser()
    assert parser.parse_args(["--data-dir", "x", "--content=y"]).command is None
    assert not parser._commands_added
    assert all(name in parser.format_help() for name in COMMANDS)
    assert build_parser().parse_args(["--data-dir", "x", "learn", "s"]).command == "learn"


def test_reading_progress_does_not_import_fsrs_and_the_mirrored_states_match_it():
    modules = top_level(run_probe("import json, sys\nimport rnnquiz.study.store\n"
                                  "print(json.dumps({'modules': sorted(sys.modules)}))")["modules"])
    assert "fsrs" not in modules
    from fsrs import State

    from rnnquiz.study import items

    assert (State.Learning, State.Review, State.Relearning) == (items.LEARNING, items.REVIEW, items.RELEARNING)
