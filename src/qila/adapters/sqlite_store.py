"""The store port on SQLite: idempotency claims and check records on one machine."""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from qila.adapters.sqlite_db import SqliteDb
from qila.errors import StoreUnavailable
from qila.ports.store import Claim, ClaimState, ProcessingRecord

_SCHEMA = """
CREATE TABLE IF NOT EXISTS processing (
    key         TEXT PRIMARY KEY,
    status      TEXT NOT NULL,          -- in_progress | failed | completed
    stage       TEXT,
    lease_until REAL NOT NULL DEFAULT 0,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    outcome     TEXT NOT NULL DEFAULT '{}',
    updated_at  REAL NOT NULL,
    expires_at  REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS checks (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    record     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kv (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    expires_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS kv_expiry ON kv (expires_at);
CREATE INDEX IF NOT EXISTS processing_expiry ON processing (expires_at);
CREATE INDEX IF NOT EXISTS checks_expiry ON checks (expires_at);
"""


# Expired rows are deleted at start and then every so often while running (a worker that
# runs for months must not keep every check it ever made), a bounded batch per table at a
# time so that no write waits long behind the clean-up.
PRUNE_EVERY_S = 600.0
_PRUNE_BATCH = 5000


class SqliteStore:
    def __init__(
        self, path: Path | str, *, ttl_s: int = 7 * 86400, prune_every_s: float = PRUNE_EVERY_S
    ) -> None:
        self.path = Path(path)
        self.ttl_s = ttl_s
        self._prune_every_s = prune_every_s
        self._pruned_at = 0.0
        self._sql = SqliteDb(self.path, _SCHEMA, StoreUnavailable, busy_timeout_s=10.0)
        self._prune_if_due()

    def _prune_if_due(self) -> None:
        now = time.time()
        if now - self._pruned_at < self._prune_every_s:
            return
        self._pruned_at = now
        for table in ("processing", "checks", "kv"):
            with self._tx() as db:
                db.execute(
                    f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table}"
                    " WHERE expires_at <= ? LIMIT ?)",
                    (now, _PRUNE_BATCH),
                )

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._sql.transaction()

    def claim(self, key: str, lease_s: float) -> Claim:
        self._prune_if_due()
        now = time.time()
        with self._tx() as db:
            row = db.execute(
                "SELECT status, stage, lease_until, attempts, last_error FROM processing"
                " WHERE key = ?",
                (key,),
            ).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO processing (key, status, stage, lease_until, attempts,"
                    " updated_at, expires_at) VALUES (?, 'in_progress', 'claimed', ?, 1, ?, ?)",
                    (key, now + lease_s, now, now + self.ttl_s),
                )
                return Claim(ClaimState.NEW, attempts=1)
            status, stage, lease_until, attempts, last_error = row
            if status == "completed":
                return Claim(ClaimState.DONE, attempts=attempts, previous_stage=stage)
            if status == "in_progress" and lease_until > now:
                return Claim(ClaimState.BUSY, attempts=attempts, previous_stage=stage)
            db.execute(
                "UPDATE processing SET status = 'in_progress', lease_until = ?,"
                " attempts = attempts + 1, updated_at = ? WHERE key = ?",
                (now + lease_s, now, key),
            )
            return Claim(
                ClaimState.TAKEN_OVER,
                attempts=attempts + 1,
                previous_stage=stage,
                last_error=last_error,
            )

    def mark_stage(self, key: str, stage: str) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE processing SET stage = ?, updated_at = ? WHERE key = ?",
                (stage, time.time(), key),
            )

    def complete(self, key: str, outcome: dict[str, Any]) -> None:
        now = time.time()
        with self._tx() as db:
            db.execute(
                "UPDATE processing SET status = 'completed', stage = 'completed', lease_until = 0,"
                " outcome = ?, updated_at = ?, expires_at = ? WHERE key = ?",
                (json.dumps(outcome, default=str), now, now + self.ttl_s, key),
            )

    def release(self, key: str, error: str) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE processing SET status = 'failed', lease_until = 0, last_error = ?,"
                " updated_at = ? WHERE key = ? AND status != 'completed'",
                (error[:1000], time.time(), key),
            )

    def get(self, key: str) -> ProcessingRecord | None:
        rows = self._sql.read(
            "SELECT key, status, stage, attempts, last_error, outcome, updated_at"
            " FROM processing WHERE key = ?",
            (key,),
        )
        if not rows:
            return None
        row = rows[0]
        return ProcessingRecord(
            key=row[0],
            status=row[1],
            stage=row[2],
            attempts=row[3],
            last_error=row[4],
            outcome=json.loads(row[5]),
            updated_at=row[6],
        )

    def record_check(self, record: dict[str, Any]) -> None:
        now = time.time()
        with self._tx() as db:
            db.execute(
                "INSERT INTO checks (created_at, expires_at, record) VALUES (?, ?, ?)",
                (now, now + self.ttl_s, json.dumps(record, default=str, ensure_ascii=False)),
            )

    def recent_checks(self, limit: int = 20) -> list[dict[str, Any]]:
        rows = self._sql.read("SELECT record FROM checks ORDER BY seq DESC LIMIT ?", (limit,))
        return [json.loads(r[0]) for r in rows]

    # -- keyed records ---------------------------------------------------------------------
    def kv_get(self, key: str) -> dict[str, Any] | None:
        rows = self._sql.read(
            "SELECT value FROM kv WHERE key = ? AND expires_at > ?", (key, time.time())
        )
        return dict(json.loads(rows[0][0])) if rows else None

    def kv_put(self, key: str, value: dict[str, Any], ttl_s: int) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO kv (key, value, expires_at) VALUES (?, ?, ?)",
                (key, _dump(value), time.time() + ttl_s),
            )

    def kv_put_if_absent(self, key: str, value: dict[str, Any], ttl_s: int) -> bool:
        now = time.time()
        with self._tx() as db:
            live = db.execute(
                "SELECT 1 FROM kv WHERE key = ? AND expires_at > ?", (key, now)
            ).fetchone()
            if live:
                return False
            db.execute(
                "INSERT OR REPLACE INTO kv (key, value, expires_at) VALUES (?, ?, ?)",
                (key, _dump(value), now + ttl_s),
            )
            return True

    def kv_incr(self, key: str, ttl_s: int, amount: int = 1) -> int:
        now = time.time()
        with self._tx() as db:
            row = db.execute(
                "SELECT value, expires_at FROM kv WHERE key = ? AND expires_at > ?", (key, now)
            ).fetchone()
            count = (int(json.loads(row[0]).get("n", 0)) if row else 0) + amount
            expires = row[1] if row else now + ttl_s
            db.execute(
                "INSERT OR REPLACE INTO kv (key, value, expires_at) VALUES (?, ?, ?)",
                (key, _dump({"n": count}), expires),
            )
            return count

    def kv_append(self, key: str, item: dict[str, Any], ttl_s: int) -> list[dict[str, Any]]:
        now = time.time()
        with self._tx() as db:
            row = db.execute(
                "SELECT value FROM kv WHERE key = ? AND expires_at > ?", (key, now)
            ).fetchone()
            items = list(json.loads(row[0]).get("items", [])) if row else []
            items.append(item)
            db.execute(
                "INSERT OR REPLACE INTO kv (key, value, expires_at) VALUES (?, ?, ?)",
                (key, _dump({"items": items}), now + ttl_s),
            )
            return items

    def close(self) -> None:
        self._sql.close()


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, default=str, ensure_ascii=False)
