"""The embedded SQLite files stay bounded on disk while the stack runs: the write-ahead log is
truncated (under load some reader always holds a snapshot, SQLite never rewinds the log by
itself, and it would grow for as long as the load lasts), and expired store records are
deleted without waiting for a restart."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from qila.adapters.sqlite_db import SqliteDb
from qila.adapters.sqlite_store import SqliteStore
from qila.errors import QueueUnavailable
from qila.ports.store import ClaimState

LIMIT = 256 * 1024
ROW = 64 * 1024
ROWS = 40


def wal_size(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_the_log_is_truncated_once_it_outgrows_its_limit_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    path = tmp_path / "queue.sqlite3"
    db = SqliteDb(
        path,
        "CREATE TABLE IF NOT EXISTS rows (body BLOB NOT NULL);",
        QueueUnavailable,
        wal_limit_bytes=LIMIT,
        checkpoint_every_s=0.05,
    )
    reader = sqlite3.connect(path, isolation_level=None)
    try:
        # A reader that keeps its snapshot: the log cannot be rewound while it reads.
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM rows").fetchone() == (0,)
        for _ in range(ROWS):
            with db.transaction() as conn:
                conn.execute("INSERT INTO rows VALUES (?)", (os.urandom(ROW),))
        grown = wal_size(path)
        assert grown > ROWS * ROW  # every page is in the log, none could be folded back
        reader.execute("COMMIT")

        # No further write: the background checkpoint alone must bring the file back down.
        deadline = time.monotonic() + 10.0
        while wal_size(path) > LIMIT and time.monotonic() < deadline:
            time.sleep(0.05)
        assert wal_size(path) <= LIMIT, f"log still {wal_size(path)} bytes (was {grown})"
        assert db.read("SELECT count(*) FROM rows") == [(ROWS,)]
    finally:
        reader.close()
        db.close()


def rows(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_expired_records_are_deleted_while_running_not_only_at_start(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = SqliteStore(path, ttl_s=1, prune_every_s=0.0)
    for n in range(3):
        store.claim(f"SM{n}", lease_s=30)
        store.complete(f"SM{n}", {"level": "no_red_flags"})
        store.record_check({"sid": f"SM{n}"})
    store.kv_put("cache:a", {"v": 1}, ttl_s=1)
    assert (rows(path, "processing"), rows(path, "checks"), rows(path, "kv")) == (3, 3, 1)
    time.sleep(1.2)  # everything above has expired

    # The next message's claim clears what expired; its own record stays.
    assert store.claim("SM9", lease_s=30).attempts == 1
    assert (rows(path, "processing"), rows(path, "checks"), rows(path, "kv")) == (1, 0, 0)
    assert store.get("SM9") is not None


def test_live_records_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = SqliteStore(path, ttl_s=3600, prune_every_s=0.0)
    store.claim("SM1", lease_s=30)
    store.complete("SM1", {"level": "likely_scam"})
    store.record_check({"sid": "SM1"})
    store.claim("SM2", lease_s=30)
    assert (rows(path, "processing"), rows(path, "checks")) == (2, 1)
    assert store.claim("SM1", lease_s=30).state is ClaimState.DONE
