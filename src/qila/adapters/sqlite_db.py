"""One SQLite file shared by threads and processes: per-thread connections in WAL mode and
``BEGIN IMMEDIATE`` transactions that map sqlite3 errors to the caller's Qila error."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qila.errors import QilaError

_WRITER_LOCKS: dict[Path, threading.Lock] = {}
_WRITER_LOCKS_GUARD = threading.Lock()


class SqliteDb:
    def __init__(
        self, path: Path | str, schema: str, error: type[QilaError], busy_timeout_s: float = 5.0
    ) -> None:
        self.path = Path(path)
        self._error = error
        self._busy_timeout_s = busy_timeout_s
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _writer_lock(self.path):
            self.connection().executescript(schema)  # manages its own transaction

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (sqlite3 connections must not cross threads)."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, timeout=self._busy_timeout_s, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                # NORMAL in WAL mode: a committed write survives any process crash; only an OS
                # crash or power loss can lose the last transactions.
                db.execute("PRAGMA synchronous=NORMAL")
            except sqlite3.Error as exc:
                raise self._error(f"SQLite {self.path} unavailable: {exc}") from exc
            self._local.db = db
        return db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction. Threads of one process take turns on a lock rather than in
        SQLite's busy handler, which sleeps 1-100 ms between tries; other processes still
        wait in the busy handler (up to ``busy_timeout_s``)."""
        with _writer_lock(self.path):
            try:
                db = self.connection()
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(f"SQLite {self.path} unavailable: {exc}") from exc
            try:
                yield db
            except sqlite3.Error as exc:
                _rollback(db)
                raise self._error(f"SQLite {self.path} error: {exc}") from exc
            except BaseException:
                _rollback(db)
                raise
            try:
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(db)
                raise self._error(f"SQLite {self.path} commit failed: {exc}") from exc

    def read(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows of a read-only query, outside any write transaction."""
        try:
            return list(self.connection().execute(sql, args).fetchall())
        except sqlite3.Error as exc:
            raise self._error(f"SQLite {self.path} read failed: {exc}") from exc

    def close(self) -> None:
        """Close this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


def _writer_lock(path: Path) -> threading.Lock:
    with _WRITER_LOCKS_GUARD:
        return _WRITER_LOCKS.setdefault(path.resolve(), threading.Lock())


def _rollback(db: sqlite3.Connection) -> None:
    if db.in_transaction:
        db.execute("ROLLBACK")
