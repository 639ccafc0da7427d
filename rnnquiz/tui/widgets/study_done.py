"""What the review screen says when no card is left: when the next one is due, leeches, cram."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from rnnquiz.study.done import DoneReport, LeechRow
from rnnquiz.tui.widgets.literal import literal


def leech_content(leeches: Sequence[LeechRow], threshold: int) -> Content:
    head = Content.styled(f"Leeches ({len(leeches)}): suspended after {threshold} lapses; reword them, "
                          "then they can come back", "bold $warning")
    rows = [
        Content.assemble(
            ("  ", ""), literal(row.unit_id, "bold"),
            (f"  {row.lapses} lapses{'' if row.suspended else ', unsuspended'}", "$text-muted"),
            ("  ", ""), literal(row.location or "(no longer in the content)", "$text-muted"),
        )
        for row in leeches
    ]
    return Content("\n").join([head, *rows])


class DoneView(VerticalScroll, can_focus=False):
    """The end of the queue; buttons mirror the keys (c, S, escape)."""

    def compose(self) -> ComposeResult:
        yield Static(id="done-headline", markup=False)
        yield Static(id="done-lines", markup=False)
        with Horizontal(id="done-buttons"):
            yield Button(Content("c Cram all cards"), id="done-cram", compact=True, action="screen.cram")
            yield Button(Content("S Statistics"), id="done-stats", compact=True, action="screen.open_stats")
            yield Button(Content("esc Back"), id="done-back", compact=True, action="app.back")
        yield Static(id="done-leeches", markup=False)

    def show(self, report: DoneReport) -> None:
        self.query_one("#done-headline", Static).update(Content.styled(report.headline, "bold"))
        lines = self.query_one("#done-lines", Static)
        lines.update(Content("\n").join([Content(line) for line in report.lines]))
        lines.display = bool(report.lines)
        cram = self.query_one("#done-cram", Button)
        cram.display = report.can_cram
        cram.label = Content(f"c {report.cram_label}")
        leeches = self.query_one("#done-leeches", Static)
        leeches.display = bool(report.leeches)
        if report.leeches:
            leeches.update(leech_content(report.leeches, report.leech_threshold))
