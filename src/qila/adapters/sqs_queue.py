"""Amazon SQS through boto3: the queue port on AWS (and against moto's server in tests).

The redrive policy (3 receives, then the DLQ) lives on the queue itself, set by the SAM
template; this adapter only speaks the protocol. botocore errors become ``QueueUnavailable``.
"""

from __future__ import annotations

import math
import time
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from qila.errors import ConfigError, QueueUnavailable
from qila.ports.queue import DeadLetter, QueueMessage, QueueStats


def make_sqs_client(
    region: str,
    endpoint_url: str | None = None,
    *,
    connect_timeout: float = 2.0,
    read_timeout: float = 5.0,
    max_attempts: int = 3,
) -> Any:
    """A boto3 SQS client with short timeouts and standard retries (the webhook's budget)."""
    import boto3
    from botocore.config import Config

    config = Config(
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        retries={"mode": "standard", "total_max_attempts": max_attempts},
    )
    return boto3.client("sqs", region_name=region, endpoint_url=endpoint_url, config=config)


class SqsQueue:
    """Implements ``Queue``; with ``dlq_url`` also ``DeadLetters`` (receive/send/delete redrive)."""

    def __init__(self, client: Any, queue_url: str, dlq_url: str | None = None) -> None:
        self.client = client
        self.queue_url = queue_url
        self.dlq_url = dlq_url

    def send(self, body: str, attributes: dict[str, str] | None = None, delay_s: float = 0) -> str:
        kwargs: dict[str, Any] = {"QueueUrl": self.queue_url, "MessageBody": body}
        if delay_s > 0:
            kwargs["DelaySeconds"] = min(math.ceil(delay_s), 900)  # whole seconds
        if attributes:
            kwargs["MessageAttributes"] = _to_sqs_attributes(attributes)
        response = self._call("send_message", **kwargs)
        return str(response["MessageId"])

    def receive(
        self,
        max_messages: int = 10,
        wait_seconds: float = 0.0,
        visibility_timeout: int | None = None,
    ) -> list[QueueMessage]:
        kwargs: dict[str, Any] = {
            "QueueUrl": self.queue_url,
            "MaxNumberOfMessages": max(1, min(max_messages, 10)),
            "WaitTimeSeconds": int(max(0, min(wait_seconds, 20))),
            "MessageSystemAttributeNames": ["ApproximateReceiveCount", "SentTimestamp"],
            "MessageAttributeNames": ["All"],
        }
        if visibility_timeout is not None:
            kwargs["VisibilityTimeout"] = visibility_timeout
        response = self._call("receive_message", **kwargs)
        return [_to_message(m) for m in response.get("Messages", [])]

    def delete(self, receipt_handle: str) -> None:
        self._call("delete_message", QueueUrl=self.queue_url, ReceiptHandle=receipt_handle)

    def change_visibility(self, receipt_handle: str, timeout_s: int) -> None:
        self._call(
            "change_message_visibility",
            QueueUrl=self.queue_url,
            ReceiptHandle=receipt_handle,
            VisibilityTimeout=timeout_s,
        )

    def stats(self) -> QueueStats:
        main = self._attributes(self.queue_url)
        dead = self._attributes(self.dlq_url) if self.dlq_url else {}
        return QueueStats(
            visible=int(main.get("ApproximateNumberOfMessages", 0)),
            in_flight=int(main.get("ApproximateNumberOfMessagesNotVisible", 0)),
            dead=int(dead.get("ApproximateNumberOfMessages", 0)),
        )

    # -- dead letters ----------------------------------------------------------------------
    def list_dead(self, limit: int = 100) -> list[DeadLetter]:
        """Peek at dead letters: receive with a short visibility, then make them visible again."""
        dlq = self._require_dlq()
        seen: dict[str, DeadLetter] = {}
        handles: list[str] = []
        empty_polls = 0
        while len(seen) < limit and empty_polls < 2:
            response = self._call(
                "receive_message",
                QueueUrl=dlq,
                MaxNumberOfMessages=min(10, limit - len(seen)),
                VisibilityTimeout=30,
                WaitTimeSeconds=0,
                MessageSystemAttributeNames=["ApproximateReceiveCount", "SentTimestamp"],
                MessageAttributeNames=["All"],
            )
            batch = response.get("Messages", [])
            if not batch:
                empty_polls += 1
                continue
            for raw in batch:
                handles.append(raw["ReceiptHandle"])
                message = _to_message(raw)
                seen[message.message_id] = DeadLetter(
                    message_id=message.message_id,
                    body=message.body,
                    receive_count=message.receive_count,
                    sent_at=message.sent_at,
                    attributes=message.attributes,
                )
        for handle in handles:
            self._call(
                "change_message_visibility", QueueUrl=dlq, ReceiptHandle=handle, VisibilityTimeout=0
            )
        return list(seen.values())

    def redrive(self, message_ids: list[str] | None = None) -> int:
        """Receive/send/delete fallback: copy each dead letter (with its attributes) to the
        main queue, then delete it from the DLQ. Sent before deleted: a crash duplicates,
        never loses (the processor is idempotent)."""
        return self._drain(message_ids, resend=True)

    def purge_dead(self, message_ids: list[str] | None = None) -> int:
        return self._drain(message_ids, resend=False)

    def _drain(self, message_ids: list[str] | None, *, resend: bool) -> int:
        dlq = self._require_dlq()
        wanted = None if message_ids is None else set(message_ids)
        moved = 0
        skipped: list[str] = []
        empty_polls = 0
        while empty_polls < 2 and (wanted is None or wanted):
            response = self._call(
                "receive_message",
                QueueUrl=dlq,
                MaxNumberOfMessages=10,
                VisibilityTimeout=30,
                WaitTimeSeconds=0,
                MessageAttributeNames=["All"],
                MessageSystemAttributeNames=["All"],
            )
            batch = response.get("Messages", [])
            if not batch:
                empty_polls += 1
                continue
            for raw in batch:
                if wanted is not None and raw["MessageId"] not in wanted:
                    skipped.append(raw["ReceiptHandle"])
                    continue
                if resend:
                    kwargs: dict[str, Any] = {
                        "QueueUrl": self.queue_url,
                        "MessageBody": raw["Body"],
                    }
                    if raw.get("MessageAttributes"):
                        kwargs["MessageAttributes"] = raw["MessageAttributes"]
                    self._call("send_message", **kwargs)
                self._call("delete_message", QueueUrl=dlq, ReceiptHandle=raw["ReceiptHandle"])
                if wanted is not None:
                    wanted.discard(raw["MessageId"])
                moved += 1
        for handle in skipped:
            self._call(
                "change_message_visibility", QueueUrl=dlq, ReceiptHandle=handle, VisibilityTimeout=0
            )
        return moved

    def start_move_task(self) -> str:
        """Redrive everything with SQS's own message move task (keeps attributes, runs
        server-side). Returns the task handle; raises ``QueueUnavailable`` if unsupported."""
        source = self._queue_arn(self._require_dlq())
        destination = self._queue_arn(self.queue_url)
        response = self._call(
            "start_message_move_task", SourceArn=source, DestinationArn=destination
        )
        return str(response["TaskHandle"])

    def move_task_progress(self) -> dict[str, Any]:
        """The newest move task on the DLQ: status, moved and total counts."""
        source = self._queue_arn(self._require_dlq())
        results = self._call("list_message_move_tasks", SourceArn=source, MaxResults=1)["Results"]
        return dict(results[0]) if results else {}

    def _queue_arn(self, url: str) -> str:
        response = self._call("get_queue_attributes", QueueUrl=url, AttributeNames=["QueueArn"])
        return str(response["Attributes"]["QueueArn"])

    # -- helpers -------------------------------------------------------------------------
    def _require_dlq(self) -> str:
        if not self.dlq_url:
            raise ConfigError("SQS_DLQ_URL", "is required for dead-letter operations")
        return self.dlq_url

    def _attributes(self, url: str | None) -> dict[str, str]:
        if not url:
            return {}
        response = self._call(
            "get_queue_attributes",
            QueueUrl=url,
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )
        return dict(response.get("Attributes", {}))

    def _call(self, operation: str, **kwargs: Any) -> Any:
        try:
            return getattr(self.client, operation)(**kwargs)
        except (BotoCoreError, ClientError) as exc:
            raise QueueUnavailable(f"SQS {operation} failed: {exc}") from exc


def _to_message(raw: dict[str, Any]) -> QueueMessage:
    system = raw.get("Attributes", {})
    attributes = {
        name: str(value.get("StringValue", ""))
        for name, value in (raw.get("MessageAttributes") or {}).items()
    }
    return QueueMessage(
        message_id=raw["MessageId"],
        body=raw["Body"],
        receipt_handle=raw["ReceiptHandle"],
        receive_count=int(system.get("ApproximateReceiveCount", 1)),
        sent_at=int(system.get("SentTimestamp", time.time() * 1000)) / 1000.0,
        attributes=attributes,
    )


def _to_sqs_attributes(attributes: dict[str, str]) -> dict[str, Any]:
    return {k: {"DataType": "String", "StringValue": v} for k, v in attributes.items()}
