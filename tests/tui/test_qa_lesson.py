"""QA regressions found by using the lesson screen on hostile and tiny courses."""

from __future__ import annotations

from rnnquiz.content.library import load_library

from .helpers import screen_text


def _one_line_course(folder):
    folder.mkdir()
    (folder / "course.yaml").write_text("course: one\ntitle: One\nsections: [o1]\n", encoding="utf-8")
    (folder / "o1.yaml").write_text(
        'section: o1\ntitle: "[/] only h[t-1]"\ndialogue:\n  - teacher: "Just [bold]one[/] line."\n',
        encoding="utf-8")
    library = load_library([folder])
    assert not library.problems, [str(p) for p in library.problems]
    return library


async def test_a_one_line_dialogue_ends_with_1_line_not_1_lines(make_app, tmp_path):
    app = make_app(_one_line_course(tmp_path / "c"), initial="learn", arg="o1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        text = screen_text(app)
        assert "Just [bold]one[/] line." in text
        assert "End of the dialogue (1 line)." in text
