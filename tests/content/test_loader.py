"""Loader error cases: each asserts the file, line, column and message an author would see."""

from pathlib import Path

import pytest

from rnnquiz.content.library import load_library
from rnnquiz.content.loader import load_file
from rnnquiz.content.model import MarkdownStr

from .conftest import COURSE, SECTION


def problems_of(path: Path) -> list[str]:
    return [str(p) for p in load_file(path).problems]


def only_problem(path: Path):
    problems = load_file(path).problems
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_valid_section_loads_with_no_problems(write):
    result = load_file(write("s1.yaml", SECTION))
    assert result.problems == []
    (document,) = result.documents
    assert document.kind == "section"
    assert document.model.flashcards[0].front == "What is h[t-1]?"


def test_unknown_key_is_located_and_gets_a_near_miss_hint(write):
    path = write("s.yaml", """
        section: s1
        title: One
        flashcard:
          - id: c1
        """)
    problem = only_problem(path)
    assert (problem.file, problem.line, problem.col) == (path, 3, 1)
    assert problem.message == "unknown field `flashcard`"
    assert problem.hint == "did you mean `flashcards`?"
    assert str(problem) == f"{path}:3:1: flashcard: unknown field `flashcard` (did you mean `flashcards`?)"


def test_answer_index_out_of_range_points_at_the_answer(write):
    path = write("s.yaml", """
        section: s1
        title: One
        quiz:
          - id: q1
            type: single
            prompt: p
            choices: [a, b, c]
            answer: 3
        """)
    problem = only_problem(path)
    assert (problem.line, problem.col) == (8, 13)
    assert problem.path == "quiz[0].answer"
    assert "answer 3 is not a choice" in problem.message
    assert "numbered from 0 to 2" in problem.message


def test_inline_sections_give_the_full_field_path(write):
    path = write("c.yaml", """
        course: demo
        title: Demo
        sections:
          - s0
          - section: s1
            title: One
            quiz:
              - id: q1
                type: true_false
                prompt: p
                answer: maybe
        """)
    messages = problems_of(path)
    assert f"{path}:11:17: sections[1].quiz[0].answer: expected true or false, got 'maybe'" in messages


def test_unknown_question_type_suggests_the_right_one(write):
    path = write("s.yaml", """
        section: s1
        title: One
        quiz:
          - id: q1
            type: singel
            prompt: p
        """)
    problem = only_problem(path)
    assert (problem.line, problem.col) == (4, 5)
    assert problem.message == "unknown type 'singel'"
    assert problem.hint == "did you mean 'single'?"


def test_unknown_demo_and_bad_params_are_located(write):
    path = write("s.yaml", """
        section: s1
        title: One
        demos:
          - demo: gradient_decay
          - demo: gradient-decay
            params: {rho: 20}
        """)
    found = {(p.line, p.path, p.message, p.hint) for p in load_file(path).problems}
    assert (4, "demos[0]", "unknown demo 'gradient_decay'", "did you mean 'gradient-decay'?") in found
    assert (6, "demos[1].params.rho", "must be at most 10.0, got '20'", None) in found


def test_every_error_in_a_file_is_reported_not_only_the_first(write):
    path = write("s.yaml", """
        section: s1
        title: One
        flashcards:
          - id: c1
            front: only a front
          - id: Not An Id
            front: f
            back: b
          - id: c3
            type: cloze
            text: no blanks
        """)
    lines = sorted(p.line for p in load_file(path).problems)
    assert lines == [4, 6, 9]


def test_invalid_items_are_dropped_and_the_rest_of_the_section_kept(write):
    path = write("s.yaml", """
        section: s1
        title: One
        flashcards:
          - id: good
            front: f
            back: b
          - id: bad
            front: f
        """)
    result = load_file(path)
    assert len(result.problems) == 1
    (document,) = result.documents
    assert [card.id for card in document.model.flashcards] == ["good"]


def test_duplicate_keys_are_an_error(write):
    path = write("s.yaml", """
        section: s1
        title: One
        title: Two
        """)
    problem = only_problem(path)
    assert (problem.line, problem.col) == (3, 1)
    assert problem.message == "duplicate key `title`"
    assert problem.hint == "first given on line 2"


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "010", "1e3", "true", "0x1F", "12:30"])
def test_yaml_11_words_stay_text_where_text_is_expected(write, word):
    path = write("s.yaml", f"""
        section: s1
        title: One
        flashcards:
          - id: c1
            front: {word}
            back: {word}
        """)
    result = load_file(path)
    assert result.problems == []
    card = result.documents[0].model.flashcards[0]
    assert (card.front, card.back) == (word, word)


def test_numbers_and_booleans_still_work_where_the_schema_wants_them(write):
    path = write("s.yaml", """
        section: s1
        title: One
        quiz:
          - {id: q1, type: true_false, prompt: p, answer: yes}
          - {id: q2, type: numeric, prompt: p, answer: 1e-3, tolerance: 0}
          - {id: q3, type: single, prompt: p, choices: [a, b], answer: 1}
        """)
    result = load_file(path)
    assert result.problems == []
    q1, q2, q3 = result.documents[0].model.quiz
    assert q1.answer is True and q2.answer == 0.001 and q3.answer == 1


def test_tags_that_build_objects_are_refused(write):
    path = write("s.yaml", """
        section: s1
        title: !!python/object/apply:os.system [echo hacked]
        """)
    problem = only_problem(path)
    assert (problem.line, problem.col) == (2, 8)
    assert "!!python/object/apply:os.system is not allowed" in problem.message


def test_alias_bomb_is_refused_quickly(write):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=False):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    path = write("bomb.yaml", "\n".join(lines) + "\n")
    problem = only_problem(path)
    assert "alias bomb" in problem.message


def test_recursive_alias_is_refused(write):
    path = write("s.yaml", "section: &a [*a]\n")
    path.write_text("a: &x [1, *x]\n")
    assert any("nested more than" in str(p) for p in load_file(path).problems)


def test_small_aliases_and_merge_keys_work(write):
    path = write("s.yaml", """
        section: s1
        title: One
        quiz:
          - &base {id: q1, type: true_false, prompt: p, answer: true}
          - <<: *base
            id: q2
        """)
    result = load_file(path)
    assert result.problems == []
    assert [q.id for q in result.documents[0].model.quiz] == ["q1", "q2"]


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"section: s1\ntitle: \x00\x01\x02\n")
    problem = only_problem(path)
    assert (problem.line, problem.message) == (2, "binary data (a NUL byte), not a YAML text file")


def test_wrong_encoding_is_located(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("section: s1\ntitle: café\n".encode("latin-1"))
    problem = only_problem(path)
    assert (problem.line, problem.col) == (2, 11)
    assert problem.message == "not valid UTF-8 (byte 0xe9)"


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # sparse: 100 MB on paper, nothing on disk
        handle.truncate(100 * 1024 * 1024)

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    problem = only_problem(path)
    assert "100 MiB" in problem.message


def test_raw_control_characters_are_refused_with_a_location(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("section: s1\ntitle: a\x1b[31mred\n", encoding="utf-8")
    problem = only_problem(path)
    assert (problem.line, problem.col) == (2, 9)
    assert "U+001B" in problem.message


def test_syntax_error_is_located(write):
    path = write("s.yaml", "section: s1\ntitle: [unclosed\n")
    problem = only_problem(path)
    assert problem.line == 3
    assert problem.message.startswith("invalid YAML:")


def test_syntax_error_names_where_the_unclosed_bracket_was_opened(write):
    path = write("s.yaml", "section: s1\ntitle: [unclosed\n")
    assert "(in the `[...]` list opened at line 2, column 8)" in only_problem(path).message


def test_unclosed_quote_is_placed_where_it_opens_not_at_the_end_of_the_file(write):
    path = write("s.yaml", 'section: s1\ntitle: "One\nsummary:\n  basic: a\n  medium: b\n')
    problem = only_problem(path)
    assert (problem.line, problem.col) == (2, 8)
    assert problem.message == "invalid YAML: this quoted text is never closed (the file ends at line 6)"


def test_markdown_opt_in_per_field(write):
    path = write("s.yaml", """
        section: s1
        title: One
        summary:
          basic: {markdown: "**bold**"}
          medium: "**not bold**"
          detailed: d
        """)
    summary = load_file(path).documents[0].model.summary
    assert isinstance(summary.basic, MarkdownStr)
    assert not isinstance(summary.medium, MarkdownStr)


def test_library_cross_references(write):
    write("course.yaml", COURSE.replace("[s1]", "[s1, s-missing]"))
    path = write("s1.yaml", SECTION + """
glossary:
  - term: Hidden State
    definition: memory
    see_also: [Hidden state, Hiden State, Nowhere]
""")
    library = load_library([path.parent])
    messages = [str(p) for p in library.problems]
    folder = path.parent
    assert messages == [
        f"{folder}/course.yaml:3:16: section `s-missing` is not defined in any loaded file",
        f"{path}:18:16: `Hidden State` lists itself under see_also",
        f"{path}:18:30: see_also names `Hiden State`, which is not a glossary term of course `demo` "
        "(did you mean `Hidden State`?)",
        f"{path}:18:43: see_also names `Nowhere`, which is not a glossary term of course `demo`",
    ]


def test_duplicate_ids_across_files_point_at_the_second_use(write):
    write("course.yaml", COURSE.replace("[s1]", "[s1, s2]"))
    first = write("s1.yaml", SECTION)
    second = write("s2.yaml", SECTION.replace("section: s1", "section: s2").replace("id: q1", "id: q2"))
    library = load_library([first.parent])
    (problem,) = library.problems
    assert (problem.file, problem.line) == (second, 5)
    assert problem.message == "duplicate item id `c1`"
    assert problem.hint == f"first used at {first}:5:9"
    assert library.section("s2").flashcards == []  # the first use wins
    assert library.location("c1").file == first


def test_unlisted_section_is_reported(write):
    write("course.yaml", COURSE)
    write("s1.yaml", SECTION)
    stray = write("s9.yaml", "section: s9\ntitle: Stray\n")
    library = load_library([stray.parent])
    (problem,) = library.problems
    assert (problem.file, problem.line, problem.col) == (stray, 1, 10)
    assert "not listed in any course" in problem.message


def test_library_indexes_and_locations(write):
    write("course.yaml", COURSE)
    section = write("s1.yaml", SECTION)
    library = load_library([section.parent])
    assert library.problems == []
    (course,) = library.courses
    assert [s.section for s in course.sections] == ["s1"]
    assert library.section_of("q1").section == "s1"
    assert str(library.location("q1")) == f"{section}:9:5"
    assert library.course_of_section("s1").id == "demo"


def test_missing_path_is_a_problem_not_a_crash(tmp_path):
    library = load_library([tmp_path / "nope"])
    assert [p.message for p in library.problems] == ["no such file or folder"]


def test_an_edited_copy_of_the_bundled_course_replaces_it(tmp_path):
    import shutil

    from rnnquiz.paths import bundled_content_dir

    copy = tmp_path / "my-rnn"
    shutil.copytree(bundled_content_dir() / "rnn", copy)
    bptt = copy / "bptt.yaml"
    bptt.write_text(bptt.read_text(encoding="utf-8").replace(
        "title: Backpropagation Through Time", "title: BPTT, my edition"), encoding="utf-8")
    library = load_library([bundled_content_dir(), copy])
    assert [str(p) for p in library.problems] == []
    assert [c.id for c in library.courses] == ["rnn"]
    assert library.section("bptt").title == "BPTT, my edition"
    assert library.location("bptt").file == bptt


def test_a_bundled_section_id_reused_by_another_course_is_still_a_duplicate(tmp_path):
    from rnnquiz.paths import bundled_content_dir

    (tmp_path / "c.yaml").write_text("course: mine\ntitle: Mine\nsections: [bptt]\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text("section: bptt\ntitle: Mine too\nsummary: {basic: a, medium: b, detailed: c}\n",
                                     encoding="utf-8")
    library = load_library([bundled_content_dir(), tmp_path])
    assert any("duplicate section id `bptt`" in str(p) for p in library.problems)
    assert library.section("bptt").title == "Backpropagation Through Time"
