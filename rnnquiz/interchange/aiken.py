"""Read Aiken multiple-choice files (Moodle's simplest quiz format).

    What carries memory in an RNN?
    A. The bias
    B) The hidden state
    ANSWER: B

A question is its text (one or more lines), two or more lettered options (`A.` or `A)`), then an
`ANSWER:` line; blank lines between questions are optional. Every question becomes a `single`
question; anything malformed is a located error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rnnquiz.interchange import imported as items
from rnnquiz.interchange.ids import IdAllocator, id_from_text
from rnnquiz.interchange.imported import Imported
from rnnquiz.interchange.report import ErrorList

_OPTION = re.compile(r"^([A-Z])[.)][ \t]+(.*\S)\s*$")
_ANSWER = re.compile(r"^ANSWER:\s*(\S*)\s*$", re.IGNORECASE)


@dataclass(slots=True)
class _Pending:
    line: int
    text: list[str] = field(default_factory=list)
    options: list[tuple[str, str, int]] = field(default_factory=list)


def parse_aiken(text: str) -> Imported:
    """All questions of an Aiken text; raises ImportFailed listing every malformed question."""
    imported = Imported()
    errors = ErrorList()
    ids = IdAllocator()
    pending: _Pending | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if pending is None:
            if answer:
                errors.add(number, "`ANSWER:` line without a question before it")
            else:
                pending = _Pending(number, [line])
            continue
        if answer:
            _finish(pending, answer.group(1).upper(), number, imported, errors, ids)
            pending = None
        elif option:
            letter = option.group(1)
            if any(letter == seen for seen, _, _ in pending.options):
                errors.add(number, f"option {letter} is given twice")
            pending.options.append((letter, option.group(2), number))
        elif pending.options:
            errors.add(number, "text after the options: expected another option (`B. ...`) or `ANSWER: X`")
        else:
            pending.text.append(line)
    if pending is not None:
        errors.add(pending.line, "this question has no `ANSWER:` line")
    errors.raise_if_any()
    return imported


def _finish(pending: _Pending, letter: str, line: int, imported: Imported, errors: ErrorList, ids: IdAllocator) -> None:
    letters = [seen for seen, _, _ in pending.options]
    if len(letters) < 2:
        errors.add(pending.line, "a question needs at least two options (`A. ...`, `B. ...`), "
                   f"this one has {len(letters)}")
        return
    if letter not in letters:
        errors.add(line, f"ANSWER {letter or '(empty)'} is not one of the options {', '.join(letters)}")
        return
    prompt = "\n".join(pending.text)
    choices = [text for _, text, _ in pending.options]
    item_id = ids.take_reported(id_from_text(prompt, *choices), imported.report, pending.line, "question")
    data = {"id": item_id, "type": "single", "prompt": prompt,
            "choices": choices, "answer": letters.index(letter)}
    question = items.question(data, imported.report, pending.line, f"question at line {pending.line}")
    if question is not None:
        imported.section(None).quiz.append(question)
