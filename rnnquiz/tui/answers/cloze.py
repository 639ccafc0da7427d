"""`cloze` on screen: one field per blank; the feedback names each blank filled wrong."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from rnnquiz.content.questions.cloze import ClozeQuestion
from rnnquiz.quiz.grading import Grade
from rnnquiz.quiz.presented import QuizItem
from rnnquiz.tui.answers.spec import AnswerKind, reveal_grade, right_answer_line
from rnnquiz.tui.widgets.literal import literal
from rnnquiz.tui.widgets.text_answer import ClozeAnswer


def widget(item: QuizItem, id: str) -> Widget:
    return ClozeAnswer(item.question.text, item.question.blanks, id=id)


def part_lines(grade: Grade) -> list[Content]:
    """One line per blank filled wrong: what was given and what was right."""
    lines = []
    for part in grade.parts:
        if not part.correct:
            given = part.given.strip() if part.given else ""
            lines.append(Content.assemble(("✗ ", "$error"), (f"{part.label}: ", "bold"),
                                          literal(f"“{given}”" if given else "(empty)"), ("; right: ", "dim"),
                                          literal(part.expected or "")))
    return lines


KIND = AnswerKind(
    model=ClozeQuestion,
    how_to_answer="Fill each blank; enter goes to the next, and submits from the last.",
    widget=widget,
    reveal=reveal_grade,
    right_answer_lines=right_answer_line,
    part_lines=part_lines,
    label_choice_feedback=False,
)
