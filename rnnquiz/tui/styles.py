"""The app's styles in two steps: the rules the home screen needs, then the rest just after it is drawn.

Parsing the whole of app.tcss costs about 12 ms (every screen's rules, and it grows with each new
screen) out of a start-up budget of about 40 ms over a bare Textual app. So when the app opens on the
home screen, only the rules above `STARTUP_END` are read before the first frame; the rest are added
right after it, and in any case before another screen is pushed. The two parts keep their order, so
which rule wins is exactly as if the file had been read whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[None]
else:
    _AppBase = object

STARTUP_END = "/* === end of start-up styles"
"""The line in app.tcss after the rules the first (home) screen needs."""


def split_styles(css: str) -> tuple[str, str]:
    """(start-up rules, the rest); everything is start-up when the marker is missing.

    The rest keeps its line numbers (blank lines stand in for the start-up part), so a CSS error is
    reported at the line an author sees in app.tcss.
    """
    at = css.find(STARTUP_END)
    if at < 0:
        return css, ""
    head = css[:at]
    return head, "\n" * head.count("\n") + css[at:]


class StagedStyles(_AppBase):
    """Mixin for the app: `stage_styles()` in `__init__`, `load_late_styles()` once the first screen is up."""

    _late_styles: tuple[Path, str] | None = None

    def stage_styles(self) -> None:
        """Read only the start-up part of the app's one CSS file now (not in `textual --dev`, which
        watches the whole file for live edits)."""
        if self.css_monitor is not None or len(self.css_path) != 1:
            return
        path = Path(self.css_path[0])
        head, rest = split_styles(path.read_text(encoding="utf-8"))
        if not rest:
            return
        self.css_path = []
        self.stylesheet.add_source(head, read_from=(str(path), ""), is_default_css=False)
        self._late_styles = (path, rest)

    @property
    def late_styles_pending(self) -> bool:
        return self._late_styles is not None

    def load_late_styles(self) -> None:
        """Add the rest of the rules (once; only that part is parsed) and restyle what is shown."""
        if self._late_styles is None:
            return
        path, rest = self._late_styles
        self._late_styles = None
        self.stylesheet.add_source(rest, read_from=(str(path), "after start-up"), is_default_css=False)
        self.stylesheet.parse()
        self.stylesheet.update(self)

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        self.load_late_styles()
        return super().push_screen(*args, **kwargs)

    def switch_screen(self, *args: Any, **kwargs: Any) -> Any:
        self.load_late_styles()
        return super().switch_screen(*args, **kwargs)
