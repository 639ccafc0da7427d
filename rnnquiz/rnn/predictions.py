"""Predict before you look: a question per demo, worded from its parameters, judged by the run itself.

The question and its choices depend only on the parameters, so they can be asked before anything
runs. Which choice is right is read off the seeded run's own numbers (each spec's `outcome`), never
assumed from theory, so the reveal is true for every parameter the learner can set: at rho = 1.5 a
tanh RNN's gradient usually still vanishes, and the lab says so. Pure: no Textual, no drawing.
"""

from __future__ import annotations

from rnnquiz.content.demos import DemoParams
from rnnquiz.rnn.demos import spec_of
from rnnquiz.rnn.demos.spec import Outcome as Outcome
from rnnquiz.rnn.demos.spec import Question as Question


def question(name: str, params: DemoParams) -> Question:
    """The prediction question for demo `name` at these parameters."""
    return spec_of(name).question(params)


def outcome(name: str, params: DemoParams, frame: object) -> Outcome:
    """The right choice and the reveal, read from the finished run (its last frame)."""
    return spec_of(name).outcome(params, frame)


def verdict(q: Question, o: Outcome, chosen: int | None) -> str:
    """How the learner's prediction fared, in one line (empty if they skipped it)."""
    if chosen is None or not 0 <= chosen < len(q.choices):
        return ""
    if chosen == o.answer:
        return f"Right: {q.choices[chosen]}."
    return f"Not this time: you said \"{q.choices[chosen]}\"; the run shows \"{q.choices[o.answer]}\"."
