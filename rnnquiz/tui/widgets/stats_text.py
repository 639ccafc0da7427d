"""The statistics report as `Content`: the lines `rnnquiz stats` prints, with headings and shades coloured.

The lines hold card ids and file paths, so each is literal text; only whole-character styles
(heading labels, heatmap shades, forecast bars) are added on top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.content import Content

from rnnquiz.study.stats import BARS, SHADES
from rnnquiz.tui.widgets.literal import literal

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
