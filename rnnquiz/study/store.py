"""The progress store: card and question state, the review log, sections read, quiz attempts,
flags and settings, in one SQLite file (see `database.py` for how it is opened and kept safe).

Each public method is one transaction; a learner action is one `BEGIN IMMEDIATE ... COMMIT`, so two
copies of the app never interleave half an action. Every time is stored as UTC epoch milliseconds.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rnnquiz.study.clock import Clock, SystemClock, from_ms, to_ms
from rnnquiz.study.database import BUSY_TIMEOUT_S, DB_FILE, StoreError, errors, open_database
from rnnquiz.study.items import NEW, REVIEW, ItemState, Kind, Queue, ReviewOutcome
from rnnquiz.study.migrations import schema_version

if TYPE_CHECKING:  # fsrs loads only when something is scheduled, not when the app reads progress
    from fsrs import Rating, State

    from rnnquiz.study.scheduler import StudyScheduler

__all__ = ["DB_FILE", "Flag", "QuizAttempt", "ReviewRecord", "Store", "StoreError"]

_ITEM_COLUMNS = "item_id, kind, state, step, stability, difficulty, due, last_review, reps, lapses, suspended, leech"


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One entry of the review log."""

    id: int
    item_id: str
    kind: Kind
    rating: int
    reviewed_at: datetime
    state_before: int
    state_after: int
    due_after: datetime
    duration_ms: int | None


@dataclass(frozen=True, slots=True)
class QuizAttempt:
    id: int
    question_id: str
    section_id: str | None
    course_id: str | None
    score: float
    response: Any
    at: datetime


@dataclass(frozen=True, slots=True)
class Flag:
    """An item the learner flagged for its author (a typo, a wrong answer...)."""

    item_id: str
    kind: Kind
    flagged_at: datetime
    note: str | None


class Store:
    """The progress database. Each public method is one transaction; safe to share between threads."""

    persistent = True
    """Saved on disk (see `progress_store.ProgressStore`)."""

    def __init__(self, path: Path, *, clock: Clock | None = None, busy_timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.clock: Clock = clock or SystemClock()
        self.busy_timeout = busy_timeout
        self.notice: str | None
        """Set when a damaged database was moved aside at open: show it to the learner once."""
        self._lock = threading.RLock()
        self._wanted: frozenset[str] | None = None
        self._conn: sqlite3.Connection | None
        self._conn, self.notice = open_database(self.path, self.clock, busy_timeout)

    @classmethod
    def open(cls, data_dir: Path, *, clock: Clock | None = None, busy_timeout: float = BUSY_TIMEOUT_S) -> Store:
        """The store in `data_dir` (created if missing)."""
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the data folder {data_dir}: {error.strerror or error}") from error
        return cls(data_dir / DB_FILE, clock=clock, busy_timeout=busy_timeout)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions ---------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, errors(self.path):
            if self._conn is None:
                raise StoreError("the progress database is closed")
            yield self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One learner action: all of it is committed, or none of it."""
        with self._read() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # a failed COMMIT (busy, disk full) leaves it open too
                    conn.execute("ROLLBACK")
                raise

    def _id_filter(self, conn: sqlite3.Connection, ids: Collection[str] | None, *, by_time: bool = False) -> str:
        """A SQL condition limiting rows to `ids`, through a temporary table (no lock on the main file).

        `by_time`: the query scans the log by time, so keep SQLite from driving it by item id instead
        (a unary `+` makes the column unindexable; 100,000 ids x their whole history is far slower).
        """
        if ids is None:
            return ""
        wanted = frozenset(ids)
        if wanted != self._wanted:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY) WITHOUT ROWID")
            conn.execute("BEGIN")  # one transaction for the whole fill; it touches only the temp database
            try:
                conn.execute("DELETE FROM temp.wanted")
                conn.executemany("INSERT INTO temp.wanted (id) VALUES (?)", ((i,) for i in sorted(wanted)))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            self._wanted = wanted
        column = "+item_id" if by_time else "item_id"
        return f" AND {column} IN (SELECT id FROM temp.wanted)"

    def schema_version(self) -> int:
        with self._read() as conn:
            return schema_version(conn)

    # --- reviews --------------------------------------------------------------------------------

    def record_review(
        self,
        item_id: str,
        kind: Kind,
        rating: Rating | int,
        scheduler: StudyScheduler,
        *,
        at: datetime | None = None,
        duration_ms: int | None = None,
    ) -> ReviewOutcome:
        """Rate an item: new state and log entry in one transaction. Works for cards and questions."""
        at = from_ms(to_ms(at or self.clock.now()))  # what is returned is exactly what is stored
        with self._write() as conn:
            return _review(conn, item_id, kind, _rating(rating), scheduler, at, duration_ms)

    def undo_review(self, review_id: int) -> ItemState | None:
        """Take back one rating: restore the item's state and remove the log entry, in one transaction.

        Only an item's latest review can be undone, so undo never overwrites a later review (from
        another copy of the app, say). Returns the restored state, None if the item is new again.
        """
        with self._write() as conn:
            row = conn.execute(
                "SELECT kind, item_id, state_before, step_before, stability_before, difficulty_before,"
                " due_before, last_review_before, reps_before, lapses_before, suspended_before, leech_before"
                " FROM review_log WHERE id = ?",
                (review_id,),
            ).fetchone()
            if row is None:
                raise StoreError("nothing to undo: that rating is no longer in the review log")
            kind, item_id, state_before = row[0], row[1], row[2]
            latest = conn.execute(
                "SELECT max(id) FROM review_log WHERE kind = ? AND item_id = ?", (kind, item_id)
            ).fetchone()[0]
            if latest != review_id:
                raise StoreError(f"cannot undo that rating: {item_id} was reviewed again after it")
            if state_before == NEW:
                conn.execute("DELETE FROM item_state WHERE kind = ? AND item_id = ?", (kind, item_id))
                restored = None
            else:
                restored = _item_of((item_id, kind, *row[2:]))  # the log's `*_before` columns, in state order
                _put_item(conn, restored)
            conn.execute("DELETE FROM review_log WHERE id = ?", (review_id,))
        return restored

    def get_item(self, item_id: str, kind: Kind = "card") -> ItemState | None:
        with self._read() as conn:
            return _get_item(conn, kind, item_id)

    def has_item(self, item_id: str, kind: Kind = "card") -> bool:
        with self._read() as conn:
            return conn.execute(
                "SELECT 1 FROM item_state WHERE kind = ? AND item_id = ?", (kind, item_id)
            ).fetchone() is not None

    def item_states(self, kind: Kind = "card", ids: Collection[str] | None = None) -> dict[str, ItemState]:
        """Stored states by item id; items never reviewed are absent. Ids no longer in content stay."""
        with self._read() as conn:
            where = self._id_filter(conn, ids)
            rows = conn.execute(f"SELECT {_ITEM_COLUMNS} FROM item_state WHERE kind = ?{where}", (kind,))
            return {row[0]: _item_of(row) for row in rows}

    def known_ids(self, kind: Kind = "card") -> set[str]:
        """Ids with stored state, i.e. reviewed at least once."""
        with self._read() as conn:
            return {row[0] for row in conn.execute("SELECT item_id FROM item_state WHERE kind = ?", (kind,))}

    def iter_due(
        self, kind: Kind, queue: Queue, until: datetime | None = None, *, page: int = 64
    ) -> Iterator[tuple[str, datetime]]:
        """Items of one queue in due order (due no later than `until`), read a page at a time."""
        last_due, last_id = -(2**62), ""
        limit = 2**62 if until is None else to_ms(until)
        while True:
            with self._read() as conn:
                rows = conn.execute(
                    "SELECT item_id, due FROM item_state WHERE kind = ? AND queue = ? AND due <= ?"
                    " AND (due > ? OR (due = ? AND item_id > ?)) ORDER BY due, item_id LIMIT ?",
                    (kind, int(queue), limit, last_due, last_due, last_id, page),
                ).fetchall()
            for item_id, due in rows:
                yield item_id, from_ms(due)
            if len(rows) < page:
                return
            last_id, last_due = rows[-1]
            page = min(page * 4, 4096)

    def due_items(
        self, kind: Kind = "question", ids: Collection[str] | None = None, now: datetime | None = None
    ) -> list[str]:
        """Ids due for review at `now` (learning first, then by due), not suspended; new items are never due."""
        now = now or self.clock.now()
        wanted = None if ids is None else set(ids)
        due = [item_id for queue in (Queue.LEARNING, Queue.REVIEW) for item_id, _ in self.iter_due(kind, queue, now)]
        return due if wanted is None else [item_id for item_id in due if item_id in wanted]

    def set_suspended(self, item_id: str, suspended: bool, kind: Kind = "card") -> bool:
        """Suspend or unsuspend; False if the item has no stored state. Unsuspending keeps the leech tag."""
        with self._write() as conn:
            item = _get_item(conn, kind, item_id)
            if item is None:
                return False
            _put_item(conn, replace(item, suspended=suspended))
            return True

    def leeches(self, kind: Kind = "card") -> list[ItemState]:
        """Items tagged as leeches, most lapses first."""
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_ITEM_COLUMNS} FROM item_state WHERE kind = ? AND leech = 1 ORDER BY lapses DESC, item_id",
                (kind,),
            )
            return [_item_of(row) for row in rows]

    def reviews_since(self, since: datetime, kind: Kind = "card", *, after_id: int = 0) -> list[tuple[int, str, int]]:
        """(log id, item id, state before) of reviews at or after `since`, oldest first."""
        with self._read() as conn:
            return conn.execute(
                "SELECT id, item_id, state_before FROM review_log"
                " WHERE reviewed_at >= ? AND kind = ? AND id > ? ORDER BY id",
                (to_ms(since), kind, after_id),
            ).fetchall()

    def review_history(self, item_id: str, kind: Kind = "card") -> list[ReviewRecord]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, item_id, kind, rating, reviewed_at, state_before, state_after, due_after, duration_ms"
                " FROM review_log WHERE kind = ? AND item_id = ? ORDER BY id",
                (kind, item_id),
            )
            return [
                ReviewRecord(r[0], r[1], r[2], r[3], from_ms(r[4]), r[5], r[6], from_ms(r[7]), r[8]) for r in rows
            ]

    def review_counts(
        self,
        since: datetime,
        until: datetime | None = None,
        *,
        kind: Kind = "card",
        ids: Collection[str] | None = None,
        bucket_minutes: int = 15,
    ) -> list[tuple[datetime, int]]:
        """Reviews per time bucket in [since, until). Every time zone offset is a multiple of 15 minutes,
        so 15-minute buckets can be regrouped into local study days exactly."""
        bucket = bucket_minutes * 60_000
        with self._read() as conn:
            where = self._id_filter(conn, ids, by_time=True)
            rows = conn.execute(
                "SELECT reviewed_at / ? * ?, count(*) FROM review_log"
                f" WHERE kind = ? AND reviewed_at >= ? AND reviewed_at < ?{where} GROUP BY 1 ORDER BY 1",
                (bucket, bucket, kind, to_ms(since), 2**62 if until is None else to_ms(until)),
            ).fetchall()
        return [(from_ms(start), count) for start, count in rows]

    def retention_counts(
        self, since: datetime, *, kind: Kind = "card", ids: Collection[str] | None = None
    ) -> tuple[int, int]:
        """(passed, total) reviews of items in the review state since `since`; passed = Hard or better."""
        with self._read() as conn:
            where = self._id_filter(conn, ids, by_time=True)
            passed, total = conn.execute(
                f"SELECT coalesce(sum(rating >= 2), 0), count(*) FROM review_log"
                f" WHERE kind = ? AND state_before = ? AND reviewed_at >= ?{where}",
                (kind, REVIEW, to_ms(since)),
            ).fetchone()
        return passed, total

    # --- flags ------------------------------------------------------------------------------------

    def flag(self, item_id: str, kind: Kind = "card", *, note: str | None = None, at: datetime | None = None) -> None:
        """Flag an item for its author; flagging again updates the note."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO flag (kind, item_id, flagged_at, note) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (kind, item_id) DO UPDATE SET note = coalesce(excluded.note, note)",
                (kind, item_id, to_ms(at or self.clock.now()), note),
            )

    def unflag(self, item_id: str, kind: Kind = "card") -> bool:
        with self._write() as conn:
            return conn.execute("DELETE FROM flag WHERE kind = ? AND item_id = ?", (kind, item_id)).rowcount > 0

    def is_flagged(self, item_id: str, kind: Kind = "card") -> bool:
        with self._read() as conn:
            return conn.execute(
                "SELECT 1 FROM flag WHERE kind = ? AND item_id = ?", (kind, item_id)
            ).fetchone() is not None

    def flagged(self, kind: Kind | None = None) -> list[Flag]:
        """Flagged items, oldest flag first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT item_id, kind, flagged_at, note FROM flag WHERE ? IS NULL OR kind = ?"
                " ORDER BY flagged_at, item_id",
                (kind, kind),
            )
            return [Flag(r[0], r[1], from_ms(r[2]), r[3]) for r in rows]

    # --- sections ---------------------------------------------------------------------------------

    def mark_section_read(self, section_id: str, at: datetime | None = None) -> None:
        at_ms = to_ms(at or self.clock.now())
        with self._write() as conn:
            conn.execute(
                "INSERT INTO section_read (section_id, first_read_at, last_read_at) VALUES (?, ?, ?)"
                " ON CONFLICT (section_id) DO UPDATE SET last_read_at = excluded.last_read_at",
                (section_id, at_ms, at_ms),
            )

    def sections_read(self) -> set[str]:
        with self._read() as conn:
            return {row[0] for row in conn.execute("SELECT section_id FROM section_read")}

    def first_read_at(self, section_id: str) -> datetime | None:
        with self._read() as conn:
            row = conn.execute("SELECT first_read_at FROM section_read WHERE section_id = ?", (section_id,)).fetchone()
        return None if row is None else from_ms(row[0])

    # --- quiz attempts ----------------------------------------------------------------------------

    def record_quiz_attempt(
        self,
        question_id: str,
        section_id: str | None,
        course_id: str | None,
        score: float,
        response: Any,
        at: datetime | None = None,
    ) -> int:
        """Store one answered quiz question; `response` is what the learner gave (JSON-able)."""
        attempt_id, _ = self.record_quiz_answer(question_id, section_id, course_id, score, response, rating=None, at=at)
        return attempt_id

    def record_quiz_answer(
        self,
        question_id: str,
        section_id: str | None,
        course_id: str | None,
        score: float,
        response: Any,
        *,
        rating: Rating | int | None,
        scheduler: StudyScheduler | None = None,
        at: datetime | None = None,
    ) -> tuple[int, ReviewOutcome | None]:
        """One answered question as one learner action: the attempt, and (if `rating` is given)
        the question's fsrs review, committed together. Returns (attempt id, review outcome).

        A `rating` needs a `scheduler`; without a rating only the attempt is stored."""
        if rating is not None and scheduler is None:
            raise TypeError("a rated quiz answer needs the scheduler")  # a caller bug, not learner input
        encoded = _quiz_response(score, response)
        at = from_ms(to_ms(at or self.clock.now()))
        with self._write() as conn:
            attempt_id = _insert_attempt(conn, question_id, section_id, course_id, score, encoded, at)
            outcome = None
            if rating is not None and scheduler is not None:
                outcome = _review(conn, question_id, "question", _rating(rating), scheduler, at)
        return attempt_id, outcome

    def quiz_attempts(self, question_id: str) -> list[QuizAttempt]:
        """Attempts at one question, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, question_id, section_id, course_id, score, response, at FROM quiz_attempt"
                " WHERE question_id = ? ORDER BY at, id",
                (question_id,),
            )
            return [QuizAttempt(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), from_ms(r[6])) for r in rows]

    def best_quiz_score(self, section_id: str, question_ids: Collection[str] | None = None) -> float | None:
        """Mean over the section's questions of each one's best score; None if none was attempted.

        With `question_ids` (the section's current questions), unattempted ones count as 0 and
        attempts at questions since removed are ignored.
        """
        with self._read() as conn:
            best = dict(
                conn.execute(
                    "SELECT question_id, max(score) FROM quiz_attempt WHERE section_id = ? GROUP BY question_id",
                    (section_id,),
                ).fetchall()
            )
        if question_ids is not None:
            best = {q: best.get(q, 0.0) for q in question_ids} if any(q in best for q in question_ids) else {}
        return sum(best.values()) / len(best) if best else None

    # --- settings ---------------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._read() as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        encoded = json.dumps(value, ensure_ascii=False)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, encoded),
            )


# --- row helpers ------------------------------------------------------------------------------------


def _rating(value: int) -> Rating:
    from fsrs import Rating

    return Rating(value)


def _state(value: int) -> State:
    """fsrs's State for a stored state number (imported here: only reading states needs fsrs)."""
    from fsrs import State

    return State(value)


def _item_of(row: tuple[Any, ...]) -> ItemState:
    return ItemState(
        row[0], row[1], _state(row[2]), row[3], row[4], row[5], from_ms(row[6]),
        None if row[7] is None else from_ms(row[7]), row[8], row[9], bool(row[10]), bool(row[11]),
    )


def _get_item(conn: sqlite3.Connection, kind: Kind, item_id: str) -> ItemState | None:
    row = conn.execute(
        f"SELECT {_ITEM_COLUMNS} FROM item_state WHERE kind = ? AND item_id = ?", (kind, item_id)
    ).fetchone()
    return None if row is None else _item_of(row)


def _put_item(conn: sqlite3.Connection, item: ItemState) -> None:
    conn.execute(
        f"INSERT OR REPLACE INTO item_state ({_ITEM_COLUMNS}, queue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item.item_id, item.kind, int(item.state), item.step, item.stability, item.difficulty, to_ms(item.due),
            None if item.last_review is None else to_ms(item.last_review), item.reps, item.lapses,
            int(item.suspended), int(item.leech), int(item.queue),
        ),
    )


def _before_columns(item: ItemState | None) -> tuple[Any, ...]:
    if item is None:
        return (NEW, None, None, None, None, None, 0, 0, 0, 0)
    return (
        int(item.state), item.step, item.stability, item.difficulty, to_ms(item.due),
        None if item.last_review is None else to_ms(item.last_review), item.reps, item.lapses,
        int(item.suspended), int(item.leech),
    )


def _review(
    conn: sqlite3.Connection,
    item_id: str,
    kind: Kind,
    rating: Rating,
    scheduler: StudyScheduler,
    at: datetime,
    duration_ms: int | None = None,
) -> ReviewOutcome:
    """Schedule and log one rating, inside the caller's write transaction."""
    before = _get_item(conn, kind, item_id)
    reviewed = scheduler.review(before, item_id, kind, rating, at)
    _put_item(conn, reviewed.item)
    cursor = conn.execute(
        "INSERT INTO review_log (kind, item_id, rating, reviewed_at, duration_ms, state_before,"
        " step_before, stability_before, difficulty_before, due_before, last_review_before,"
        " reps_before, lapses_before, suspended_before, leech_before, state_after, due_after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, item_id, int(rating), to_ms(at), duration_ms, *_before_columns(before),
         int(reviewed.item.state), to_ms(reviewed.item.due)),
    )
    return ReviewOutcome(
        review_id=cursor.lastrowid,
        item=reviewed.item,
        rating=int(rating),
        state_before=NEW if before is None else int(before.state),
        reviewed_at=at,
        became_leech=reviewed.became_leech,
    )


def _quiz_response(score: float, response: Any) -> str:
    if not 0.0 <= score <= 1.0:
        raise ValueError(f"a quiz score is between 0 and 1, not {score}")
    return json.dumps(response, ensure_ascii=False)


def _insert_attempt(
    conn: sqlite3.Connection,
    question_id: str,
    section_id: str | None,
    course_id: str | None,
    score: float,
    encoded: str,
    at: datetime,
) -> int:
    cursor = conn.execute(
        "INSERT INTO quiz_attempt (question_id, section_id, course_id, score, response, at) VALUES (?, ?, ?, ?, ?, ?)",
        (question_id, section_id, course_id, float(score), encoded, to_ms(at)),
    )
    return int(cursor.lastrowid or 0)
