"""QA regressions: the help screen lists keys that widgets (not screens) bind."""

from __future__ import annotations

from rnnquiz.tui.screens.help import HelpScreen


async def test_help_lists_widget_keys_of_the_lab_and_lesson_demos(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        groups = dict(app.screen._groups())
        lab = dict(groups["RNN lab"])
        lesson = dict(groups["Lesson"])
        assert lab.get("left/right") == "Change the highlighted parameter"  # KnobList's own binding
        assert "start, pause" in lesson.get("space", "")  # DemoView's space on the Demos tab


def test_the_widget_keys_listed_in_help_are_the_widgets_real_bindings():
    """The help rows above are written out by hand; this keeps them from drifting from the widgets."""
    from textual.binding import Binding

    from rnnquiz.tui.widgets.demo_view import DemoView
    from rnnquiz.tui.widgets.param_panel import KnobList

    knob_keys = {b.key for b in Binding.make_bindings(KnobList.BINDINGS)}
    demo_keys = {b.key for b in Binding.make_bindings(DemoView.BINDINGS)}
    assert {"left", "right"} <= knob_keys
    assert "space" in demo_keys
