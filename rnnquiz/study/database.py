"""Opening the progress database safely: WAL, a busy timeout, migrations, and a damaged file
moved aside (never deleted) so a fresh one can start.

Nothing the learner did may be lost, so: WAL with `synchronous=FULL` (a committed action survives a
kill or a power cut) and a busy timeout (a second copy of the app waits instead of failing).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rnnquiz.study.clock import Clock, to_ms
from rnnquiz.study.migrations import LATEST_VERSION, NewerSchemaError, migrate, schema_version

log = logging.getLogger("rnnquiz.study")

DB_FILE = "progress.db"
BUSY_TIMEOUT_S = 10.0

_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class StoreError(Exception):
    """A problem with the progress database, worded for the learner (one line, no traceback)."""


class _Damaged(Exception):
    def __init__(self, reason: str, moved: Path) -> None:
        super().__init__(reason)
        self.reason, self.moved = reason, moved


def open_database(
    path: Path, clock: Clock, busy_timeout: float = BUSY_TIMEOUT_S
) -> tuple[sqlite3.Connection, str | None]:
    """A connection ready for use (WAL, migrated), and a notice for the learner if a damaged
    database had to be moved aside first. Raises StoreError when it cannot be done."""
    opener = _Opener(path, clock, busy_timeout)
    return opener.open(), opener.notice


class _Opener:
    def __init__(self, path: Path, clock: Clock, busy_timeout: float) -> None:
        self.path, self.clock, self.busy_timeout = path, clock, busy_timeout
        self.notice: str | None = None

    def open(self) -> sqlite3.Connection:
        try:
            reason = self._unusable_file()
            if reason is None:
                return self._connect()
            moved = self._move_aside(None)
        except NewerSchemaError as error:
            raise StoreError(
                f"{self.path} was written by a newer rnnquiz ({error}); upgrade rnnquiz, or use --data-dir"
            ) from error
        except _Damaged as damage:
            reason, moved = damage.reason, damage.moved
        except sqlite3.Error as error:
            raise StoreError(f"cannot open {self.path}: {error}") from error
        self.notice = (
            f"The progress database {self.path} could not be read ({reason}); it was moved to "
            f"{moved.name} and a fresh one was started."
        )
        log.info(self.notice)  # callers show the notice; a WARNING would also reach stderr a second time
        try:
            return self._connect()
        except (sqlite3.Error, NewerSchemaError, _Damaged) as error:
            raise StoreError(f"cannot start a fresh progress database at {self.path}: {error}") from error


    def _unusable_file(self) -> str | None:
        """Why the file can't be a database, found without letting SQLite touch it (and its WAL)."""
        if self.path.is_dir():
            return "it is a folder"
        for attempt in range(2):  # a second look, in case another copy is writing the first page now
            try:
                with self.path.open("rb") as file:
                    header = file.read(16)
            except FileNotFoundError:
                return None
            except OSError as error:
                return error.strerror or str(error)
            if header in (b"", b"SQLite format 3\x00"):
                return None
            if attempt == 0:
                time.sleep(0.05)
        return "file is not a database"


    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # damage shows here
            version = schema_version(conn)
            if version > LATEST_VERSION:  # checked before WAL is switched on: the file stays untouched
                raise NewerSchemaError(f"schema version {version}; this rnnquiz knows up to {LATEST_VERSION}")
            self._enable_wal(conn)
            conn.execute("PRAGMA synchronous = FULL")
            migrate(conn, to_ms(self.clock.now()))
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", 0) & 0xFF in _DAMAGED:
                raise _Damaged(str(error), self._move_aside(conn)) from error
            conn.close()
            raise
        except BaseException:
            conn.close()
            raise
        return conn


    def _enable_wal(self, conn: sqlite3.Connection) -> None:
        """Switch to WAL, waiting out a copy that is creating the file at this very moment:
        SQLite does not call the busy handler for a journal-mode change, so retry here."""
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)


    def _move_aside(self, conn: sqlite3.Connection | None) -> Path:
        """Rename the damaged database and its WAL aside. SQLite deletes a WAL when the last
        connection closes, so the WAL is copied first: its commits may be all that is left."""
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        number = 1
        while any(Path(f"{target}{side}").exists() for side in ("", "-wal", "-shm")):
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{number}")
            number += 1
        try:
            if conn is not None:
                for side in ("-wal", "-shm"):
                    if Path(f"{self.path}{side}").exists():
                        shutil.copy2(f"{self.path}{side}", f"{target}{side}")
                conn.close()
            self.path.rename(target)
            for side in ("-wal", "-shm"):
                if Path(f"{self.path}{side}").exists():
                    os.replace(f"{self.path}{side}", f"{target}{side}")
        except OSError as error:
            raise StoreError(
                f"the progress database {self.path} is damaged and could not be moved aside "
                f"({error.strerror or error}); move it away by hand, or use --data-dir"
            ) from error
        return target


@contextmanager
def errors(path: Path) -> Iterator[None]:
    """SQLite errors become one-line StoreErrors; the action they interrupted was rolled back."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StoreError(
                "the progress database is busy (another rnnquiz is writing); nothing was saved, try again"
            ) from error
        raise StoreError(f"progress database error in {path}: {error}") from error
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", 0) & 0xFF in _DAMAGED:
            raise StoreError(
                f"the progress database {path} is damaged ({error}); restart rnnquiz to move it aside"
            ) from error
        raise StoreError(f"progress database error in {path}: {error}") from error
