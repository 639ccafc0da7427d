"""Quiz questions made from a course's glossary: term -> definition and definition -> term.

Ids are stable (`gen-<course>-<slug(term)>-def` / `-term`), so a missed generated question keeps
its review history and is found again among the regenerated questions when it falls due.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from rnnquiz.content.model import GlossaryTerm, MarkdownStr
from rnnquiz.content.questions.single import SingleQuestion

DISTRACTORS = 3
"""Wrong choices per generated question, when the glossary has enough terms."""

GENERATED_PREFIX = "gen-"
_MAX_ID = 80  # the content model's id limit


def slug(text: str) -> str:
    """Lowercase ASCII words joined by `-`; empty when nothing ASCII is left (e.g. `σ`)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def generated_id(course_id: str, term: str, direction: str) -> str:
    """`gen-<course>-<slug>-<direction>`, kept valid: a short hash stands in when the slug is empty
    or the id would be too long, so every term still gets its own stable id."""
    tail = f"-{direction}"
    head = f"{GENERATED_PREFIX}{course_id}-"
    name = slug(term)
    if not name or len(head) + len(name) + len(tail) > _MAX_ID:
        digest = hashlib.sha1(term.encode()).hexdigest()[:8]
        room = max(0, _MAX_ID - len(head) - len(tail) - len(digest) - 1)
        name = f"{name[:room].strip('-')}-{digest}".lstrip("-")
    return f"{head}{name}{tail}"


def _text(value: str) -> Any:
    """Author text as model input; Markdown stays Markdown (pydantic would turn a bare
    MarkdownStr into a plain str)."""
    return {"markdown": str(value)} if isinstance(value, MarkdownStr) else value


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _distinct(terms: Sequence[GlossaryTerm]) -> list[GlossaryTerm]:
    """One term per name: a course that defines a term twice must not offer it twice."""
    seen: set[str] = set()
    kept = []
    for term in terms:
        if _key(term.term) not in seen:
            seen.add(_key(term.term))
            kept.append(term)
    return kept


def _question(
    qid: str, prompt: Any, right: str, wrong: list[str], rng: random.Random, explain: Any
) -> SingleQuestion:
    choices = [*wrong]
    answer = rng.randrange(len(choices) + 1)
    choices.insert(answer, right)
    return SingleQuestion.model_validate(
        {
            "id": qid,
            "type": "single",
            "prompt": prompt,
            "choices": [{"text": _text(c)} for c in choices],
            "answer": answer,
            "explain": explain,
            "tags": ["generated"],
        }
    )


def _pick(rng: random.Random, right: str, candidates: list[str]) -> list[str]:
    """Up to DISTRACTORS texts that differ from the right one and from each other."""
    seen = {_key(right)}
    pool = []
    for text in candidates:
        if _key(text) not in seen:
            seen.add(_key(text))
            pool.append(text)
    return rng.sample(pool, min(DISTRACTORS, len(pool)))


def generate_questions(
    course_id: str,
    terms: Sequence[GlossaryTerm],
    pool: Sequence[GlossaryTerm] | None = None,
    *,
    seed: int | str | None = None,
    directions: Sequence[str] = ("def", "term"),
) -> list[SingleQuestion]:
    """Two single-choice questions per term of `terms`, distractors drawn from `pool`.

    `pool` is the whole course's glossary (default: `terms`), so a section quiz still gets
    distractors from its course. Nothing is generated when the pool has fewer than 2 distinct
    terms. Each question has its own RNG seeded by (`seed`, id), so its choices do not change
    when other terms are added or removed.
    """
    pool_terms = _distinct(pool if pool is not None else terms)
    if len(pool_terms) < 2:
        return []
    questions: list[SingleQuestion] = []
    for term in _distinct(terms):
        others = [t for t in pool_terms if _key(t.term) != _key(term.term)]
        explain: str | dict[str, str]  # a Text field as an author writes it: text, or `{markdown: ...}`
        if isinstance(term.definition, MarkdownStr):
            explain = {"markdown": f"{term.term}: {term.definition}"}
        else:
            explain = f"{term.term}: {term.definition}"
        for direction in directions:
            qid = generated_id(course_id, term.term, direction)
            rng = random.Random(f"{seed}:{qid}")
            prompt: str | dict[str, str]
            if direction == "def":
                wrong = _pick(rng, term.definition, [t.definition for t in others])
                prompt = f"What does “{term.term}” mean?"
                right = term.definition
            else:
                wrong = _pick(rng, term.term, [t.term for t in others])
                prompt = (
                    {"markdown": f"Which term is defined as:\n\n{term.definition}"}
                    if isinstance(term.definition, MarkdownStr)
                    else f"Which term is defined as: {term.definition}"
                )
                right = term.term
            if wrong and all(q.id != qid for q in questions):  # `Hidden state`, `hidden-state`: one slug
                questions.append(_question(qid, prompt, right, wrong, rng, explain))
    return questions

