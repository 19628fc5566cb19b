"""An SQLite queue with SQS semantics, for the local stack and small self-hosted use.

One file holds the main queue and its dead-letter queue. It is durable across process restarts
(WAL journal; a crash of any process loses nothing that ``send`` returned for) and safe for
several processes at once (every state change is one ``BEGIN IMMEDIATE`` transaction).
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from contextlib import AbstractContextManager
from pathlib import Path

from qila.adapters.sqlite_db import SqliteDb
from qila.errors import QueueUnavailable
from qila.ports.queue import DeadLetter, QueueMessage, QueueStats

_SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT NOT NULL UNIQUE,
    queue          TEXT NOT NULL,              -- 'main' or 'dead'
    body           TEXT NOT NULL,
    attributes     TEXT NOT NULL DEFAULT '{}',
    sent_at        REAL NOT NULL,
    visible_at     REAL NOT NULL,
    receive_count  INTEGER NOT NULL DEFAULT 0,
    receipt_handle TEXT,
    expires_at     REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_ready ON messages (queue, visible_at);
CREATE UNIQUE INDEX IF NOT EXISTS messages_receipt ON messages (receipt_handle);
CREATE INDEX IF NOT EXISTS messages_expiry ON messages (expires_at);
"""

_POLL_INTERVAL_S = 0.01


class SqliteQueue:
    """Implements the ``Queue`` and ``DeadLetters`` ports on one SQLite file."""

    def __init__(
        self,
        path: Path | str,
        *,
        visibility_timeout_s: int = 30,
        max_receives: int = 3,
        retention_s: int = 4 * 86400,
        dlq_retention_s: int = 14 * 86400,
        busy_timeout_s: float = 5.0,
    ) -> None:
        self.path = Path(path)
        self.visibility_timeout_s = visibility_timeout_s
        self.max_receives = max_receives
        self.retention_s = retention_s
        self.dlq_retention_s = dlq_retention_s
        self._last_expiry_sweep = 0.0
        self._sql = SqliteDb(self.path, _SCHEMA, QueueUnavailable, busy_timeout_s)

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._sql.transaction()

    def close(self) -> None:
        self._sql.close()

    # -- Queue port ----------------------------------------------------------------------
    def send(self, body: str, attributes: dict[str, str] | None = None, delay_s: float = 0) -> str:
        message_id = str(uuid.uuid4())
        now = time.time()
        visible_at = now + max(0, min(delay_s, 900))
        with self._tx() as db:
            db.execute(
                "INSERT INTO messages (id, queue, body, attributes, sent_at, visible_at,"
                " expires_at) VALUES (?, 'main', ?, ?, ?, ?, ?)",
                (
                    message_id,
                    body,
                    json.dumps(attributes or {}),
                    now,
                    visible_at,
                    now + self.retention_s,
                ),
            )
        return message_id

    def receive(
        self,
        max_messages: int = 10,
        wait_seconds: float = 0.0,
        visibility_timeout: int | None = None,
    ) -> list[QueueMessage]:
        deadline = time.monotonic() + wait_seconds
        while True:
            messages = self._receive_once(max_messages, visibility_timeout)
            if messages or time.monotonic() >= deadline:
                return messages
            time.sleep(_POLL_INTERVAL_S)

    def _receive_once(
        self, max_messages: int, visibility_timeout: int | None
    ) -> list[QueueMessage]:
        now = time.time()
        # A read first: an empty poll must not take the write lock from the webhook's sends.
        if not self._sql.read(
            "SELECT 1 FROM messages WHERE queue = 'main' AND visible_at <= ? LIMIT 1", (now,)
        ):
            return []
        hide_for = self.visibility_timeout_s if visibility_timeout is None else visibility_timeout
        received: list[QueueMessage] = []
        with self._tx() as db:
            if now - self._last_expiry_sweep > 1.0:
                # Retention, as SQS: expired messages vanish unless someone holds them.
                db.execute(
                    "DELETE FROM messages WHERE expires_at <= ? AND visible_at <= ?",
                    (now, now),
                )
                self._last_expiry_sweep = now
            while len(received) < max_messages:
                rows = db.execute(
                    "SELECT seq, id, body, attributes, sent_at, receive_count FROM messages"
                    " WHERE queue = 'main' AND visible_at <= ? ORDER BY visible_at, seq"
                    " LIMIT ?",
                    (now, max_messages - len(received)),
                ).fetchall()
                if not rows:
                    break
                for seq, message_id, body, attributes, sent_at, count in rows:
                    if count >= self.max_receives:
                        # SQS redrive: a message received maxReceiveCount times that comes
                        # up again goes to the DLQ instead of to a consumer.
                        db.execute(
                            "UPDATE messages SET queue = 'dead', receipt_handle = NULL,"
                            " visible_at = ?, expires_at = ? WHERE seq = ?",
                            (now, now + self.dlq_retention_s, seq),
                        )
                        continue
                    handle = f"{message_id}:{uuid.uuid4().hex}"
                    db.execute(
                        "UPDATE messages SET receive_count = receive_count + 1,"
                        " receipt_handle = ?, visible_at = ? WHERE seq = ?",
                        (handle, now + hide_for, seq),
                    )
                    received.append(
                        QueueMessage(
                            message_id=message_id,
                            body=body,
                            receipt_handle=handle,
                            receive_count=count + 1,
                            sent_at=sent_at,
                            attributes=json.loads(attributes),
                        )
                    )
        return received

    def delete(self, receipt_handle: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM messages WHERE receipt_handle = ?", (receipt_handle,))

    def change_visibility(self, receipt_handle: str, timeout_s: int) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE messages SET visible_at = ? WHERE receipt_handle = ? AND queue = 'main'",
                (time.time() + timeout_s, receipt_handle),
            )

    def stats(self) -> QueueStats:
        now = time.time()
        ((visible, in_flight, dead),) = self._sql.read(
            "SELECT"
            " COALESCE(SUM(queue = 'main' AND visible_at <= ?), 0),"
            " COALESCE(SUM(queue = 'main' AND visible_at > ?), 0),"
            " COALESCE(SUM(queue = 'dead'), 0) FROM messages",
            (now, now),
        )
        return QueueStats(visible=int(visible), in_flight=int(in_flight), dead=int(dead))

    # -- DeadLetters port ----------------------------------------------------------------
    def list_dead(self, limit: int = 100) -> list[DeadLetter]:
        rows = self._sql.read(
            "SELECT id, body, receive_count, sent_at, attributes FROM messages"
            " WHERE queue = 'dead' ORDER BY seq LIMIT ?",
            (limit,),
        )
        return [
            DeadLetter(
                message_id=r[0],
                body=r[1],
                receive_count=r[2],
                sent_at=r[3],
                attributes=json.loads(r[4]),
            )
            for r in rows
        ]

    def redrive(self, message_ids: list[str] | None = None) -> int:
        now = time.time()
        with self._tx() as db:
            where, args = _id_filter(message_ids)
            cursor = db.execute(
                "UPDATE messages SET queue = 'main', receive_count = 0, receipt_handle = NULL,"
                f" visible_at = ?, expires_at = ? WHERE queue = 'dead'{where}",
                (now, now + self.retention_s, *args),
            )
            return cursor.rowcount

    def purge_dead(self, message_ids: list[str] | None = None) -> int:
        with self._tx() as db:
            where, args = _id_filter(message_ids)
            return db.execute(f"DELETE FROM messages WHERE queue = 'dead'{where}", args).rowcount


def _id_filter(message_ids: list[str] | None) -> tuple[str, tuple[str, ...]]:
    if message_ids is None:
        return "", ()
    marks = ",".join("?" * len(message_ids)) or "NULL"
    return f" AND id IN ({marks})", tuple(message_ids)
