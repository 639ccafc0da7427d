"""Make untrusted content text safe to put on a terminal, without changing what it says.

Course files are data from strangers: an ESC byte in a YAML string could recolour the terminal,
move the cursor or retitle the window. Every widget passes text through `safe_text` before it is
displayed, so control characters become visible symbols (ESC shows as `␛`) instead of acting.
Pure Python, no Textual: the same function serves the TUI and plain-text output.
"""

from __future__ import annotations

import unicodedata

REPLACEMENT = "\ufffd"
"""Shown for C1 controls, which have no Control Pictures glyph."""

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\n\t"}
_CONTROL_PICTURES[0x7F] = "\u2421"  # ␡ DELETE
_C1 = dict.fromkeys(range(128, 160), REPLACEMENT)
_LINE_BREAKS = {0x2028: "\n", 0x2029: "\n", 0x85: "\n"}  # LS, PS and NEL break lines as authors meant
HIDDEN_FORMATTING = (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x2060, 0xFEFF, 0x180E)
"""Bidi embeddings, overrides and isolates, which can make text read in another order than it is
stored (the "Trojan Source" trick), and invisible spaces. Shown by name, e.g. `<U+202E>`. Joiners
(U+200C/U+200D, needed by emoji and many scripts) and the bidi marks LRM/RLM stay as they are."""
_VISIBLE_FORMATTING = {code: f"<U+{code:04X}>" for code in HIDDEN_FORMATTING}
_TABLE: dict[int, str] = {**_CONTROL_PICTURES, **_C1, **_LINE_BREAKS, **_VISIBLE_FORMATTING}


def safe_text(text: str) -> str:
    """The text with every C0/C1 control except newline and tab replaced by a visible symbol, and
    bidi overrides and invisible spaces shown by name (`<U+202E>`).

    Windows line ends (`\\r\\n`) become `\\n` first, so only a stray carriage return, which could
    overwrite the start of a line, is shown (as `␍`). Everything else, brackets included, is unchanged.
    """
    if text.isprintable():
        return text  # the common case, and far cheaper than translate
    text = text.replace("\r\n", "\n")
    return text.translate(_TABLE)


def speakable(text: str) -> str:
    """Text for a speech engine: controls and symbols-for-controls become spaces, lines join."""
    cleaned = []
    text = text.translate(dict.fromkeys(HIDDEN_FORMATTING))  # said as nothing, not as their names
    for char in safe_text(text):
        if char in "\n\t" or 0x2400 <= ord(char) <= 0x2421 or char == REPLACEMENT:
            cleaned.append(" ")
        elif unicodedata.category(char) == "Cf":
            continue  # zero-width and bidi formatting marks say nothing aloud
        else:
            cleaned.append(char)
    return " ".join("".join(cleaned).split())
