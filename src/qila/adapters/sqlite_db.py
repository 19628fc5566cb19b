"""One SQLite file shared by threads and processes: per-thread connections in WAL mode and
``BEGIN IMMEDIATE`` transactions that map sqlite3 errors to the caller's Qila error."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from qila.errors import QilaError

# Past this size the background checkpoint also rewinds and truncates the write-ahead log.
# Under steady load some reader always holds a snapshot, so SQLite never rewinds the log by
# itself and it grows without end (a 3,000-message burst left 403 MB of store log); the same
# size caps what a rewound log keeps on disk.
WAL_LIMIT_BYTES = 32 * 1024 * 1024
# How long a truncating checkpoint may hold writers back while readers finish (then it gives
# up until the next round): a webhook insert must never wait seconds for it.
_TRUNCATE_WAIT_MS = 100

_WRITER_LOCKS: dict[Path, threading.Lock] = {}
_WRITER_LOCKS_GUARD = threading.Lock()


class SqliteDb:
    def __init__(
        self,
        path: Path | str,
        schema: str,
        error: type[QilaError],
        busy_timeout_s: float = 5.0,
        wal_limit_bytes: int = WAL_LIMIT_BYTES,
        checkpoint_every_s: float = 1.0,
    ) -> None:
        self.path = Path(path)
        self._error = error
        self._busy_timeout_s = busy_timeout_s
        self._wal_limit_bytes = wal_limit_bytes
        self._checkpoint_every_s = checkpoint_every_s
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = _writer_lock(self.path)  # looked up once: resolve() costs a stat per call
        # Other processes: an advisory lock on a side file, held only around write transactions.
        self._lock_fd = os.open(
            self.path.with_name(self.path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600
        )
        self._checkpointer: threading.Thread | None = None
        with self._lock:
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
                # Checkpoints run on a background thread (below), not inside a request's commit.
                db.execute("PRAGMA wal_autocheckpoint=0")
                db.execute(f"PRAGMA journal_size_limit={int(self._wal_limit_bytes)}")
            except sqlite3.Error as exc:
                raise self._error(f"SQLite {self.path} unavailable: {exc}") from exc
            self._local.db = db
            self._start_checkpointer()
        return db

    def _start_checkpointer(self) -> None:
        if self._checkpointer is not None:
            return
        self._checkpointer = threading.Thread(
            target=_checkpoint_forever,
            args=(
                weakref.ref(self),
                self.path,
                self._busy_timeout_s,
                self._wal_limit_bytes,
                self._checkpoint_every_s,
            ),
            daemon=True,
            name=f"checkpoint-{self.path.name}",
        )
        self._checkpointer.start()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction. Writers take turns on a thread lock and an advisory file lock
        (other processes) rather than in SQLite's busy handler, which sleeps 1-100 ms between
        tries: the kernel wakes the next writer as soon as the lock is free."""
        with self._lock, _file_lock(self._lock_fd):
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

    def read(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query, outside any write transaction."""
        try:
            return list(self.connection().execute(sql, args).fetchall())
        except sqlite3.Error as exc:
            raise self._error(f"SQLite {self.path} read failed: {exc}") from exc

    def __del__(self) -> None:
        with suppress(AttributeError, OSError):
            os.close(self._lock_fd)

    def close(self) -> None:
        """Close this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


def _checkpoint_forever(
    owner: weakref.ref[SqliteDb],
    path: Path,
    busy_timeout_s: float,
    wal_limit_bytes: int,
    interval_s: float,
) -> None:
    """Fold the write-ahead log into the database every second (PASSIVE: never blocks
    writers), so a request's commit never pays for it; once the log has outgrown
    ``wal_limit_bytes``, rewind and truncate it (TRUNCATE: holds writers back for at most
    ``_TRUNCATE_WAIT_MS`` while readers finish). Ends when its SqliteDb is gone."""
    own = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)
    wal = path.with_name(path.name + "-wal")
    try:
        while owner() is not None:
            time.sleep(interval_s)
            try:
                own.execute("PRAGMA wal_checkpoint(PASSIVE)")
                if _size(wal) > wal_limit_bytes:
                    own.execute(f"PRAGMA busy_timeout={_TRUNCATE_WAIT_MS}")
                    try:
                        own.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    finally:
                        own.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
            except sqlite3.Error:
                continue  # busy or gone for a moment; try again next time
    finally:
        own.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@contextmanager
def _file_lock(fd: int) -> Iterator[None]:
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _writer_lock(path: Path) -> threading.Lock:
    with _WRITER_LOCKS_GUARD:
        return _WRITER_LOCKS.setdefault(path.resolve(), threading.Lock())


def _rollback(db: sqlite3.Connection) -> None:
    if db.in_transaction:
        db.execute("ROLLBACK")
