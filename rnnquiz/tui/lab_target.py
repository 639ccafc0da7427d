"""What the lab opens on, from the one string a screen is given: a lesson's demo or a demo with params.

Three forms: `SECTION#INDEX` (that section's `demos[INDEX]`, as the lesson asks), `NAME` (defaults),
and `NAME?rho=1.5&steps=40` (what `rnnquiz lab NAME --rho 1.5` builds). Pure, no Textual: the
command line builds targets with it before the app starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode

from pydantic import ValidationError

from rnnquiz.content.demos import DEMOS, DemoParams

if TYPE_CHECKING:
    from rnnquiz.content.library import Library

DEFAULT_DEMO = "gradient-decay"


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


def target_arg(demo: str, params: DemoParams) -> str:
    """The string for `parse_target`: only the parameters that differ from the defaults."""
    changed = {k: v for k, v in params.model_dump().items() if v != DEMOS[demo].model_fields[k].default}
    return f"{demo}?{urlencode(changed)}" if changed else demo


def parse_target(arg: str | None, library: Library | None = None) -> LabTarget:
    """The target named by `arg`; LookupError with a one-line reason if there is none."""
    if not arg:
        return LabTarget(DEFAULT_DEMO, DEMOS[DEFAULT_DEMO]())
    section_id, hash_, index = arg.rpartition("#")
    if hash_:
        section = library.section(section_id) if library is not None else None
        if section is None:
            raise LookupError(f"no section {section_id!r} to take a demo from")
        if not index.isdigit() or int(index) >= len(section.demos):
            raise LookupError(f"section {section_id!r} has no demo #{index} (it has {len(section.demos)})")
        ref = section.demos[int(index)]
        return LabTarget(ref.demo, ref.params, ref.caption, section_id)
    head, _, query = arg.partition("?")
    name = demo_name(head)
    if name is None:
        raise LookupError(f"no demo named {head!r}; demos: {', '.join(DEMOS)}")
    try:
        params = DEMOS[name].model_validate(dict(parse_qsl(query, keep_blank_values=True)))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise LookupError(f"{name}: {where}: {first['msg']}") from None
    return LabTarget(name, params)
