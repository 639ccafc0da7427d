"""The course's own prose as one training text for the next-character demo."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

FALLBACK = (
    "Recurrent neural networks read a sequence one step at a time and keep a hidden state, a "
    "memory of what came before. The same weights are used at every step. Training unrolls the "
    "network through time and sends the error back along the chain of steps; each step multiplies "
    "the gradient by a Jacobian, so over long spans it can vanish or explode. Gradient clipping "
    "caps the explosion; gated cells such as the LSTM and the GRU keep an additive memory that "
    "lets the gradient survive, so they can learn long-range dependencies. "
)
"""Used when no course file can be read, so the demo always has something to learn."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_file() and path.suffix in (".yaml", ".yml"):
            yield path
        elif path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def course_text(paths: Iterable[Path], limit: int = 200_000) -> str:
    """Every sentence-like string of the course files in order (ids and short labels left out).

    A file that does not parse is skipped: this only feeds a demo, `rnnquiz validate` reports it.
    """
    parts, total = [], 0
    for file in _files(paths):
        try:
            documents = list(yaml.load_all(file.read_text(encoding="utf-8"), Loader=_LOADER))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        for text in (s for doc in documents for s in _strings(doc)):
            text = " ".join(text.split())
            if len(text) >= 40 and text.count(" ") >= 5:
                parts.append(text)
                total += len(text) + 1
                if total >= limit:
                    return "\n".join(parts)[:limit]
    return "\n".join(parts) if total >= 500 else FALLBACK
