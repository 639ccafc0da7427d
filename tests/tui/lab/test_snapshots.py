"""SVG snapshots of the RNN lab: the prediction prompt and a revealed gradient-decay plot (update with
`pytest --snapshot-update`, then look at them). Seeded numbers and a finished run: nothing in them
depends on timing."""

from __future__ import annotations

from textual.pilot import Pilot

from ..test_snapshots import no_blink
from .test_screen import open_lab, revealed

SIZE = (80, 24)


def test_lab_prediction_prompt(snap_compare, make_app):
    async def run_before(pilot: Pilot) -> None:
        await open_lab(pilot)
        await no_blink(pilot)

    assert snap_compare(make_app(initial="lab"), terminal_size=SIZE, run_before=run_before)


def test_lab_revealed_gradient_decay(snap_compare, make_app):
    async def run_before(pilot: Pilot) -> None:
        await open_lab(pilot)
        await pilot.press("c")  # a wrong guess: the verdict says what the run showed
        await revealed(pilot)
        await no_blink(pilot)

    # Tall enough for the whole first plot: axes, log scale, legend and caption.
    assert snap_compare(make_app(initial="lab", arg="gradient-decay?rho=1.5&steps=30"), terminal_size=(100, 44),
                        run_before=run_before)
