"""The three numbers of the review screen: new, learning and review cards left today."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from rnnquiz.study.queue import QueueCounts

COLOURS = {"new": "$primary", "learning": "$error", "review": "$success"}


def counts_content(counts: QueueCounts | None, *, cram: bool = False, current: str | None = None) -> Content:
    """`12 new  3 learning  40 review`, the queue of the card on screen underlined; cram says so."""
    if counts is None:
        return Content("")
    if cram:
        return Content.assemble(("Cram", "bold $warning"), (f" · {counts.total} left · schedules unchanged",
                                                           "$text-muted"))
    pieces: list[tuple[str, str]] = []
    for name, number in (("new", counts.new), ("learning", counts.learning), ("review", counts.review)):
        style = COLOURS[name] + (" bold underline" if name == current else "")
        pieces += [(f"{number} {name}", style), ("  ", "")]
    return Content.assemble(*pieces[:-1])


class QueueCountsLabel(Static):
    """Shows `counts_content`."""

    DEFAULT_CSS = """
    QueueCountsLabel { width: auto; height: 1; }
    """

    def show(self, counts: QueueCounts | None, *, cram: bool = False, current: str | None = None) -> None:
        self.update(counts_content(counts, cram=cram, current=current))
