"""The statistics report as `Content`: the lines `rnnquiz stats` prints, with headings and shades coloured.

The lines hold card ids and file paths, so each is literal text; only whole-character styles
(heading labels, heatmap shades, forecast bars) are added on top. On screen the report is cut into
blocks: prose wraps to the width, while the heatmap and the forecast keep their columns (and scroll
sideways on a terminal too narrow for them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.containers import ScrollableContainer
from textual.content import Content
from textual.widgets import Static

from rnnquiz.study.stats import BARS, SHADES
from rnnquiz.tui.widgets.literal import literal

CHART_HEADINGS = ("Reviews, last", "Due, next")
"""Headings followed, up to the next blank line, by a chart whose columns must line up."""
HEADING = re.compile(r"^(Reviews, last|Due, next|True retention|Cards|Streak|Leeches)[^:]*:")
SHADE_STYLE, BAR_STYLE, HEADING_STYLE = "$success", "$accent", "bold"


def styled_line(line: str) -> Content:
    """One report line: the heading label in bold, shade and bar characters coloured."""
    content = literal(line)
    match = HEADING.match(line)
    if match:
        content = content.stylize(HEADING_STYLE, 0, match.end())
    for index, char in enumerate(line):
        if char in SHADES:
            content = content.stylize(SHADE_STYLE, index, index + 1)
        elif char in BARS:
            content = content.stylize(BAR_STYLE, index, index + 1)
    return content


def report_content(lines: Sequence[str], flagged: int = 0) -> Content:
    """The whole report; a last line counts the cards flagged for their author."""
    rows = [styled_line(line) for line in lines]
    if flagged:
        rows.append(Content.assemble(("Flagged for the author: ", HEADING_STYLE),
                                     f"{flagged} card{'s' if flagged != 1 else ''} (`rnnquiz stats --flagged`"
                                     " lists them with file:line)"))
    return Content("\n").join(rows)


def report_blocks(lines: Sequence[str], flagged: int = 0) -> list[tuple[Content, bool]]:
    """The report as `(content, is_chart)` blocks: prose may wrap, a chart must not."""
    blocks: list[tuple[list[str], bool]] = []
    in_chart = False
    for line in lines:
        chart = in_chart and bool(line)
        if not blocks or blocks[-1][1] != chart:
            blocks.append(([], chart))
        blocks[-1][0].append(line)
        in_chart = line.startswith(CHART_HEADINGS) or chart
    result = [(report_content(block), chart) for block, chart in blocks]
    if flagged:
        tail = report_content([], flagged)
        if result and not result[-1][1]:
            result[-1] = (Content("\n").join([result[-1][0], tail]), False)
        else:
            result.append((tail, False))
    return result


class StatsReport(ScrollableContainer):
    """The report on screen, scrolling both ways: prose blocks wrap to the visible width, chart
    blocks keep their width (a chart wider than the terminal scrolls sideways, columns aligned)."""

    DEFAULT_CSS = """
    StatsReport { height: 1fr; }
    StatsReport > .stats-prose { width: 1fr; height: auto; }
    StatsReport > .stats-chart { width: auto; height: auto; text-wrap: nowrap; }
    """

    def show_text(self, text: Content) -> None:
        """A single message (loading, an error) instead of the report."""
        self._replace([(text, False)])

    def show_report(self, lines: Sequence[str], flagged: int = 0) -> None:
        self._replace(report_blocks(lines, flagged))

    def _replace(self, blocks: list[tuple[Content, bool]]) -> None:
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(
                Static(content, markup=False, classes="stats-chart" if chart else "stats-prose")
                for content, chart in blocks
            )
