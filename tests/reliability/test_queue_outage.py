"""The queue unavailable, through the running webhook server and worker: the webhook answers
5xx (never 200) within Twilio's 15 s for what it could not store, logs it, and acknowledges
nothing that was not stored; when the queue is back, messages flow again."""

from __future__ import annotations

import json
import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from qila.local.flaky_queue import queue_down
from tests.support.events import sign, twilio_form
from tests.support.stack import Stack, running, stack_env

SCAM = "URGENT: your parcel is held, pay the fee at http://parcel-fee.top/pay"


def post_signed(stack: Stack, sid: str) -> tuple[int, float]:
    form = twilio_form(sid=sid, body=SCAM)
    request = urllib.request.Request(
        stack.webhook_url,
        data=urlencode(form).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": sign(stack.webhook_url, form),
        },
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, time.monotonic() - started


def stored_sids(state_dir: Path) -> set[str]:
    db = sqlite3.connect(state_dir / "queue.sqlite3", timeout=30)
    try:
        return {json.loads(b)["messageId"] for (b,) in db.execute("SELECT body FROM messages")}
    finally:
        db.close()


def log_entries(stack: Stack, message: str) -> list[dict[str, Any]]:
    lines = (stack.state_dir / "stack.log").read_text(errors="replace").splitlines()
    return [json.loads(x) for x in lines if x.startswith("{") and f'"{message}"' in x]


def test_injected_outage_gives_503_fast_and_messages_flow_when_it_ends(tmp_path: Path) -> None:
    control = tmp_path / "queue-down"
    stack = stack_env(tmp_path / "state")
    stack.env["QILA_FAULT_QUEUE_CONTROL"] = str(control)
    sids = [f"SM{i:032x}" for i in range(6)]
    with running(stack, "sandbox", "webhook-server", "worker"):
        queue_down(control, 300)
        during = [post_signed(stack, sid) for sid in sids[:3]]
        via_sandbox = stack.send(SCAM, sender="whatsapp:+6591230001")
        assert stored_sids(stack.state_dir) == set()  # nothing stored...
        # The worker's next receive fails too: it backs off instead of crashing.
        deadline = time.monotonic() + 15
        while not log_entries(stack, "queue unavailable; backing off"):
            assert time.monotonic() < deadline, "the worker never saw the outage"
            time.sleep(0.1)
        queue_down(control, 0)
        after = [post_signed(stack, sid) for sid in sids[3:]]
        # Twilio retries a 5xx delivery later: that retry is now stored and answered.
        retried = stack.send(SCAM, sender="whatsapp:+6591230002")
        assert stack.wait_reply("whatsapp:+6591230002", after=retried["seq"], timeout=30)

    assert [status for status, _ in during] == [503, 503, 503]  # ...and nothing acknowledged
    assert all(seconds < 15 for _, seconds in during)
    assert via_sandbox["webhook_status"] == 503
    assert [status for status, _ in after] == [200, 200, 200]
    errors = [e for e in log_entries(stack, "message not queued") if e["level"] == "ERROR"]
    assert {e["correlation_id"] for e in errors} >= set(sids[:3])
    assert all(e["status"] == 503 and "injected queue outage" in e["error"] for e in errors)


@contextmanager
def write_locked(db_path: Path) -> Iterator[None]:
    """Another connection holding a write transaction: SQLite's real "database is locked"."""
    db = sqlite3.connect(db_path, isolation_level=None, timeout=5)
    try:
        db.execute("BEGIN IMMEDIATE")
        yield
        db.execute("ROLLBACK")
    finally:
        db.close()


def test_locked_sqlite_queue_gives_503_within_twilios_15_seconds(tmp_path: Path) -> None:
    stack = stack_env(tmp_path / "state")
    stack.env["QILA_QUEUE_SEND_BUDGET_S"] = "2"
    with running(stack, "webhook-server"):
        ok, _ = post_signed(stack, "SM" + "1" * 32)  # creates the queue file
        with write_locked(stack.state_dir / "queue.sqlite3"):
            status, seconds = post_signed(stack, "SM" + "2" * 32)
        again, _ = post_signed(stack, "SM" + "3" * 32)
    assert (ok, status, again) == (200, 503, 200)
    assert seconds < 15
    assert stored_sids(stack.state_dir) == {"SM" + "1" * 32, "SM" + "3" * 32}
    (error,) = [e for e in log_entries(stack, "message not queued") if e["level"] == "ERROR"]
    assert error["correlation_id"] == "SM" + "2" * 32 and "locked" in error["error"]
