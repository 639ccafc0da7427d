"""Read Moodle GIFT quiz banks.

Follows Moodle's own reader (question/format/gift/format.php) where it is precise: a blank line
ends a question; `//` lines are comments (`[id:...]` and `[tag:...]` in them are kept);
`$CATEGORY:` switches the section; `::title::` names the question; backslash escapes `\\~ \\= \\# \\{
\\} \\: \\\\ \\n`; `[html]`, `[markdown]`, `[plain]`, `[moodle]` set a text's format. Where Moodle
silently guesses (a stray brace, a missing title end) this reader stops with a located error.
The per-type mapping to rnnquiz questions lives in `gift_questions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rnnquiz.interchange import gift_questions
from rnnquiz.interchange.gift_syntax import PRIVATE, Parts, escape_placeholders, unescape
from rnnquiz.interchange.ids import IdAllocator, id_from_text, is_id, slugify
from rnnquiz.interchange.imported import Imported
from rnnquiz.interchange.report import ErrorList, ImportFailed, Located

_ID_TOKEN = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]")
_TAG_TOKEN = re.compile(r"\[tag:((?:\\\]|[^\]<>\x00-\x1f])+)\]")


@dataclass(slots=True)
class Block:
    """The lines of one question (or category switch) with escapes replaced, and where it starts."""

    first_line: int
    text: str
    comments: list[str] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, offset)


def parse_gift(text: str) -> Imported:
    """All questions of a GIFT text; raises ImportFailed listing every malformed question."""
    imported = Imported()
    errors = ErrorList()
    ids = IdAllocator()
    category: str | None = None
    for block in _blocks(text, errors):
        body = block.text
        start = len(body) - len(body.lstrip())
        if body.startswith("$CATEGORY:", start):
            end = body.find("\n", start)
            end = len(body) if end < 0 else end
            category = category_title(unescape(body[start + len("$CATEGORY:"):end]))
            rest = body[end:]
            if not rest.strip():
                continue
            block = Block(block.first_line, body[:start] + " " * (end - start) + rest, block.comments)
        try:
            _question(block, imported, category, ids)
        except ImportFailed as failed:
            errors.errors += failed.errors
    errors.raise_if_any()
    return imported


def _blocks(text: str, errors: ErrorList) -> list[Block]:
    """Blank-line separated blocks; comment lines stay as empty lines so line numbers hold."""
    blocks: list[Block] = []
    lines: list[str] = []
    comments: list[str] = []
    first = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            if lines and any(line.strip() for line in lines):
                blocks.append(Block(first, "\n".join(lines), comments))
            lines, comments = [], []
            continue
        if not lines:
            first = number
        if raw.strip().startswith("//"):
            comments.append(raw.strip()[2:])
            lines.append("")
            continue
        bad = PRIVATE.search(raw)
        if bad:
            errors.add(number, f"private-use character U+{ord(bad.group()):04X} is not supported in GIFT text")
        lines.append(escape_placeholders(raw))
    if lines and any(line.strip() for line in lines):
        blocks.append(Block(first, "\n".join(lines), comments))
    return blocks


def category_title(path: str) -> str | None:
    """`$course$/top/Unit 1/Gradients` -> `Unit 1 / Gradients`; `//` is a literal slash."""
    parts = [p.replace("\x00", "/").strip() for p in path.replace("//", "\x00").split("/")]
    while parts and re.fullmatch(r"\$\w+\$|", parts[0]):
        parts.pop(0)
    if parts and parts[0] == "top":
        parts.pop(0)
    parts = [p for p in parts if p]
    return " / ".join(parts) or None


def _question(block: Block, imported: Imported, category: str | None, ids: IdAllocator) -> None:
    text = block.text
    pos = len(text) - len(text.lstrip())
    title = None
    if text.startswith("::", pos):
        end = text.find("::", pos + 2)
        if end < 0:
            raise ImportFailed([_at(block, pos, "the `::` that starts a question title is never closed")])
        title = unescape(text[pos + 2:end]).strip()
        pos = end + 2
    opening, closing = text.find("{", pos), text.find("}", pos)
    line = block.line_at(pos + len(text[pos:]) - len(text[pos:].lstrip()))
    report = imported.report
    if opening < 0 and closing < 0:
        report.add(line, f"description {_name(title, text[pos:])} not imported: it has no answer block "
                   "and rnnquiz has no text-only quiz items")
        return
    if closing < 0:
        raise ImportFailed([_at(block, opening, "`{` is never closed before the blank line that ends the "
                                "question (write a literal brace as \\{)")])
    if opening < 0 or closing < opening:
        raise ImportFailed([_at(block, closing, "`}` without an opening `{` (write a literal brace as \\})")])
    extra = re.search(r"[{}]", text[closing + 1:])
    if extra:
        raise ImportFailed([_at(block, closing + 1 + extra.start(), "a second answer block: a GIFT question has "
                                "one `{...}` (write literal braces as \\{ and \\})")])
    parts = Parts(
        before=text[pos:opening], answer=text[opening + 1:closing], after=text[closing + 1:],
        answer_line=lambda offset: block.line_at(opening + 1 + offset), line=line,
    )
    tags, given_id = _comment_tokens(block.comments)
    item_id = ids.take_reported(_question_id(given_id, title, parts), report, line, "question")
    question = gift_questions.to_question(parts, item_id, tags, report)
    if question is not None:
        imported.section(category).quiz.append(question)


def _question_id(given: str | None, title: str | None, parts: Parts) -> str:
    for name in (given, title):
        if name:
            if is_id(name):
                return name
            if slugify(name):
                return slugify(name)
    return id_from_text(unescape(parts.before + parts.after), unescape(parts.answer))


def _comment_tokens(comments: list[str]) -> tuple[list[str], str | None]:
    joined = "\n".join(comments)
    found = _ID_TOKEN.search(joined)
    given = found.group(1).replace("\\]", "]").strip() if found else None
    tags = [t.replace("\\]", "]").strip() for t in _TAG_TOKEN.findall(joined)]
    return [t for t in tags if t], given


def _name(title: str | None, text: str) -> str:
    return f"`{title}`" if title else repr(" ".join(unescape(text).split())[:40])


def _at(block: Block, offset: int, message: str) -> Located:
    return Located(block.line_at(offset), message)
