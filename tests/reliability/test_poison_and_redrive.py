"""Dead letters on the real stack processes: a poison message goes to the DLQ after exactly
three receives without holding up its batch; a message that died of transient Twilio failures
is answered after ``qila dlq redrive``."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from qila.adapters.sqlite_queue import SqliteQueue
from tests.support.stack import Stack, http_json, running, stack_env

SCAM = "URGENT: your parcel is held, pay the fee at http://parcel-fee.top/pay"
POISON = '{"version": 1, "messageId": "SMpoison", "from": '  # cut off: not JSON


def make_stack(state_dir: Path, **env: str) -> Stack:
    stack = stack_env(state_dir)
    stack.env.update(env)  # stack_env fixes the timeouts; these tests want shorter ones
    return stack


def dead_letters(stack: Stack) -> list[dict[str, Any]]:
    done = stack.qila("dlq", "list", "--json")
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def wait_dead(stack: Stack, count: int, timeout: float = 40.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = dead_letters(stack)
        if len(rows) >= count:
            return rows
        time.sleep(0.25)
    raise AssertionError(f"fewer than {count} dead letter(s) after {timeout} s")


def attempts(state_dir: Path, message_sid: str) -> int:
    db = sqlite3.connect(state_dir / "store.sqlite3")
    try:
        row = db.execute("SELECT attempts FROM processing WHERE key = ?", (message_sid,)).fetchone()
    finally:
        db.close()
    return int(row[0]) if row else 0


def log_entries(stack: Stack, message: str) -> list[dict[str, Any]]:
    found = []
    for line in (stack.state_dir / "stack.log").read_text(errors="replace").splitlines():
        if line.startswith("{") and f'"{message}"' in line:
            found.append(json.loads(line))
    return found


def test_poison_message_is_dead_lettered_after_three_receives_and_its_batch_is_answered(
    tmp_path: Path,
) -> None:
    stack = make_stack(
        tmp_path / "state",
        QILA_MULTIPART_WINDOW_S="0",  # answer each message in the batch it arrives in
        QILA_VISIBILITY_TIMEOUT_S="3",
        QILA_PROCESSOR_TIMEOUT_S="2",
        QILA_BATCH_SIZE="10",
    )
    senders = [f"whatsapp:+659123400{i}" for i in range(4)]
    with running(stack, "sandbox", "webhook-server"):
        sent = [stack.send(f"{SCAM} #{i}", sender=s) for i, s in enumerate(senders[:2])]
        poison_id = SqliteQueue(stack.state_dir / "queue.sqlite3").send(POISON)
        sent += [stack.send(f"{SCAM} #{i}", sender=s) for i, s in enumerate(senders[2:], 2)]
        assert [s["webhook_status"] for s in sent] == [200] * 4
        # One batch: the poison message sits between good ones.
        with running(stack, "worker"):
            started = time.monotonic()
            for sender in senders:
                assert stack.wait_reply(sender, after=0, timeout=20) is not None
            answered_within = time.monotonic() - started
            rows = wait_dead(stack, 1)
            listing = stack.qila("dlq", "list")
            replies = {s: len(stack.messages(number=s, direction="outbound-api")) for s in senders}

    # The good records were answered on their first receive, before the poison came back.
    assert answered_within < 3, answered_within
    assert [attempts(stack.state_dir, s["sid"]) for s in sent] == [1, 1, 1, 1]
    (row,) = rows
    assert row["id"] == poison_id
    assert row["receives"] == 3
    assert row["reason"].startswith("malformed envelope: not JSON")
    assert poison_id in listing.stdout and "reason: malformed envelope" in listing.stdout
    failures = [e for e in log_entries(stack, "malformed envelope") if e["level"] == "ERROR"]
    assert [e["receive_count"] for e in failures] == [1, 2, 3]
    assert {e["sqs_message_id"] for e in failures} == {poison_id}
    assert replies == dict.fromkeys(senders, 1)


def test_message_dead_after_transient_failures_is_answered_after_redrive(tmp_path: Path) -> None:
    stack = make_stack(
        tmp_path / "state",
        QILA_MULTIPART_WINDOW_S="0",
        QILA_VISIBILITY_TIMEOUT_S="2",
        QILA_PROCESSOR_TIMEOUT_S="1",
    )
    sender = "whatsapp:+6591235555"
    with running(stack, "sandbox", "webhook-server", "worker"):
        http_json(f"{stack.sandbox_url}/api/faults", {"transient_rate": 1.0})
        sent = stack.send(SCAM, sender=sender)
        assert sent["webhook_status"] == 200
        (row,) = wait_dead(stack, 1)
        assert row["message_sid"] == sent["sid"] and row["receives"] == 3
        assert row["reason"].startswith("TransientSendError: Twilio")
        assert row["sender"] == "whatsapp:+65****5555"
        assert stack.messages(number=sender, direction="outbound-api") == []

        http_json(f"{stack.sandbox_url}/api/faults", {"transient_rate": 0.0})
        redrive = stack.qila("dlq", "redrive")
        assert redrive.returncode == 0 and "redrove 1 message" in redrive.stdout, redrive.stderr
        reply = stack.wait_reply(sender, after=sent["seq"], timeout=20)
        assert reply is not None and "parcel-fee.top" in reply["body"]
        assert dead_letters(stack) == []
        replies = stack.messages(number=sender, direction="outbound-api")
    assert len(replies) == 1
