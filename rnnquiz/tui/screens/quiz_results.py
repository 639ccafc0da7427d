"""The end of a quiz: the score, every question reviewed, and "retry the ones I missed"."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Static

from rnnquiz.quiz.kinds import response_text
from rnnquiz.quiz.options import QuizOptions
from rnnquiz.quiz.session import QuizResult, QuizSession, Review
from rnnquiz.tui.context import AppContext
from rnnquiz.tui.screens.base import AppScreen
from rnnquiz.tui.widgets.literal import literal, prose
from rnnquiz.tui.widgets.quiz_feedback import choice_feedback, part_lines, right_answer_lines, verdict


def summary_line(result: QuizResult) -> Content:
    missed = len(result.missed)
    return Content.assemble(
        ("Score ", "bold"), (f"{result.score:.0%}", "bold $accent"),
        f"  ·  {result.correct} of {result.total} right",
        (f"  ·  {missed} to retry" if missed else "  ·  nothing missed", "$warning" if missed else "$success"),
    )


class ReviewEntry(Vertical):
    """One question of the review: verdict, prompt, the learner's answer and the right one, why."""

    def __init__(self, number: int, review: Review) -> None:
        grade = review.grade
        super().__init__(classes="review-entry" + (" -right" if grade.correct else " -wrong"))
        self.number = number
        self.review = review

    def compose(self) -> ComposeResult:
        review, grade = self.review, self.review.grade
        question = review.item.question
        yield Static(Content.assemble((f"{self.number}. ", "bold"), verdict(grade)), classes="review-head",
                     markup=False)
        yield prose(question.prompt, classes="review-prompt")
        yield Static(Content.assemble(("Your answer: ", "bold"), literal(response_text(question, review.response))),
                     classes="review-given", markup=False)
        if not grade.correct:
            for line in right_answer_lines(grade, question):
                yield Static(line, classes="review-right", markup=False)
        if grade.message and review.response is not None:  # unanswered: `Your answer: no answer` says it
            yield Static(literal(grade.message, "italic"), classes="review-message", markup=False)
        for line in part_lines(grade):
            yield Static(line, classes="review-part", markup=False)
        for label, text in choice_feedback(grade):  # after an exam, the first time the learner sees it
            if label is not None:
                yield Static(label, classes="review-choice-label", markup=False)
            yield prose(text, classes="review-choice")
        if grade.explanation and not grade.correct:
            yield prose(grade.explanation, classes="review-explanation")


class QuizResultsScreen(AppScreen):
    """Score and review; r retries the missed questions, escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry missed", id="quiz.results.retry"),
        Binding("escape", "done", "Done", id="quiz.results.done"),
    ]

    def __init__(self, context: AppContext, session: QuizSession, result: QuizResult, options: QuizOptions,
                 *, title: Content | None = None, retry: bool = False) -> None:
        super().__init__(classes="quiz-results")
        self.context = context
        self.session = session
        self.result = result
        self.options = options
        self.title_content = title or Content("Quiz")
        self.retry = retry

    def compose(self) -> ComposeResult:
        result = self.result
        yield Static(self.title_content, id="results-title", markup=False)
        yield Static(summary_line(result), id="results-summary", markup=False)
        with Horizontal(id="results-buttons"):
            if result.missed:
                yield Button(f"Retry the {len(result.missed)} missed (r)", id="retry", compact=True,
                             variant="primary")
            yield Button("Done (esc)", id="done", compact=True)
        with VerticalScroll(id="results-review"):
            for number, review in enumerate(result.reviews, 1):
                yield ReviewEntry(number, review)
            if not self.retry:
                yield Static(Content.styled(f"rnnquiz quiz --seed {self.session.seed} asks these questions again in "
                                            "this order.", "dim"), id="results-seed", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#results-review").focus()  # arrows and page keys scroll the review

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.result.missed)
        return True

    def action_retry(self) -> None:
        from rnnquiz.tui.screens.quiz import QuizScreen

        if not self.result.missed:
            return
        retry = QuizScreen(self.context, self.options.to_arg(), session=self.session.retry_missed(), retry=True)
        self.app.switch_screen(retry)

    def action_done(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#retry")
    def _retry_pressed(self) -> None:
        self.action_retry()

    @on(Button.Pressed, "#done")
    def _done_pressed(self) -> None:
        self.action_done()
