"""The section summary at the depth the learner picks: Basic, Medium or Detailed."""

from __future__ import annotations

from typing import Literal, get_args

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Tab, Tabs

from rnnquiz.content.model import Summary
from rnnquiz.tui.widgets.literal import prose

Level = Literal["basic", "medium", "detailed"]
LEVELS: tuple[Level, ...] = get_args(Level)


class SummaryView(Vertical):
    """Three tabs over one text; `level` says which is shown (keys b, m, d on the lesson screen)."""

    level: reactive[Level] = reactive("basic", init=False)

    def __init__(self, summary: Summary, *, markdown: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, classes="summary")
        self.summary = summary
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        tabs = Tabs(*(Tab(level.capitalize(), id=f"level-{level}") for level in LEVELS), classes="summary-levels")
        tabs.can_focus = False  # arrows keep switching lesson parts; b/m/d and clicks pick the level
        yield tabs
        with VerticalScroll(classes="summary-body"):
            yield prose(self.summary.basic, markdown=self.markdown, classes="summary-text")

    @property
    def text(self) -> str:
        text: str = getattr(self.summary, self.level)
        return text

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab.id:
            self.level = event.tab.id.removeprefix("level-")  # type: ignore[assignment]

    def watch_level(self, level: Level) -> None:
        self.query_one(Tabs).active = f"level-{level}"
        body = self.query_one(".summary-body", VerticalScroll)
        body.remove_children()
        body.mount(prose(self.text, markdown=self.markdown, classes="summary-text"))
        body.scroll_home(animate=False)
