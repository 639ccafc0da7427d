"""HTML fields (Anki, GIFT `[html]`) turned into the plain text rnnquiz shows.

Line structure survives (`<br>`, `<div>`, `<p>`, list items become new lines); inline formatting
is dropped. Media cannot come along, so every image, sound and video is returned by name for the
import report instead of vanishing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCK = frozenset(
    ["address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
     "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table", "tbody",
     "thead", "tfoot", "tr", "ul"]
)
_MEDIA = {"img": "image", "audio": "sound", "video": "video", "source": "media", "embed": "media",
          "object": "media", "iframe": "embedded page"}
_SKIPPED = frozenset({"script", "style", "head", "title"})
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_KEPT_SPACE = "\x02"
_LINE, _PARAGRAPH = "\x00", "\x01"  # block boundaries, merged when they meet
_BOUNDARIES = re.compile("[ \x00\x01]*[\x00\x01][ \x00\x01]*")
_HTML_HINT = re.compile(r"<(br|div|p|span|b|i|u|img|ul|ol|li|a|font|sub|sup)\b[^>]*>|&(nbsp|amp|lt|gt|quot);", re.I)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


@dataclass(slots=True)
class Converted:
    """Text of a field and what could not be kept (`image a.png`, `sound b.mp3`, ...)."""

    text: str
    dropped: list[str] = field(default_factory=list)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropped: list[str] = []
        self._skip = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
            self.dropped.append(f"<{tag}> content")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _MEDIA:
            values = dict(attrs)
            name = values.get("src") or values.get("data") or values.get("alt") or "(no source)"
            self.dropped.append(f"{_MEDIA[tag]} {name}")
        elif tag in _BLOCK:
            self.parts.append(_PARAGRAPH if tag == "p" else _LINE)
            if tag == "li":
                self.parts.append("- ")
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIPPED:
            self._skip -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append(_PARAGRAPH if tag == "p" else _LINE)
            if tag == "pre":
                self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        data = data.replace("\xa0", " ")
        # Spaces inside <pre> are protected from the trimming of line ends and starts below.
        self.parts.append(data.replace(" ", _KEPT_SPACE) if self._pre else re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(html: str) -> Converted:
    """Plain text of an HTML fragment, with line breaks kept and media listed as dropped."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    joined = _BOUNDARIES.sub(lambda m: "\n\n" if _PARAGRAPH in m.group() else "\n", "".join(parser.parts))
    lines = [line.strip(" ") for line in joined.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip().replace(_KEPT_SPACE, " ")
    return Converted(text, parser.dropped)


def strip_sounds(text: str) -> Converted:
    """Anki's `[sound:file.mp3]` references, removed and listed."""
    names = [f"sound {name}" for name in _SOUND.findall(text)]
    if not names:
        return Converted(text)
    return Converted(_SOUND.sub("", text).strip(), names)


def clean_text(text: str) -> str:
    """Control characters other than newline and tab have no business in course text."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text))
