"""Print a lab demo without the app: a text plot with a caption, pure ASCII (--plain), or numbers (--json).

The options come from the demos' parameter models in rnnquiz.content.demos, so they always match
what a course file may set; each demo accepts only its own. Bad values exit 1 with one line each.
"""

from __future__ import annotations

import argparse
import json
import sys
import typing
from collections.abc import Callable

if typing.TYPE_CHECKING:
    from pydantic.fields import FieldInfo

    from rnnquiz.content.demos import DemoParams

HELP = "print a lab demo (gradient-decay, hidden-state, ...) as a text plot or JSON"
WIDTH_RANGE = (40, 200)


def _fields() -> dict[str, list[tuple[str, FieldInfo]]]:
    """Field name -> [(demo name, pydantic field info)] across all demos, in the table's order."""
    from rnnquiz.rnn.demos import DEMO_SPECS

    found: dict[str, list[tuple[str, FieldInfo]]] = {}
    for spec in DEMO_SPECS:
        for name, info in spec.params.model_fields.items():
            found.setdefault(name, []).append((spec.name, info))
    return found


def flag_of(field: str) -> str:
    """The command-line option of a demo parameter: `train_steps` -> `--train-steps`."""
    return "--" + field.replace("_", "-")


def _metavar(info: FieldInfo) -> str:
    if typing.get_origin(info.annotation) is typing.Literal:
        return "{" + ",".join(map(str, typing.get_args(info.annotation))) + "}"
    names: dict[object, str] = {int: "N", float: "X"}
    return names.get(info.annotation, "TEXT")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Called by the CLI only when `demo` is the command (or its help is shown): it imports pydantic and NumPy."""
    from rnnquiz.rnn.demos import SPECS

    parser.add_argument("name", nargs="?", metavar="NAME", help="the demo: " + ", ".join(SPECS))
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--plain", action="store_true", help="pure 7-bit ASCII, no escape sequences (for notes and pipes)")
    out.add_argument("--json", action="store_true", help="the numbers as JSON (null marks a value that exploded)")
    parser.add_argument("--width", default="72", metavar="N", help="width of plots and text (default 72)")
    add_demo_options(parser)


def add_demo_options(
    parser: argparse.ArgumentParser,
    title: str = "demo parameters (each demo takes its own; see `rnnquiz demo` for the list)",
) -> None:
    """Add one `--option` per demo parameter (`--rho`, `--steps`, ...), built from the demos' models.

    Stable API, shared by every command that takes demo parameters. Each option's `dest` is the
    field name and its default is `argparse.SUPPRESS`, so `demo_params_given(args)` returns only
    what was typed. Values arrive as text; validate them with the demo's model. Imports pydantic:
    call it from a command's `add_arguments`, which the CLI runs only for the command in use.
    """
    group = parser.add_argument_group(title)
    for name, uses in _fields().items():
        info = uses[0][1]
        by_default: dict[str, list[str]] = {}
        for demo, used in uses:
            by_default.setdefault(repr(used.default), []).append(demo)
        where = "; ".join(f"{', '.join(demos)}: default {default}" for default, demos in by_default.items())
        group.add_argument(flag_of(name), dest=name, default=argparse.SUPPRESS,
                           metavar=_metavar(info), help=f"{info.description or name} ({where})")


def demo_params_given(args: argparse.Namespace) -> dict[str, object]:
    """The demo parameters typed on the command line (by field name), as `add_demo_options` added them."""
    return {field: getattr(args, field) for field in _fields() if hasattr(args, field)}


def validated_params(name: str, given: dict[str, object], error: Callable[[str], object]) -> DemoParams | None:
    """The parameters typed for demo `name`, checked by its model; None once `error` has said each problem.

    Shared by every command that takes demo parameters, so they all reject the same values in the same words.
    """
    from pydantic import ValidationError

    from rnnquiz.rnn.demos import SPECS

    model = SPECS[name].params
    foreign = [f for f in given if f not in model.model_fields]
    if foreign:
        own = ", ".join(flag_of(f) for f in model.model_fields)
        error(f"{name} does not take {', '.join(flag_of(f) for f in foreign)}; its options are {own}")
        return None
    try:
        params: DemoParams = model.model_validate(given)
        return params
    except ValidationError as err:
        for e in err.errors():
            error(f"{flag_of('-'.join(str(part) for part in e['loc']))}: {e['msg']} (got {e['input']!r})")
        return None


def _error(message: str) -> int:
    print(f"rnnquiz demo: {message}", file=sys.stderr)
    return 1


def _listing() -> str:
    from rnnquiz.rnn.demos import DEMO_SPECS

    lines = ["Demos (run `rnnquiz demo NAME`, options with `rnnquiz demo --help`):"]
    for spec in DEMO_SPECS:
        options = " ".join(flag_of(f) for f in spec.params.model_fields)
        lines += [f"  {spec.name:<15} {spec.title}", f"  {'':<15} options: {options}"]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from rnnquiz.rnn.demos import SPECS

    if args.name is None:
        print(_listing())
        return 0
    name = args.name.replace("_", "-")
    if name not in SPECS:
        return _error(f"unknown demo {args.name!r}; known demos: {', '.join(SPECS)}")
    params = validated_params(name, demo_params_given(args), _error)
    if params is None:
        return 1
    try:
        width = int(args.width)
    except ValueError:
        width = 0
    if not WIDTH_RANGE[0] <= width <= WIDTH_RANGE[1]:
        low, high = WIDTH_RANGE
        return _error(f"--width: expected a whole number from {low} to {high} (got {args.width!r})")
    mode = "json" if args.json else "plain" if args.plain else "text"
    return _show(name, params, mode, width, args)


def _emit(lines: list[str], mode: str) -> None:
    """Print lines as they come; every line is cleaned, so no escape sequence ever reaches the terminal."""
    from rnnquiz.rnn.plot import clean

    for line in lines:
        print(clean(line, ascii=mode == "plain"), flush=True)


def _show(name: str, params: DemoParams, mode: str, width: int, args: argparse.Namespace) -> int:
    """Run the demo; text modes print as it goes, JSON prints one document at the end."""
    from rnnquiz.rnn import report
    from rnnquiz.rnn.demos import SPECS

    text = ""
    if SPECS[name].reads_course_text:
        from rnnquiz.commands._common import content_paths_from_args
        from rnnquiz.rnn.corpus import course_text

        text = course_text(content_paths_from_args(args))
    streaming = mode != "json"
    try:
        out = report.printout(name, params, width=width, ascii=mode == "plain", streaming=streaming,
                              emit=lambda lines: _emit(lines, mode), text=text)
    except report.Refused as refused:
        return _error(f"{flag_of(refused.field)}: {refused.message}")
    if streaming:
        _emit(out.lines(), mode)
    else:
        print(json.dumps({"demo": name, "params": params.model_dump(), **out.numbers()}, allow_nan=False))
    return 0
