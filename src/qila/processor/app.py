"""The processor's work: an SQS batch in, ``batchItemFailures`` out, one record at a time.

Per record: parse the envelope, claim the MessageSid (idempotency), gather the content,
analyse it, send the reply, record the outcome. A record that raises is reported as a batch
item failure and SQS retries it (after 3 receives it lands in the DLQ); a permanent Twilio
refusal is recorded and not retried; a duplicate is acknowledged without a second reply.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from qila.analysis.verdict import Analyzer, Verdict
from qila.conversation.service import Conversation, Gatherer, Reply, Scheduler
from qila.envelope import Job, parse_job
from qila.errors import (
    MalformedEnvelope,
    PermanentSendError,
    QilaError,
    SendError,
    TransientError,
)
from qila.logs import correlated, mask_number
from qila.ports.sender import ReplySender
from qila.ports.store import ClaimState, Store
from qila.processor.content import TextOnlyGatherer
from qila.settings import Settings

log = logging.getLogger("qila.processor")


class Metrics(Protocol):
    def verdict(self, level: str) -> None: ...

    def reply_failure(self, kind: str) -> None: ...


class NoMetrics:
    def verdict(self, level: str) -> None:
        pass

    def reply_failure(self, kind: str) -> None:
        pass


@dataclass
class Processor:
    settings: Settings
    store: Store
    sender: ReplySender
    analyzer: Analyzer
    compose_reply: Callable[[Verdict, str | None], str]
    gatherer: Gatherer = field(default_factory=TextOnlyGatherer)
    scheduler: Scheduler | None = None  # the queue, for multi-part flushes
    metrics: Metrics = field(default_factory=NoMetrics)
    record_sink: Callable[[dict[str, Any]], Any] | None = None

    def __post_init__(self) -> None:
        self.conversation = Conversation(
            settings=self.settings,
            store=self.store,
            analyzer=self.analyzer,
            gatherer=self.gatherer,
            compose_reply=self.compose_reply,
            scheduler=self.scheduler,
        )

    def handle_batch(self, event: Mapping[str, Any], context: Any) -> dict[str, Any]:
        records = event.get("Records") if isinstance(event, Mapping) else None
        if not isinstance(records, list):
            log.error("event has no Records list; nothing processed")
            return {"batchItemFailures": []}
        remaining = _remaining_ms(context)
        failures: list[dict[str, str]] = []
        for index, record in enumerate(records):
            item_id = _item_id(record, index)
            left = remaining()
            if left is not None and left < self.settings.time_guard_ms:
                # Hand back what we cannot finish; SQS redelivers it after the visibility timeout.
                log.warning(
                    "time guard: handing back unprocessed records",
                    extra={"remaining_ms": left, "handed_back": len(records) - index},
                )
                failures.extend(
                    {"itemIdentifier": _item_id(r, i)}
                    for i, r in enumerate(records[index:], start=index)
                )
                break
            try:
                self.process_record(record)
            except Exception as exc:  # one bad record never fails the batch
                failures.append({"itemIdentifier": item_id})
                if not isinstance(exc, QilaError):
                    log.exception("unexpected error in record", extra={"item": item_id})
        return {"batchItemFailures": failures}

    def process_record(self, record: Mapping[str, Any]) -> None:
        body = record.get("body") if isinstance(record, Mapping) else None
        receive_count = _receive_count(record)
        try:
            job = parse_job(body if isinstance(body, str) else "")
        except MalformedEnvelope as exc:
            log.error(
                "malformed envelope",
                extra={
                    "sqs_message_id": _item_id(record, -1),
                    "receive_count": receive_count,
                    "error": str(exc),
                    "body_bytes": len(body) if isinstance(body, str) else 0,
                },
            )
            raise
        with correlated(job.correlation_id or job.message_id):
            self._process_job(job, receive_count)

    def _process_job(self, job: Job, receive_count: int | None) -> None:
        started = time.monotonic()
        claim = self.store.claim(job.message_id, lease_s=self.settings.processor_timeout_s)
        if claim.state is ClaimState.DONE:
            log.info("duplicate delivery: already answered", extra={"receive_count": receive_count})
            return
        if claim.state is ClaimState.BUSY:
            # Another delivery of the same MessageSid is being processed right now; its own
            # queue message stays until it finishes, so this copy can be dropped.
            log.info("duplicate delivery: in progress elsewhere")
            return
        resent_after_crash = (
            claim.state is ClaimState.TAKEN_OVER and claim.previous_stage == "sending"
        )
        if resent_after_crash:
            log.warning("previous attempt crashed during the send; the reply may go out twice")
        try:
            t0 = time.monotonic()
            reply = self.conversation.respond(job)
            respond_ms = _ms(t0)
            sent_sid = None
            if reply.text is not None:
                self.store.mark_stage(job.message_id, "sending")
                t0 = time.monotonic()
                sent = self.sender.send(
                    to=job.from_, from_=job.to or self.settings.phone_number, body=reply.text
                )
                sent_sid = sent.sid
                reply.record.setdefault("timings", {})["send_ms"] = _ms(t0)
            # Recorded right after the send: the only window where a crash causes a second reply.
            self.store.complete(
                job.message_id,
                {
                    "result": "replied" if sent_sid else reply.kind,
                    "kind": reply.kind,
                    "reply_sid": sent_sid,
                    "resent_after_crash": resent_after_crash and bool(sent_sid),
                },
            )
        except PermanentSendError as exc:
            self.store.complete(
                job.message_id,
                {
                    "result": "not_delivered",
                    "status": exc.status,
                    "code": exc.code,
                    "error": str(exc),
                },
            )
            self.metrics.reply_failure("permanent")
            log.warning(
                "reply refused for good; not retrying",
                extra={"code": exc.code, "status": exc.status, "to": mask_number(job.from_)},
            )
            return
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            if isinstance(exc, SendError) and exc.status is not None and not resent_after_crash:
                # Twilio answered with an error status: nothing went out, so the next attempt
                # is not a resend (only a crash or timeout inside the send leaves "sending").
                # After a crash inside the send the stage stays, so later attempts know too.
                self._mark_stage_quietly(job.message_id, "send_refused")
            self._release_quietly(job.message_id, reason)
            if isinstance(exc, TransientError):
                self.metrics.reply_failure("transient")
                log.warning(
                    "transient failure; will retry",
                    extra={"error": reason, "receive_count": receive_count},
                )
            else:
                log.exception(
                    "processing failed; will retry", extra={"receive_count": receive_count}
                )
            raise
        self._after_reply(job, reply, respond_ms, started)

    def _after_reply(self, job: Job, reply: Reply, respond_ms: float, started: float) -> None:
        """Bookkeeping once the outcome is stored; failures here never retry the message."""
        try:
            if reply.on_delivered is not None:
                reply.on_delivered()
        except QilaError as exc:
            log.warning("conversation state not updated", extra={"error": str(exc)})
        timings = dict(reply.record.get("timings", {}))
        timings["respond_ms"] = respond_ms
        timings["total_ms"] = _ms(started)
        if job.received_at:
            timings["since_received_ms"] = _since(job.received_at)
        fields: dict[str, Any] = {"kind": reply.kind, **timings}
        if reply.verdict is not None:
            self.metrics.verdict(reply.verdict.level.value)
            # "verdict", not "level": an extra named "level" would overwrite the log level.
            fields.update(verdict=reply.verdict.level.value, score=reply.verdict.score)
        if reply.text is not None:
            fields["to"] = mask_number(job.from_)
            log.info("replied", extra=fields)
        else:
            log.info("no reply", extra=fields)
        if reply.record:
            self._record_check({**reply.record, "timings": timings})

    def _record_check(self, record: dict[str, Any]) -> None:
        try:
            self.store.record_check(record)
        except QilaError as exc:  # the reply went out; a lost record must not retry it
            log.warning("check record not stored", extra={"error": str(exc)})
        if self.record_sink is not None:
            try:
                self.record_sink(record)
            except Exception:
                log.warning("check record sink failed", exc_info=True)

    def _mark_stage_quietly(self, key: str, stage: str) -> None:
        try:
            self.store.mark_stage(key, stage)
        except QilaError as exc:
            log.warning("could not record the stage", extra={"error": str(exc)})

    def _release_quietly(self, key: str, reason: str) -> None:
        try:
            self.store.release(key, reason)
        except QilaError as exc:
            log.warning("could not record the failure", extra={"error": str(exc)})


def _remaining_ms(context: Any) -> Callable[[], int | None]:
    getter = None
    if isinstance(context, Mapping):
        getter = context.get("get_remaining_time_in_millis")
    else:
        getter = getattr(context, "get_remaining_time_in_millis", None)
    if not callable(getter):
        return lambda: None
    return lambda: int(getter())


def _item_id(record: Any, index: int) -> str:
    if isinstance(record, Mapping) and isinstance(record.get("messageId"), str):
        return str(record["messageId"])
    return f"record-{index}"


def _receive_count(record: Any) -> int | None:
    if not isinstance(record, Mapping):
        return None
    attributes = record.get("attributes")
    if isinstance(attributes, Mapping):
        try:
            return int(attributes.get("ApproximateReceiveCount", ""))
        except ValueError:
            return None
    return None


def _ms(since: float) -> float:
    return round((time.monotonic() - since) * 1000, 2)


def _since(iso: str) -> float:
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return -1.0
    return round((time.time() - moment.timestamp()) * 1000, 1)
