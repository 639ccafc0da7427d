"""One table of demos: every catalogued demo has a spec, and the lab and the CLI show each one."""

from __future__ import annotations

import contextlib

import pytest
from textual.widgets import Tab

from rnnquiz.cli import main
from rnnquiz.content.demos import DEMOS
from rnnquiz.content.library import load_library
from rnnquiz.rnn.demos import DEMO_SPECS, SPECS
from rnnquiz.tui.app import create_app
from rnnquiz.tui.screens.lab import LabScreen

from ..editing import FIXTURES


def test_every_catalogued_demo_has_one_spec_with_its_model():
    assert [spec.name for spec in DEMO_SPECS] == list(DEMOS)
    assert len(SPECS) == len(DEMO_SPECS)
    for spec in DEMO_SPECS:
        assert spec.params is DEMOS[spec.name], spec.name


def test_tab_labels_are_unique_and_short():
    labels = [spec.short for spec in DEMO_SPECS]
    assert len(set(labels)) == len(labels)
    assert all(0 < len(label) <= 10 for label in labels)  # all tabs fit in 60 columns
    assert len(DEMO_SPECS) <= 9  # one number key each


def test_the_lab_has_a_number_key_for_each_demo():
    keys = {b.key: b.action for b in LabScreen.BINDINGS if b.id and b.id.startswith("lab.demo-")}
    assert keys == {str(n): f"demo({n - 1})" for n in range(1, len(DEMO_SPECS) + 1)}


async def test_the_lab_shows_a_tab_for_each_demo():
    app = create_app(load_library([FIXTURES / "mini"]), None, initial="lab")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LabScreen)
        tabs = [tab.id for tab in app.screen.query(Tab)]
        assert tabs == [f"demo-{spec.name}" for spec in DEMO_SPECS]
        await pilot.press(str(len(DEMO_SPECS)))
        await pilot.pause()
        assert app.screen.demo == DEMO_SPECS[-1].name


@pytest.mark.parametrize("argv", [["demo"], ["demo", "--help"], ["lab", "--help"]])
def test_the_cli_lists_each_demo(capsys, argv):
    with contextlib.suppress(SystemExit):  # --help exits
        main(argv)
    out = " ".join(capsys.readouterr().out.split())  # help text wraps names across lines
    for spec in DEMO_SPECS:
        assert spec.name in out, (argv, spec.name)
