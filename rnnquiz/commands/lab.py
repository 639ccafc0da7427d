"""Open the RNN lab: every demo live, with its parameters at hand. Give a demo to start on it.

The demo options are the same as `rnnquiz demo`'s (built from the demos' parameter models), and
are checked before the app starts: a bad value exits 1 with one line per problem.
"""

from __future__ import annotations

import argparse
import sys

HELP = "open the RNN lab (optionally on one demo, with --rho, --steps, ... set)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from rnnquiz.commands.demo import add_demo_options
    from rnnquiz.rnn.demos import SPECS

    parser.add_argument("name", nargs="?", metavar="DEMO", help="the demo to open on: " + ", ".join(SPECS))
    add_demo_options(parser, "demo parameters (each demo takes its own; `rnnquiz demo` lists them)")


def _error(message: str) -> int:
    print(f"rnnquiz lab: {message}", file=sys.stderr)
    return 1


def _target(args: argparse.Namespace) -> str | int | None:
    """The lab screen's argument for the command line, or an exit code after saying what is wrong."""
    from rnnquiz.commands.demo import demo_params_given, flag_of, validated_params
    from rnnquiz.rnn.demos import SPECS
    from rnnquiz.rnn.target import demo_name, target_arg

    given = demo_params_given(args)
    if args.name is None:
        if given:
            flags = ", ".join(flag_of(f) for f in given)
            verb = "needs" if len(given) == 1 else "need"
            return _error(f"{flags} {verb} a demo to apply to, e.g. `rnnquiz lab gradient-decay --rho 1.5`")
        return None
    name = demo_name(args.name)
    if name is None:
        return _error(f"unknown demo {args.name!r}; known demos: {', '.join(SPECS)}")
    params = validated_params(name, given, _error)
    return 1 if params is None else target_arg(name, params)


def run(args: argparse.Namespace) -> int:
    from rnnquiz.commands.app import build_app, run_app

    target = _target(args)
    if isinstance(target, int):
        return target
    return run_app(build_app(args, "lab", target))
