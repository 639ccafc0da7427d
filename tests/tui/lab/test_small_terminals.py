"""RNN lab, QA follow-up: at 40x12 the prediction question is readable, from its first line, and
the choices below it scroll into view as the learner moves through them."""

from __future__ import annotations

from rnnquiz.tui.screens.lab import LabScreen
from rnnquiz.tui.widgets.param_panel import ParamPanel
from rnnquiz.tui.widgets.prediction_box import ChoiceList

from ..helpers import screen_text


async def test_the_prediction_question_is_readable_at_40x12(make_app):
    app = make_app(initial="lab")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LabScreen) and screen.has_class("-tiny")
        text = screen_text(app)
        assert "Predict first: A tanh RNN" in text, text
        assert not screen.query_one(ParamPanel).display or not screen.query_one(ParamPanel).region.height
        assert "a) It vanishes" in text
        choices = screen.query_one(ChoiceList)
        assert app.focused is choices
        for _ in range(3):  # down to the skip choice: it comes into view
            await pilot.press("down")
            await pilot.pause()
        await pilot.pause()
        assert choices.highlighted == 3 and "s) Skip: just show me" in screen_text(app)
        await pilot.press("a")  # answered: the parameters come back, to turn
        await pilot.pause()
        await pilot.pause()
        assert not screen.has_class("-asking") and screen.query_one(ParamPanel).region.height > 0
        await pilot.press("p")  # predict again: the question from its first line, parameters hidden
        await pilot.pause()
        await pilot.pause()
        assert screen.has_class("-asking") and "Predict first:" in screen_text(app)


async def test_at_60x20_the_parameters_stay_beside_the_question(make_app):
    app = make_app(initial="lab")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.has_class("-tiny") and screen.query_one(ParamPanel).region.height > 0
        text = screen_text(app)
        assert "Predict first:" in text and "s) Skip: just show me" in text
