"""A progress file that SQLite would misread is moved aside before SQLite touches it, and what it
still holds is copied into the fresh database: the learner's reviews are never thrown away."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fsrs import Rating

from rnnquiz.study.store import DB_FILE, Store

from ..shared import FIXTURES


def _reviews(store: Store) -> int:
    return store._conn.execute("SELECT count(*) FROM review_log").fetchone()[0]


def _empty_database_with_a_committed_log(data: Path, clock, scheduler, reviews: int = 50) -> None:
    """progress.db cut to 0 bytes while progress.db-wal still holds every committed review."""
    store = Store.open(data, clock=clock)
    for n in range(reviews):
        store.record_review(f"c{n}", "card", Rating.Good, scheduler)
        clock.advance(minutes=1)
    store.mark_section_read("s1")
    wal = data / f"{DB_FILE}-wal"
    saved = wal.read_bytes()
    assert len(saved) > 0
    store.close()  # the last connection checkpoints the log and deletes it
    (data / DB_FILE).write_bytes(b"")
    wal.write_bytes(saved)


def test_an_empty_database_beside_a_full_log_keeps_every_review(tmp_path, clock, scheduler):
    _empty_database_with_a_committed_log(tmp_path, clock, scheduler)
    with Store.open(tmp_path, clock=clock) as store:
        assert store.notice is not None
        assert "write-ahead log holds data" in store.notice and "50 reviews" in store.notice
        assert _reviews(store) == 50
        assert store.sections_read() == {"s1"}
        assert len(store.known_ids("card")) == 50  # the schedules came back too, not only the log
    moved = [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert any(name.endswith("-wal") for name in moved), moved  # the log itself is kept, never deleted


def test_the_stats_command_shows_the_recovered_reviews(tmp_path, clock, scheduler):
    data = tmp_path / "data"
    data.mkdir()
    _empty_database_with_a_committed_log(data, clock, scheduler)
    result = subprocess.run([sys.executable, "-m", "rnnquiz", "stats", "--data-dir", str(data),
                             "--content", str(FIXTURES / "mini")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "50 reviews" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_like_the_database_is_moved_aside_without_blocking(tmp_path, clock):
    os.mkfifo(tmp_path / DB_FILE)
    opened: list[Store] = []
    thread = threading.Thread(target=lambda: opened.append(Store.open(tmp_path, clock=clock)), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "opening the store blocked on the FIFO"
    store = opened[0]
    assert store.notice and "not a regular file" in store.notice
    assert (tmp_path / DB_FILE).is_file()
    store.close()


def test_a_damaged_database_gives_back_the_tables_that_can_still_be_read(tmp_path, clock, scheduler):
    with Store.open(tmp_path, clock=clock) as store:
        for n in range(5):
            store.record_review(f"c{n}", "card", Rating.Good, scheduler)
    path = tmp_path / DB_FILE
    data = bytearray(path.read_bytes())
    data[:16] = b"not a database!!"  # the header is gone; SQLite refuses the whole file
    path.write_bytes(bytes(data))
    with Store.open(tmp_path, clock=clock) as store:
        assert store.notice and "moved to" in store.notice
        assert _reviews(store) == 0  # nothing readable: a fresh start, the old file kept aside
    assert any(".corrupt-" in p.name for p in tmp_path.iterdir())


def _store_with_history(data: Path, clock, scheduler, reviews: int = 7) -> None:
    with Store.open(data, clock=clock) as store:
        for n in range(reviews):
            store.record_review(f"c{n}", "card", Rating.Good, scheduler)
            clock.advance(minutes=1)
        store.mark_section_read("s1")


def _damage(path: Path, sql: str) -> None:
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(sql)
    conn.close()


@pytest.mark.parametrize(("sql", "reason"), [
    ("DROP TABLE section_read", "it lacks its table section_read"),
    ("DELETE FROM schema_version", "it could not be brought up to date"),  # read as version 0
    ("ALTER TABLE flag DROP COLUMN note", "it lacks column note of its table flag"),
])
def test_an_old_or_incomplete_database_is_moved_aside_and_its_reviews_come_back(tmp_path, clock, scheduler,
                                                                               sql, reason):
    _store_with_history(tmp_path, clock, scheduler)
    _damage(tmp_path / DB_FILE, sql)
    with Store.open(tmp_path, clock=clock) as store:
        assert store.notice and reason in store.notice and "7 reviews" in store.notice
        assert _reviews(store) == 7
        store.record_review("new", "card", Rating.Good, scheduler)  # and the fresh one works
        assert store.sections_read() == ({"s1"} if "section_read" not in sql else set())
    with Store.open(tmp_path, clock=clock) as again:  # the next start is a normal one
        assert again.notice is None and _reviews(again) == 8


def test_a_review_log_that_is_gone_still_leaves_the_learner_a_working_store(tmp_path, clock, scheduler):
    _store_with_history(tmp_path, clock, scheduler)
    _damage(tmp_path / DB_FILE, "DROP TABLE review_log")
    with Store.open(tmp_path, clock=clock) as store:
        assert store.notice and "review_log" in store.notice
        assert len(store.known_ids("card")) == 7  # the schedules were readable and came back
        store.record_review("c0", "card", Rating.Good, scheduler)
