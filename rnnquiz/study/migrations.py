"""The progress database schema, as an ordered list of forward migrations.

A migration is never edited once released: a change to the schema is a new entry at the end.
Every time column holds UTC epoch milliseconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    description: str
    statements: Sequence[str]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "item state, review log, sections read, settings",
        (
            """CREATE TABLE item_state (
                kind TEXT NOT NULL CHECK (kind IN ('card', 'question')),
                item_id TEXT NOT NULL,
                state INTEGER NOT NULL CHECK (state IN (1, 2, 3)),
                step INTEGER,
                stability REAL,
                difficulty REAL,
                due INTEGER NOT NULL,
                last_review INTEGER,
                reps INTEGER NOT NULL DEFAULT 0,
                lapses INTEGER NOT NULL DEFAULT 0,
                suspended INTEGER NOT NULL DEFAULT 0,
                leech INTEGER NOT NULL DEFAULT 0,
                queue INTEGER NOT NULL,
                PRIMARY KEY (kind, item_id)
            ) WITHOUT ROWID""",
            # Picking the next card is one seek: learning (1) / review (2) / suspended (-1), by due.
            "CREATE INDEX item_state_queue ON item_state (kind, queue, due)",
            # Append-only, except that undo removes the entry it takes back. The *_before columns
            # hold the state the review replaced (NULL for a new item), so undo restores it exactly.
            """CREATE TABLE review_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                item_id TEXT NOT NULL,
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                reviewed_at INTEGER NOT NULL,
                duration_ms INTEGER,
                state_before INTEGER NOT NULL,
                step_before INTEGER,
                stability_before REAL,
                difficulty_before REAL,
                due_before INTEGER,
                last_review_before INTEGER,
                reps_before INTEGER NOT NULL DEFAULT 0,
                lapses_before INTEGER NOT NULL DEFAULT 0,
                suspended_before INTEGER NOT NULL DEFAULT 0,
                leech_before INTEGER NOT NULL DEFAULT 0,
                state_after INTEGER NOT NULL,
                due_after INTEGER NOT NULL
            )""",
            "CREATE INDEX review_log_time ON review_log (reviewed_at)",
            "CREATE INDEX review_log_item ON review_log (kind, item_id, id)",
            """CREATE TABLE section_read (
                section_id TEXT PRIMARY KEY,
                first_read_at INTEGER NOT NULL,
                last_read_at INTEGER NOT NULL
            ) WITHOUT ROWID""",
            "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        ),
    ),
    Migration(
        2,
        "quiz attempts and flags for authors",
        (
            """CREATE TABLE quiz_attempt (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                question_id TEXT NOT NULL,
                section_id TEXT,
                course_id TEXT,
                score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
                response TEXT NOT NULL,
                at INTEGER NOT NULL
            )""",
            "CREATE INDEX quiz_attempt_question ON quiz_attempt (question_id, at)",
            "CREATE INDEX quiz_attempt_section ON quiz_attempt (section_id)",
            """CREATE TABLE flag (
                kind TEXT NOT NULL,
                item_id TEXT NOT NULL,
                flagged_at INTEGER NOT NULL,
                note TEXT,
                PRIMARY KEY (kind, item_id)
            ) WITHOUT ROWID""",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


class NewerSchemaError(Exception):
    """The database was written by a newer rnnquiz; it is left untouched."""


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest migration applied; 0 for an empty database."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return 0
    version: int = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    return version


def migrate(conn: sqlite3.Connection, now_ms: int, target: int = LATEST_VERSION) -> list[int]:
    """Apply the missing migrations up to `target` in one transaction; returns the versions applied.

    The version is read inside the write transaction, so two copies starting at once migrate once.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)"
        )
        current = schema_version(conn)
        if current > LATEST_VERSION:
            raise NewerSchemaError(
                f"it uses schema version {current}, and this rnnquiz knows only up to {LATEST_VERSION}"
            )
        applied = []
        for migration in MIGRATIONS:
            if current < migration.version <= target:
                for statement in migration.statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.description, now_ms),
                )
                applied.append(migration.version)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return applied
