"""Write quiz questions as Moodle GIFT, in a form this package's reader gives back unchanged.

Sections become `$CATEGORY:` switches, ids become `::titles::`, tags become `// [tag:...]`
comments, and Markdown fields get `[markdown]`. What GIFT cannot hold (order questions, cloze
questions with several blanks, hints, units, typo tolerance, regular expressions, flashcards) is
named in the report.
"""

from __future__ import annotations

import re

from rnnquiz.content.model import (
    BLANK,
    ClozeQuestion,
    MarkdownStr,
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    Question,
    Section,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    parse_blanks,
)
from rnnquiz.interchange.gift_syntax import wildcard_pattern
from rnnquiz.interchange.report import Report
from rnnquiz.interchange.selection import Selected

_SPECIAL = str.maketrans({c: "\\" + c for c in "~=#{}:"})
_AMBIGUOUS_START = re.compile(r"\s*(\[|%)")
_DEFAULT_CLOZE_PROMPT = ClozeQuestion.model_fields["prompt"].default


def escape(text: str) -> str:
    """GIFT's backslash escapes; a newline becomes `\\n` so a question never spans a blank line."""
    return text.replace("\\", "\\\\").translate(_SPECIAL).replace("\r", "").replace("\n", "\\n")


class _Writer:
    def __init__(self, section: Section, report: Report) -> None:
        self.markdown_section = section.markdown
        self.report = report
        self.format = "plain"

    def fmt(self, value: str) -> str:
        return "markdown" if isinstance(value, MarkdownStr) or self.markdown_section else "plain"

    def text(self, value: str, *, question: bool = False) -> str:
        """Escaped text with a `[format]` prefix where it differs from the question's or could be misread."""
        fmt = self.fmt(value)
        if question:
            self.format = fmt
            needs = fmt == "markdown" or bool(_AMBIGUOUS_START.match(value))
        else:
            needs = fmt != self.format or bool(_AMBIGUOUS_START.match(value))
        prefix = f"[{fmt}]" if needs else ""
        return prefix + escape(str(value).strip())

    def skip(self, question: Question, why: str) -> None:
        self.report.add(0, f"question `{question.id}` not exported: {why}")

    def lost(self, question: Question, what: str) -> None:
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
    tags = [t for t in question.tags if not re.search(r"[<>\x00-\x1f]", t)]
    for tag in set(question.tags) - set(tags):
        w.lost(question, f"tag {tag!r}")
    if isinstance(question, ClozeQuestion):
        return _cloze(question, w, tags)
    head = _head(question, tags) + w.text(question.prompt, question=True)
    body = _answer_block(question, w)
    if body is None:
        return None
    return head + "{" + body + _explain(question, w, body.endswith("\n")) + "}"


def _head(question: Question, tags: list[str]) -> str:
    comment = " ".join(f"[tag:{t.replace(']', chr(92) + ']')}]" for t in tags)
    return (f"// {comment}\n" if comment else "") + f"::{question.id}::"


def _explain(question: Question, w: _Writer, on_own_line: bool = False) -> str:
    if not question.explain:
        return ""
    return f"\t####{w.text(question.explain)}\n" if on_own_line else f"####{w.text(question.explain)}"


def _answer_block(question: Question, w: _Writer) -> str | None:
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return "\n" + "".join(f"\t{mark}{w.text(c.text)}" + (f"#{w.text(c.feedback)}" if c.feedback else "") + "\n"
                              for mark, c in zip(_marks(question), question.choices))
    if isinstance(question, TrueFalseQuestion):
        return "TRUE" if question.answer else "FALSE"
    if isinstance(question, ShortQuestion):
        if any("->" in a for a in (question.answer, *question.accept)):
            w.skip(question, "an answer contains `->`, which GIFT reads as a matching pair")
            return None
        return _short(question, w)
    if isinstance(question, NumericQuestion):
        if question.unit:
            w.lost(question, f"unit {question.unit!r}")
        if question.range is not None:
            return f"#{_number(question.range[0])}..{_number(question.range[1])}"
        tolerance = f":{_number(question.tolerance)}" if question.tolerance else ""
        return f"#{_number(question.answer or 0.0)}{tolerance}"
    if isinstance(question, MatchQuestion):
        if any("->" in p.left for p in question.pairs):
            w.skip(question, "a left-hand item contains `->`, which GIFT reads as the pair separator")
            return None
        for pair in question.pairs:
            if isinstance(pair.right, MarkdownStr):
                w.lost(question, f"Markdown of right-hand item {str(pair.right)!r}")
        return "\n" + "".join(f"\t={w.text(p.left)} -> {escape(p.right)}\n" for p in question.pairs)
    w.skip(question, f"GIFT has no {question.type} questions")
    return None


def _marks(question: SingleQuestion | MultipleQuestion) -> list[str]:
    if isinstance(question, SingleQuestion):
        return ["=" if i == question.answer else "~" for i in range(len(question.choices))]
    right = set(question.answer)
    wrong = len(question.choices) - len(right)
    plus, minus = _weight(100 / len(right)), _weight(100 / wrong) if wrong else "0"
    return [f"~%{plus}%" if i in right else f"~%-{minus}%" for i in range(len(question.choices))]


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _number(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _short(question: ShortQuestion, w: _Writer) -> str:
    answers = [question.answer, *question.accept]
    wildcard = wildcard_pattern(answers)
    if question.pattern is not None and question.pattern == wildcard:
        written = answers  # the pattern came from Moodle `*` wildcards and comes back from them
    else:
        written = [a.replace("*", "\\*") for a in answers]
        if question.pattern is not None:
            w.lost(question, f"pattern {question.pattern!r}")
    if question.min_similarity is not None:
        w.lost(question, "typo tolerance (min_similarity)")
    if question.case_sensitive:
        w.lost(question, "case-sensitive comparison")
    return "".join(f"={'[plain]' if _AMBIGUOUS_START.match(a) else ''}{escape(a)} " for a in written).rstrip()


def _cloze(question: ClozeQuestion, w: _Writer, tags: list[str]) -> str | None:
    blanks = parse_blanks(question.text)
    if len(blanks) != 1:
        w.skip(question, f"a GIFT missing-word question has one blank, this cloze has {len(blanks)}")
        return None
    match = next(BLANK.finditer(question.text))
    before, after = question.text[: match.start()], question.text[match.end():]
    if blanks[0].hint:
        w.lost(question, f"hint {blanks[0].hint!r}")
    if question.prompt != _DEFAULT_CLOZE_PROMPT:
        w.lost(question, f"instruction {str(question.prompt)!r}")
    if question.case_sensitive:
        w.lost(question, "case-sensitive comparison")
    if not after.strip():
        w.lost(question, "the blank at the very end (GIFT reads it as a short-answer question)")
    w.format = "plain"
    prefix = "[plain]" if _AMBIGUOUS_START.match(before) else ""
    answers = " ".join(f"={escape(a)}" for a in blanks[0].answers)
    return (_head(question, tags) + prefix + escape(before.lstrip()) + "{" + answers + _explain(question, w) + "}"
            + escape(after.rstrip()))
