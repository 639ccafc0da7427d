"""Stable ids for imported items: the same input always gives the same ids.

Progress is stored by id, so re-importing an updated deck must give an unchanged card the same id
it had before. Ids come from something the source keeps stable (a GIFT title, an Anki GUID) and
otherwise from a hash of the item's own text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rnnquiz.content.model import ID_PATTERN
from rnnquiz.interchange.report import Report

MAX_ID = 80
_BASE_MAX = 60  # room for a `-2` suffix and an --id-prefix
_NOT_SLUG = re.compile(r"[^a-z0-9._-]+")
_ID = re.compile(ID_PATTERN)


def slugify(text: str, limit: int = _BASE_MAX) -> str:
    """Lowercase ASCII slug of `text` (accents folded); empty when nothing usable is left."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", folded)
    slug = re.sub(r"-{2,}", "-", slug).strip("-._")
    slug = slug[:limit].rstrip("-._")
    return slug if _ID.match(slug) else ""


def is_id(text: str) -> bool:
    return len(text) <= MAX_ID and bool(_ID.match(text))


def short_hash(*parts: str, length: int = 8) -> str:
    """A short hex digest of the parts; the separator keeps ("ab", "c") apart from ("a", "bc")."""
    digest = hashlib.sha1("\x1f".join(unicodedata.normalize("NFC", p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def id_from_text(text: str, *salt: str) -> str:
    """A readable id for an untitled item: its first words plus a hash of its whole content."""
    words = " ".join(text.split()[:6])
    base = slugify(words, limit=40)
    return f"{base}-{short_hash(text, *salt)}" if base else f"q-{short_hash(text, *salt)}"


class IdAllocator:
    """Hands out ids unique within one import; a clash gets `-2`, `-3`, ... in input order."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take_reported(self, base: str, report: Report, line: int, what: str) -> str:
        """`take`, saying so when the id had to change: ids that depend on order are fragile."""
        unique = self.take(base)
        if unique != base:
            report.add(line, f"{what} id `{base}` is already used; this one became `{unique}`")
        return unique

    def take(self, base: str) -> str:
        candidate = base
        number = 2
        while candidate in self._taken:
            candidate = f"{base[: MAX_ID - 4]}-{number}"
            number += 1
        self._taken.add(candidate)
        return candidate
