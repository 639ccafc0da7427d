"""The first screen: every course and its sections, with the learner's progress in each.

Drawn from the library's outline (`context.outline`), which a warm start reads from a small cache
while the full library is still loading; it never waits for the library.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from rnnquiz.content.outline import CourseOutline, SectionOutline
from rnnquiz.tui import registry
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.live_content import LibraryChanged
from rnnquiz.tui.screens.base import AppScreen
from rnnquiz.tui.widgets.literal import literal

NO_COURSES = ("No courses found. Add a folder of course files with --content DIR "
              "or RNNQUIZ_CONTENT, and check it with `rnnquiz validate`.")


def section_option(section: SectionOutline, number: int, context: AppContext) -> Option:
    """One line per section: read mark, number, title, then due cards, best quiz score and missed
    questions a quiz would bring back."""
    progress = context.progress
    read = progress.is_read(section.id)
    due = progress.due_count(section.cards)
    best = progress.best_score(section.id, section.questions) if section.questions else None
    back = progress.questions_back(section.questions) if section.questions else 0
    facts = []
    if due:
        facts.append(f"{due} due")
    if best is not None:
        facts.append(f"best {best:.0%}")
    if back:
        facts.append(f"{back} question{'s' if back > 1 else ''} back")
    prompt = Content.assemble(
        ("✓ " if read else "· ", "$success" if read else "dim"),
        (f"{number}. ", "dim"),
        literal(section.title),
        (f"  {' · '.join(facts)}" if facts else "", "$text-muted"),
    )
    return Option(prompt, id=f"section:{section.id}")


def course_heading(course: CourseOutline, context: AppContext) -> Option:
    read = sum(context.progress.is_read(s.id) for s in course.sections)
    prompt = Content.assemble(literal(course.title, "bold"), (f"  {read}/{len(course.sections)} read", "dim"))
    return Option(prompt, id=f"course:{course.id}", disabled=True)


class SectionList(OptionList):
    """The course outline; enter (or a click) opens the highlighted section."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open lesson", id="home.open")]


class HomeScreen(AppScreen):
    """Courses and sections; enter opens a lesson."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # The app binds these keys everywhere; here they are also shown in the footer.
        *(Binding(key, f"app.open({spec.name!r})", spec.title, id=f"home.open-{spec.name}")
          for key, spec in registry.keyed() if spec.name != "home"),
        Binding("z", "quiz", "Quiz", id="home.quiz"),
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]

    def __init__(self, context: AppContext, arg: str | None = None) -> None:
        super().__init__(classes="home")
        self.context = context

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="home-title", markup=False)
        # Filled here rather than on mount, so the screen is complete when Textual reports it ready.
        courses = self.context.outline.courses
        yield Static(self._summary(), id="home-summary", markup=False, classes="" if courses else "-empty")
        yield SectionList(*self._items(), id="sections")
        if self.context.preview is not None:
            from rnnquiz.tui.widgets.problems import ProblemsPanel  # only `rnnquiz preview` shows it

            yield ProblemsPanel(self.context.preview, self.context.preview_problems())
        yield Footer()

    def _title(self) -> Content:
        """`rnnquiz  <the course's own title>` (or how many courses), and whether progress is saved."""
        courses = self.context.outline.courses
        studying = courses[0].title if len(courses) == 1 else f"{len(courses)} courses" if courses else ""
        unsaved = "" if self.context.progress.persistent else "  (progress not saved)"
        return Content.assemble(("rnnquiz", "bold $accent"), "  ", literal(studying), (unsaved, "bold $warning"))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = next((i for i in range(options.option_count)
                                    if not options.get_option_at_index(i).disabled), None)
        options.focus()

    _shown = False

    def on_screen_resume(self) -> None:
        if not self._shown:  # the first showing: compose has just read the progress
            self._shown = True
            return
        self.context.progress.refresh()  # reviews and quizzes on other screens change the counts
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """Rebuild the list, keeping the highlighted section, after progress may have changed."""
        options = self.query_one(OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option else None
        courses = self.context.outline.courses
        items = self._items()
        options.clear_options()
        options.add_options(items)
        selectable = [item.id for item in items if not item.disabled]
        if selectable:
            target = highlighted if highlighted in selectable else selectable[0]
            options.highlighted = [item.id for item in items].index(target)
        summary = self.query_one("#home-summary", Static)
        summary.update(self._summary())
        summary.set_class(not courses, "-empty")  # shown even on short terminals

    def _items(self) -> list[Option]:
        items: list[Option] = []
        for course in self.context.outline.courses:
            items.append(course_heading(course, self.context))
            items += [section_option(s, n, self.context) for n, s in enumerate(course.sections, 1)]
        return items

    def on_library_changed(self, event: LibraryChanged) -> None:
        """The content was reloaded: redraw the title and the outline, keeping the highlighted section."""
        self.query_one("#home-title", Static).update(self._title())
        self.refresh_progress()

    def _summary(self) -> Content:
        courses = self.context.outline.courses
        if not courses:
            return Content(NO_COURSES)
        if len(courses) == 1 and courses[0].description:
            return literal(" ".join(courses[0].description.split()))
        total = sum(len(c.sections) for c in courses)
        return Content(f"{len(courses)} courses, {total} sections.")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def action_quiz(self) -> None:
        """Quiz on the highlighted section."""
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id and option.id.startswith("section:"):
            self.app.open_screen("quiz", option.id.removeprefix("section:"))

    def _open(self, option_id: str | None) -> None:
        if option_id and option_id.startswith("section:"):
            self.app.open_screen("learn", option_id.removeprefix("section:"))
