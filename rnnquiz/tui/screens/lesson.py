"""A section as a lesson: every part of the source page, one tab each.

The screen only wires widgets to the section and to progress; each part is its own widget.
Finishing the dialogue (or opening a section that has none) marks the section read. When the
course files are saved while it is open, it redraws the new version where the learner was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane

from rnnquiz.content.model import Section
from rnnquiz.content.text import safe_text
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.live_content import LibraryChanged
from rnnquiz.tui.place import restore_place, save_place
from rnnquiz.tui.read_aloud import ReadAloud
from rnnquiz.tui.widgets.deep_dive import DeepDiveView, spoken_text
from rnnquiz.tui.widgets.demo_card import DemoCard, asking_view, demo_widget
from rnnquiz.tui.widgets.dialogue import DialogueView
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.notes import NoteList, aid_notes, concept_notes, example_notes, term_notes
from rnnquiz.tui.widgets.problems import ProblemsPanel
from rnnquiz.tui.widgets.summary import SummaryView


def _summary(s: Section) -> Widget:
    assert s.summary is not None  # a part's tab is built only when the section has that part
    return SummaryView(s.summary, markdown=s.markdown)


PARTS: list[tuple[str, str, str, Callable[[Section], Widget]]] = [
    ("dialogue", "Dialogue", "dialogue", lambda s: DialogueView(s.dialogue, markdown=s.markdown)),
    ("summary", "Summary", "summary", _summary),
    ("deep_dive", "Deep dive", "deep-dive", lambda s: DeepDiveView(s.deep_dive, markdown=s.markdown)),
    ("key_concepts", "Concepts", "concepts", lambda s: NoteList(concept_notes(s.key_concepts, s.markdown))),
    ("examples", "Examples", "examples", lambda s: NoteList(example_notes(s.examples, s.markdown))),
    ("memory_aids", "Memory", "memory", lambda s: NoteList(aid_notes(s.memory_aids, s.markdown))),
    ("glossary", "Glossary", "glossary", lambda s: NoteList(term_notes(s.glossary, s.markdown))),
    ("demos", "Demos", "demos",
     lambda s: NoteList([demo_widget(ref, s.section, i) for i, ref in enumerate(s.demos)])),
]
"""The lesson's tabs, in order (keys 1-8): the section field, the tab title, its pane id, its widget.
A section shows only the parts it has."""


class LessonScreen(ReadAloud):
    """One section, part by part."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back", id="lesson.back"),
        Binding("space,enter", "next_line", "Next line", id="lesson.next-line"),
        Binding("a", "reveal_all", "All lines", show=False, id="lesson.all-lines"),
        Binding("left", "part(-1)", "Previous part", show=False, id="lesson.previous-part"),
        Binding("right", "part(1)", "Next part", show=False, id="lesson.next-part"),
        # No description: the help screen lists these eight as one row.
        *(Binding(str(n), f"part_number({n})", "", show=False, id=f"lesson.part-{n}") for n in range(1, 9)),
        Binding("b", "summary('basic')", "Basic/Medium/Detailed", key_display="b m d", id="lesson.summary-basic"),
        Binding("m", "summary('medium')", "", show=False, id="lesson.summary-medium"),
        Binding("d", "summary('detailed')", "", show=False, id="lesson.summary-detailed"),
        Binding("l", "read_aloud", "Read aloud", id="lesson.read-aloud"),
        Binding("s", "stop_reading", "Stop reading", id="lesson.stop-reading"),
        Binding("o", "open_demo", "Open in lab", id="lesson.open-demo"),
        # Demos part: answer the demo's prediction question (the one holding the focus, else the first).
        Binding("a", "answer_demo(0)", "Predict", key_display="a-c", id="lesson.demo-choose-a"),
        Binding("b", "answer_demo(1)", "", show=False, id="lesson.demo-choose-b"),
        Binding("c", "answer_demo(2)", "", show=False, id="lesson.demo-choose-c"),
        Binding("s", "answer_demo(-1)", "Skip", id="lesson.demo-skip"),
        Binding("z", "practise('quiz')", "Quiz", id="lesson.quiz"),
        Binding("f", "practise('study')", "Cards", id="lesson.cards"),
        Binding("n", "goto(1)", "Next section", id="lesson.next-section"),
        Binding("p", "goto(-1)", "Prev section", show=False, id="lesson.previous-section"),
        Binding("r", "mark_read", "Mark read", show=False, id="lesson.mark-read"),
    ]

    def __init__(self, context: AppContext, arg: str | None = None) -> None:
        section = context.library.section(arg or "")
        if section is None:
            raise LookupError(f"no section {arg!r}")
        super().__init__(classes="lesson")
        self.context = context
        self.section: Section = section
        self.screen_name, self.screen_arg = "learn", section.section

    def compose(self) -> ComposeResult:
        s = self.section
        yield Static(self._title(), id="lesson-title", markup=False)
        with TabbedContent(id="parts"):
            parts = [(title, pane_id, build) for field, title, pane_id, build in PARTS if getattr(s, field)]
            for title, pane_id, build in parts:
                with TabPane(title, id=pane_id):
                    yield build(s)
            if not parts:
                with TabPane("Empty", id="empty"):
                    yield Static(Content("This section has no content yet."), classes="empty")
        if self.context.preview is not None:
            yield ProblemsPanel(self.context.preview, self.context.preview_problems())
        yield Footer()

    def on_mount(self) -> None:
        self._lead_on()
        if not self.section.dialogue:
            self._mark_read()
        self._focus_part()

    def _lead_on(self) -> None:
        """The end of the dialogue leads into practice: this section's questions and cards, then on."""
        section = self.section
        steps = []
        if section.quiz:
            steps.append(f"z to check yourself ({len(section.quiz)} question{'' if len(section.quiz) == 1 else 's'})")
        if section.flashcards:
            steps.append(f"f for its {len(section.flashcards)} card{'' if len(section.flashcards) == 1 else 's'}")
        course = self.context.library.course_of_section(section.section)
        if course and course.sections and course.sections[-1].section != section.section:
            steps.append("n for the next section")
        for view in self.query(DialogueView):
            view.lead_on = ("Next: " + ", ".join(steps) + ".") if steps else ""
            view.refresh_status()

    async def on_library_changed(self, event: LibraryChanged) -> None:
        """The course files were reloaded: show the new version of this section, keeping the place."""
        section = self.context.library.section(self.section.section)
        if section is None:
            self.notify("This section is no longer in the course files; this is the version read before.",
                        severity="warning", markup=False)
            return
        self.query_one("#lesson-title", Static).update(self._title_of(section))
        if section == self.section:
            return
        place = save_place(self)
        self.section = section
        await self.recompose()
        if self.query(TabbedContent):  # absent when the app closed meanwhile
            self._lead_on()
            restore_place(self, place)
            self._focus_part()

    # --- parts -------------------------------------------------------------------------------

    @property
    def part(self) -> str:
        return self.query_one(TabbedContent).active

    def _panes(self) -> list[str]:
        return [pane.id or "" for pane in self.query(TabPane)]

    def action_part(self, step: int) -> None:
        panes = self._panes()
        index = panes.index(self.part) if self.part in panes else 0
        self.query_one(TabbedContent).active = panes[(index + step) % len(panes)]
        self._focus_part()

    def action_part_number(self, number: int) -> None:
        panes = self._panes()
        if number <= len(panes):
            self.query_one(TabbedContent).active = panes[number - 1]
            self._focus_part()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()  # the footer shows the keys of the part in view
        self._focus_part()

    def _focus_part(self) -> None:
        """Focus the active part's main widget, so arrows and page keys scroll it."""
        pane = self.query_one(TabbedContent).active_pane
        target = next((w for w in pane.query("*") if w.focusable), None) if pane is not None else None
        if target is not None:
            self.call_after_refresh(target.focus)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ("next_line", "reveal_all"):
            return self.part == "dialogue" and not self.query_one(DialogueView).finished
        if action == "read_aloud":
            return self.part in ("dialogue", "summary", "deep-dive")
        if action == "stop_reading":
            return self.speaking
        if action == "open_demo":
            return self.part == "demos"
        if action == "answer_demo":
            view = asking_view(list(self.query(DemoCard)), self.focused) if self.part == "demos" else None
            return view is not None and view.check_action("choose", parameters)
        if action == "summary":
            return self.part == "summary"  # also keeps b/m/d out of the footer elsewhere
        if action == "practise":  # a section without questions or cards has nothing to open
            return bool(self.section.quiz if parameters == ("quiz",) else self.section.flashcards)
        return True

    def action_next_line(self) -> None:
        self.query_one(DialogueView).next_line()

    def action_reveal_all(self) -> None:
        self.query_one(DialogueView).reveal_all()

    def action_summary(self, level: str) -> None:
        self.query_one(SummaryView).level = level  # type: ignore[assignment]

    def on_dialogue_view_finished(self) -> None:
        self._mark_read()
        self.refresh_bindings()

    # --- progress and navigation ----------------------------------------------------------------

    def action_mark_read(self) -> None:
        if not self._mark_read():
            self.notify("Already marked as read.")

    def _mark_read(self) -> bool:
        if not self.context.progress.mark_read(self.section.section):
            return False
        self.query_one("#lesson-title", Static).update(self._title())
        self.notify(f"Marked as read: {safe_text(self.section.title)}", markup=False)
        return True

    def _title(self) -> Content:
        return self._title_of(self.section)

    def _title_of(self, section: Section) -> Content:
        course = self.context.library.course_of_section(section.section)
        ids = [s.section for s in course.sections] if course else [section.section]
        read = self.context.progress.is_read(section.section)
        return Content.assemble(
            literal(course.title if course else ""), (" › ", "dim"), literal(section.title, "bold"),
            (f"  {ids.index(section.section) + 1}/{len(ids)}", "dim"), ("  ✓ read" if read else "", "$success"),
        )

    def action_goto(self, step: int) -> None:
        course = self.context.library.course_of_section(self.section.section)
        ids = [s.section for s in course.sections] if course else []
        index = ids.index(self.section.section) + step if ids else -1
        if not 0 <= index < len(ids):
            self.notify("This is the last section." if step > 0 else "This is the first section.")
            return
        self.app.switch_screen(LessonScreen(self.context, ids[index]))

    @on(DemoCard.OpenRequested)
    def _open_demo(self, event: DemoCard.OpenRequested) -> None:
        self.app.open_screen("lab", event.target)

    def action_answer_demo(self, index: int) -> None:
        if view := asking_view(list(self.query(DemoCard)), self.focused):
            view.action_choose(index)

    def action_practise(self, screen: str) -> None:
        """This section's quiz (`z`) or flashcards (`f`), not the whole course's."""
        self.app.open_screen(screen, self.section.section)

    def action_open_demo(self) -> None:
        """Open the demo holding the focus (its button), else the first one."""
        cards = list(self.query(DemoCard))
        focused = self.focused
        card = next((c for c in cards if focused is not None and focused in c.walk_children()), None)
        if card or cards:
            (card or cards[0]).open()

    # --- reading aloud (keys and worker in ReadAloud) ------------------------------------------

    NOTHING_TO_READ = "Read aloud works on the dialogue, the summary and the deep dive."

    def speakable(self) -> tuple[str, str] | None:
        if self.part == "dialogue" and (line := self.query_one(DialogueView).current) is not None:
            return line.text, line.role
        if self.part == "deep-dive" and (item := self.query_one(DeepDiveView).current) is not None:
            return spoken_text(item), "narrator"
        if self.part == "summary":
            return self.query_one(SummaryView).text, "narrator"
        return None
