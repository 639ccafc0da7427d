"""Short labelled notes: key concepts, examples, memory aids and a section's glossary terms.

One small widget serves all four parts, so they look alike and are all rendered literally.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from rnnquiz.content.model import Example, GlossaryTerm, MemoryAid
from rnnquiz.tui.widgets.literal import literal, prose

AID_LABELS = {"rhyme": "Rhyme", "story": "Story", "acronym": "Acronym", "mnemonic": "Mnemonic"}


class Note(Vertical):
    """A label (ours or the author's) above a text (the author's)."""

    def __init__(self, label: str | Content | None, text: str, *, markdown: bool = False,
                 footer: str | None = None, classes: str = "") -> None:
        super().__init__(classes=f"note {classes}".strip())
        self.label = label
        self.text = text
        self.markdown = markdown
        self.footer = footer

    def compose(self) -> ComposeResult:
        if self.label is not None:
            label = self.label if isinstance(self.label, Content) else literal(self.label)
            yield Static(label, classes="note-label", markup=False)
        yield prose(self.text, markdown=self.markdown, classes="note-text")
        if self.footer:
            yield Static(literal(self.footer), classes="note-footer", markup=False)


class NoteList(VerticalScroll, can_focus=True):
    """A scrolling list of notes (or any widgets), or a line saying there are none."""

    def __init__(self, notes: Iterable[Widget], *, empty: str = "Nothing here yet.", id: str | None = None) -> None:
        super().__init__(id=id, classes="note-list")
        self.notes = list(notes)
        self.empty = empty

    def compose(self) -> ComposeResult:
        yield from self.notes or [Static(Content(self.empty), classes="empty")]


def concept_notes(concepts: list[str], markdown: bool) -> list[Note]:
    return [Note(f"{number}.", text, markdown=markdown, classes="concept") for number, text in
            enumerate(concepts, 1)]


def example_notes(examples: list[Example], markdown: bool) -> list[Note]:
    return [Note(example.title or f"Example {number}", example.text, markdown=markdown, classes="example")
            for number, example in enumerate(examples, 1)]


def aid_notes(aids: list[MemoryAid], markdown: bool) -> list[Note]:
    return [Note(Content.styled(AID_LABELS[aid.kind], "bold"), aid.text, markdown=markdown,
                 classes=f"aid -{aid.kind}") for aid in aids]


def term_notes(terms: list[GlossaryTerm], markdown: bool) -> list[Note]:
    notes = []
    for term in terms:
        label = term.term + (f" ({', '.join(term.aliases)})" if term.aliases else "")
        footer = f"See also: {', '.join(term.see_also)}" if term.see_also else None
        notes.append(Note(label, term.definition, markdown=markdown, footer=footer, classes="term"))
    return notes
