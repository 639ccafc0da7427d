from pathlib import Path

import rnnquiz.study


def test_no_module_under_study_mentions_textual():
    for path in Path(rnnquiz.study.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import textual" not in text and "from textual" not in text, path.name
