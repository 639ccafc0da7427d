"""The README's two commands are the ones CI runs."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_starts_with_install_and_test_commands():
    install, test = readme_commands()[:2]
    assert install.endswith(".venv/bin/rnnquiz") and "pip install ." in install
    assert "pip install \".[test]\"" in test and test.endswith("-m pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_readme_course_example_validates(tmp_path):
    from rnnquiz.content.library import load_library

    blocks = re.findall(r"```yaml\n(# my-course/(\S+)\n.+?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert [name for _, name in blocks] == ["course.yaml", "sequences.yaml"]
    for text, name in blocks:
        (tmp_path / name).write_text(text.replace("  medium: ...", "  medium: m").replace("  detailed: ...", "  detailed: d"))
    library = load_library([tmp_path])
    assert [str(p) for p in library.problems] == []
    assert len(library.flashcards) == 4 and len(library.questions) == 2
