import sqlite3

import pytest
from fsrs import Rating

from rnnquiz.study.clock import to_ms
from rnnquiz.study.migrations import LATEST_VERSION, MIGRATIONS, migrate, schema_version
from rnnquiz.study.store import DB_FILE, Store, StoreError

from .conftest import START


def _old_database(path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, to_ms(START), target=version)
    conn.close()


def test_versions_are_ordered_and_contiguous():
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_a_version_1_database_is_migrated_forward_keeping_its_data(tmp_path, clock, scheduler):
    path = tmp_path / DB_FILE
    _old_database(path, 1)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO section_read VALUES ('s1', 1, 2)")
    conn.execute("INSERT INTO setting VALUES ('theme', '\"light\"')")
    assert schema_version(conn) == 1
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'quiz_attempt'").fetchone()
    conn.close()

    with Store.open(tmp_path, clock=clock) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.sections_read() == {"s1"} and store.get_setting("theme") == "light"
        store.record_quiz_attempt("q1", "s1", "rnn", 1.0, "yes")  # a table that version 2 added
        store.record_review("c1", "card", Rating.Good, scheduler)
        versions = store._conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert versions == [(v,) for v in range(1, LATEST_VERSION + 1)]


def test_a_database_from_a_newer_rnnquiz_is_refused_and_left_alone(tmp_path, clock):
    path = tmp_path / DB_FILE
    _old_database(path, LATEST_VERSION)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', 0)", (LATEST_VERSION + 1,))
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer rnnquiz"):
        Store.open(tmp_path, clock=clock)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if "corrupt" in p.name] == []


@pytest.mark.parametrize(
    "garbage",
    [b"this is not a database at all" * 200, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["text", "valid-header-then-garbage"],
)
def test_a_corrupt_database_is_moved_aside_never_deleted(tmp_path, clock, garbage):
    path = tmp_path / DB_FILE
    path.write_bytes(garbage)
    (tmp_path / f"{DB_FILE}-wal").write_bytes(b"old wal")
    with Store.open(tmp_path, clock=clock) as store:
        assert store.notice and "moved to progress.db.corrupt-20250310T120000Z" in store.notice
        store.mark_section_read("s1")
        assert store.sections_read() == {"s1"}
    moved = tmp_path / f"{DB_FILE}.corrupt-20250310T120000Z"
    assert moved.read_bytes() == garbage
    assert (tmp_path / f"{DB_FILE}.corrupt-20250310T120000Z-wal").read_bytes() == b"old wal"


def test_a_second_quarantine_in_the_same_second_does_not_overwrite_the_first(tmp_path, clock):
    for text in (b"first broken file" * 100, b"second broken file" * 100):
        (tmp_path / DB_FILE).unlink(missing_ok=True)
        for side in ("-wal", "-shm"):
            (tmp_path / f"{DB_FILE}{side}").unlink(missing_ok=True)
        (tmp_path / DB_FILE).write_bytes(text)
        Store.open(tmp_path, clock=clock).close()
    kept = sorted(p.read_bytes()[:6] for p in tmp_path.iterdir() if p.name.startswith(f"{DB_FILE}.corrupt-")
                  and not p.name.endswith(("-wal", "-shm")))
    assert kept == [b"first ", b"second"]


def test_a_folder_where_the_database_should_be_is_moved_aside(tmp_path, clock):
    (tmp_path / DB_FILE).mkdir()
    with Store.open(tmp_path, clock=clock) as store:
        assert store.notice
    assert (tmp_path / f"{DB_FILE}.corrupt-20250310T120000Z").is_dir()
