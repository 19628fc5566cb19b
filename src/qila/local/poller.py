"""The local event source mapping: what Lambda does between SQS and the processor.

Receive up to ``batch_size`` messages (waiting up to the batching window to fill a batch),
hand them to the real processor handler as an SQS event with a Lambda-like context, delete
the records that did not come back in ``batchItemFailures``, and leave the failed ones hidden
until their visibility timeout ends (the queue's redrive policy then does the rest).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qila.errors import QueueUnavailable
from qila.ports.queue import Queue, QueueMessage
from qila.settings import Settings

log = logging.getLogger("qila.local.poller")

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]
QUEUE_ARN = "arn:aws:sqs:local:000000000000:qila-local"


class LocalContext:
    """The parts of the Lambda context object the processor reads."""

    def __init__(self, timeout_s: float) -> None:
        self._deadline = time.monotonic() + timeout_s
        self.function_name = "qila-processor-local"
        self.aws_request_id = ""

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


@dataclass
class PollerStats:
    batches: int = 0
    processed: int = 0
    failed: int = 0


def sqs_event(messages: list[QueueMessage]) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": m.message_id,
                "receiptHandle": m.receipt_handle,
                "body": m.body,
                "attributes": {
                    "ApproximateReceiveCount": str(m.receive_count),
                    "SentTimestamp": str(int(m.sent_at * 1000)),
                    "ApproximateFirstReceiveTimestamp": str(int(time.time() * 1000)),
                },
                "messageAttributes": {
                    k: {"stringValue": v, "dataType": "String"} for k, v in m.attributes.items()
                },
                "md5OfBody": "",
                "eventSource": "aws:sqs",
                "eventSourceARN": QUEUE_ARN,
                "awsRegion": "local",
            }
            for m in messages
        ]
    }


class Poller:
    def __init__(
        self,
        queue: Queue,
        handler: LambdaHandler,
        *,
        batch_size: int = 10,
        batch_window_s: float = 0.0,
        visibility_timeout_s: int = 360,
        function_timeout_s: float = 300,
        wait_s: float = 1.0,
    ) -> None:
        self.queue = queue
        self.handler = handler
        self.batch_size = batch_size
        self.batch_window_s = batch_window_s
        self.visibility_timeout_s = visibility_timeout_s
        self.function_timeout_s = function_timeout_s
        self.wait_s = wait_s
        self.stats = PollerStats()
        self.stopping = threading.Event()

    @classmethod
    def from_settings(cls, queue: Queue, handler: LambdaHandler, settings: Settings) -> Poller:
        """A poller configured like the deployed event source mapping."""
        return cls(
            queue,
            handler,
            batch_size=settings.batch_size,
            batch_window_s=settings.batch_window_s,
            visibility_timeout_s=settings.visibility_timeout_s,
            function_timeout_s=settings.processor_timeout_s,
        )

    def run(self) -> None:
        backoff = 0.1
        while not self.stopping.is_set():
            try:
                self.poll_once()
                backoff = 0.1
            except QueueUnavailable as exc:
                log.warning("queue unavailable; backing off", extra={"error": str(exc)})
                self.stopping.wait(backoff)
                backoff = min(backoff * 2, 5.0)

    def stop(self) -> None:
        self.stopping.set()

    def poll_once(self) -> int:
        messages = self._collect_batch()
        if not messages:
            return 0
        event = sqs_event(messages)
        try:
            result = self.handler(event, LocalContext(self.function_timeout_s))
            failed_ids = {
                f.get("itemIdentifier") for f in (result or {}).get("batchItemFailures", [])
            }
        except Exception:
            # A handler that raises fails the whole batch, as on Lambda.
            log.exception("processor handler raised; the whole batch will be retried")
            failed_ids = {m.message_id for m in messages}
        for message in messages:
            if message.message_id in failed_ids:
                continue
            self.queue.delete(message.receipt_handle)
        self.stats.batches += 1
        self.stats.processed += len(messages) - len(failed_ids)
        self.stats.failed += len(failed_ids)
        return len(messages)

    def _collect_batch(self) -> list[QueueMessage]:
        batch = self.queue.receive(
            self.batch_size, wait_seconds=self.wait_s, visibility_timeout=self.visibility_timeout_s
        )
        if not batch or self.batch_window_s <= 0:
            return batch
        deadline = time.monotonic() + self.batch_window_s
        while len(batch) < self.batch_size and not self.stopping.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            batch += self.queue.receive(
                self.batch_size - len(batch),
                wait_seconds=min(left, 0.05),
                visibility_timeout=self.visibility_timeout_s,
            )
        return batch
