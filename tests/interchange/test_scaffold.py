"""`rnnquiz new`: the starter files validate as generated, and adding a section keeps comments."""

import pytest

from rnnquiz.cli import main
from rnnquiz.content.library import load_library
from rnnquiz.interchange.scaffold import add_section_ref, course_yaml, section_yaml


def test_starter_files_validate_and_show_every_type(tmp_path):
    (tmp_path / "course.yaml").write_text(course_yaml("starter", 'A "quoted": title', "starter-intro"))
    (tmp_path / "starter-intro.yaml").write_text(section_yaml("starter-intro", "Intro: the start"))
    library = load_library([tmp_path])
    assert library.problems == []
    (course,) = library.courses
    assert course.title == 'A "quoted": title'
    (section,) = course.sections
    assert {c.type for c in section.flashcards} == {"basic", "reversible", "cloze", "type_in"}
    assert {q.type for q in section.quiz} == {"single", "multiple", "true_false", "short", "numeric", "cloze",
                                             "order", "match"}
    assert section.dialogue and section.summary and section.deep_dive and section.memory_aids and section.glossary


def test_new_course_then_new_section(tmp_path, capsys):
    assert main(["new", "course", "demo", "--dir", str(tmp_path), "--title", "Demo"]) == 0
    folder = tmp_path / "demo"
    assert sorted(p.name for p in folder.iterdir()) == ["course.yaml", "demo-intro.yaml", "rnnquiz-schema.json"]
    assert (folder / "course.yaml").read_text().startswith("# yaml-language-server: $schema=rnnquiz-schema.json\n")
    assert main(["new", "section", "demo-gates", "--course", str(folder), "--title", "Gates"]) == 0
    course_text = (folder / "course.yaml").read_text()
    assert "  - demo-intro\n  - demo-gates\n" in course_text
    assert "# A course file" in course_text  # comments survive the edit
    assert main(["validate", str(folder)]) == 0
    assert "ok: 1 course(s), 2 section(s)" in capsys.readouterr().out


def test_new_refuses_to_overwrite_and_bad_ids(tmp_path, capsys):
    assert main(["new", "course", "demo", "--dir", str(tmp_path)]) == 0
    assert main(["new", "course", "demo", "--dir", str(tmp_path)]) == 1
    assert "not overwriting" in capsys.readouterr().err
    assert main(["new", "course", "Not_An_Id", "--dir", str(tmp_path)]) == 1
    assert main(["new", "section", "demo-intro", "--course", str(tmp_path / "demo")]) == 1
    assert main(["new", "section", "x", "--course", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert "not a usable id" in err and "not overwriting" in err and "no such file or folder" in err


def test_new_section_needs_exactly_one_course_file(tmp_path, capsys):
    assert main(["new", "section", "s", "--course", str(tmp_path)]) == 1
    assert "no valid course file" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "expected"), [
    ("course: c\ntitle: C\nsections: [a, b]  # keep\n", "course: c\ntitle: C\nsections: [a, b, new]  # keep\n"),
    ("course: c\ntitle: C\nsections: []\n", "course: c\ntitle: C\nsections: [new]\n"),
    ("course: c\ntitle: C\nsections:\n- a\n- b", "course: c\ntitle: C\nsections:\n- a\n- b\n- new\n"),
    ("section: s\ntitle: S\n---\ncourse: c\ntitle: C\nsections:\n    - a  # one\n# end\n",
     "section: s\ntitle: S\n---\ncourse: c\ntitle: C\nsections:\n    - a  # one\n    - new\n# end\n"),
    ("section: s\ntitle: S\n", None),
    ("course: c\nsections: a\n", None),
])
def test_add_section_ref_edits_text_in_place(text, expected):
    assert add_section_ref(text, "new") == expected
