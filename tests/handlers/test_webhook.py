"""The webhook handler with complete API Gateway events and a real SQLite queue."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from tests.support.events import http_api_event, rest_event, sign, twilio_form

from qila.adapters.sqlite_queue import SqliteQueue
from qila.errors import QueueUnavailable
from qila.settings import Settings
from qila.webhook.app import EMPTY_TWIML, handle

API_URL = "https://abc123.execute-api.us-east-1.amazonaws.com/prod/sms"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env({"QILA_STATE_DIR": str(tmp_path)})


@pytest.fixture
def queue(settings: Settings) -> SqliteQueue:
    return SqliteQueue(settings.queue_db_path)


def queued(queue: SqliteQueue) -> list[dict[str, Any]]:
    return [json.loads(m.body) for m in queue.receive(max_messages=100)]


def test_signed_rest_event_is_queued_and_answered_with_empty_twiml(
    settings: Settings, queue: SqliteQueue
) -> None:
    form = twilio_form(body="URGENT pay now")
    response = handle(
        rest_event(form, signature=sign(API_URL, form)), settings=settings, queue=queue
    )
    assert response["statusCode"] == 200
    assert response["headers"]["Content-Type"] == "text/xml"
    assert response["body"] == EMPTY_TWIML
    (job,) = queued(queue)
    assert job["version"] == 1 and job["messageId"] == "SM" + "a" * 32
    assert job["from"] == "whatsapp:+6591234567" and job["body"] == "URGENT pay now"
    assert job["numMedia"] == 0 and job["profileName"] == "Ana" and job["receivedAt"]


@pytest.mark.parametrize("signature", [None, "", "bm9wZQ==", "garbage!!"])
def test_missing_or_wrong_signature_is_403_and_nothing_is_queued(
    settings: Settings, queue: SqliteQueue, signature: str | None
) -> None:
    response = handle(
        rest_event(twilio_form(), signature=signature), settings=settings, queue=queue
    )
    assert response["statusCode"] == 403
    assert queued(queue) == []


def test_signature_for_another_token_is_refused(settings: Settings, queue: SqliteQueue) -> None:
    form = twilio_form()
    event = rest_event(
        form, signature=sign(API_URL, form, token="another-account-token-0000000000")
    )
    assert handle(event, settings=settings, queue=queue)["statusCode"] == 403
    assert queued(queue) == []


def test_a_changed_field_breaks_the_signature(settings: Settings, queue: SqliteQueue) -> None:
    form = twilio_form(body="original")
    sig = sign(API_URL, form)
    tampered = [(k, "tampered" if k == "Body" else v) for k, v in form]
    assert (
        handle(rest_event(tampered, signature=sig), settings=settings, queue=queue)["statusCode"]
        == 403
    )


def test_base64_body_and_lowercase_headers(settings: Settings, queue: SqliteQueue) -> None:
    form = twilio_form()
    event = rest_event(form, signature=sign(API_URL, form), base64_body=True, header_case="lower")
    assert handle(event, settings=settings, queue=queue)["statusCode"] == 200
    assert len(queued(queue)) == 1


def test_http_api_v2_event(settings: Settings, queue: SqliteQueue) -> None:
    form = twilio_form()
    url = "https://xyz789.execute-api.us-east-1.amazonaws.com/sms"
    event = http_api_event(form, signature=sign(url, form))
    assert handle(event, settings=settings, queue=queue)["statusCode"] == 200
    assert len(queued(queue)) == 1


def test_signed_for_the_443_variant(settings: Settings, queue: SqliteQueue) -> None:
    form = twilio_form()
    url = "https://abc123.execute-api.us-east-1.amazonaws.com:443/prod/sms"
    assert (
        handle(rest_event(form, signature=sign(url, form)), settings=settings, queue=queue)[
            "statusCode"
        ]
        == 200
    )


def test_configured_public_url_is_used(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"QILA_STATE_DIR": str(tmp_path), "TWILIO_WEBHOOK_URL": "https://qila.example.org/sms"}
    )
    queue = SqliteQueue(settings.queue_db_path)
    form = twilio_form()
    event = rest_event(form, signature=sign("https://qila.example.org/sms", form))
    assert handle(event, settings=settings, queue=queue)["statusCode"] == 200


def test_media_only_message_with_blank_body_and_repeated_fields(
    settings: Settings, queue: SqliteQueue
) -> None:
    form = twilio_form(sid="MM" + "b" * 32, body="", NumMedia="2",
                       MediaUrl0="https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                       MediaContentType0="image/jpeg",
                       MediaUrl1="https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2",
                       MediaContentType1="image/png")  # fmt: skip
    form += [("ButtonText", "b"), ("ButtonText", "a")]  # a field that appears twice
    response = handle(
        rest_event(form, signature=sign(API_URL, form)), settings=settings, queue=queue
    )
    assert response["statusCode"] == 200
    (job,) = queued(queue)
    assert job["body"] == "" and job["numMedia"] == 2
    assert [m["contentType"] for m in job["media"]] == ["image/jpeg", "image/png"]


def test_interim_message_for_media_when_configured(tmp_path: Path) -> None:
    settings = Settings.from_env({"QILA_STATE_DIR": str(tmp_path), "QILA_INTERIM_REPLY": "on"})
    queue = SqliteQueue(settings.queue_db_path)
    form = twilio_form(
        NumMedia="1", MediaUrl0="https://api.twilio.com/m", MediaContentType0="image/png"
    )
    response = handle(
        rest_event(form, signature=sign(API_URL, form)), settings=settings, queue=queue
    )
    assert response["statusCode"] == 200
    assert "<Message>Checking this for you...</Message>" in response["body"]
    text_form = twilio_form(sid="SM" + "c" * 32)
    response = handle(
        rest_event(text_form, signature=sign(API_URL, text_form)), settings=settings, queue=queue
    )
    assert response["body"] == EMPTY_TWIML  # text checks are quick: no interim message


class BrokenQueue:
    def __init__(self) -> None:
        self.attempts = 0

    def send(self, body: str, attributes: dict[str, str] | None = None) -> str:
        self.attempts += 1
        raise QueueUnavailable("queue is down")


def test_queue_down_is_503_after_retries_never_200(settings: Settings) -> None:
    broken = BrokenQueue()
    form = twilio_form()
    response = handle(rest_event(form, signature=sign(API_URL, form)), settings=settings, queue=broken,  # type: ignore[arg-type]
                      sleep=lambda s: None)  # fmt: skip
    assert response["statusCode"] == 503
    assert broken.attempts == settings.queue_send_attempts


def test_real_unreachable_sqs_gives_503_within_twilios_15_seconds(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    import time

    from tests.support.stack import free_port

    from qila.adapters.sqs_queue import SqsQueue, make_sqs_client

    port = free_port()  # nothing listens there
    queue = SqsQueue(make_sqs_client("us-east-1", f"http://127.0.0.1:{port}", max_attempts=2),
                     f"http://127.0.0.1:{port}/000000000000/q")  # fmt: skip
    form = twilio_form()
    started = time.monotonic()
    with caplog.at_level("ERROR"):
        response = handle(
            rest_event(form, signature=sign(API_URL, form)), settings=settings, queue=queue
        )
    assert response["statusCode"] == 503
    assert time.monotonic() - started < 15
    assert any(r.getMessage() == "message not queued" for r in caplog.records)


@pytest.mark.parametrize(
    ("mutate", "status"),
    [
        (lambda e: e | {"httpMethod": "GET"}, 405),
        (lambda e: e | {"body": "%%%", "isBase64Encoded": True}, 400),
        (lambda e: e | {"body": "x" * 200_000}, 413),
        (
            lambda e: (
                e
                | {
                    "headers": e["headers"] | {"Content-Type": "application/json"},
                    "multiValueHeaders": {},
                }
            ),
            415,
        ),
        (
            lambda e: (
                e | {"body": base64.b64encode(b"Body=\xff\xfe").decode(), "isBase64Encoded": True}
            ),
            400,
        ),
        (lambda e: e | {"body": 12}, 400),
    ],
    ids=["get", "bad-base64", "too-large", "json", "not-utf8", "body-not-string"],
)
def test_malformed_requests_get_a_clear_4xx(
    settings: Settings, queue: SqliteQueue, mutate: Any, status: int
) -> None:
    form = twilio_form()
    event = mutate(rest_event(form, signature=sign(API_URL, form)))
    assert handle(event, settings=settings, queue=queue)["statusCode"] == status
    assert queued(queue) == []


def test_signed_request_without_message_sid_is_400(settings: Settings, queue: SqliteQueue) -> None:
    form = [("From", "whatsapp:+6591234567"), ("Body", "hi")]
    body = urlencode(form)
    event = rest_event(form, signature=sign(API_URL, form))
    event["body"] = body
    assert handle(event, settings=settings, queue=queue)["statusCode"] == 400


def test_lambda_handler_builds_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from qila.webhook import handler

    monkeypatch.setenv("QILA_STATE_DIR", str(tmp_path / "env-state"))
    monkeypatch.setenv("TWILIO_WEBHOOK_URL", "https://hooks.example.org/sms")
    handler.reset()
    try:
        form = twilio_form()
        ok = handler.lambda_handler(
            rest_event(form, signature=sign("https://hooks.example.org/sms", form)), None
        )
        forged = handler.lambda_handler(rest_event(form, signature="forged"), None)
    finally:
        handler.reset()
    assert (ok["statusCode"], forged["statusCode"]) == (200, 403)
    queue = SqliteQueue(tmp_path / "env-state" / "queue.sqlite3")
    assert len(queue.receive(max_messages=10)) == 1


def test_handler_emits_a_messages_queued_metric_when_enabled(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qila.webhook import handler

    monkeypatch.setenv("QILA_STATE_DIR", str(tmp_path / "m"))
    monkeypatch.setenv("TWILIO_WEBHOOK_URL", "https://hooks.example.org/sms")
    monkeypatch.setenv("QILA_METRICS", "on")
    handler.reset()
    try:
        form = twilio_form()
        handler.lambda_handler(
            rest_event(form, signature=sign("https://hooks.example.org/sms", form)), None
        )
        handler.lambda_handler(rest_event(form, signature="forged"), None)
    finally:
        handler.reset()
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines() if '"_aws"' in line]
    queued = [d for d in docs if "MessagesQueued" in d]
    assert len(queued) == 1 and queued[0]["MessagesQueued"] == 1
    assert queued[0]["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "Qila"
