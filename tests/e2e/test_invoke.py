"""`qila invoke` with the sample events in events/ (the repository's `sam local invoke`)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.stack import REPO, running, stack_env


def test_webhook_events_are_refused_unsigned_and_queued_signed(tmp_path: Path) -> None:
    stack = stack_env(tmp_path / "state")
    for name in ("webhook_rest_api.json", "webhook_http_api.json"):
        event = str(REPO / "events" / name)
        forged = stack.qila("invoke", "webhook", "--event", event)
        assert forged.returncode == 0, forged.stderr
        assert json.loads(forged.stdout)["statusCode"] == 403
        signed = stack.qila("invoke", "webhook", "--event", event, "--sign")
        response = json.loads(signed.stdout)
        assert response["statusCode"] == 200 and response["headers"]["Content-Type"] == "text/xml"
    from qila.adapters.sqlite_queue import SqliteQueue

    jobs = [json.loads(m.body) for m in SqliteQueue(stack.state_dir / "queue.sqlite3").receive(10)]
    assert sorted(j["numMedia"] for j in jobs) == [0, 1]


def test_processor_event_replies_through_the_sandbox(tmp_path: Path) -> None:
    stack = stack_env(tmp_path / "state", QILA_MULTIPART_WINDOW_S="0")
    with running(stack, "sandbox"):
        result = stack.qila(
            "invoke", "processor", "--event", str(REPO / "events" / "processor_sqs.json")
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == {"batchItemFailures": []}
        scam = stack.messages(number="whatsapp:+6591234567", direction="outbound-api")
        plain = stack.messages(number="whatsapp:+6598765432", direction="outbound-api")
    assert scam[0]["body"].startswith("*Likely scam*")
    assert plain[0]["body"].startswith("*No red flags found*")
