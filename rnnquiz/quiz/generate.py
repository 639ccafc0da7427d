"""Quiz questions made from a course's glossary: term -> definition and definition -> term.

Ids are stable (`gen-<course>-<slug(term)>-def` / `-term`), so a missed generated question keeps
its review history and is found again among the regenerated questions when it falls due.

Fair and worth answering: a "which term" prompt never shows its answer (a definition that names
its own term has the name blanked out), and wrong choices are the terms or definitions most like
the right one, from the same section first, so the question tests the difference, not the
obvious.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz

from rnnquiz.content.model import GlossaryTerm, MarkdownStr
from rnnquiz.content.questions.single import SingleQuestion

DISTRACTORS = 3
"""Wrong choices per generated question, when the glossary has enough terms."""

SHORTLIST = DISTRACTORS + 2
"""Distractors are drawn from this many of the most similar candidates, so seeds still vary them."""

BLANK = "____"

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


def _pick(rng: random.Random, right: str, candidates: list[tuple[str, str, bool]]) -> list[str]:
    """Up to DISTRACTORS texts that differ from the right one and from each other.

    `candidates` are (text, what to compare, same section). The same section's come first; each
    group is ranked by rapidfuzz's token set ratio to the right answer, and the pick is a seeded
    sample of the SHORTLIST best, so seeds still vary it.
    """
    seen = {_key(right)}
    same: list[tuple[float, str]] = []
    other: list[tuple[float, str]] = []
    for text, compared, same_section in candidates:
        if _key(text) not in seen:
            seen.add(_key(text))
            (same if same_section else other).append((-fuzz.token_set_ratio(_key(compared), _key(right)), text))
    same.sort(key=lambda entry: entry[0])  # stable: ties keep the glossary's order
    other.sort(key=lambda entry: entry[0])
    if len(same) >= DISTRACTORS:
        shortlist = [text for _, text in same[:SHORTLIST]]
        return rng.sample(shortlist, DISTRACTORS)
    filler = [text for _, text in other[:SHORTLIST - len(same)]]
    return [text for _, text in same] + rng.sample(filler, min(DISTRACTORS - len(same), len(filler)))


def names_of(term: GlossaryTerm) -> list[str]:
    """The ways a definition may name its term: the term, its parts around a parenthesis
    (`Recurrent Neural Network (RNN)`), and its aliases; longest first."""
    names = {term.term, *term.aliases}
    outside, _, inside = term.term.partition("(")
    names |= {outside, inside.rstrip(")")}
    return sorted((n.strip() for n in names if len(n.strip()) >= 2), key=len, reverse=True)


def blank_out(text: str, names: Sequence[str]) -> str:
    """`text` with every whole-word use of `names` (and their plurals) replaced by a blank."""
    if not names:
        return text
    alternatives = "|".join(re.escape(name) for name in names)
    return re.sub(rf"(?<!\w)(?:{alternatives})(?:s|es)?(?!\w)", BLANK, text, flags=re.IGNORECASE)


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
        here = {_key(t.term) for t in terms}
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
                candidates = [(t.definition, t.definition, _key(t.term) in here) for t in others]
                wrong = _pick(rng, term.definition, candidates)
                prompt = f"What does “{term.term}” mean?"
                right = term.definition
            else:
                # Terms are compared by their definitions: `Forget gate` is like `Input gate` in meaning.
                candidates = [(t.term, t.definition, _key(t.term) in here) for t in others]
                wrong = _pick(rng, term.definition, candidates)
                wrong = [w for w in wrong if _key(w) != _key(term.term)]
                asked = blank_out(term.definition, names_of(term))
                prompt = (
                    {"markdown": f"Which term is defined as:\n\n{asked}"}
                    if isinstance(term.definition, MarkdownStr)
                    else f"Which term is defined as: {asked}"
                )
                right = term.term
            if wrong and all(q.id != qid for q in questions):  # `Hidden state`, `hidden-state`: one slug
                questions.append(_question(qid, prompt, right, wrong, rng, explain))
    return questions

