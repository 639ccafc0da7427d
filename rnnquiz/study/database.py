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
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from rnnquiz.study.clock import Clock, to_ms
from rnnquiz.study.migrations import LATEST_VERSION, NewerSchemaError, migrate, schema_version

log = logging.getLogger("rnnquiz.study")

DB_FILE = "progress.db"
BUSY_TIMEOUT_S = 10.0

_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class StoreError(Exception):
    """A problem with the progress database, worded for the learner (one line, no traceback)."""


def _is_busy(error: sqlite3.OperationalError) -> bool:
    """Another copy holds the database: wait or give up, but never call the file damaged."""
    return getattr(error, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


@lru_cache(maxsize=1)
def _expected_schema() -> dict[str, frozenset[str]]:
    """Table -> columns of a database brought up to date from nothing."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(memory, 0)
        return _schema_of(memory)
    finally:
        memory.close()


def _schema_of(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: frozenset(row[1] for row in conn.execute(f'PRAGMA table_info("{t}")')) for t in tables}


def _missing_parts(conn: sqlite3.Connection) -> str | None:
    """What an up-to-date database should have and this one lacks (a table or a column), in words."""
    present = _schema_of(conn)
    for table, columns in _expected_schema().items():
        if table not in present:
            return f"its table {table}"
        if lacking := sorted(columns - present[table]):
            return f"column {lacking[0]} of its table {table}"
    return None


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
        try:
            conn = self._connect()
        except (sqlite3.Error, NewerSchemaError, _Damaged) as error:
            raise StoreError(f"cannot start a fresh progress database at {self.path}: {error}") from error
        recovered = recover_rows(moved, conn)
        kept = (f"; {recovered} review{'s' if recovered != 1 else ''} from it were copied into the fresh one"
                if recovered else "")
        self.notice = (
            f"The progress database {self.path} could not be read ({reason}); it was moved to "
            f"{moved.name} and a fresh one was started{kept}."
        )
        log.info(self.notice)  # callers show the notice; a WARNING would also reach stderr a second time
        return conn


    def _unusable_file(self) -> str | None:
        """Why the file can't be a database, found without letting SQLite touch it (and its WAL)."""
        if self.path.is_dir():
            return "it is a folder"
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            mode = None
        except OSError as error:
            return error.strerror or str(error)
        if mode is not None and not stat.S_ISREG(mode):
            return "it is not a regular file"  # a FIFO or a device would block or be written over
        wal = Path(f"{self.path}-wal")
        if _size(wal) and (mode is None or _size(self.path) == 0):
            # SQLite would take the empty file for a new database and delete the log: its commits,
            # perhaps every review, would be gone. Never open over a log we did not write.
            return "it is empty but its write-ahead log holds data"
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
            try:
                migrate(conn, to_ms(self.clock.now()))
            except sqlite3.OperationalError as error:
                if _is_busy(error):
                    raise
                # e.g. its version table was emptied: the first migration meets tables that exist
                raise _Damaged(f"it could not be brought up to date: {error}", self._move_aside(conn)) from error
            if missing := _missing_parts(conn):
                raise _Damaged(f"it lacks {missing}", self._move_aside(conn))
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
            if self.path.exists() or self.path.is_symlink():
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


def _size(path: Path) -> int:
    """Size of a regular file; 0 when it is missing, unreadable or not a regular file."""
    try:
        info = path.stat()
    except OSError:
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def recover_rows(moved: Path, fresh: sqlite3.Connection) -> int:
    """Copy every row that can still be read from a database moved aside into the fresh one,
    table by table (the learner's reviews above all); returns how many reviews were copied.

    The moved files are never opened in place: a copy is read, so SQLite can neither checkpoint
    nor delete their log. A table that cannot be read is skipped; nothing here raises.
    """
    if not moved.is_file() and not Path(f"{moved}-wal").is_file():
        return 0
    with tempfile.TemporaryDirectory(prefix="rnnquiz-recover-") as folder:
        copy = Path(folder) / "recovered.db"
        try:
            for side in ("", "-wal"):
                source = Path(f"{moved}{side}")
                if source.is_file():
                    shutil.copyfile(source, f"{copy}{side}")
            if not copy.exists() or copy.stat().st_size == 0:
                # With no header page SQLite ignores the log; the log's own copy of page 1 says
                # "WAL mode", and every later page is read from the log on top of it.
                copy.write_bytes(_first_page_from_wal(Path(f"{copy}-wal")))
            old = sqlite3.connect(copy, isolation_level=None)
        except (OSError, sqlite3.Error):
            return 0
        try:
            return _copy_tables(old, fresh)
        finally:
            old.close()


_WAL_MAGIC = (0x377F0682, 0x377F0683)


def _first_page_from_wal(wal: Path) -> bytes:
    """The newest copy of page 1 held in a write-ahead log (empty when it has none).

    Format (sqlite.org/fileformat.html#the_write_ahead_log): a 32-byte header with the page size
    at offset 8, then frames of a 24-byte header (page number first) and one page each.
    """
    try:
        data = wal.read_bytes()
    except OSError:
        return b""
    if len(data) < 32 or int.from_bytes(data[:4], "big") not in _WAL_MAGIC:
        return b""
    page_size = int.from_bytes(data[8:12], "big")
    if page_size < 512:
        return b""
    page = b""
    for offset in range(32, len(data) - 24 - page_size + 1, 24 + page_size):
        if int.from_bytes(data[offset:offset + 4], "big") == 1:
            page = data[offset + 24:offset + 24 + page_size]
    return page


def _copy_tables(old: sqlite3.Connection, fresh: sqlite3.Connection) -> int:
    reviews = 0
    tables = [row[0] for row in fresh.execute(
        "SELECT name FROM sqlite_master"
        " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_version'")]
    for table in tables:
        try:
            old_columns = {row[1] for row in old.execute(f'PRAGMA table_info("{table}")')}
            columns = [row[1] for row in fresh.execute(f'PRAGMA table_info("{table}")') if row[1] in old_columns]
            if not columns:
                continue
            names = ", ".join(f'"{c}"' for c in columns)
            rows = old.execute(f'SELECT {names} FROM "{table}"').fetchall()
        except sqlite3.DatabaseError:
            continue  # this table is damaged too; the others may not be
        marks = ", ".join("?" for _ in columns)
        try:
            fresh.execute("BEGIN IMMEDIATE")
            before = fresh.total_changes
            fresh.executemany(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})', rows)
            copied = fresh.total_changes - before
            fresh.execute("COMMIT")
        except sqlite3.Error:
            if fresh.in_transaction:
                fresh.execute("ROLLBACK")
            continue
        if table == "review_log":
            reviews = copied
    return reviews


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
