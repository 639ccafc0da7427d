"""Layers point down: the content layer and fast commands never load Textual or NumPy."""

import json
import subprocess
import sys

import pytest

HEAVY = ("textual", "numpy")


def loaded_modules(code: str) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("module", ["rnnquiz.content", "rnnquiz.content.library", "rnnquiz.content.model"])
def test_content_layer_never_imports_textual_or_numpy(module):
    modules = loaded_modules(f"import {module}")
    assert not {m.split(".")[0] for m in modules} & set(HEAVY)


@pytest.mark.parametrize("argv", [["--help"], ["validate"], ["schema"]])
def test_fast_commands_never_import_textual_or_numpy(argv):
    code = (
        "import contextlib, io, sys\n"
        "from rnnquiz.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    modules = loaded_modules(code)
    assert not {m.split(".")[0] for m in modules} & set(HEAVY)


@pytest.mark.parametrize("package", ["rnnquiz.study", "rnnquiz.quiz", "rnnquiz.rnn", "rnnquiz.interchange"])
def test_pure_layers_never_import_textual(package):
    import importlib.util

    assert importlib.util.find_spec(package) is not None, f"{package} is missing"
    modules = loaded_modules(f"import pkgutil, importlib, {package}\n"
                             f"for m in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
                             "    importlib.import_module(m.name)")
    top = {m.split(".")[0] for m in modules}
    assert "textual" not in top, package
    if package == "rnnquiz.interchange":
        assert "numpy" not in top, "the file formats never need the lab"


APP_HELPERS = ["rnnquiz.speech", "rnnquiz.content.text", "rnnquiz.study.progress", "rnnquiz.tui.glossary_index",
               "rnnquiz.tui.registry", "rnnquiz.tui.context", "rnnquiz.commands.app", "rnnquiz.commands.learn",
               "rnnquiz.commands.glossary"]
"""The app's pure helpers: testable without Textual and cheap to import."""


@pytest.mark.parametrize("module", APP_HELPERS)
def test_app_helpers_never_import_textual(module):
    assert "textual" not in {m.split(".")[0] for m in loaded_modules(f"import {module}")}
