"""The embedded SQLite files' write-ahead log stays bounded: under load some reader always
holds a snapshot, SQLite never rewinds the log by itself, and without a truncating checkpoint
it grows for as long as the load lasts."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from qila.adapters.sqlite_db import SqliteDb
from qila.errors import QueueUnavailable

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
