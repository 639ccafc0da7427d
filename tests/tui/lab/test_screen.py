"""The RNN lab as a learner uses it: predict by key or click, see the reveal, turn and type parameters,
train with pause / resume / reset while the keys keep working, and survive small terminals."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.pilot import Pilot
from textual.widgets import Static

from rnnquiz.tui.screens.lab import LabScreen
from rnnquiz.tui.screens.lesson import LessonScreen
from rnnquiz.tui.widgets.demo_view import DemoView
from rnnquiz.tui.widgets.param_panel import KnobList, ParamPanel, ValueInput

from ..helpers import screen_text, wait_until

SIZE = (100, 30)
FAST_TRAINING = "clipping?hidden=4&steps=10&train_steps=100000"
"""A clipping run too long to finish during a test: there is always a run to pause and reset."""



async def open_lab(pilot: Pilot) -> LabScreen:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, LabScreen) and bool(pilot.app.screen.query(DemoView)))
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


def view_of(pilot: Pilot) -> DemoView:
    return pilot.app.screen.query_one(DemoView)


def text_of(view: DemoView, selector: str) -> str:
    return view.query_one(selector, Static).content.plain  # type: ignore[union-attr]


async def revealed(pilot: Pilot) -> DemoView:
    view = view_of(pilot)
    await wait_until(pilot, lambda: view.state in ("done", "failed"))
    await pilot.pause()
    assert view.state == "done"
    return view


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_letter_keys_answer_the_prediction_and_the_footer_says_so(make_app):
    app = make_app(initial="lab")
    async with app.run_test(size=SIZE) as pilot:
        await open_lab(pilot)
        assert "a-c Predict" in footer(app) and "s Skip" in footer(app)
        assert "Predict first:" in screen_text(app)
        await pilot.press("tab", "tab", "a")  # the reported case: focus moved away and back
        view = await revealed(pilot)
        assert not view.asking and view.chosen == 0
        assert text_of(view, ".demo-verdict") == "Right: It vanishes: below 0.01."
        assert "lag k" in text_of(view, ".demo-plot") and "legend:" in text_of(view, ".demo-plot")
        assert text_of(view, ".demo-reveal").startswith("Why: At k = 40 the norm is")
        assert "a-c Predict" not in footer(app) and "p Predict again" in footer(app)
        await pilot.press("a")  # answered: the letter keys are off
        await pilot.pause()
        assert view.chosen == 0


async def test_a_letter_answers_even_from_the_parameters_and_s_skips(make_app):
    app = make_app(initial="lab")
    async with app.run_test(size=SIZE) as pilot:
        lab = await open_lab(pilot)
        lab.query_one(KnobList).focus()
        await pilot.press("c")
        view = await revealed(pilot)
        assert view.chosen == 2 and text_of(view, ".demo-verdict").startswith("Not this time")
        await pilot.press("p")  # ask again, then skip
        await pilot.pause()
        assert view.asking
        await pilot.press("s")
        view = await revealed(pilot)
        assert view.chosen is None and text_of(view, ".demo-verdict") == ""
        assert text_of(view, ".demo-reveal").startswith("Why:")


async def test_clicking_a_choice_answers(make_app):
    app = make_app(initial="lab")
    async with app.run_test(size=SIZE) as pilot:
        await open_lab(pilot)
        assert await pilot.click(".demo-choices", offset=(4, 1))  # the second row: b)
        view = await revealed(pilot)
        assert view.chosen == 1


async def test_turning_and_typing_parameters_redraw_the_plot_at_once(make_app):
    app = make_app(initial="lab")
    async with app.run_test(size=SIZE) as pilot:
        lab = await open_lab(pilot)
        await pilot.press("a")
        view = await revealed(pilot)
        before = text_of(view, ".demo-plot")
        await pilot.press("+")  # rho, the first row: 0.9 -> 0.95
        view = await revealed(pilot)
        assert lab.params["gradient-decay"].rho == 0.95
        assert "rho = 0.95" in text_of(view, ".demo-plot") and text_of(view, ".demo-plot") != before
        assert "other parameters" in text_of(view, ".demo-verdict")
        await pilot.press("down", "left")  # steps: 40 -> 30, with the arrow keys
        view = await revealed(pilot)
        assert lab.params["gradient-decay"].steps == 30 and "T = 30" in text_of(view, ".demo-plot")
        await pilot.press("down", "down", "enter")  # cell: a choice, so enter picks the next one
        view = await revealed(pilot)
        assert lab.params["gradient-decay"].cell == "lstm" and "lstm" in text_of(view, ".demo-plot")
        await pilot.press("up", "up", "up", "e")  # rho again, typed
        field = lab.query_one(ValueInput)
        assert app.focused is field and field.value == "0.95"
        assert "- + Change" not in footer(app)  # while typing, - and + are characters
        field.value = ""
        await pilot.press(*"1.5", "enter")
        view = await revealed(pilot)
        assert lab.params["gradient-decay"].rho == 1.5 and "rho = 1.5" in text_of(view, ".demo-plot")
        assert app.focused is lab.query_one(KnobList)
        assert "rho           1.5" in screen_text(app)


async def test_a_bad_typed_value_gets_a_clear_message_and_changes_nothing(make_app):
    app = make_app(initial="lab")
    said: list[tuple[str, str]] = []
    notify = app.notify
    app.notify = lambda message, **kw: (said.append((message, kw.get("severity", ""))), notify(message, **kw))[1]
    async with app.run_test(size=SIZE) as pilot:
        lab = await open_lab(pilot)
        await pilot.press("e")
        lab.query_one(ValueInput).value = ""
        await pilot.press(*"abc", "enter")
        await pilot.pause()
        assert said == [("rho: 'abc' is not a number (allowed: 0 < x <= 10)", "error")]
        assert lab.query_one(ParamPanel).has_class("-editing")  # still typing, to fix it
        lab.query_one(ValueInput).value = ""
        await pilot.press(*"12", "enter")
        await pilot.pause()
        assert said[-1] == ("rho: 12 is out of range (allowed: 0 < x <= 10)", "error")
        await pilot.press("escape")  # gives up typing, stays in the lab
        await pilot.pause()
        assert app.screen is lab and not lab.query_one(ParamPanel).has_class("-editing")
        assert lab.params["gradient-decay"].rho == 0.9 and view_of(pilot).asking


async def test_number_keys_switch_demos_and_each_keeps_its_parameters(make_app):
    app = make_app(initial="lab")
    async with app.run_test(size=SIZE) as pilot:
        lab = await open_lab(pilot)
        await pilot.press("+")  # while asking: the question follows the parameters
        await pilot.pause()
        assert "rho = 0.95" in text_of(view_of(pilot), ".demo-question")
        for key, name, words in (("1", "hidden-state", "saturated"), ("3", "memory-task", "recalls better"),
                                 ("4", "clipping", "plain run"), ("5", "next-char", "loss end"),
                                 ("2", "gradient-decay", "rho = 0.95")):
            await pilot.press(key)
            await wait_until(pilot, lambda name=name: lab.demo == name and view_of(pilot).demo == name)
            await pilot.pause()
            assert f"RNN lab › {name}" in screen_text(app)
            assert words in text_of(view_of(pilot), ".demo-question"), name
            assert "a-c Predict" in footer(app)


async def tap(pilot: Pilot, key: str) -> None:
    """A key as the terminal sends it. (`Pilot.press` waits for the process to go idle, which it never
    does while a worker trains: up to two seconds a key.)"""
    pilot.app.post_message(events.Key(key, " " if key == "space" else key if len(key) == 1 else None))
    await pilot.pause(0.02)


async def test_training_streams_pauses_resumes_and_resets_while_keys_still_work(make_app):
    app = make_app(initial="lab", arg=FAST_TRAINING)
    async with app.run_test(size=SIZE) as pilot:
        lab = await open_lab(pilot)
        await tap(pilot, "s")  # skip the prediction: training starts
        view = view_of(pilot)
        await wait_until(pilot, lambda: view.frames_shown >= 2 and "space Pause" in footer(app))
        assert view.state == "running"
        assert text_of(view, ".demo-status").startswith("step ")
        assert "loss, log" in screen_text(app)  # the sparkline of the loss
        knobs = lab.query_one(KnobList)
        await tap(pilot, "down")  # the UI answers while the worker trains
        await wait_until(pilot, lambda: knobs.highlighted == 1, timeout=1)
        await tap(pilot, "space")
        await wait_until(pilot, lambda: view.state == "paused", timeout=1)
        await pilot.pause(0.1)
        frozen = view.steps_shown
        await pilot.pause(0.2)
        assert view.steps_shown == frozen and text_of(view, ".demo-status") == f"Paused at step {frozen}."
        await wait_until(pilot, lambda: "space Resume" in footer(app), timeout=1)
        await tap(pilot, "space")
        await wait_until(pilot, lambda: view.steps_shown > frozen)
        assert view.state == "running"
        await tap(pilot, "r")
        await wait_until(pilot, lambda: view.state == "idle" and text_of(view, ".demo-plot") == "", timeout=1)
        await wait_until(pilot, lambda: "space Start" in footer(app), timeout=1)
        assert "r Reset" not in footer(app)
        shown = view.frames_shown
        await pilot.pause(0.2)
        assert view.frames_shown == shown  # the cancelled run posts nothing more
        await pilot.click(".demo-run")  # the mouse starts it again...
        await wait_until(pilot, lambda: view.frames_shown > shown)
        await tap(pilot, "space")
        await wait_until(pilot, lambda: view.state == "paused", timeout=1)
        await pilot.click(".demo-reset")  # ...and resets it
        assert view.state == "idle"


async def test_short_training_runs_to_the_end_with_a_reveal(make_app):
    for arg in ("next-char?hidden=8&train_steps=60&sample_length=20&seq_length=10",
                "memory-task?max_delay=2&hidden=4&train_steps=3"):
        app = make_app(initial="lab", arg=arg)
        async with app.run_test(size=SIZE) as pilot:
            await open_lab(pilot)
            await pilot.press("b")
            view = await revealed(pilot)
            assert view.outcome is not None and text_of(view, ".demo-reveal").startswith("Why:")
            assert text_of(view, ".demo-verdict").startswith(("Right", "Not this time"))
            assert "space Run again" in footer(app)


async def test_extreme_parameters_explode_cleanly_without_nan(make_app):
    app = make_app(initial="lab", arg="gradient-decay?rho=10&steps=2000&hidden=4&activation=relu")
    async with app.run_test(size=SIZE) as pilot:
        await open_lab(pilot)
        await pilot.press("c")
        view = await revealed(pilot)
        plot = text_of(view, ".demo-plot")
        assert "nan" not in plot.lower().split() and "NaN" not in plot
        assert "exploded" in plot
        assert text_of(view, ".demo-verdict").startswith("Right")


async def test_small_terminals_and_resizes_never_crash(make_app):
    app = make_app(initial="lab", arg=FAST_TRAINING)
    async with app.run_test(size=(40, 12)) as pilot:
        await open_lab(pilot)
        await tap(pilot, "a")
        view = view_of(pilot)
        await wait_until(pilot, lambda: view.frames_shown >= 1)
        for size in ((60, 20), (40, 12)):  # while training
            pilot.app.post_message(events.Resize(Size(*size), Size(*size)))
            await pilot.pause(0.05)
        await tap(pilot, "space")
        await wait_until(pilot, lambda: view.state == "paused", timeout=1)
        for size in ((80, 24), (40, 12)):  # paused: the last frame is redrawn at the new width
            await pilot.resize_terminal(*size)
        await pilot.press("2")
        await wait_until(pilot, lambda: view_of(pilot).demo == "gradient-decay")
        await pilot.press("a")
        await revealed(pilot)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert "Right: It vanishes" in screen_text(app)


async def test_60x20_shows_the_question_the_keys_and_the_parameters(make_app):
    app = make_app(initial="lab")
    async with app.run_test(size=(60, 20)) as pilot:
        await open_lab(pilot)
        text = screen_text(app)
        for phrase in ("rho           0.9", "Predict first:", "a) It vanishes", "Skip: just show me",
                       "a-c Predict"):
            assert phrase in text, phrase


async def test_a_lessons_demo_card_embeds_the_live_demo_and_opens_the_lab(make_app):
    app = make_app(initial="learn", arg="first")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, LessonScreen))
        await pilot.press("8")
        await pilot.pause()
        card_view = app.screen.query_one(DemoView)
        assert card_view.inline and card_view.asking
        assert "Predict first:" in screen_text(app) and "a-c Predict" in footer(app)
        await pilot.press("a")
        await wait_until(pilot, lambda: card_view.state == "done")
        await pilot.pause()
        assert text_of(card_view, ".demo-verdict") == "Right: It vanishes: below 0.01."
        assert "T = 20" in text_of(card_view, ".demo-plot") and "rho 1.5" not in text_of(card_view, ".demo-plot")
        assert "a-c Predict" not in footer(app)
        await pilot.press("o")
        lab = await open_lab(pilot)
        assert lab.params["gradient-decay"].rho == 0.5 and "From the lesson: Watch the norm shrink." in screen_text(app)
        assert view_of(pilot).asking  # the lab asks afresh


def test_a_covered_run_waits_and_a_cancelled_one_stops():
    from rnnquiz.content.demos import ClippingParams
    from rnnquiz.tui.widgets import demo_stream

    run = demo_stream.Run(1, "clipping", ClippingParams(hidden=4, steps=5, train_steps=40), True, ())
    run.go.set()
    posted: list[object] = []
    checks = iter(range(30))
    demo_stream.stream(run, lambda: next(checks) >= 20, lambda frame, view: posted.append(view), lambda: 40,
                       hidden=lambda: True)  # its screen is covered: it trains no further than one frame
    assert len(posted) <= 1 and all(view.step <= 5 for view in posted)
    posted.clear()
    demo_stream.stream(run, lambda: False, lambda frame, view: posted.append(view), lambda: 40)
    assert posted and posted[-1].done and posted[-1].step == 40
    assert all(len(line) <= 40 for view in posted for line in view.lines)


async def test_a_redraw_that_fails_says_so_instead_of_ending_the_app(make_app, monkeypatch):
    from rnnquiz.tui.widgets import demo_stream

    app = make_app(initial="lab")
    async with app.run_test(size=SIZE) as pilot:
        await open_lab(pilot)
        await pilot.press("s")
        view = await revealed(pilot)

        def broken(*args, **kwargs):
            raise ValueError("no room to draw")

        monkeypatch.setattr(demo_stream, "render", broken)
        await pilot.resize_terminal(90, 30)  # a new width redraws the finished plot
        await wait_until(pilot, lambda: view.state == "failed")
        assert app.is_running
        assert text_of(view, ".demo-plot") == "This run stopped: ValueError: no room to draw"
