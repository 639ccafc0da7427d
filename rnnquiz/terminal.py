"""What the command line writes: messages never carry a control character from outside text.

File names, unknown keys, course text and typed input all end up in messages. `main` wraps stdout
and stderr in `SafeStream` for the whole command, so an ESC in a file name shows as `␛` instead of
retitling the terminal, as in the TUI (`content.text.safe_text`). Data a command was asked for
(`export -o -`, `import -o -`) is written through `data_stream()`: exact bytes into a pipe or a
file, shown safely on a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, TextIO, cast

from rnnquiz.content.text import safe_text


class SafeStream:
    """A text stream that writes `safe_text` of everything it is given to `raw`; anything else
    (flush, fileno, encoding, buffer ...) is the raw stream's."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        shown = safe_text(text)
        try:
            self.raw.write(shown)
        except UnicodeEncodeError:  # a file name's undecodable bytes (lone surrogates), or an ASCII terminal
            encoding = getattr(self.raw, "encoding", None) or "utf-8"
            self.raw.write(shown.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def isatty(self) -> bool:
        return self.raw.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def safe_streams() -> tuple[TextIO, TextIO]:
    """Wrap sys.stdout and sys.stderr (once); returns the streams to put back afterwards."""
    before = (sys.stdout, sys.stderr)
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = cast(TextIO, SafeStream(sys.stdout))
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = cast(TextIO, SafeStream(sys.stderr))
    return before


def data_stream() -> TextIO:
    """Where a command writes the data it was asked for: exactly into a pipe or file, safely on a terminal."""
    out = sys.stdout
    if isinstance(out, SafeStream) and not out.isatty():
        return out.raw
    return out
