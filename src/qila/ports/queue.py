"""The queue port: what the webhook, the poller and the DLQ tools need from a queue.

Semantics are SQS's, and every implementation must pass ``tests/contract/test_queue_contract.py``:

- ``send`` stores a message durably before it returns; if it cannot, it raises
  :class:`~qila.errors.QueueUnavailable` (the webhook then answers 5xx).
- ``receive`` hands out up to ``max_messages`` visible messages and hides each for the
  visibility timeout; every receive increments the message's receive count and issues a new
  receipt handle. A message that was received ``max_receives`` times and comes up again is
  moved to the dead-letter queue instead of being handed out (SQS redrive policy).
- ``delete`` removes a message by its current receipt handle (the processor finished it).
- ``change_visibility`` hides or re-shows a received message (0 = visible now).
- Messages older than the retention period are dropped, as SQS does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class QueueMessage:
    message_id: str
    body: str
    receipt_handle: str
    receive_count: int
    sent_at: float  # epoch seconds
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class QueueStats:
    visible: int
    in_flight: int
    dead: int


@dataclass(frozen=True)
class DeadLetter:
    message_id: str
    body: str
    receive_count: int
    sent_at: float
    attributes: dict[str, str] = field(default_factory=dict)


class Queue(Protocol):
    def send(self, body: str, attributes: dict[str, str] | None = None, delay_s: float = 0) -> str:
        """Store a message (invisible for ``delay_s`` seconds, at most 900); return its id."""
        ...

    def receive(
        self,
        max_messages: int = 10,
        wait_seconds: float = 0.0,
        visibility_timeout: int | None = None,
    ) -> list[QueueMessage]: ...

    def delete(self, receipt_handle: str) -> None: ...

    def change_visibility(self, receipt_handle: str, timeout_s: int) -> None: ...

    def stats(self) -> QueueStats: ...


class DeadLetters(Protocol):
    """Operator access to the dead-letter queue (``qila dlq``)."""

    def list_dead(self, limit: int = 100) -> list[DeadLetter]: ...

    def redrive(self, message_ids: list[str] | None = None) -> int:
        """Move dead letters (all, or the given ids) back to the main queue with a fresh
        receive count; return how many moved."""
        ...

    def purge_dead(self, message_ids: list[str] | None = None) -> int: ...
