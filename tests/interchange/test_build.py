"""Imported items -> YAML: modeline, report comments, readable layout, and the load-back check."""

from rnnquiz.content.loader import load_file
from rnnquiz.interchange import build
from rnnquiz.interchange.gift import parse_gift


def course_file():
    return build.assemble(parse_gift("::a:: A? {T}\n\n$CATEGORY: top/Two\n\n::b:: B? {=x =y}\n"), "bank", "Bank")


def test_sections_are_named_after_the_course_and_the_category():
    cf = course_file()
    assert cf.course.sections == ["bank", "bank.two"]
    assert [(s.section, s.title) for s in cf.sections] == [("bank", "Bank"), ("bank.two", "Two")]


def test_rendered_yaml_has_modeline_report_and_loads_back(tmp_path):
    cf = course_file()
    text = build.render(cf, ["Imported from x.gift.", "Not imported (1):\n  x.gift:3: something"])
    lines = text.splitlines()
    assert lines[:4] == ["# yaml-language-server: $schema=rnnquiz-schema.json", "# Imported from x.gift.",
                         "# Not imported (1):", "#   x.gift:3: something"]
    assert "accept: [y]" in text
    assert build.verify(text, cf) == []
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    assert [d.kind for d in load_file(path).documents] == ["course", "section", "section"]


def test_verify_catches_yaml_that_would_load_differently():
    cf = course_file()
    text = build.render(cf, []).replace("answer: true", "answer: false")
    assert build.verify(text, cf) == ["the file loads to different content than was imported"]


def test_verify_reports_invalid_yaml_with_locations():
    cf = course_file()
    problems = build.verify(build.render(cf, []).replace("type: short", "type: shrot"), cf)
    assert problems and ":" in problems[0] and "shrot" in problems[0]


def test_id_prefix_is_applied_once():
    imported = parse_gift("::a:: A? {T}\n\n::pre-b:: B? {T}\n")
    cf = build.assemble(imported, "bank", "Bank", id_prefix="pre-")
    assert [q.id for q in cf.sections[0].quiz] == ["pre-a", "pre-b"]


def test_prefixed_long_ids_stay_unique_and_valid():
    long = "a" * 78
    imported = parse_gift(f"::{long}x1:: Q {{T}}\n\n::{long}x2:: Q {{T}}\n")
    cf = build.assemble(imported, "bank", "Bank", id_prefix="pre-")
    ids = [q.id for q in cf.sections[0].quiz]
    assert len(set(ids)) == 2 and all(len(i) <= 80 and i.startswith("pre-") for i in ids)
    assert build.verify(build.render(cf, []), cf) == []


def test_text_that_yaml_would_misread_stays_text():
    imported = parse_gift("::y:: yes {=on =010 =1e3 =null}\n")
    cf = build.assemble(imported, "bank", "Bank")
    assert build.verify(build.render(cf, []), cf) == []


def test_multiline_text_is_a_literal_block():
    imported = parse_gift("::m:: line one\\nline two {T}\n")
    text = build.render(build.assemble(imported, "bank", "Bank"), [])
    assert "prompt: |-\n    line one\n    line two\n" in text


def test_write_atomic_replaces_the_file(tmp_path):
    path = tmp_path / "out.yaml"
    path.write_text("old", encoding="utf-8")
    build.write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


def test_written_files_get_normal_permissions_or_keep_theirs(tmp_path):
    import os
    import stat

    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.yaml"
        build.write_atomic(fresh, "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "kept.yaml"
        kept.write_text("old")
        kept.chmod(0o600)
        build.write_atomic(kept, "new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    finally:
        os.umask(umask)
