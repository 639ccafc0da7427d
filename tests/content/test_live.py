"""The library in use while the app runs: late loading, and reloads that never take a valid version away."""

from __future__ import annotations

import json
import threading

from rnnquiz.content import live as live_module
from rnnquiz.content.live import LiveLibrary
from rnnquiz.content.outline import CACHE_FILE

from ..editing import save


def test_nothing_changed_means_no_reload(course):
    live = LiveLibrary.open([course])
    assert not live.changes()


def test_a_valid_save_is_reloaded_and_recached(course, tmp_path):
    data = tmp_path / "data"
    live = LiveLibrary.open([course], cache_dir=data)
    save(course / "first.yaml", "Basic summary text.", "A new basic summary.")
    assert live.changes().changed == [course / "first.yaml"]
    result = live.reload()
    assert result.accepted and result.new_problems == []
    assert live.get().section("first").summary.basic == "A new basic summary."
    assert not live.changes()
    save(course / "first.yaml", "title: First steps", "title: Step one")
    assert live.reload().accepted
    assert live.outline.section("first").title == "Step one"
    cached = json.loads((data / CACHE_FILE).read_text(encoding="utf-8"))
    assert cached["outline"] == live.outline.to_json()
    assert not LiveLibrary.open([course], cache_dir=data).loaded  # the cache matches the files


def test_a_save_with_new_problems_keeps_the_previous_version(course):
    live = LiveLibrary.open([course])
    before = live.get()
    save(course / "first.yaml", "  - {id: mini-q1, type: true_false, prompt: RNNs read sequences., answer: true}",
         "  - {id: mini-q1, type: true_false, prompt: RNNs read sequences.}")
    result = live.reload()
    assert not result.accepted
    assert live.get() is before and live.get().questions["mini-q1"]
    [problem] = result.new_problems
    assert problem.file == course / "first.yaml" and (problem.line, problem.col) > (1, 1)
    assert str(problem).startswith(f"{course / 'first.yaml'}:{problem.line}:{problem.col}: ")
    assert live.latest_problems == result.problems
    assert not live.changes()  # not retried until the next save
    save(course / "first.yaml", "prompt: RNNs read sequences.}", "prompt: RNNs read sequences., answer: false}")
    fixed = live.reload()
    assert fixed.accepted and live.get().questions["mini-q1"].answer is False
    assert live.latest_problems == []


def test_a_save_elsewhere_does_not_sneak_a_refused_version_in(course):
    live = LiveLibrary.open([course])
    save(course / "second.yaml", "title: Second steps", "title: [oops")
    assert not live.reload().accepted
    save(course / "first.yaml", "title: First steps", "title: Step one")
    again = live.reload()
    assert not again.accepted and again.new_problems[0].file == course / "second.yaml"
    assert live.get().section("second").title == "Second steps"


def test_problems_present_from_the_start_do_not_block_reloads(course):
    save(course / "second.yaml", "title: Second steps", "title: Second steps\nunknown_key: 1")
    live = LiveLibrary.open([course])
    assert live.get().problems
    save(course / "first.yaml", "title: First steps", "\n\ntitle: Step one")  # moves nothing in second.yaml
    assert live.reload().accepted
    assert live.get().section("first").title == "Step one"


def test_loading_late_happens_once_however_many_threads_ask(course, tmp_path, monkeypatch):
    data = tmp_path / "data"
    LiveLibrary.open([course], cache_dir=data)
    warm = LiveLibrary.open([course], cache_dir=data)
    calls = []
    real = live_module._load
    monkeypatch.setattr(live_module, "_load", lambda paths: calls.append(1) or real(paths))
    found = []
    threads = [threading.Thread(target=lambda: found.append(warm.get())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and len({id(library) for library in found}) == 1


def test_changes_are_read_only_once_the_files_have_settled(course):
    from rnnquiz.content.live import SETTLE_SECONDS

    live = LiveLibrary.open([course])
    save(course / "first.yaml", "Basic summary text.", "Half a save")  # the editor's first write
    assert not live.settled_changes(now=100.0)  # just seen: wait
    save(course / "first.yaml", "Half a save", "The whole save")  # its second write, a moment later
    assert not live.settled_changes(now=101.0)  # changed again: wait again
    assert not live.settled_changes(now=101.0 + SETTLE_SECONDS / 2)
    assert live.settled_changes(now=101.0 + SETTLE_SECONDS * 1.01).changed == [course / "first.yaml"]
    assert live.reload().accepted and live.get().section("first").summary.basic == "The whole save"
    assert not live.settled_changes(now=200.0)


def test_a_reload_that_drops_cards_says_how_many_and_from_which_file(course):
    live = LiveLibrary.open([course])
    save(course / "first.yaml", "{id: mini-c1,", "{id: mini-c9,")  # renamed: the old id is gone
    save(course / "first.yaml", "{id: mini-q1,", "{id: mini-q9,")
    result = live.reload()
    assert result.accepted and result.gone == {"first.yaml": ["mini-c1", "mini-q1"]}
    assert result.gone_notice() == ("Cards or questions left the course: 2 no longer in first.yaml (mini-c1, mini-q1)."
                                    " Their progress is kept and comes back with them.")
    save(course / "first.yaml", "title: First steps", "title: Step one")
    assert live.reload().gone == {}
