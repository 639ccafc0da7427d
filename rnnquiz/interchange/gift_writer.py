"""Write quiz questions as Moodle GIFT, in a form this package's reader gives back unchanged.

Sections become `$CATEGORY:` switches, ids become `::titles::`, tags become `// [tag:...]`
comments, and Markdown fields get `[markdown]`. What GIFT cannot hold (order questions, cloze
questions with several blanks, hints, units, typo tolerance, regular expressions, flashcards) is
named in the report.
"""

from __future__ import annotations

import re

from rnnquiz.content.model import MarkdownStr, Question, Section
from rnnquiz.content.questions import kind_of
from rnnquiz.content.questions.base import QuestionBase
from rnnquiz.interchange.gift_syntax import wildcard_pattern
from rnnquiz.interchange.report import Report
from rnnquiz.interchange.selection import Selected

_SPECIAL = str.maketrans({c: "\\" + c for c in "~=#{}:"})
_AMBIGUOUS_START = re.compile(r"\s*(\[|%)")


def escape(text: str) -> str:
    """GIFT's backslash escapes; a newline becomes `\\n` so a question never spans a blank line."""
    return text.replace("\\", "\\\\").translate(_SPECIAL).replace("\r", "").replace("\n", "\\n")


class _Writer:
    """GIFT output for one section's questions, as each kind's `gift` writer uses it (`GiftOut`)."""

    def __init__(self, section: Section, report: Report) -> None:
        self.markdown_section = section.markdown
        self.report = report
        self.format = "plain"
        self.tags: list[str] = []

    def fmt(self, value: str) -> str:
        return "markdown" if isinstance(value, MarkdownStr) or self.markdown_section else "plain"

    def _text(self, value: str, *, question: bool = False) -> str:
        """Escaped text with a `[format]` prefix where it differs from the question's or could be misread."""
        fmt = self.fmt(value)
        if question:
            self.format = fmt
            needs = fmt == "markdown" or bool(_AMBIGUOUS_START.match(value))
        else:
            needs = fmt != self.format or bool(_AMBIGUOUS_START.match(value))
        prefix = f"[{fmt}]" if needs else ""
        return prefix + escape(str(value).strip())

    def text(self, value: str) -> str:
        return self._text(value)

    def title(self, question: QuestionBase) -> str:
        self.format = "plain"
        comment = " ".join(f"[tag:{t.replace(']', chr(92) + ']')}]" for t in self.tags)
        return (f"// {comment}\n" if comment else "") + f"::{question.id}::"

    def prompt(self, question: QuestionBase) -> str:
        return self.title(question) + self._text(question.prompt, question=True)

    def answers(self, question: QuestionBase, body: str) -> str:
        if body.endswith("\n") and question.explain:
            return "{" + body + f"\t####{self.text(question.explain)}\n" + "}"
        return "{" + body + self.explain(question) + "}"

    def explain(self, question: QuestionBase) -> str:
        return f"####{self.text(question.explain)}" if question.explain else ""

    def escape(self, text: str) -> str:
        return escape(text)

    def plain_prefix(self, text: str) -> str:
        return "[plain]" if _AMBIGUOUS_START.match(text) else ""

    def wildcard_pattern(self, answers: list[str]) -> str | None:
        return wildcard_pattern(answers)

    def skip(self, question: QuestionBase, why: str) -> None:
        self.report.add(0, f"question `{question.id}` not exported: {why}")

    def lost(self, question: QuestionBase, what: str) -> None:
        self.report.add(0, f"question `{question.id}`: {what} not exported (GIFT has no place for it)")


def write_gift(selection: list[Selected], report: Report) -> tuple[str, int]:
    """The GIFT text for the quiz questions of the selected sections, and how many it holds."""
    out = ["// Exported by rnnquiz. Each section is a $CATEGORY; each question title is its rnnquiz id.", ""]
    several = len(selection) > 1
    count = 0
    categorised = False  # once a category is set, only another $CATEGORY changes it
    for chosen in selection:
        course = chosen.course
        for section in chosen.sections:
            if section.flashcards:
                report.add(0, f"section `{section.section}`: {len(section.flashcards)} flashcard(s) not exported "
                           "(GIFT holds quiz questions; use `export apkg` or `export csv`)")
            written = [q for q in (_question(q, _Writer(section, report)) for q in section.quiz) if q]
            if not written:
                continue
            if section.section != course.course or several or categorised:
                path = _category_path((course.title + " / " if several else "") + section.title)
                out += [f"$CATEGORY: $course$/top/{path}", ""]
                categorised = True
            for block in written:
                out += [block, ""]
            count += len(written)
    return "\n".join(out), count


def _category_path(title: str) -> str:
    """` / ` separates nested categories (as the reader joins them); any other `/` is doubled."""
    return title.replace(" / ", "\x00").replace("/", "//").replace("\x00", "/")


def _question(question: Question, w: _Writer) -> str | None:
    """The question as GIFT, written by its kind; tags GIFT cannot hold in a comment are reported."""
    w.tags = [t for t in question.tags if not re.search(r"[<>\x00-\x1f]", t)]
    for tag in set(question.tags) - set(w.tags):
        w.lost(question, f"tag {tag!r}")
    written: str | None = kind_of(question).gift(question, w)
    return written
