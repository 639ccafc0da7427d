"""Building a quiz from the library: a course, a section or everything, due questions first."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rnnquiz.quiz.presented import QuizItem, present
from rnnquiz.quiz.session import QuizSession, concrete_seed

if TYPE_CHECKING:
    from rnnquiz.study.store import Store


class QuizScopeError(ValueError):
    """The quiz cannot be built: unknown section or course, or nothing to ask. The message is for the learner."""


def build_session(
    library: Any,
    scope: str | None = None,
    *,
    seed: int | None = None,
    exam: bool = False,
    generated: bool = False,
    due_ids: Sequence[str] = (),
    store: Store | None = None,
    now: datetime | None = None,
    limit: int | None = None,
    shuffle: bool = True,
) -> QuizSession:
    """The quiz for a course id, a section id, or (None) every course of the library.

    `generated` mixes in glossary questions. Questions that spaced repetition brings back (the
    `store`'s questions due at `now`, or `due_ids` given directly) come first when they are inside
    the scope, most urgent first; the rest follow in seeded random order. `limit` caps the length.
    Raises QuizScopeError for an unknown scope or an empty quiz.
    """
    from rnnquiz.quiz.generate import generate_questions

    seed = concrete_seed(seed)
    if store is not None:
        due_ids = [*due_ids, *store.due_items("question", now=now)]
    entries: list[QuizItem] = []
    for course, sections in _resolve(library, scope):
        pool = library.glossary(course.id)
        for section in sections:
            where = {"section_id": section.section, "course_id": course.id}
            entries += [present(q, seed, **where) for q in section.quiz]
            if generated or due_ids:
                made = generate_questions(course.id, section.glossary, pool, seed=seed)
                entries += [present(q, seed, generated=True, **where) for q in made]
    by_id: dict[str, QuizItem] = {}
    for item in entries:
        by_id.setdefault(item.id, item)
    due_set = set(due_ids)
    due = [replace(by_id[qid], due=True) for qid in dict.fromkeys(due_ids) if qid in by_id]
    rest = [item for item in by_id.values() if item.id not in due_set and (generated or not item.generated)]
    if shuffle:
        random.Random(seed).shuffle(rest)
    items = (due + rest)[:limit]  # a limit of None keeps them all
    if not items:
        named = f"`{scope}`" if scope else "the library"
        hint = "" if generated else " (try --generated to ask about its glossary)"
        raise QuizScopeError(f"{named} has no quiz questions{hint}")
    return QuizSession(items, seed, exam)


def _resolve(library: Any, scope: str | None) -> list[tuple[Any, list[Any]]]:
    """(course, sections) pairs for a scope; a course id wins over a section id of the same name."""
    if scope is None:
        return [(course, list(course.sections)) for course in library.courses]
    course = library.course(scope)
    if course is not None:
        return [(course, list(course.sections))]
    section = library.section(scope)
    if section is not None:
        return [(library.course_of_section(scope), [section])]
    from rnnquiz.content.errors import close_match

    names = [c.id for c in library.courses] + [s.section for c in library.courses for s in c.sections]
    guess = close_match(scope, names)
    raise QuizScopeError(f"no course or section `{scope}`" + (f"; did you mean `{guess}`?" if guess else ""))
