"""A quiz, one question at a time: answer, see the feedback (or, in an exam, move on), and at the
end the results screen.

The screen only wires widgets to `rnnquiz.quiz.session.QuizSession`. In immediate mode each answer
is saved as soon as it is graded, so quitting loses at most the answer being typed; an exam is
saved when it is finished.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, ProgressBar, Static

from rnnquiz.quiz.build import QuizScopeError, build_session
from rnnquiz.quiz.options import QuizOptions
from rnnquiz.quiz.session import QuizSession
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.screens.base import AppScreen
from rnnquiz.tui.screens.quiz_leave import LeaveExam
from rnnquiz.tui.widgets.answer_rows import SubmitRequested
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.quiz_question import QuestionView


def scope_title(context: AppContext, scope: str | None) -> Content:
    """`Course › Section`, the course, or `All courses`: what the quiz is about."""
    library = context.library
    if scope is None:
        return Content("All courses")
    course = library.course(scope)
    if course is not None:
        return literal(course.title, "bold")
    section, course = library.section(scope), library.course_of_section(scope)
    return Content.assemble(literal(course.title if course else ""), (" › ", "dim"),
                            literal(section.title if section else scope, "bold"))


TINY_HEIGHT = 16
"""Below this many rows the how-to-answer line is hidden, so the question and its choices fit together."""


class QuizScreen(AppScreen):
    """One question at a time, with a progress bar; enter submits, then enter goes on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Submit", id="quiz.submit"),
        Binding("enter", "next", "Next", id="quiz.next"),
        # Priority: the question's scroll area binds page keys too; they reach it while skipping is off.
        Binding("pagedown", "skip", "Skip", key_display="PgDn", priority=True, id="quiz.skip"),
        Binding("pageup", "back", "Back", key_display="PgUp", priority=True, id="quiz.back"),
        # Shown in the footer in an exam only: there the grades wait for it.
        Binding("ctrl+f", "finish(True)", "Finish", id="quiz.finish"),
        Binding("ctrl+f", "finish(False)", "", show=False, id="quiz.finish-hidden"),
        Binding("escape", "leave", "Leave", id="quiz.leave"),
    ]

    def __init__(self, context: AppContext, arg: str | None = None, *, session: QuizSession | None = None,
                 retry: bool = False) -> None:
        super().__init__(classes="quiz")
        self.context = context
        self.options = QuizOptions.from_arg(arg)
        if session is None:
            try:
                session = build_session(context.library, self.options.scope, seed=self.options.seed,
                                        exam=self.options.exam, generated=self.options.generated,
                                        due_ids=context.progress.due_questions(), limit=self.options.limit)
            except QuizScopeError as error:
                raise LookupError(str(error)) from None  # the app shows it as a notice
        self.session = session
        self.retry = retry
        self.given: dict[str, Any] = {}
        self.saved = False
        """Whether the last save of the answers reached the store."""
        """The learner's answers as shown on screen (displayed indices), to show them again."""
        self.screen_name, self.screen_arg = "quiz", arg

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="quiz-title", markup=False)
        with Horizontal(id="quiz-status"):
            yield ProgressBar(total=len(self.session), show_eta=False, show_percentage=False, id="quiz-progress")
            yield Static(id="quiz-count", markup=False)
        yield VerticalScroll(id="quiz-body", can_focus=False)
        with Horizontal(id="quiz-buttons"):
            yield Button("Submit", id="quiz-go", compact=True, variant="primary")
            yield Button("Skip", id="quiz-skip", compact=True)
        yield Footer()

    def _title(self) -> Content:
        mode = "  exam" if self.session.exam else ""
        again = "  retry" if self.retry else ""
        return Content.assemble(("Quiz ", "bold $accent"), scope_title(self.context, self.options.scope),
                                (mode + again, "bold $warning"))

    async def on_mount(self) -> None:
        await self.show_question()
        back = sum(item.due for item in self.session.items)
        if back and not self.retry:
            self.notify(f"{back} question{'s' if back > 1 else ''} you missed before "
                        f"{'are' if back > 1 else 'is'} back for review: they come first.", timeout=4, markup=False)

    # --- state ---------------------------------------------------------------------------------

    @property
    def view(self) -> QuestionView:
        return self.query_one(QuestionView)

    @property
    def showing_feedback(self) -> bool:
        """Immediate mode, and the question on screen is graded."""
        item = self.session.current
        return item is not None and not self.session.exam and self.session.grade_of(item.id) is not None

    @property
    def last_open(self) -> bool:
        """The question on screen is the only one not answered yet."""
        item = self.session.current
        return item is not None and item.id not in self.given and all(
            i.id in self.given for i in self.session.items if i.id != item.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted or self.session.current is None:
            return action == "leave"
        if action == "submit":
            return not self.showing_feedback
        if action == "next":
            return self.showing_feedback
        if action == "skip":
            return not self.showing_feedback
        if action == "back":
            return self.session.position > 0
        if action == "finish":  # the footer shows it in an exam, and on the last question left open
            return parameters == (self.session.exam or self.last_open,)
        return True

    async def show_question(self) -> None:
        """Put the current question on screen, with its answer and feedback if it has them."""
        item = self.session.current
        if item is None:
            return
        body = self.query_one("#quiz-body", VerticalScroll)
        await body.remove_children()
        view = QuestionView(item, self.session.position + 1, len(self.session))
        await body.mount(view)
        if item.id in self.given:
            view.answer.restore(self.given[item.id])
        grade = None if self.session.exam else self.session.grade_of(item.id)
        if grade is not None:
            await self._show_feedback(grade)
        else:
            # Not scrolled to the answer: on a short terminal that would push the question out of sight.
            view.answer.focus(scroll_visible=False)
            body.scroll_home(animate=False)
            self.call_after_refresh(self._frame_question, view)
        self._update_status()

    def _frame_question(self, view: QuestionView) -> None:
        """Scroll so the prompt shows from its first line, with as much of the answer below it as fits.

        Runs after a refresh, by when a quick PgDn may have replaced `view`: then there is nothing to do.
        """
        prompts = view.query(".question-prompt")
        if not view.is_attached or not prompts or self.showing_feedback:
            return
        body = self.query_one("#quiz-body", VerticalScroll)
        origin = body.content_region.y - round(body.scroll_y)
        prompt_top = prompts.first().region.y - origin
        answer_bottom = view.answer.region.bottom - origin
        body.scroll_to(y=max(0, min(prompt_top, answer_bottom - body.content_region.height)), animate=False,
                       immediate=True)

    def on_resize(self) -> None:
        self.set_class(self.size.height < TINY_HEIGHT, "-tiny")  # the screen's own: keys are in the footer

    def _update_status(self) -> None:
        answered = self.session.answered
        self.query_one(ProgressBar).update(total=len(self.session), progress=answered)
        count = f"{answered}/{len(self.session)} answered"
        if not self.session.exam and answered:
            right = sum(bool((g := self.session.grade_of(i.id)) and g.correct) for i in self.session.items)
            count += f" · {right} right"
        self.query_one("#quiz-count", Static).update(Content(count))
        go = self.query_one("#quiz-go", Button)
        go.label = "Next" if self.showing_feedback else "Submit"
        self.query_one("#quiz-skip", Button).display = not self.showing_feedback
        self.refresh_bindings()

    async def _show_feedback(self, grade: Any) -> None:
        feedback = self.view.show_feedback(grade)
        body = self.query_one("#quiz-body", VerticalScroll)
        body.can_focus = True  # arrows scroll a long explanation; enter goes on
        body.focus()
        self.call_after_refresh(feedback.scroll_visible, animate=False, top=False)

    # --- actions -------------------------------------------------------------------------------

    @on(SubmitRequested)
    async def _submit_requested(self) -> None:
        await self.action_submit()

    async def action_submit(self) -> None:
        item = self.session.current
        if item is None or self.showing_feedback:
            return
        response = self.view.answer.response()
        if response is None:
            self.notify("Give an answer first (PgDn skips the question).", timeout=3)
            return
        if problem := item.problem(response):  # `not a number`: a slip to fix, not a wrong answer
            self.notify(problem, severity="warning", markup=False, timeout=4)
            return
        self.given[item.id] = response
        grade = self.session.answer(item.id, response)
        if grade is None:  # exam: the grade waits for the end
            await self._go_on()
            return
        self.saved = self.context.progress.save_quiz(self.session)
        await self._show_feedback(grade)
        self._update_status()

    async def action_next(self) -> None:
        await self._go_on()

    async def action_skip(self) -> None:
        if self.last_open:  # skipping would only show this question again
            self.notify("This is the last question left: answer it, or ctrl+f finishes the quiz "
                        "(it counts as missed).", timeout=5)
            return
        await self._go_on()

    async def _go_on(self) -> None:
        """To the next question not answered yet (wrapping round); the end when there is none."""
        n, here = len(self.session), self.session.position
        following = [(here + step) % n for step in range(1, n + 1)]
        open_ = [i for i in following if self.session.items[i].id not in self.given]
        if not open_:
            await self.action_finish()
            return
        self.session.position = open_[0]
        self.query_one("#quiz-body").can_focus = False
        await self.show_question()

    async def action_back(self) -> None:
        if self.session.position > 0:
            self.session.back()
            self.query_one("#quiz-body").can_focus = False
            await self.show_question()

    async def action_finish(self, _: bool = True) -> None:
        from rnnquiz.tui.screens.quiz_results import QuizResultsScreen

        result = self.session.finish()
        self.context.progress.save_quiz(self.session)
        self.app.switch_screen(QuizResultsScreen(self.context, self.session, result, self.options,
                                                 title=self._title(), retry=self.retry))

    def action_leave(self) -> None:
        if self.session.exam and self.given and not self.session.finished:
            self.app.push_screen(LeaveExam(len(self.given)), self._left_exam)
            return
        if self.given and not self.session.exam and self.saved:  # a failed save has had its own notice
            self.notify(f"{len(self.given)} answer(s) saved.", timeout=3, markup=False)
        self.app.pop_screen()

    async def _left_exam(self, choice: str | None) -> None:
        if choice == "finish":
            await self.action_finish()
        elif choice == "leave":
            self.app.pop_screen()

    @on(Button.Pressed, "#quiz-go")
    async def _go_pressed(self) -> None:
        await (self.action_next() if self.showing_feedback else self.action_submit())

    @on(Button.Pressed, "#quiz-skip")
    async def _skip_pressed(self) -> None:
        await self.action_skip()
