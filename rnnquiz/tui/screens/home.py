"""The first screen: every course and its sections, with the learner's progress in each."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from rnnquiz.content.library import LoadedCourse
from rnnquiz.content.model import Section
from rnnquiz.tui import registry
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.widgets.literal import literal

NO_COURSES = ("No courses found. Add a folder of course files with --content DIR "
              "or RNNQUIZ_CONTENT, and check it with `rnnquiz validate`.")


def section_option(section: Section, number: int, context: AppContext) -> Option:
    """One line per section: read mark, number, title, then due cards and best quiz score."""
    progress = context.progress
    read = progress.is_read(section.section)
    due = progress.due_count(card.id for card in section.flashcards)
    best = progress.best_score(section.section, (q.id for q in section.quiz)) if section.quiz else None
    facts = []
    if due:
        facts.append(f"{due} due")
    if best is not None:
        facts.append(f"best {best:.0%}")
    prompt = Content.assemble(
        ("✓ " if read else "· ", "$success" if read else "dim"),
        (f"{number}. ", "dim"),
        literal(section.title),
        (f"  {' · '.join(facts)}" if facts else "", "$text-muted"),
    )
    return Option(prompt, id=f"section:{section.section}")


def course_heading(course: LoadedCourse, context: AppContext) -> Option:
    read = sum(context.progress.is_read(s.section) for s in course.sections)
    prompt = Content.assemble(literal(course.title, "bold"), (f"  {read}/{len(course.sections)} read", "dim"))
    return Option(prompt, id=f"course:{course.id}", disabled=True)


class SectionList(OptionList):
    """The course outline; enter (or a click) opens the highlighted section."""

    BINDINGS = [Binding("enter", "select", "Open lesson", id="home.open")]


class HomeScreen(Screen[None]):
    """Courses and sections; enter opens a lesson."""

    BINDINGS = [
        # The app binds these keys everywhere; here they are also shown in the footer.
        *(Binding(spec.key, f"app.open({spec.name!r})", spec.title, id=f"home.open-{spec.name}")
          for spec in registry.keyed() if spec.name != "home" and spec.built),
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]

    def __init__(self, context: AppContext, arg: str | None = None) -> None:
        super().__init__(classes="home")
        self.context = context

    def compose(self) -> ComposeResult:
        unsaved = "" if self.context.progress.persistent else "  (progress not saved)"
        yield Static(Content.assemble(("rnnquiz", "bold $accent"), "  study recurrent neural networks",
                                      (unsaved, "bold $warning")), id="home-title", markup=False)
        yield Static(id="home-summary", markup=False)
        yield SectionList(id="sections")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_progress()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self.context.progress.refresh()  # reviews and quizzes on other screens change the counts
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """Rebuild the list, keeping the highlighted section, after progress may have changed."""
        options = self.query_one(OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option else None
        courses = self.context.library.courses
        items: list[Option] = []
        for course in courses:
            items.append(course_heading(course, self.context))
            items += [section_option(s, n, self.context) for n, s in enumerate(course.sections, 1)]
        options.clear_options()
        options.add_options(items)
        selectable = [item.id for item in items if not item.disabled]
        if selectable:
            target = highlighted if highlighted in selectable else selectable[0]
            options.highlighted = [item.id for item in items].index(target)
        summary = self.query_one("#home-summary", Static)
        summary.update(self._summary())
        summary.set_class(not courses, "-empty")  # shown even on short terminals

    def _summary(self) -> Content:
        courses = self.context.library.courses
        if not courses:
            return Content(NO_COURSES)
        if len(courses) == 1 and courses[0].course.description:
            return literal(" ".join(courses[0].course.description.split()))
        total = sum(len(c.sections) for c in courses)
        return Content(f"{len(courses)} courses, {total} sections.")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def _open(self, option_id: str | None) -> None:
        if option_id and option_id.startswith("section:"):
            self.app.open_screen("learn", option_id.removeprefix("section:"))  # type: ignore[attr-defined]
