"""The course format. These pydantic models *are* the YAML an author writes.

Attribute docstrings become the JSON Schema descriptions authors see in their editor
(`rnnquiz schema`), so they are written for authors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, create_model, model_validator
from pydantic_core import PydanticCustomError

from rnnquiz.content.demos import DEMOS, DemoParams
from rnnquiz.content.fields import BLANK as BLANK
from rnnquiz.content.fields import ID_PATTERN as ID_PATTERN
from rnnquiz.content.fields import Blank as Blank
from rnnquiz.content.fields import Id, NonEmptyText, Strict, Text, check_cloze
from rnnquiz.content.fields import MarkdownStr as MarkdownStr
from rnnquiz.content.fields import parse_blanks as parse_blanks
from rnnquiz.content.questions import QUESTION_KINDS
from rnnquiz.content.questions.base import QuestionBase

# --- the parts of a section --------------------------------------------------------------------


class DialogueLine(Strict):
    """One line of the teacher-student conversation: write `teacher:` or `student:` and the words."""

    teacher: Text | None = None
    """Words spoken by the teacher."""
    student: Text | None = None
    """Words spoken by a student."""
    name: str | None = None
    """Optional name of the speaker (e.g. `Student 2`), to tell several students apart."""

    @model_validator(mode="after")
    def _one_speaker(self) -> DialogueLine:
        if (self.teacher is None) == (self.student is None):
            raise PydanticCustomError("dialogue", "a dialogue line needs exactly one of `teacher:` or `student:`")
        return self

    @property
    def role(self) -> Literal["teacher", "student"]:
        return "teacher" if self.teacher is not None else "student"

    @property
    def text(self) -> str:
        return self.teacher if self.teacher is not None else self.student  # type: ignore[return-value]


class Summary(Strict):
    """The section summarised at three depths; the learner switches between them."""

    basic: NonEmptyText
    """A few sentences for a first look."""
    medium: NonEmptyText
    """The main ideas with a little more detail."""
    detailed: NonEmptyText
    """The full picture."""


class DeepDiveItem(Strict):
    """One point explained in depth, then made concrete with a real-life analogy."""

    point: NonEmptyText
    """The point, in a few words."""
    explanation: NonEmptyText
    """What it means and why it matters."""
    analogy: Text | None = None
    """A real-life analogy that makes the point stick."""


class Example(Strict):
    """A worked or real-world example."""

    title: str | None = None
    """Short name of the example."""
    text: NonEmptyText
    """The example itself."""


def _example_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


MemoryAidKind = Literal["rhyme", "story", "acronym", "mnemonic"]


class MemoryAid(Strict):
    """A rhyme, story, acronym or mnemonic that helps the learner remember."""

    kind: MemoryAidKind
    """Which kind of memory aid: `rhyme`, `story`, `acronym` or `mnemonic`."""
    text: NonEmptyText
    """The aid itself, kept exactly as written."""


class GlossaryTerm(Strict):
    """A term and its definition; generated quiz questions and flashcards draw on these."""

    term: Annotated[str, Field(min_length=1, max_length=200)]
    """The term as it should be shown."""
    definition: NonEmptyText
    """What the term means."""
    aliases: list[str] = Field(default_factory=list)
    """Other names for the term (e.g. `RNN`); glossary search matches them too."""
    see_also: list[str] = Field(default_factory=list)
    """Related terms of the same course, by their `term` text."""


FlashcardType = Literal["basic", "reversible", "cloze", "type_in"]


class Flashcard(Strict):
    """A flashcard. `basic` shows front then back; `reversible` is also asked back-to-front;
    `cloze` hides each `{{blank}}` of `text` in turn; `type_in` makes the learner type the back."""

    id: Id
    """Stable id, unique in the whole library: progress is kept by id, so rewording keeps it."""
    type: FlashcardType = "basic"
    """`basic`, `reversible`, `cloze` or `type_in`."""
    front: Text | None = None
    """The question side (not for cloze)."""
    back: Text | None = None
    """The answer side (not for cloze)."""
    text: str | None = None
    """Cloze cards only: text with `{{blanks}}`; `{{answer::hint}}` shows a hint."""
    hint: str | None = None
    """Optional hint shown on request."""
    tags: list[str] = Field(default_factory=list)
    """Free-form tags."""

    @model_validator(mode="after")
    def _fields_for_type(self) -> Flashcard:
        if self.type == "cloze":
            if self.text is None:
                raise PydanticCustomError("flashcard", "a cloze card needs `text:` with {{blanks}}")
            if self.front is not None or self.back is not None:
                raise PydanticCustomError("flashcard", "a cloze card uses `text:`, not `front:`/`back:`")
            check_cloze(self.text)
        else:
            missing = [name for name in ("front", "back") if not getattr(self, name)]
            if missing:
                raise PydanticCustomError(
                    "flashcard",
                    "a {kind} card needs `{fields}:`",
                    {"kind": self.type, "fields": "` and `".join(missing)},
                )
            if self.text is not None:
                raise PydanticCustomError("flashcard", "`text:` is only for cloze cards; use `front:` and `back:`")
        return self


# --- quiz questions ----------------------------------------------------------------------------

# Each kind is defined once, in its module of `rnnquiz.content.questions`; the union is their table.
if TYPE_CHECKING:
    Question: TypeAlias = QuestionBase  # every kind's model derives from it
else:
    Question = Annotated[
        Union[tuple(Annotated[kind.model, Tag(tag)] for tag, kind in QUESTION_KINDS.items())],  # noqa: UP007 -- a union built from the table
        Discriminator("type"),
    ]
"""A quiz question; `type:` says which kind."""


class DemoRefBase(Strict):
    """A live RNN demo embedded in the lesson, with the parameters it starts from."""

    # Worded from the catalogue, so a new demo is listed here without an edit.
    demo: str = Field(description="Demo name: one of " + ", ".join(f"`{name}`" for name in DEMOS) + ".")
    caption: Text | None = None
    """What to look for in this demo, in the context of the lesson."""


def _demo_ref_model(name: str, params: type[DemoParams]) -> type[DemoRefBase]:
    return create_model(
        f"DemoRef_{name.replace('-', '_')}",
        __base__=DemoRefBase,
        __doc__=DemoRefBase.__doc__,
        demo=(Literal[name], Field(description="Demo name.")),  # type: ignore[arg-type]  # a Literal of a run-time name
        params=(params, Field(default_factory=params, description="Starting parameters; the learner can change them.")),
    )


DEMO_REF_MODELS = {name: _demo_ref_model(name, params) for name, params in DEMOS.items()}

if TYPE_CHECKING:
    DemoRef = DemoRefBase  # what the checker can know of a union built at run time
else:
    DemoRef = Annotated[
        Union[tuple(Annotated[model, Tag(name)] for name, model in DEMO_REF_MODELS.items())],  # noqa: UP007 -- built from the table
        Discriminator("demo"),
    ]
"""A demo reference; `demo:` picks the demo and so which `params:` it takes."""


# --- section and course ------------------------------------------------------------------------


class Section(Strict):
    """One lesson: every part of the study page, from the dialogue to the quiz."""

    section: Id
    """Section id, unique in the library; the course lists sections by this id."""
    title: Annotated[str, Field(min_length=1, max_length=200)]
    """Title shown in menus and headings."""
    markdown: bool = False
    """Render every text field of this section as Markdown (otherwise text is shown literally)."""
    dialogue: list[DialogueLine] = Field(default_factory=list)
    """The teacher-student conversation, revealed line by line."""
    summary: Summary | None = None
    """The section summarised at three levels."""
    deep_dive: list[DeepDiveItem] = Field(default_factory=list)
    """Points explained in depth, each with a real-life analogy."""
    key_concepts: list[NonEmptyText] = Field(default_factory=list)
    """The ideas to take away, one per item."""
    examples: list[Annotated[Example, BeforeValidator(_example_from_text)]] = Field(default_factory=list)
    """Examples: text, or `{title, text}`."""
    memory_aids: list[MemoryAid] = Field(default_factory=list)
    """Rhymes, stories, acronyms and mnemonics."""
    glossary: list[GlossaryTerm] = Field(default_factory=list)
    """Terms defined in this section."""
    flashcards: list[Flashcard] = Field(default_factory=list)
    """Cards for spaced-repetition review."""
    quiz: list[Question] = Field(default_factory=list)
    """Quiz questions."""
    demos: list[DemoRef] = Field(default_factory=list)
    """Live demos shown in the lesson."""


class Course(Strict):
    """A course: its title and the ordered list of its sections."""

    course: Id
    """Course id, unique in the library."""
    title: Annotated[str, Field(min_length=1, max_length=200)]
    """Title shown on the home screen."""
    description: Text | None = None
    """A sentence or two about the course."""
    author: str | None = None
    """Who wrote the course."""
    version: str | None = None
    """Version of the course, for sharing."""
    license: str | None = None
    """License of the course text, e.g. `CC-BY-4.0`."""
    language: str = "en"
    """Language of the course text (IETF tag)."""
    sections: Annotated[
        list[
            Annotated[
                Annotated[Id, Tag("ref")] | Annotated[Section, Tag("inline")],
                Discriminator(lambda v: "ref" if isinstance(v, str) else "inline"),
            ]
        ],
        Field(min_length=1),
    ]
    """Sections in study order: ids of sections written in other files, or whole sections inline."""
