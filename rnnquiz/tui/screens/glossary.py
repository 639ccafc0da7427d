"""Every term of the loaded courses: filter as you type, read the definition, follow see-also links."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from rnnquiz.tui.context import AppContext
from rnnquiz.tui.glossary_index import Entry, GlossaryIndex
from rnnquiz.tui.live_content import LibraryChanged
from rnnquiz.tui.screens.base import AppScreen
from rnnquiz.tui.widgets.literal import labelled, literal, prose


class SeeAlso(Button):
    """A see-also link: pressing it shows that term."""

    def __init__(self, name: str) -> None:
        super().__init__(literal(name), compact=True, classes="see-also")
        self.target = name


class GlossaryScreen(AppScreen):
    """Filter box, term list, definition pane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_or_back", "Back", id="glossary.back"),
        Binding("down", "move(1)", "Next term", show=False, id="glossary.next"),
        Binding("up", "move(-1)", "Previous term", show=False, id="glossary.previous"),
        Binding("ctrl+o", "open_lesson", "Open lesson", id="glossary.open-lesson"),
        Binding("ctrl+f", "focus_filter", "Filter", show=False, id="glossary.filter"),
    ]

    def __init__(self, context: AppContext, arg: str | None = None) -> None:
        super().__init__(classes="glossary")
        self.context = context
        self.index = GlossaryIndex(context.library)
        self.initial_query = arg or ""
        self.shown: list[Entry] = []
        self.current: Entry | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("Glossary", "bold $accent"), f"  {len(self.index)} terms"),
                     id="glossary-title", markup=False)
        yield Input(value=self.initial_query, placeholder="Type to filter (typos are fine)", id="glossary-filter",
                    compact=True, select_on_focus=False)
        with Horizontal(id="glossary-body"):
            yield OptionList(id="terms")
            yield VerticalScroll(id="definition")
        yield Footer()

    def on_mount(self) -> None:
        self._filter(self.initial_query)
        self.query_one(Input).focus()

    def on_library_changed(self, event: LibraryChanged) -> None:
        """The course files were reloaded: new terms and definitions, same filter and same term shown."""
        current = self.current.key if self.current else None
        self.index = GlossaryIndex(self.context.library)
        title = self.query_one("#glossary-title", Static)
        title.update(Content.assemble(("Glossary", "bold $accent"), f"  {len(self.index)} terms"))
        keep = self.index.get(current) if current else None
        self._filter(self.query_one(Input).value, keep=keep)
        if keep is not None and keep in self.shown:
            self._show(keep)  # the same term, perhaps with a new definition

    @on(Input.Changed, "#glossary-filter")
    def _on_filter(self, event: Input.Changed) -> None:
        self._filter(event.value)

    @on(Input.Submitted, "#glossary-filter")
    def _on_submit(self) -> None:
        self.query_one(OptionList).focus()

    def _filter(self, query: str, keep: Entry | None = None) -> None:
        self.shown = self.index.search(query)
        terms = self.query_one(OptionList)
        terms.clear_options()
        terms.add_options(Option(literal(entry.term.term), id=entry.key) for entry in self.shown)
        if self.shown:
            terms.highlighted = self.shown.index(keep) if keep in self.shown else 0
        else:
            self._show(None, empty="No term matches. Backspace to widen the search." if query.strip() else
                       "No glossary terms in the loaded courses.")

    @on(OptionList.OptionSelected, "#terms")
    def _on_select(self) -> None:
        """Enter on a term moves into its definition, to scroll it and reach the see-also links."""
        self.query_one("#definition", VerticalScroll).focus()

    @on(OptionList.OptionHighlighted, "#terms")
    def _on_highlight(self, event: OptionList.OptionHighlighted) -> None:
        self._show(self.index.get(event.option.id or ""))

    def _show(self, entry: Entry | None, empty: str = "") -> None:
        self.current = entry
        pane = self.query_one("#definition", VerticalScroll)
        pane.remove_children()
        if entry is None:
            pane.mount(Static(Content(empty), classes="empty"))
            return
        term, section = entry.term, self.context.library.section(entry.section_id)
        widgets: list[Widget] = [Static(literal(term.term, "bold"), classes="term-title", markup=False)]
        if term.aliases:
            widgets.append(Static(labelled("Also: ", ", ".join(term.aliases), "italic"), markup=False))
        widgets.append(prose(term.definition, markdown=bool(section and section.markdown), classes="definition"))
        widgets.append(Static(Content.assemble(("From ", "dim"), literal(entry.section_title),
                                               (" (ctrl+o opens the lesson)", "dim")), classes="source", markup=False))
        if term.see_also:
            widgets.append(Static(Content("See also:"), classes="see-also-label"))
            widgets.append(Vertical(*(SeeAlso(name) for name in term.see_also), classes="see-also-row"))
        pane.mount_all(widgets)
        pane.scroll_home(animate=False)

    @on(Button.Pressed, ".see-also")
    def _follow(self, event: Button.Pressed) -> None:
        assert isinstance(event.button, SeeAlso) and self.current is not None
        self.jump_to(event.button.target)

    def jump_to(self, name: str) -> None:
        """Show the term `name` names (see-also link), clearing the filter if it hides it."""
        target = self.index.see_also(self.current, name) if self.current else None
        if target is None:
            self.notify(f"No glossary term named {name!r}.", severity="warning", markup=False)
            return
        if target not in self.shown:
            with self.prevent(Input.Changed):
                self.query_one(Input).value = ""
            self._filter("", keep=target)
        else:
            self.query_one(OptionList).highlighted = self.shown.index(target)

    def action_move(self, step: int) -> None:
        terms = self.query_one(OptionList)
        if self.shown:
            current = terms.highlighted if terms.highlighted is not None else -step
            terms.highlighted = max(0, min(len(self.shown) - 1, current + step))

    def action_clear_or_back(self) -> None:
        filter_box = self.query_one(Input)
        if filter_box.value:
            filter_box.value = ""
            filter_box.focus()
        else:
            self.app.go_back()

    def action_open_lesson(self) -> None:
        if self.current is not None:
            self.app.open_screen("learn", self.current.section_id)

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing anywhere on the screen goes into the filter box."""
        filter_box = self.query_one(Input)
        if event.is_printable and event.character and self.focused is not filter_box \
                and not isinstance(self.focused, Button):
            filter_box.focus()
            filter_box.insert_text_at_cursor(event.character)
            event.stop()
