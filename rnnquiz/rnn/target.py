"""What the lab opens on, from the one string a screen is given: a lesson's demo or a demo with params.

Written in the screen-argument syntax (`rnnquiz.screen_args`): `SECTION?demo=INDEX` (that
section's `demos[INDEX]`, as the lesson asks), `NAME` (defaults), and `NAME?rho=1.5&steps=40`
(what `rnnquiz lab NAME --rho 1.5` builds). Pure, without Textual or NumPy: the command line
builds targets with it before the app starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

from pydantic import ValidationError

from rnnquiz.content.demos import DEMOS, DemoParams
from rnnquiz.screen_args import ScreenArg

if TYPE_CHECKING:
    from rnnquiz.content.library import Library

DEFAULT_DEMO = "gradient-decay"
LESSON_DEMO = "demo"
"""The setting that makes the subject a section and picks its demo by position; no demo has a
parameter of that name, so the two forms cannot be confused."""


class _LessonDemo(Protocol):
    """What the lab reads of a lesson's demo reference (the union of `DemoRef` models is built at run time)."""

    demo: str
    params: DemoParams
    caption: str | None


@dataclass(frozen=True)
class LabTarget:
    """A demo to show, with its starting parameters and, from a lesson, the author's caption."""

    demo: str
    params: DemoParams
    caption: str | None = None
    section: str | None = None


def demo_name(text: str) -> str | None:
    """The demo's canonical name (`gradient_decay` works too), or None."""
    name = text.strip().replace("_", "-")
    return name if name in DEMOS else None


def lesson_demo_arg(section_id: str, index: int) -> str:
    """The lab's argument for a lesson's demo: the section, and the demo's position in it."""
    return ScreenArg(section_id, {LESSON_DEMO: str(index)}).format()


def target_arg(demo: str, params: DemoParams) -> str:
    """The string for `parse_target`: only the parameters that differ from the defaults."""
    changed = {k: str(v) for k, v in params.model_dump().items() if v != DEMOS[demo].model_fields[k].default}
    return ScreenArg(demo, changed).format()


def parse_target(arg: str | None, library: Library | None = None) -> LabTarget:
    """The target named by `arg`; LookupError with a one-line reason if there is none."""
    if not arg:
        return LabTarget(DEFAULT_DEMO, DEMOS[DEFAULT_DEMO]())
    parsed = ScreenArg.parse(arg)
    head = parsed.subject or ""
    index = parsed.get(LESSON_DEMO)
    if index is not None:
        section = library.section(head) if library is not None else None
        if section is None:
            raise LookupError(f"no section {head!r} to take a demo from")
        if not index.isdigit() or int(index) >= len(section.demos):
            raise LookupError(f"section {head!r} has no demo #{index} (it has {len(section.demos)})")
        ref = cast(_LessonDemo, section.demos[int(index)])
        return LabTarget(ref.demo, ref.params, ref.caption, head)
    name = demo_name(head)
    if name is None:
        raise LookupError(f"no demo named {head!r}; demos: {', '.join(DEMOS)}")
    try:
        params = DEMOS[name].model_validate(parsed.values)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise LookupError(f"{name}: {where}: {first['msg']}") from None
    return LabTarget(name, params)
