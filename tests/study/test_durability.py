"""Two copies of the app and a killed process: no committed review may be lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from rnnquiz.study.store import Store

REVIEWER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rnnquiz.content.model import Flashcard
    from rnnquiz.study.cards import expand_all
    from rnnquiz.study.queue import ReviewSession, StudyConfig
    from rnnquiz.study.store import Store

    units = expand_all(Flashcard(id=f"k{i:04d}", front="f", back="b") for i in range(5000))
    store = Store.open(Path(sys.argv[1]))
    session = ReviewSession(store, units, StudyConfig(new_per_day=10_000))
    while (unit := session.next()) is not None:
        outcome = session.answer(unit, 4)
        print(outcome.review_id, unit.id, flush=True)  # printed only once committed
    """
)

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from rnnquiz.study.scheduler import StudyScheduler
    from rnnquiz.study.store import Store

    data, name, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    store = Store.open(data, busy_timeout=30)
    scheduler = StudyScheduler(enable_fuzzing=False)
    while not go.exists():
        time.sleep(0.001)
    for i in range(count):
        store.record_review(f"{name}-{i}", "card", 3, scheduler)
        store.record_review("shared", "card", 3, scheduler)
    store.close()
    """
)


def test_a_session_killed_with_sigkill_loses_no_committed_review(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-c", REVIEWER, str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    committed = []
    for line in process.stdout:
        committed.append(line.split())
        if len(committed) == 150:
            break
    process.send_signal(signal.SIGKILL)
    committed += [line.split() for line in process.stdout]  # whatever it printed before dying
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    with Store.open(tmp_path) as store:
        assert store.notice is None
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        logged = set(store._conn.execute("SELECT id, item_id FROM review_log").fetchall())
        for review_id, unit_id in committed:
            assert (int(review_id), unit_id) in logged
            assert store.get_item(unit_id).reps == 1
        assert len(logged) >= len(committed) >= 150  # at most the one being answered was unprinted


def test_two_writers_at_once_lose_no_review(tmp_path):
    go = tmp_path / "go"
    count = 60
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path / "data"), name, str(count), str(go)],
                         stderr=subprocess.PIPE, text=True)
        for name in ("a", "b")
    ]
    time.sleep(0.3)  # both have opened the store (and one has created it)
    go.touch()
    for writer in writers:
        assert writer.wait(timeout=60) == 0, writer.stderr.read()
    with Store.open(tmp_path / "data") as store:
        assert store._conn.execute("SELECT count(*) FROM review_log").fetchone()[0] == 4 * count
        # Each rating read the state inside its own write transaction, so none overwrote another.
        assert store.get_item("shared").reps == 2 * count
        assert len(store.review_history("shared")) == 2 * count
        assert all(store.get_item(f"{name}-{i}") for name in "ab" for i in range(count))
    assert os.path.exists(tmp_path / "data" / "progress.db")
