"""The specification's local-testing snippets, run as written from the repository root."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support.stack import REPO, clean_env

WEBHOOK_SNIPPET = """
import json
import base64
from urllib.parse import urlencode

# Simulate API Gateway event
event = {
    "body": base64.b64encode(urlencode({
        "From": "whatsapp:+1234567890",
        "To": "whatsapp:+0987654321",
        "Body": "Is this message a scam?",
        "NumMedia": "0"
    }).encode()).decode(),
    "isBase64Encoded": True,
    "headers": {
        "X-Twilio-Signature": "test-signature",
        "Host": "api.example.com"
    },
    "path": "/sms"
}

# Test locally (set environment variables first)
from webhook_handler.handler import lambda_handler
response = lambda_handler(event, {})
print(json.dumps(response, indent=2))
"""

PROCESSOR_SNIPPET = """
import json

# Simulate SQS event
event = {
    "Records": [{
        "body": json.dumps({
            "messageId": "test-123",
            "from": "whatsapp:+1234567890",
            "body": "Check if this is a scam",
            "numMedia": 0
        }),
        "receiptHandle": "test-handle",
        "eventSourceARN": "arn:aws:sqs:region:account:queue-name"
    }]
}

# Test locally (set environment variables first)
from background_processor.handler import lambda_handler
response = lambda_handler(event, {"get_remaining_time_in_millis": lambda: 300000})
print(json.dumps(response, indent=2))
"""


def run(snippet: str, state: Path, **env: str) -> dict:
    result = subprocess.run([sys.executable, "-c", snippet], cwd=REPO, capture_output=True, text=True,
                            env=clean_env(QILA_STATE_DIR=str(state), **env), timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    start = result.stdout.index("{\n")
    return json.loads(result.stdout[start:])


def queued(state: Path) -> list[dict]:
    from qila.adapters.sqlite_queue import SqliteQueue

    return [
        json.loads(m.body) for m in SqliteQueue(state / "queue.sqlite3").receive(max_messages=10)
    ]


def test_webhook_snippet_with_its_fake_signature_gets_403(tmp_path: Path) -> None:
    response = run(WEBHOOK_SNIPPET, tmp_path)
    assert response["statusCode"] == 403
    assert queued(tmp_path) == []


def signed_snippet(url: str) -> str:
    """The same event with a correct signature (and a MessageSid, as Twilio always sends)."""
    return (
        WEBHOOK_SNIPPET.replace('"NumMedia": "0"', '"NumMedia": "0", "MessageSid": "SMseed"')
        .replace(
            '"X-Twilio-Signature": "test-signature",',
            '"X-Twilio-Signature": SIG,',
        )
        .replace(
            "# Simulate API Gateway event",
            "from qila.signature import compute_signature\n"
            "from qila.settings import LOCAL_AUTH_TOKEN\n"
            "SIG = compute_signature(LOCAL_AUTH_TOKEN, "
            + repr(url)
            + ", {'From': ['whatsapp:+1234567890'],"
            " 'To': ['whatsapp:+0987654321'], 'Body': ['Is this message a scam?'], 'NumMedia': ['0'],"
            " 'MessageSid': ['SMseed']})",
        )
    )


def test_webhook_snippet_correctly_signed_is_queued(tmp_path: Path) -> None:
    # Signed for the URL the request itself names (https://{Host}{path}) ...
    response = run(signed_snippet("https://api.example.com/sms"), tmp_path / "a")
    assert response["statusCode"] == 200 and response["body"].endswith("<Response></Response>")
    (job,) = queued(tmp_path / "a")
    assert job["messageId"] == "SMseed" and job["body"] == "Is this message a scam?"
    # ... or for the local webhook URL the sandbox posts to.
    response = run(signed_snippet("http://127.0.0.1:3000/sms"), tmp_path / "b")
    assert response["statusCode"] == 200
    assert len(queued(tmp_path / "b")) == 1


def test_processor_snippet_with_the_stack_running_gets_a_reply(tmp_path: Path) -> None:
    """By default a message waits the multi-part window (1.5 s) for more parts from the same
    sender; the running worker then answers it."""
    from tests.support.stack import running, stack_env

    stack = stack_env(tmp_path / "state")
    with running(stack):
        result = subprocess.run([sys.executable, "-c", PROCESSOR_SNIPPET], cwd=REPO, capture_output=True,
                                text=True, env=stack.env, timeout=60)  # fmt: skip
        assert result.returncode == 0, result.stderr
        response = json.loads(result.stdout[result.stdout.index("{\n") :])
        assert response == {"batchItemFailures": []}
        reply = stack.wait_reply("whatsapp:+1234567890", after=0, timeout=20)
    assert reply is not None and reply["body"].startswith("*")


def test_processor_snippet_without_the_window_replies_at_once(tmp_path: Path) -> None:
    from tests.support.stack import running, stack_env

    stack = stack_env(tmp_path / "state", QILA_MULTIPART_WINDOW_S="0")
    with running(stack, "sandbox"):
        result = subprocess.run([sys.executable, "-c", PROCESSOR_SNIPPET], cwd=REPO, capture_output=True,
                                text=True, env=stack.env, timeout=60)  # fmt: skip
        assert result.returncode == 0, result.stderr
        response = json.loads(result.stdout[result.stdout.index("{\n") :])
        assert response == {"batchItemFailures": []}
        replies = stack.messages(number="whatsapp:+1234567890", direction="outbound-api")
    assert len(replies) == 1 and replies[0]["body"].startswith("*")


def test_processor_snippet_without_a_sandbox_hands_the_record_back(tmp_path: Path) -> None:
    from tests.support.stack import free_port

    response = run(
        PROCESSOR_SNIPPET, tmp_path, QILA_SANDBOX_PORT=str(free_port()), QILA_MULTIPART_WINDOW_S="0"
    )
    assert response == {"batchItemFailures": [{"itemIdentifier": "record-0"}]}
