"""QA regressions: glossary queries made only of symbols filter instead of showing every term."""

from __future__ import annotations

from rnnquiz.tui.glossary_index import GlossaryIndex


def test_a_query_of_only_symbols_matches_as_typed(tricky_library, mini_library):
    index = GlossaryIndex(tricky_library)
    everything = index.search("")
    assert len(everything) > 1
    assert [e.term.term for e in index.search("[")] == [e.term.term for e in everything if "[" in e.term.term
                                                         or any("[" in a for a in e.term.aliases)]
    assert [e.term.term for e in index.search("[hh]")] == ["W[hh]"]  # letters: the fuzzy search as before
    assert index.search("[/]") == [e for e in everything if any("[/]" in n for n in e.names)]
    assert GlossaryIndex(mini_library).search("(*)") == []  # not every term
    assert GlossaryIndex(mini_library).search("   ") == GlossaryIndex(mini_library).search("")
