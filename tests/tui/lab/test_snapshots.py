"""SVG snapshots of the RNN lab: the prediction prompt and a revealed gradient-decay plot (update with
`pytest --snapshot-update`, then look at them). Seeded numbers and a finished run: nothing in them
depends on timing. Each one also checks what it pictures."""

from __future__ import annotations

from textual.pilot import Pilot

from rnnquiz.tui.widgets.prediction_box import ChoiceList

from ..helpers import screen_text
from ..test_snapshots import no_blink
from .test_screen import open_lab, revealed, text_of, view_of

SIZE = (80, 24)


def test_lab_prediction_prompt(snap_compare, make_app):
    async def run_before(pilot: Pilot) -> None:
        await open_lab(pilot)
        await no_blink(pilot)
        view = view_of(pilot)
        assert view.demo == "gradient-decay" and view.asking and view.chosen is None and view.state == "idle"
        assert view.outcome is None  # nothing runs before the prediction
        assert isinstance(pilot.app.focused, ChoiceList)
        text = screen_text(pilot.app)
        assert "Predict first: A tanh RNN with W_hh at spectral" in text
        assert "a) It vanishes: below 0.01" in text and "s) Skip: just show me" in text
        assert "a-c Predict  s Skip" in text.splitlines()[-1]

    assert snap_compare(make_app(initial="lab"), terminal_size=SIZE, run_before=run_before)


def test_lab_revealed_gradient_decay(snap_compare, make_app):
    async def run_before(pilot: Pilot) -> None:
        await open_lab(pilot)
        await pilot.press("c")  # a wrong guess: the verdict says what the run showed
        view = await revealed(pilot)
        await no_blink(pilot)
        assert not view.asking and view.chosen == 2
        assert view.outcome is not None and view.outcome.answer == 0
        assert text_of(view, ".demo-verdict") == ('Not this time: you said "It explodes: above 100, or beyond '
                                                  'float64"; the run shows "It vanishes: below 0.01".')
        plot = text_of(view, ".demo-plot")
        assert "rho = 1.5, T = 30, H = 16" in plot and "lag k (steps back)" in plot and "legend:" in plot
        assert text_of(view, ".demo-reveal").startswith("Why: ")
        assert "p Predict again" in screen_text(pilot.app).splitlines()[-1]

    # Tall enough for the whole first plot: axes, log scale, legend and caption.
    assert snap_compare(make_app(initial="lab", arg="gradient-decay?rho=1.5&steps=30"), terminal_size=(100, 44),
                        run_before=run_before)
