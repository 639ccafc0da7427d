"""GIFT answer blocks -> rnnquiz questions, one builder per GIFT question type.

What has no place in rnnquiz (partial-credit weights, per-answer feedback of short and numerical
answers, extra accepted numbers, distractors of matching questions, essays) goes into the report.
Missing-word short answers become cloze questions; Moodle's `*` wildcard becomes a `pattern`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from rnnquiz.content.model import Question
from rnnquiz.interchange import imported as items
from rnnquiz.interchange.gift_syntax import (
    FORMAT,
    MISSING_WORD,
    Context,
    Parts,
    percent,
    pieces,
    unescape,
    weight,
    wildcard_pattern,
)
from rnnquiz.interchange.report import Report

Builder = Callable[[Context, str], "dict[str, Any] | None"]


def to_question(parts: Parts, item_id: str, tags: list[str], report: Report) -> Question | None:
    """The question for one GIFT item, or None (reported) when it has no rnnquiz equivalent."""
    match = FORMAT.match(parts.before)
    ctx = Context(parts, {"id": item_id}, match.group(1) if match else "moodle", report, f"question `{item_id}`")
    if tags:
        ctx.base["tags"] = tags
    split = parts.answer.rfind("####")
    body = parts.answer[:split] if split >= 0 else parts.answer
    if split >= 0:
        explain = ctx.text(parts.answer[split + 4:])
        if explain:
            ctx.base["explain"] = explain
    kind = kind_of(body.strip())
    if kind == "essay":
        report.add(parts.line, f"essay question `{item_id}` not imported: rnnquiz has no essay questions "
                   "(they need a human grader)")
        return None
    data = BUILDERS[kind](ctx, body)
    return None if data is None else items.question(data, report, parts.line, ctx.what)


def kind_of(body: str) -> str:
    """Moodle's order of tests, so that an ambiguous block is read the way Moodle reads it."""
    if not body:
        return "essay"
    if body.startswith("#"):
        return "numeric"
    if "~" in body:
        return "choice"
    if "=" in body and "->" in body:
        return "match"
    if body.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
        return "true_false"
    return "short"


def _choice(ctx: Context, body: str) -> dict[str, Any] | None:
    choices, weights = [], []
    listed = pieces(body, "~=")
    for offset, marker, raw in listed:
        if not marker:
            raise ctx.fail(offset, "text before the first `~` or `=` of a multiple-choice question")
        raw, given = weight(raw)
        weights.append(given if given is not None else (100.0 if marker == "=" else 0.0))
        text_raw, _, feedback_raw = raw.partition("#")
        text = ctx.text(text_raw)
        if not text:
            raise ctx.fail(offset, "an empty choice")
        feedback = ctx.text(feedback_raw) if feedback_raw.strip() else None
        choices.append({"text": text, "feedback": feedback} if feedback else {"text": text})
    if len(choices) < 2:
        raise ctx.fail(listed[0][0] if listed else 0, "a multiple-choice question needs at least two choices")
    prompt = ctx.prompt(MISSING_WORD)
    if any(marker == "=" for _, marker, _ in listed):
        right = [i for i, w in enumerate(weights) if w >= 100]
        if len(right) != 1:
            ctx.note(f"not imported: {len(right)} choices are fully right, and an rnnquiz single-choice "
                     "question has exactly one")
            return None
        for i, w in enumerate(weights):
            if 0 < w < 100:
                ctx.note(f"partial credit {percent(w)} of choice {i + 1} not kept: it counts as wrong")
            elif w < 0:
                ctx.note(f"penalty {percent(w)} of choice {i + 1} not kept: a wrong choice scores 0")
        return {**ctx.base, "type": "single", "prompt": prompt, "choices": choices, "answer": right[0]}
    right = [i for i, w in enumerate(weights) if w > 0]
    if not right:
        ctx.note("not imported: no choice has a positive weight")
        return None
    if len({weights[i] for i in right}) > 1:
        shown = ", ".join(percent(weights[i]) for i in right)
        ctx.note(f"weights {shown} not kept: each right choice earns an equal share in rnnquiz")
    return {**ctx.base, "type": "multiple", "prompt": prompt, "choices": choices, "answer": right}


def _true_false(ctx: Context, body: str) -> dict[str, Any]:
    head, *feedback = body.strip().split("#", 2)
    wrong = ctx.plain(feedback[0]) if feedback else ""
    right = ctx.text(feedback[1]) if len(feedback) > 1 else ""
    data = {**ctx.base, "type": "true_false", "prompt": ctx.prompt(MISSING_WORD),
            "answer": head.strip() in ("T", "TRUE")}
    if right and "explain" not in data:
        data["explain"] = right
    elif right:
        ctx.note("feedback for the right answer not kept (the general feedback became `explain`)")
    if wrong:
        ctx.note(f"feedback for a wrong answer not kept: {wrong!r}")
    return data


def _short(ctx: Context, body: str) -> dict[str, Any] | None:
    full: list[str] = []
    for offset, _, raw in pieces(body, "="):
        raw, given = weight(raw)
        text_raw, _, feedback_raw = raw.partition("#")
        text = ctx.plain(text_raw)
        if not text:
            raise ctx.fail(offset, "an empty answer")
        if given is None or given >= 100:
            full.append(text)
        else:
            ctx.note(f"answer {text!r} worth {percent(given)} not kept: rnnquiz answers are right or wrong")
        if feedback_raw.strip():
            ctx.note(f"feedback for answer {text!r} not kept: {ctx.plain(feedback_raw)!r}")
    if not full:
        ctx.note("not imported: no answer is worth full credit")
        return None
    pattern = wildcard_pattern(full)
    if pattern is None:
        full = [a.replace("\\*", "*") for a in full]
        if ctx.parts.after.strip() and all(_fits_blank(a) for a in full):
            text = ctx.prompt("{{" + "|".join(full) + "}}")
            if isinstance(text, dict):
                ctx.note("Markdown of a missing-word text not kept: cloze text is plain")
                text = text["markdown"]
            return {**ctx.base, "type": "cloze", "text": text}
    data = {**ctx.base, "type": "short", "prompt": ctx.prompt(MISSING_WORD), "answer": full[0]}
    if full[1:]:
        data["accept"] = full[1:]
    if pattern is not None:
        data["pattern"] = pattern
    return data


def _fits_blank(answer: str) -> bool:
    return not any(mark in answer for mark in ("|", "{{", "}}", "::"))


def _numeric(ctx: Context, body: str) -> dict[str, Any] | None:
    body = body.strip()[1:]
    tilde = body.find("~")
    if tilde >= 0:
        other = ctx.plain(body[tilde + 1:].lstrip("#"))
        if other:
            ctx.note(f"feedback for other answers not kept: {other!r}")
        body = body[:tilde]
    found: list[dict[str, Any]] = []
    listed = pieces(body, "=")
    if not listed:
        raise ctx.fail(0, "a numerical question needs an answer after `#`")
    for offset, _, raw in listed:
        raw, given = weight(raw)
        value_raw, _, feedback_raw = raw.partition("#")
        value = unescape(value_raw).strip()
        if feedback_raw.strip():
            ctx.note(f"feedback for answer {value!r} not kept: {ctx.plain(feedback_raw)!r}")
        if value == "*":
            ctx.note("the catch-all answer `*` not kept")
            continue
        number = _number(ctx, offset, value)
        if given is not None and given < 100:
            ctx.note(f"answer {value!r} worth {percent(given)} not kept: rnnquiz answers are right or wrong")
        elif found:
            ctx.note(f"other accepted answer {value!r} not kept: an rnnquiz numeric question has one")
        else:
            found.append(number)
    if not found:
        ctx.note("not imported: no answer is worth full credit")
        return None
    return {**ctx.base, "type": "numeric", "prompt": ctx.prompt(MISSING_WORD), **found[0]}


def _number(ctx: Context, offset: int, value: str) -> dict[str, Any]:
    """`3.14:0.01` (value and tolerance), `1..5` (range) or `42`, as NumericQuestion fields."""
    if ".." in value[1:]:
        low, high = value.split("..", 1) if not value.startswith("..") else (value, "")
        numbers = _floats(ctx, offset, low, high)
        if numbers[0] > numbers[1]:
            raise ctx.fail(offset, f"range {value!r} goes from high to low")
        return {"range": list(numbers)}
    if ":" in value[1:]:
        answer, tolerance = _floats(ctx, offset, *value.split(":", 1))
        if tolerance < 0:
            raise ctx.fail(offset, f"negative tolerance in {value!r}")
        return {"answer": answer, "tolerance": tolerance} if tolerance else {"answer": answer}
    return {"answer": _floats(ctx, offset, value)[0]}


def _floats(ctx: Context, offset: int, *texts: str) -> tuple[float, ...]:
    numbers = []
    for text in texts:
        try:
            number = float(text.strip())
        except ValueError:
            raise ctx.fail(offset, f"{text.strip()!r} is not a number") from None
        if not math.isfinite(number):
            raise ctx.fail(offset, f"{text.strip()!r} is not a finite number")
        numbers.append(number)
    return tuple(numbers)


def _match(ctx: Context, body: str) -> dict[str, Any] | None:
    pairs = []
    for offset, _, raw in pieces(body, "="):
        arrow = raw.find("->")
        if arrow < 0:
            raise ctx.fail(offset, "a matching pair needs `->` between its two sides")
        left, right = ctx.text(raw[:arrow]), unescape(raw[arrow + 2:]).strip()
        if not right:
            raise ctx.fail(offset, "a matching pair has nothing after `->`")
        if not left:
            ctx.note(f"extra right-hand item {right!r} not kept: rnnquiz matching has no distractors")
            continue
        pairs.append({"left": left, "right": right})
    return {**ctx.base, "type": "match", "prompt": ctx.prompt(MISSING_WORD), "pairs": pairs}


BUILDERS: dict[str, Builder] = {
    "choice": _choice, "true_false": _true_false, "short": _short, "numeric": _numeric, "match": _match,
}
