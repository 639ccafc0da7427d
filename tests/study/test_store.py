import sqlite3
from datetime import timedelta

import pytest
from fsrs import Rating, State

from rnnquiz.study.items import NEW
from rnnquiz.study.store import DB_FILE, Store, StoreError

from .conftest import START


def test_database_is_wal_with_full_sync_and_a_busy_timeout(store):
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
    assert store.path.name == DB_FILE


def test_a_review_stores_state_and_an_append_only_log_entry_in_utc(store, scheduler):
    outcome = store.record_review("c1", "card", Rating.Good, scheduler, at=START, duration_ms=1500)
    assert outcome.state_before == NEW and outcome.interval == timedelta(minutes=10)
    assert store.get_item("c1") == outcome.item
    [record] = store.review_history("c1")
    assert (record.rating, record.reviewed_at, record.state_before, record.duration_ms) == (3, START, NEW, 1500)
    assert record.reviewed_at.utcoffset() == timedelta(0)
    raw = store._conn.execute("SELECT reviewed_at, due_after FROM review_log").fetchone()
    assert raw == (int(START.timestamp() * 1000), int((START + timedelta(minutes=10)).timestamp() * 1000))


def test_undo_restores_state_and_removes_the_log_entry(store, scheduler):
    first = store.record_review("c1", "card", Rating.Easy, scheduler, at=START)
    second = store.record_review("c1", "card", Rating.Again, scheduler, at=first.item.due)
    assert store.get_item("c1").lapses == 1
    assert store.undo_review(second.review_id) == first.item
    assert store.get_item("c1") == first.item
    assert [r.id for r in store.review_history("c1")] == [first.review_id]
    assert store.undo_review(first.review_id) is None  # new again
    assert store.get_item("c1") is None and store.review_history("c1") == []
    with pytest.raises(StoreError, match="no longer in the review log"):
        store.undo_review(first.review_id)


def test_undo_refuses_to_overwrite_a_later_review(store, scheduler):
    first = store.record_review("c1", "card", Rating.Good, scheduler, at=START)
    store.record_review("c1", "card", Rating.Good, scheduler, at=first.item.due)
    with pytest.raises(StoreError, match="reviewed again"):
        store.undo_review(first.review_id)


def test_an_id_that_leaves_the_content_keeps_its_history(store, scheduler):
    store.record_review("gone", "card", Rating.Easy, scheduler, at=START)
    # The content no longer has "gone": nothing is deleted, and it comes back with its state.
    assert "gone" in store.known_ids()
    assert store.item_states("card", ["other"]) == {}
    assert store.item_states("card", ["gone"])["gone"].state == State.Review


def test_cards_and_questions_with_one_id_are_separate_items(store, scheduler):
    store.record_review("x", "card", Rating.Easy, scheduler, at=START)
    store.record_review("x", "question", Rating.Again, scheduler, at=START)
    assert store.get_item("x", "card").state == State.Review
    assert store.get_item("x", "question").state == State.Learning


def test_missed_questions_come_due_through_the_same_scheduler(store, scheduler):
    store.record_review("q1", "question", Rating.Again, scheduler, at=START)
    store.record_review("q2", "question", Rating.Easy, scheduler, at=START)
    assert store.due_items("question", now=START) == []
    assert store.due_items("question", now=START + timedelta(minutes=1)) == ["q1"]
    later = START + timedelta(days=60)
    assert store.due_items("question", now=later) == ["q1", "q2"]
    assert store.due_items("question", ids=["q2", "q3"], now=later) == ["q2"]
    assert store.due_items("card", now=later) == []


def test_quiz_attempts_and_best_section_score(store):
    store.record_quiz_attempt("q1", "s1", "rnn", 0.5, {"choice": 1}, at=START)
    store.record_quiz_attempt("q1", "s1", "rnn", 1.0, {"choice": 2}, at=START + timedelta(minutes=1))
    store.record_quiz_attempt("q2", "s1", "rnn", 0.0, ["a", "b"], at=START)
    attempts = store.quiz_attempts("q1")
    assert [(a.score, a.response) for a in attempts] == [(0.5, {"choice": 1}), (1.0, {"choice": 2})]
    assert attempts[0].at == START
    assert store.best_quiz_score("s1") == pytest.approx(0.5)
    assert store.best_quiz_score("s1", ["q1", "q2", "q3", "q4"]) == pytest.approx(0.25)
    assert store.best_quiz_score("s2") is None
    with pytest.raises(ValueError):
        store.record_quiz_attempt("q1", "s1", "rnn", 1.5, None)


def test_sections_settings_and_flags(store):
    store.mark_section_read("s1", START)
    store.mark_section_read("s1", START + timedelta(days=1))
    assert store.sections_read() == {"s1"}
    assert store.get_setting("theme", "dark") == "dark"
    store.set_setting("theme", "light")
    store.set_setting("study.new_per_day", 5)
    assert (store.get_setting("theme"), store.get_setting("study.new_per_day")) == ("light", 5)
    store.flag("c1~rev", note="typo in the back")
    store.flag("c1~rev")  # flagging again keeps the note
    [flag] = store.flagged()
    assert (flag.item_id, flag.kind, flag.note, flag.flagged_at) == ("c1~rev", "card", "typo in the back", START)
    assert store.unflag("c1~rev") and store.flagged() == []


def test_progress_survives_reopening(tmp_path, clock, scheduler):
    with Store.open(tmp_path, clock=clock) as first:
        outcome = first.record_review("c1", "card", Rating.Good, scheduler)
    with Store.open(tmp_path, clock=clock) as second:
        assert second.get_item("c1") == outcome.item


def test_a_closed_store_says_so(tmp_path, clock):
    store = Store.open(tmp_path, clock=clock)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.sections_read()


def test_a_writer_blocked_past_the_busy_timeout_gets_a_clear_error_and_writes_nothing(tmp_path, clock, scheduler):
    with Store.open(tmp_path, clock=clock, busy_timeout=0.2) as store:
        other = sqlite3.connect(store.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another copy of the app in the middle of its action
        with pytest.raises(StoreError, match="busy"):
            store.record_review("c1", "card", Rating.Good, scheduler)
        other.execute("ROLLBACK")
        other.close()
        assert store.get_item("c1") is None
        store.record_review("c1", "card", Rating.Good, scheduler)  # and the store still works
        assert store.get_item("c1").reps == 1


def test_a_quiz_answer_and_its_review_are_one_transaction(store, scheduler):
    attempt_id, outcome = store.record_quiz_answer(
        "q1", "s1", "rnn", 0.0, {"choice": 0}, rating=Rating.Again, scheduler=scheduler, at=START
    )
    assert store.quiz_attempts("q1")[0].id == attempt_id and outcome.item.item_id == "q1"
    assert store.get_item("q1", "question").reps == 1
    with pytest.raises(ValueError):
        store.record_quiz_answer("q1", "s1", "rnn", 2.0, None, rating=Rating.Good, scheduler=scheduler)
    assert len(store.quiz_attempts("q1")) == 1
    _, none = store.record_quiz_answer("q2", "s1", "rnn", 1.0, None, rating=None, scheduler=scheduler)
    assert none is None and store.get_item("q2", "question") is None


def test_a_failed_commit_is_rolled_back_and_the_next_action_still_works(store):
    class FailingCommit:
        """The store's connection, but COMMIT fails once (as when the disk is full)."""

        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn, self.failed = conn, False

        def execute(self, sql: str, *args):
            if sql == "COMMIT" and not self.failed:
                self.failed = True
                raise sqlite3.OperationalError("database or disk is full")
            return self.conn.execute(sql, *args)

        def __getattr__(self, name: str):
            return getattr(self.conn, name)

    real = store._conn
    store._conn = FailingCommit(real)
    with pytest.raises(StoreError):
        store.mark_section_read("s1", START)
    assert not real.in_transaction
    store.mark_section_read("s2", START)
    store._conn = real
    assert store.sections_read() == {"s2"}
