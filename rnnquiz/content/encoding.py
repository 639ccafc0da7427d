"""Bytes of a text file to text: UTF-8 (with or without a BOM), or UTF-16 when a BOM says so.

Windows tools save "Unicode" text as UTF-16 with a byte-order mark (Excel's Unicode Text export,
Notepad's "Unicode"); its ASCII letters alternate with NUL bytes, which once made such a file
"binary data". Reading it is easy and saves the author a trip through a converter.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Undecodable(Exception):
    """Why the bytes are not text we read, and the byte offset to point at."""

    offset: int
    message: str
    hint: str | None = None


_SAVE_AS_UTF8 = "save the file as UTF-8"


def decode_text(raw: bytes, kind: str = "text file") -> str:
    """The text of `raw`; raises `Undecodable` with a located reason (`kind` names what it should be)."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise Undecodable(0, "UTF-32 text, which is not read", _SAVE_AS_UTF8)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise Undecodable(error.start, "not valid UTF-16 (it starts with a UTF-16 byte-order mark)",
                              _SAVE_AS_UTF8) from None
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        if _looks_like_utf16(raw):
            raise Undecodable(offset, "UTF-16 text without a byte-order mark", _SAVE_AS_UTF8)
        raise Undecodable(offset, f"binary data (a NUL byte), not a {kind}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Undecodable(error.start, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})", _SAVE_AS_UTF8) from None


def _looks_like_utf16(raw: bytes) -> bool:
    """Mostly ASCII text in UTF-16: in the first KiB, every other byte is NUL."""
    head = raw[:1024]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.9
