"""The course format. These pydantic models *are* the YAML an author writes.

Attribute docstrings become the JSON Schema descriptions authors see in their editor
(`rnnquiz schema`), so they are written for authors.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    WrapValidator,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from rnnquiz.content.demos import DEMOS, DemoParams

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
"""Ids are lowercase slugs so they survive in file names, URLs and Anki GUIDs."""

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]


class MarkdownStr(str):
    """Text the author asked to be rendered as Markdown; everything else is shown literally."""

    __slots__ = ()


def _markdown_or_text(value: Any, handler: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"markdown"}:
        inner = value["markdown"]
        if not isinstance(inner, str):
            raise PydanticCustomError("string_type", "`markdown:` must hold text")
        return MarkdownStr(inner)
    return handler(value)


def _dump_text(value: str) -> Any:
    return {"markdown": str(value)} if isinstance(value, MarkdownStr) else value


Text = Annotated[
    str,
    WrapValidator(_markdown_or_text),
    PlainSerializer(_dump_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"markdown": {"type": "string", "description": "Text rendered as Markdown."}},
                    "required": ["markdown"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]
"""Plain text shown exactly as written; `{markdown: "..."}` opts one field into Markdown."""

NonEmptyText = Annotated[Text, Field(min_length=1)]

BLANK = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
"""A cloze blank: `{{answer}}`, `{{answer::hint}}`, or `{{answer|other answer}}` in quizzes."""


class Blank(BaseModel):
    """One `{{...}}` blank of a cloze text."""

    answers: list[str]
    hint: str | None = None


def parse_blanks(text: str) -> list[Blank]:
    """The blanks of a cloze text, in order."""
    blanks = []
    for match in BLANK.finditer(text):
        body, _, hint = match.group(1).partition("::")
        answers = [a.strip() for a in body.split("|")]
        blanks.append(Blank(answers=answers, hint=hint.strip() or None))
    return blanks


def _check_cloze(text: str) -> str:
    if "{{" not in text:
        raise PydanticCustomError("cloze", "a cloze text needs at least one {{blank}}")
    stripped = BLANK.sub("", text)
    if "{{" in stripped or "}}" in stripped:
        raise PydanticCustomError("cloze", "unbalanced {{ }} in the cloze text")
    for blank in parse_blanks(text):
        if not all(blank.answers):
            raise PydanticCustomError("cloze", "a {{blank}} is empty")
    return text


ClozeText = Annotated[str, Field(min_length=1), AfterValidator(_check_cloze)]


class Strict(BaseModel):
    """Base of every content model: unknown keys are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


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
            _check_cloze(self.text)
        else:
            missing = [name for name in ("front", "back") if not getattr(self, name)]
            if missing:
                raise PydanticCustomError(
                    "flashcard", "a {kind} card needs `{fields}:`", {"kind": self.type, "fields": "` and `".join(missing)}
                )
            if self.text is not None:
                raise PydanticCustomError("flashcard", "`text:` is only for cloze cards; use `front:` and `back:`")
        return self


# --- quiz questions ----------------------------------------------------------------------------


class Choice(Strict):
    """A choice of a `single` or `multiple` question, with optional feedback."""

    text: NonEmptyText
    """The choice as shown."""
    feedback: Text | None = None
    """Shown when the learner picks this choice."""


def _choice_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


ChoiceItem = Annotated[Choice, BeforeValidator(_choice_from_text)]
Choices = Annotated[list[ChoiceItem], Field(min_length=2)]


class QuestionBase(Strict):
    id: Id
    """Stable id, unique in the whole library: quiz history and review scheduling follow it."""
    prompt: NonEmptyText
    """The question."""
    explain: Text | None = None
    """Why the answer is right; shown after answering."""
    tags: list[str] = Field(default_factory=list)
    """Free-form tags."""


def _index_in_range(index: int, info: ValidationInfo) -> int:
    choices = info.data.get("choices")
    if choices is not None and not 0 <= index < len(choices):
        raise PydanticCustomError(
            "answer_range",
            "answer {index} is not a choice: there are {n} choices, numbered from 0 to {last}",
            {"index": index, "n": len(choices), "last": len(choices) - 1},
        )
    return index


class SingleQuestion(QuestionBase):
    """Pick the one right choice."""

    type: Literal["single"]
    choices: Choices
    """The choices (at least two): text, or `{text, feedback}`."""
    answer: int
    """Index of the right choice, counting from 0."""

    _check_answer = field_validator("answer")(_index_in_range)


class MultipleQuestion(QuestionBase):
    """Pick every right choice; partial credit, wrong picks cost."""

    type: Literal["multiple"]
    choices: Choices
    """The choices (at least two): text, or `{text, feedback}`."""
    answer: Annotated[list[int], Field(min_length=1)]
    """Indices of all right choices, counting from 0."""

    @field_validator("answer")
    @classmethod
    def _check_answer(cls, value: list[int], info: ValidationInfo) -> list[int]:
        for index in value:
            _index_in_range(index, info)
        if len(set(value)) != len(value):
            raise PydanticCustomError("answer_duplicate", "an answer index is listed twice")
        return value


class TrueFalseQuestion(QuestionBase):
    """A statement that is true or false."""

    type: Literal["true_false"]
    answer: bool
    """`true` or `false`."""


class ShortQuestion(QuestionBase):
    """A typed answer, compared after normalising case, spaces, punctuation and Unicode."""

    type: Literal["short"]
    answer: Annotated[str, Field(min_length=1)]
    """The expected answer."""
    accept: list[str] = Field(default_factory=list)
    """Other answers that also count as right."""
    pattern: str | None = None
    """Optional regular expression; a full match of the normalised answer counts as right."""
    min_similarity: Annotated[float, Field(ge=0, le=1)] | None = None
    """Typo tolerance: a similarity (0..1, e.g. 0.85) above which a near miss still counts."""
    case_sensitive: bool = False
    """Compare case exactly."""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as error:
                raise PydanticCustomError("pattern", "not a valid regular expression: {error}", {"error": str(error)})
        return value


class NumericQuestion(QuestionBase):
    """A number, right within a tolerance or a range."""

    type: Literal["numeric"]
    answer: float | None = None
    """The expected value (give this, or `range`)."""
    tolerance: Annotated[float, Field(ge=0)] = 0.0
    """Accepted absolute error around `answer`."""
    range: tuple[float, float] | None = None
    """Accepted interval `[low, high]` instead of `answer`."""
    unit: str | None = None
    """Unit shown next to the input."""

    @model_validator(mode="after")
    def _answer_or_range(self) -> NumericQuestion:
        if (self.answer is None) == (self.range is None):
            raise PydanticCustomError("numeric", "a numeric question needs exactly one of `answer:` or `range:`")
        if self.range is not None and self.range[0] > self.range[1]:
            raise PydanticCustomError("numeric", "`range:` must be [low, high] with low <= high")
        return self


class ClozeQuestion(QuestionBase):
    """Fill every blank of a text; each blank is graded. `{{a|b}}` accepts `a` or `b`."""

    type: Literal["cloze"]
    prompt: NonEmptyText = "Fill in the blanks."
    """Instruction shown above the text."""
    text: ClozeText
    """Text with `{{blanks}}`."""
    case_sensitive: bool = False
    """Compare case exactly."""

    @property
    def blanks(self) -> list[Blank]:
        return parse_blanks(self.text)


class OrderQuestion(QuestionBase):
    """Put the items in the right order; they are shown shuffled."""

    type: Literal["order"]
    items: Annotated[list[NonEmptyText], Field(min_length=2)]
    """The items, in the right order."""

    @field_validator("items")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise PydanticCustomError("order", "two items are the same, so the order would be ambiguous")
        return value


class MatchPair(Strict):
    """A left item and the right item it belongs with."""

    left: NonEmptyText
    right: NonEmptyText


class MatchQuestion(QuestionBase):
    """Match each left item to its right item."""

    type: Literal["match"]
    pairs: Annotated[list[MatchPair], Field(min_length=2)]
    """The correct pairs."""

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, value: list[MatchPair]) -> list[MatchPair]:
        for side in ("left", "right"):
            texts = [getattr(p, side) for p in value]
            if len(set(texts)) != len(texts):
                raise PydanticCustomError("match", "two {side} items are the same", {"side": side})
        return value


QUESTION_TYPES = ("single", "multiple", "true_false", "short", "numeric", "cloze", "order", "match")

Question = Annotated[
    Annotated[SingleQuestion, Tag("single")]
    | Annotated[MultipleQuestion, Tag("multiple")]
    | Annotated[TrueFalseQuestion, Tag("true_false")]
    | Annotated[ShortQuestion, Tag("short")]
    | Annotated[NumericQuestion, Tag("numeric")]
    | Annotated[ClozeQuestion, Tag("cloze")]
    | Annotated[OrderQuestion, Tag("order")]
    | Annotated[MatchQuestion, Tag("match")],
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
        demo=(Literal[name], Field(description="Demo name.")),  # type: ignore[valid-type]
        params=(params, Field(default_factory=params, description="Starting parameters; the learner can change them.")),
    )


DEMO_REF_MODELS = {name: _demo_ref_model(name, params) for name, params in DEMOS.items()}

DemoRef = Annotated[
    Union[tuple(Annotated[model, Tag(name)] for name, model in DEMO_REF_MODELS.items())],  # type: ignore[misc]  # noqa: UP007 -- a union built from the table
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
