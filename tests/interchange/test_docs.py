"""docs/authoring.md: its full example validates, and the commands it shows exist."""

import re
import shlex
from pathlib import Path

from rnnquiz.cli import build_parser
from rnnquiz.content.library import load_library

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


def test_the_yaml_example_validates_and_shows_every_type(tmp_path):
    (block,) = re.findall(r"```yaml\n(.+?)```", DOC.read_text(encoding="utf-8"), re.S)
    (tmp_path / "example.yaml").write_text(block, encoding="utf-8")
    library = load_library([tmp_path])
    assert [str(p) for p in library.problems] == []
    assert {c.type for c in library.flashcards.values()} == {"basic", "reversible", "cloze", "type_in"}
    assert len({q.type for q in library.questions.values()}) == 8


def test_every_command_in_the_sh_blocks_parses():
    parser = build_parser()
    for block in re.findall(r"```sh\n(.+?)```", DOC.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            command = line.split("#")[0].strip()
            if not command or "FORMAT" in command:
                continue
            argv = shlex.split(command)
            assert argv[0] == "rnnquiz"
            parser.parse_args(argv[1:])
