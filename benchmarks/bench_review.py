"""How fast is the review loop on a big collection?

Generates a 100,000-card library with 1,000,000 logged reviews, then times the two things a learner
waits for on every card: picking the next card (`ReviewSession.next`) and persisting an answer
(`ReviewSession.answer`: fsrs + state + log entry, one committed transaction). Each median is
reported as a ratio to a bare SQLite single-row INSERT + COMMIT measured in the same run, on the
same disk, with the store's own durability settings (WAL, synchronous=FULL). Target: <= 5x.

Run: python benchmarks/bench_review.py [--cards N] [--reviews N] [--rounds N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from rnnquiz.study.cards import ReviewUnit
from rnnquiz.study.clock import ManualClock, StudyDay, to_ms
from rnnquiz.study.migrations import migrate
from rnnquiz.study.queue import ReviewSession, StudyConfig
from rnnquiz.study.stats import collect
from rnnquiz.study.store import DB_FILE, Store

DAY_MS = 86_400_000
TARGET = 5.0


def make_units(count: int) -> list[ReviewUnit]:
    return [
        ReviewUnit(
            id=f"card-{i:06d}", card_id=f"card-{i:06d}", variant="basic", prompt=f"Question {i}?",
            answer=f"Answer {i}.", expected=(f"Answer {i}.",), sibling_group=f"card-{i:06d}",
        )
        for i in range(count)
    ]


def generate(db: Path, units: list[ReviewUnit], reviews: int, now: datetime, rng: random.Random) -> float:
    """Build the store's schema and fill it in one transaction with executemany; returns seconds.

    Bulk-load tricks that a learner's database never sees: no journal while loading, and the
    secondary indexes are dropped first and rebuilt after (sorting once beats 1M random inserts).
    """
    started = time.perf_counter()
    now_ms = to_ms(now)
    reviewed = units[: int(len(units) * 0.8)]  # the last 20% are new cards
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    migrate(conn, now_ms)
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('item_state', 'review_log')"
    ).fetchall()
    conn.execute("BEGIN")
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")

    def states():
        for unit in reviewed:
            roll = rng.random()
            if roll < 0.002:  # a few learning / relearning cards, due within the hour around now
                state, step, due = 1 if roll < 0.001 else 3, 0, now_ms + rng.randint(-3_600_000, 3_600_000)
            else:  # mostly in the future; about 0.3% come due today (a few hundred cards)
                state, step, due = 2, None, now_ms + rng.randint(-DAY_MS // 2, 330 * DAY_MS)
            suspended = int(rng.random() < 0.005)
            queue = -1 if suspended else (2 if state == 2 else 1)
            yield (unit.id, "card", state, step, rng.uniform(1, 300), rng.uniform(1, 10), due,
                   now_ms - rng.randint(0, 60 * DAY_MS), rng.randint(1, 30), rng.randint(0, 4), suspended, 0, queue)

    conn.executemany(
        "INSERT INTO item_state (item_id, kind, state, step, stability, difficulty, due, last_review, reps,"
        " lapses, suspended, leech, queue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        states(),
    )
    start_ms, span = now_ms - 2 * 365 * DAY_MS, 2 * 365 * DAY_MS - DAY_MS
    ids = [u.id for u in reviewed]
    ratings = (1, 2, 3, 3, 3, 3, 3, 3, 3, 4)
    states_before = (0, 1, 2, 2, 2, 2, 3)

    def log_rows():
        random_ = rng.random
        for n in range(reviews):
            at = start_ms + span * n // reviews + int(random_() * 60_000)  # in time order, as logged
            yield ("card", ids[int(random_() * len(ids))], ratings[int(random_() * 10)], at, 8000,
                   states_before[int(random_() * 7)], None, 30.0 * random_() + 1, 5.0, at, at - DAY_MS,
                   5, 1, 0, 0, 2, at + DAY_MS * (1 + int(random_() * 60)))

    conn.executemany(
        "INSERT INTO review_log (kind, item_id, rating, reviewed_at, duration_ms, state_before, step_before,"
        " stability_before, difficulty_before, due_before, last_review_before, reps_before, lapses_before,"
        " suspended_before, leech_before, state_after, due_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?)",
        log_rows(),
    )
    for _, sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    return time.perf_counter() - started


class Baseline:
    """A bare table: one INSERT and COMMIT, nothing else."""

    def __init__(self, path: Path, synchronous: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute(f"PRAGMA synchronous = {synchronous}")
        self.conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, item TEXT, at INTEGER)")

    def insert(self, i: int) -> float:
        started = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO t (item, at) VALUES (?, ?)", (f"card-{i}", i))
        self.conn.execute("COMMIT")
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=1000, help="cards picked and answered")
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    args = parser.parse_args(argv)

    rng = random.Random(20250310)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="rnnquiz-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
    clock = ManualClock(now)
    try:
        for leftover in folder.glob(f"{DB_FILE}*"):
            leftover.unlink()
        units = make_units(args.cards)
        seconds = generate(folder / DB_FILE, units, args.reviews, now, rng)
        size_mb = (folder / DB_FILE).stat().st_size / 1e6
        print(f"generated {args.cards:,} cards and {args.reviews:,} reviews in {seconds:.1f} s ({size_mb:.0f} MB)")

        store = Store.open(folder, clock=clock)
        started = time.perf_counter()
        session = ReviewSession(store, units, StudyConfig(new_per_day=10_000), clock)
        print(f"session start (load {len(units):,} units, known ids): {(time.perf_counter() - started) * 1e3:.1f} ms")
        started = time.perf_counter()
        counts = session.counts()
        print(f"counts() {counts}: {(time.perf_counter() - started) * 1e3:.1f} ms (first call, cold cache)")

        full = Baseline(folder / "baseline-full.db", "FULL")
        normal = Baseline(folder / "baseline-normal.db", "NORMAL")
        pick, persist, base_full, base_normal = [], [], [], []
        by_state: dict[str, list[float]] = {}
        for i in range(args.rounds):
            base_full.append(full.insert(i))
            started = time.perf_counter()
            unit = session.next()
            pick.append(time.perf_counter() - started)
            if unit is None:
                print("queue ran dry; fewer rounds measured")
                break
            state = store.get_item(unit.id)
            by_state.setdefault(state.state_name if state else "new", []).append(pick[-1])
            rating = rng.choices((1, 2, 3, 4), (15, 10, 65, 10))[0]
            started = time.perf_counter()
            session.answer(unit, rating)
            persist.append(time.perf_counter() - started)
            base_normal.append(normal.insert(i))
            clock.advance(seconds=8)
        started = time.perf_counter()
        collect(store, list(session.units), StudyDay(), clock.now())
        print(f"statistics for all cards (stats screen): {(time.perf_counter() - started) * 1e3:.0f} ms")
        store.close()
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1e3:.3f} ms"

    baseline = statistics.median(base_full)
    pick_ratio = statistics.median(pick) / baseline
    persist_ratio = statistics.median(persist) / baseline
    for name, times in sorted(by_state.items()):
        print(f"  picked {len(times):4d} {name:<10} cards, median {ms(times)}")
    print(f"baseline insert+commit (WAL, synchronous=FULL, as the store): {ms(base_full)}")
    print(f"baseline insert+commit (WAL, synchronous=NORMAL, for reference): {ms(base_normal)}")
    print(f"pick next card:   {ms(pick)}  = {pick_ratio:.2f}x baseline"
          f"  ({statistics.median(pick) / statistics.median(base_normal):.1f}x the NORMAL one)")
    print(f"persist answer:   {ms(persist)}  = {persist_ratio:.2f}x baseline"
          f"  ({statistics.median(persist) / statistics.median(base_normal):.1f}x the NORMAL one)")
    ok = pick_ratio <= TARGET and persist_ratio <= TARGET
    print(f"target <= {TARGET:g}x: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
