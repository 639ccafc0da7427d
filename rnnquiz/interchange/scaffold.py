"""`rnnquiz new`: commented starter files that validate exactly as generated.

The section starter shows every part of a lesson and every card and question type once, with a
comment on what each is for, so an author learns the format by editing a working file.
"""

from __future__ import annotations

import json

from rnnquiz.content.questions import QUESTION_KINDS
from rnnquiz.interchange.build import MODELINE

SCHEMA_FILE = "rnnquiz-schema.json"
MAX_SECTION_ID = 60
"""Starter item ids are `<section>-<suffix>`; ids may be 80 characters long."""


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def course_yaml(course_id: str, title: str, first_section: str) -> str:
    return f"""{MODELINE}
# A course file: the course's id and title, and its sections in study order.
# Each section is a file beside this one. Check everything with:  rnnquiz validate .
course: {course_id}            # unique id: lowercase letters, digits, '.', '_' and '-'
title: {quoted(title)}
description: "One or two sentences about the course."
# author: Your Name
# version: "1.0"
# license: CC-BY-4.0
language: en
sections:                      # section ids in study order; `rnnquiz new section ID` adds one
  - {first_section}
"""


_SECTION = """@MODELINE@
# A section: one lesson. Every part below is optional except `section:` and `title:`.
# Text is shown exactly as written (h[t-1] stays h[t-1]); write {markdown: "..."} to opt a field
# into Markdown, or `markdown: true` below for the whole section.
section: @SID@               # unique id; the course lists its sections by this id
title: @TITLE@

dialogue:                      # the "audio lesson": a teacher-student conversation, line by line
  - teacher: What do you already know about this topic?
  - student: A little. Where do we start?
    name: Asha                 # optional, to tell several students apart

summary:                       # the lesson at three depths
  basic: A few sentences for a first look.
  medium: The main ideas with a little more detail.
  detailed: The full picture.

deep_dive:                     # points explained in depth, each made concrete by an analogy
  - point: The first idea
    explanation: What it means and why it matters.
    analogy: A real-life picture that makes it stick.

key_concepts:
  - One idea to take away.

examples:
  - title: A worked example
    text: The example itself.

memory_aids:                   # kind: rhyme | story | acronym | mnemonic
  - {kind: mnemonic, text: "A short phrase that helps remember."}

glossary:
  - term: Example Term
    definition: What the term means.
    aliases: [ET]

# Flashcards are reviewed with spaced repetition. Progress is kept by `id`: reword a card freely,
# but keep its id (change the id and the card starts afresh).
flashcards:
  - id: @SID@-basic
    front: A question?
    back: Its answer.
  - id: @SID@-reversible        # also asked back-to-front
    type: reversible
    front: Term
    back: Definition
  - id: @SID@-cloze             # one card per {{blank}}; {{answer::hint}} shows a hint
    type: cloze
    text: "A cloze card hides {{each blank::a hint}} in {{turn}}."
  - id: @SID@-type-in           # the learner types the back
    type: type_in
    front: "2 + 2 = ?"
    back: "4"

# Quiz questions; `type:` is one of @QUESTION_TYPES@.
quiz:
@QUIZ@
# Live demos (hidden-state | gradient-decay | memory-task | clipping | next-char):
# demos:
#   - demo: gradient-decay
#     params: {cell: rnn, rho: 0.9, steps: 40}
#     caption: Watch the gradient norm fall with the lag.
"""


def section_yaml(section_id: str, title: str) -> str:
    return (_SECTION.replace("@MODELINE@", MODELINE).replace("@QUESTION_TYPES@", ", ".join(QUESTION_KINDS))
            .replace("@QUIZ@", "".join(kind.starter for kind in QUESTION_KINDS.values()))
            .replace("@SID@", section_id).replace("@TITLE@", quoted(title)))


def title_from_id(item_id: str) -> str:
    """`rnn-basics` -> `Rnn basics`: a readable default until the author writes a real title."""
    words = item_id.replace("_", " ").replace("-", " ").replace(".", " ").split()
    return " ".join(words).capitalize() if words else item_id


def add_section_ref(text: str, section_id: str) -> str | None:
    """The course file's text with `section_id` appended to its `sections:` list, comments kept.

    Edits the text rather than re-dumping the YAML, so the author's comments and layout survive.
    None when there is no course document with a `sections:` list to extend.
    """
    import yaml
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    try:
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    for document in documents:
        if not isinstance(document, MappingNode):
            continue
        keys = {k.value: v for k, v in document.value if isinstance(k, ScalarNode)}
        sections = keys.get("sections")
        if "course" not in keys or not isinstance(sections, SequenceNode):
            continue
        if sections.flow_style:
            close = sections.end_mark.index - 1
            if text[close] != "]":
                return None
            separator = ", " if sections.value else ""
            return text[:close] + separator + section_id + text[close:]
        if not sections.value:
            return None
        first, last = sections.value[0], sections.value[-1]
        line_start = text.rfind("\n", 0, first.start_mark.index) + 1
        dash = text.rfind("-", line_start, first.start_mark.index)
        if dash < 0:
            return None
        indent = text[line_start:dash]
        end = last.end_mark.index
        insert_at = end if last.end_mark.column == 0 else text.find("\n", end) + 1 or len(text)
        prefix = "" if text[:insert_at].endswith("\n") else "\n"
        return text[:insert_at] + f"{prefix}{indent}- {section_id}\n" + text[insert_at:]
    return None
