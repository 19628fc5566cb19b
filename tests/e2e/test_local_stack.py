"""The whole local stack as a user runs it: `qila dev`, then `qila send`."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from tests.support.events import sign, twilio_form
from tests.support.stack import running, stack_env

SCAM = "URGENT: your parcel is held, pay the fee at http://parcel-fee.top/pay"


def queued_count(state_dir: Path) -> int:
    db = sqlite3.connect(state_dir / "queue.sqlite3")
    try:
        return int(db.execute("SELECT COUNT(*) FROM messages").fetchone()[0])
    finally:
        db.close()


def test_send_a_scam_and_an_ordinary_message_and_read_the_replies(tmp_path: Path) -> None:
    stack = stack_env(tmp_path / "state")
    with running(stack):
        scam = stack.qila("send", SCAM, "--wait", "20")
        plain = stack.qila(
            "send", "see you at lunch tomorrow?", "--from", "whatsapp:+6598765432", "--wait", "20"
        )
        as_json = stack.qila(
            "send", SCAM, "--from", "whatsapp:+6511112222", "--wait", "20", "--json"
        )
    assert scam.returncode == 0, scam.stderr
    assert "*Likely scam*" in scam.stdout or "*Suspicious*" in scam.stdout
    assert "parcel-fee.top" in scam.stdout
    assert plain.returncode == 0, plain.stderr
    assert "*No red flags found*" in plain.stdout
    doc = json.loads(as_json.stdout)
    assert (
        doc["webhook_status"] == 200
        and doc["sid"].startswith("SM")
        and "parcel-fee.top" in doc["reply"]
    )


def test_forged_requests_are_refused_and_nothing_is_queued(tmp_path: Path) -> None:
    stack = stack_env(tmp_path / "state")
    with running(stack, "webhook-server"):
        form = twilio_form()
        for signature in ("forged", sign("http://127.0.0.1:1/other", form), None):
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            if signature:
                headers["X-Twilio-Signature"] = signature
            request = urllib.request.Request(
                stack.webhook_url, data=urlencode(form).encode(), headers=headers
            )
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(request, timeout=10)
            assert err.value.code == 403
        assert queued_count(stack.state_dir) == 0
        # The same request correctly signed for the local URL is accepted.
        good = urllib.request.Request(stack.webhook_url, data=urlencode(form).encode(), headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": sign(stack.webhook_url, form)})  # fmt: skip
        with urllib.request.urlopen(good, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "text/xml"
        assert queued_count(stack.state_dir) == 1


def test_no_reply_in_time_exits_non_zero(tmp_path: Path) -> None:
    stack = stack_env(tmp_path / "state")
    with running(stack, "sandbox", "webhook-server"):  # no worker: queued, never answered
        result = stack.qila("send", "hello there", "--wait", "1")
    assert result.returncode == 1
    assert "no reply within" in result.stderr


def test_messages_queued_while_stopped_are_answered_after_a_restart(tmp_path: Path) -> None:
    stack = stack_env(tmp_path / "state")
    senders = [f"whatsapp:+65900000{i:02d}" for i in range(3)]
    with running(stack, "sandbox", "webhook-server"):
        for sender in senders:
            assert stack.send(SCAM, sender=sender)["webhook_status"] == 200
    assert queued_count(stack.state_dir) == 3  # the stack is down, the messages are on disk
    with running(stack):
        for sender in senders:
            reply = stack.wait_reply(sender, after=0, timeout=30)
            assert reply is not None and "parcel-fee.top" in reply["body"]
    assert queued_count(stack.state_dir) == 0


def test_duplicate_deliveries_get_one_reply(tmp_path: Path) -> None:
    stack = stack_env(tmp_path / "state")
    with running(stack):
        sent = stack.send(SCAM, sender="whatsapp:+6533334444", deliveries=3)
        assert stack.wait_reply("whatsapp:+6533334444", after=sent["seq"], timeout=20) is not None
        import time

        time.sleep(1.5)  # let any second reply arrive if there were one
        replies = stack.messages(number="whatsapp:+6533334444", direction="outbound-api")
    assert len(replies) == 1


def test_ctrl_c_stops_everything_cleanly(tmp_path: Path) -> None:
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    from tests.support.stack import REPO, wait_http

    stack = stack_env(tmp_path / "state")
    proc = subprocess.Popen([sys.executable, "-m", "qila.cli", "dev"], env=stack.env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    try:
        wait_http(f"{stack.sandbox_url}/api/health", proc=proc)
        wait_http(f"http://127.0.0.1:{stack.webhook_port}/health", proc=proc)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in the terminal sends
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    time.sleep(0.2)
    for port in (stack.webhook_port, stack.sandbox_port, stack.media_port):
        with socket.socket() as probe:  # no listener is left behind on any port
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", port))
