"""The store port: idempotency on MessageSid and the record of each check.

Every implementation passes ``tests/contract/test_store_contract.py``.

Idempotency protocol (one claim per MessageSid):

- ``claim`` returns NEW the first time, TAKEN_OVER when an earlier attempt failed or its lease
  expired (a crashed worker), BUSY while another worker holds a live lease, and DONE once the
  message was answered or given up for good. ``previous_stage`` tells a taker-over whether the
  earlier attempt had reached the send (the only window where a reply may go out twice).
- ``mark_stage`` records progress ("sending" just before the Twilio call).
- ``complete`` ends the claim for good (replied, or a permanent failure) with an outcome.
- ``release`` ends an attempt that failed transiently, keeping the reason for the DLQ tools.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol


class ClaimState(StrEnum):
    NEW = "new"
    TAKEN_OVER = "taken_over"
    BUSY = "busy"
    DONE = "done"


@dataclass(frozen=True)
class Claim:
    state: ClaimState
    attempts: int = 0
    previous_stage: str | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class ProcessingRecord:
    key: str
    status: str  # in_progress | failed | completed
    stage: str | None
    attempts: int
    last_error: str | None
    outcome: dict[str, Any] = field(default_factory=dict)
    updated_at: float = 0.0


class Store(Protocol):
    def claim(self, key: str, lease_s: float) -> Claim: ...

    def mark_stage(self, key: str, stage: str) -> None: ...

    def complete(self, key: str, outcome: dict[str, Any]) -> None: ...

    def release(self, key: str, error: str) -> None: ...

    def get(self, key: str) -> ProcessingRecord | None: ...

    def record_check(self, record: dict[str, Any]) -> None:
        """Keep a check record (hashed sender, verdict, reasons, timings); TTL applies."""
        ...

    def recent_checks(self, limit: int = 20) -> list[dict[str, Any]]: ...

    # -- small keyed records for conversations (preferences, limits, repeat cache, parts) ---
    # Keys are opaque strings; values JSON objects; every record expires after ``ttl_s``.

    def kv_get(self, key: str) -> dict[str, Any] | None: ...

    def kv_put(self, key: str, value: dict[str, Any], ttl_s: int) -> None: ...

    def kv_put_if_absent(self, key: str, value: dict[str, Any], ttl_s: int) -> bool:
        """Store ``value`` unless a live record exists; True if this call stored it."""
        ...

    def kv_incr(self, key: str, ttl_s: int, amount: int = 1) -> int:
        """Atomically add ``amount`` to the counter at ``key`` (0 if absent); return it.
        The expiry is set when the counter is created and not extended."""
        ...

    def kv_append(self, key: str, item: dict[str, Any], ttl_s: int) -> list[dict[str, Any]]:
        """Atomically append ``item`` to the list at ``key``; return the whole list."""
        ...
