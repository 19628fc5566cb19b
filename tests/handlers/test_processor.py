"""The processor handler: SQS batches through the real analyser, the real Twilio SDK and the
local sandbox, with a real SQLite store."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.support.events import envelope, sqs_event
from tests.support.stack import free_port

from qila.adapters.sqlite_store import SqliteStore
from qila.analysis import build_analyzer, compose_reply
from qila.local.faults import Faults
from qila.local.http import serve_in_thread
from qila.local.sandbox import Sandbox, make_servers
from qila.processor.app import Processor
from qila.settings import Settings
from qila.wiring import build_sender

USER = "whatsapp:+6591234567"
SCAM = "URGENT: your parcel is held, pay the fee at http://parcel-fee.top/pay"


@dataclass
class Rig:
    processor: Processor
    sandbox: Sandbox
    store: SqliteStore

    def replies(self, to: str = USER) -> list[Any]:
        return [m for m in self.sandbox.state.all() if m.direction == "outbound-api" and m.to == to]


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    port, media = free_port(), free_port()
    settings = Settings.from_env({
        "QILA_STATE_DIR": str(tmp_path), "QILA_SANDBOX_PORT": str(port), "QILA_MEDIA_PORT": str(media),
        "QILA_TWILIO_TIMEOUT_S": "2",
    })  # fmt: skip
    sandbox = Sandbox(settings, Faults(seed=1))
    api, cdn = make_servers(settings, sandbox)
    serve_in_thread(api)
    serve_in_thread(cdn)
    store = SqliteStore(settings.store_db_path)
    processor = Processor(settings=settings, store=store, sender=build_sender(settings),
                          analyzer=build_analyzer(), compose_reply=compose_reply)  # fmt: skip
    try:
        yield Rig(processor, sandbox, store)
    finally:
        api.shutdown()
        cdn.shutdown()
        api.server_close()
        cdn.server_close()


CONTEXT = {"get_remaining_time_in_millis": lambda: 300_000}


def test_scam_and_ordinary_messages_get_fitting_replies(rig: Rig) -> None:
    event = sqs_event(
        envelope("SM1", SCAM),
        envelope("SM2", "see you at lunch tomorrow?", sender="whatsapp:+6598765432"),
    )
    assert rig.processor.handle_batch(event, CONTEXT) == {"batchItemFailures": []}
    (scam,) = rig.replies(USER)
    (plain,) = rig.replies("whatsapp:+6598765432")
    assert scam.body.startswith("*Likely scam*") or scam.body.startswith("*Suspicious*")
    assert "parcel-fee.top" in scam.body
    assert plain.body.startswith("*No red flags found*")
    assert scam.from_ == "whatsapp:+14155238886"
    assert rig.store.get("SM1").outcome["result"] == "replied"


def test_the_same_message_twice_gets_one_reply(rig: Rig) -> None:
    event = sqs_event(envelope("SMdup", SCAM), envelope("SMdup", SCAM))
    assert rig.processor.handle_batch(event, CONTEXT) == {"batchItemFailures": []}
    assert rig.processor.handle_batch(event, CONTEXT) == {"batchItemFailures": []}
    assert len(rig.replies()) == 1


def test_a_malformed_record_fails_alone_with_a_precise_log(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    event = sqs_event("{not json", envelope("SMok", SCAM), json.dumps({"from": USER}))
    with caplog.at_level("ERROR"):
        result = rig.processor.handle_batch(event, CONTEXT)
    assert result == {
        "batchItemFailures": [{"itemIdentifier": "msg-0"}, {"itemIdentifier": "msg-2"}]
    }
    assert len(rig.replies()) == 1
    errors = [r for r in caplog.records if r.getMessage() == "malformed envelope"]
    assert len(errors) == 2
    assert "not JSON" in errors[0].error and "messageId" in errors[1].error  # type: ignore[attr-defined]
    assert errors[0].sqs_message_id == "msg-0"  # type: ignore[attr-defined]


def test_twilio_5xx_or_429_fails_the_record_for_retry_then_succeeds(rig: Rig) -> None:
    rig.sandbox.faults.update({"transient_rate": 1.0})
    event = sqs_event(envelope("SMretry", SCAM))
    assert rig.processor.handle_batch(event, CONTEXT) == {
        "batchItemFailures": [{"itemIdentifier": "msg-0"}]
    }
    record = rig.store.get("SMretry")
    assert (
        record.status == "failed"
        and "Twilio" in record.last_error
        and ("429" in record.last_error or "500" in record.last_error)
    )
    rig.sandbox.faults.update({"transient_rate": 0.0})
    assert rig.processor.handle_batch(event, CONTEXT) == {"batchItemFailures": []}
    assert len(rig.replies()) == 1


@pytest.mark.parametrize("code", [21211, 63016])
def test_permanent_twilio_errors_are_recorded_not_retried(rig: Rig, code: int) -> None:
    rig.sandbox.faults.update({"permanent": {USER: code}})
    event = sqs_event(envelope(f"SMperm{code}", SCAM))
    assert rig.processor.handle_batch(event, CONTEXT) == {"batchItemFailures": []}
    outcome = rig.store.get(f"SMperm{code}").outcome
    assert outcome["result"] == "not_delivered" and outcome["code"] == code
    assert rig.replies() == []


def test_twilio_timeout_is_transient(rig: Rig) -> None:
    rig.sandbox.faults.update({"timeout_rate": 1.0, "timeout_s": 3})
    started = time.monotonic()
    result = rig.processor.handle_batch(sqs_event(envelope("SMslow", SCAM)), CONTEXT)
    assert result == {"batchItemFailures": [{"itemIdentifier": "msg-0"}]}
    assert time.monotonic() - started < 3  # the SDK's 2 s timeout, not the sandbox's 3 s hang
    assert (
        "Timeout" in rig.store.get("SMslow").last_error
        or "unreachable" in rig.store.get("SMslow").last_error
    )


def test_time_guard_hands_back_what_it_cannot_finish(rig: Rig) -> None:
    budget = iter([60_000, 60_000, 5_000, 5_000])
    context = {"get_remaining_time_in_millis": lambda: next(budget)}
    event = sqs_event(envelope("SMa", SCAM), envelope("SMb", SCAM), envelope("SMc", SCAM))
    result = rig.processor.handle_batch(event, context)
    assert result == {"batchItemFailures": [{"itemIdentifier": "msg-2"}]}
    assert rig.store.get("SMc") is None  # never started


def test_unreachable_twilio_is_transient(rig: Rig, tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"QILA_STATE_DIR": str(tmp_path / "x"), "QILA_SANDBOX_PORT": str(free_port())}
    )
    processor = Processor(settings=settings, store=rig.store, sender=build_sender(settings),
                          analyzer=build_analyzer(), compose_reply=compose_reply)  # fmt: skip
    result = processor.handle_batch(sqs_event(envelope("SMdown", SCAM)), CONTEXT)
    assert result == {"batchItemFailures": [{"itemIdentifier": "msg-0"}]}
    assert rig.store.get("SMdown").status == "failed"


def test_check_records_keep_no_phone_number_and_only_redacted_text(rig: Rig) -> None:
    text = SCAM + " Call +65 8123 4567 or mail help@parcel-fee.top, code 482913"
    rig.processor.handle_batch(sqs_event(envelope("SMrec", text)), CONTEXT)
    (record,) = rig.store.recent_checks()
    dumped = json.dumps(record)
    for secret in ("6591234567", "8123 4567", "help@parcel-fee.top", "482913"):
        assert secret not in dumped
    assert record["redacted_text"].endswith("Call [phone] or mail [email], code [code]")
    assert record["level"] in {"likely_scam", "suspicious"} and len(record["sender_hash"]) == 24
    assert record["timings"]["send_ms"] > 0


def test_event_without_records_is_not_a_crash(rig: Rig) -> None:
    assert rig.processor.handle_batch({}, CONTEXT) == {"batchItemFailures": []}
