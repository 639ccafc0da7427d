"""The pure helpers of the app never load Textual, so they stay testable and cheap to import."""

import json
import subprocess
import sys

import pytest

PURE = ["rnnquiz.speech", "rnnquiz.content.text", "rnnquiz.tui.progress", "rnnquiz.tui.glossary_index",
        "rnnquiz.tui.registry", "rnnquiz.tui.context", "rnnquiz.commands.app", "rnnquiz.commands.learn",
        "rnnquiz.commands.glossary"]


@pytest.mark.parametrize("module", PURE)
def test_module_does_not_import_textual(module):
    code = f"import json, sys, {module}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    loaded = {name.split(".")[0] for name in json.loads(result.stdout)}
    assert "textual" not in loaded
