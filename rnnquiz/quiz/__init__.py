"""Quizzes: grading of every question kind, quiz sessions, and questions made from the glossary.

Pure logic: nothing here imports Textual or does I/O beyond what a caller hands in (a store).
"""

from rnnquiz.quiz.build import QuizScopeError, build_session
from rnnquiz.quiz.grading import Grade, Part, grade, normalise, parse_number
from rnnquiz.quiz.presented import QuizItem, present
from rnnquiz.quiz.session import QuizResult, QuizSession, Review

__all__ = [
    "Grade",
    "Part",
    "QuizItem",
    "QuizResult",
    "QuizScopeError",
    "QuizSession",
    "Review",
    "build_session",
    "grade",
    "normalise",
    "parse_number",
    "present",
]
