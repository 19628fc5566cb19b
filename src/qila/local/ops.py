"""The operator panel's data: queue depth, dead letters (with reasons), recent checks.

The sandbox serves these under ``/api/ops/...`` for the chat page. Everything goes through the
queue and store ports built from the same settings as the rest of the stack
(``qila.wiring``), so the panel shows the SQLite files locally and SQS/DynamoDB when those are
configured. Dead letters are described exactly as ``qila dlq list`` describes them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from qila.dlq_cli import describe
from qila.settings import Settings

# Fields of a check record the panel shows (the sender is already a pseudonymous hash).
_CHECK_FIELDS = (
    "message_id",
    "sender",
    "level",
    "score",
    "reasons",
    "num_media",
    "timings",
    "created_at",
)
MAX_LIMIT = 200


def _limit(value: int | None, default: int) -> int:
    return max(1, min(int(value or default), MAX_LIMIT))


class Ops:
    """Operator views and actions over the configured queue and store (built on first use)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._queue: Any = None
        self._store: Any = None

    def _ports(self) -> tuple[Any, Any]:
        with self._lock:
            if self._queue is None:
                from qila.wiring import build_queue, build_store

                self._queue = build_queue(self.settings)
                self._store = build_store(self.settings)
            return self._queue, self._store

    @contextmanager
    def _session(self) -> Iterator[tuple[Any, Any]]:
        """The ports for one request; SQLite adapters keep one connection per thread, and the
        sandbox answers each connection on its own thread, so close them afterwards."""
        queue, store = self._ports()
        try:
            yield queue, store
        finally:
            for port in (queue, store):
                close = getattr(port, "close", None)
                if callable(close):
                    close()

    # -- views ---------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        with self._session() as (queue, _):
            s = queue.stats()
        return {"visible": s.visible, "in_flight": s.in_flight, "dead": s.dead}

    def dead_letters(self, limit: int | None = None) -> list[dict[str, Any]]:
        with self._session() as (queue, store):
            return [describe(letter, store) for letter in queue.list_dead(_limit(limit, 50))]

    def recent_checks(self, limit: int | None = None) -> list[dict[str, Any]]:
        with self._session() as (_, store):
            records = store.recent_checks(_limit(limit, 20))
        return [{k: r.get(k) for k in _CHECK_FIELDS} for r in records]

    def overview(self) -> dict[str, Any]:
        """Everything the panel shows, in one request."""
        return {
            "queue": self.stats(),
            "dead_letters": self.dead_letters(),
            "checks": self.recent_checks(),
        }

    # -- actions -------------------------------------------------------------------------
    def redrive(self, ids: list[str] | None) -> int:
        """Move dead letters (the given ids, or all when ``ids`` is None) back to the main
        queue; return how many moved."""
        with self._session() as (queue, _):
            return int(queue.redrive(ids)) if ids is None or ids else 0

    def purge(self, ids: list[str] | None) -> int:
        """Delete dead letters (the given ids, or all when ``ids`` is None); return how many."""
        with self._session() as (queue, _):
            return int(queue.purge_dead(ids)) if ids is None or ids else 0


def parse_ids(payload: Any) -> list[str] | None:
    """``{"ids": [...]}`` -> those ids; no ``ids`` at all means every dead letter."""
    if not isinstance(payload, dict):
        raise ValueError("expected a JSON object")
    ids = payload.get("ids")
    if ids is None:
        return None
    if not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
        raise ValueError("'ids' must be a list of message ids")
    return ids
