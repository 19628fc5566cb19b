from __future__ import annotations

import json

import pytest

from qila.envelope import job_from_form, parse_job
from qila.errors import MalformedEnvelope


def test_form_to_envelope_keeps_the_seed_names_and_adds_the_rest() -> None:
    form = {
        "MessageSid": ["MM123"], "From": ["whatsapp:+6591234567"], "To": ["whatsapp:+14155238886"],
        "Body": [""], "NumMedia": ["2"], "MediaUrl0": ["https://api.twilio.com/a"],
        "MediaContentType0": ["image/jpeg"], "MediaUrl1": ["https://api.twilio.com/b"],
        "MediaContentType1": ["audio/ogg"], "ProfileName": ["Ana"], "WaId": ["6591234567"],
    }  # fmt: skip
    job = job_from_form(form, received_at="2026-11-28T00:00:00.000Z")
    doc = json.loads(job.to_json())
    assert doc["version"] == 1
    assert (doc["messageId"], doc["from"], doc["body"], doc["numMedia"]) == (
        "MM123",
        "whatsapp:+6591234567",
        "",
        2,
    )
    assert doc["to"] == "whatsapp:+14155238886"
    assert doc["media"] == [
        {"url": "https://api.twilio.com/a", "contentType": "image/jpeg"},
        {"url": "https://api.twilio.com/b", "contentType": "audio/ogg"},
    ]
    assert doc["profileName"] == "Ana" and doc["waId"] == "6591234567"
    assert doc["correlationId"] == "MM123" and doc["receivedAt"].startswith("2026-11-28")
    assert parse_job(job.to_json()) == parse_job(json.dumps(doc))


def test_seed_envelope_without_version_is_read() -> None:
    job = parse_job(json.dumps({"messageId": "test-123", "from": "whatsapp:+1234567890",
                                "body": "Check if this is a scam", "numMedia": 0}))  # fmt: skip
    assert (job.message_id, job.from_, job.body, job.num_media) == (
        "test-123", "whatsapp:+1234567890", "Check if this is a scam", 0,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "JSON object"),
        ('{"from": "x"}', "messageId"),
        ('{"messageId": "SM1"}', "'from'"),
        ('{"messageId": 5, "from": "x"}', "must be a string"),
        ('{"messageId": "SM1", "from": "x", "version": 9}', "version"),
        ('{"messageId": "SM1", "from": "x", "media": {}}', "media"),
        ('{"messageId": "SM1", "from": "x", "media": [{"u": 1}]}', "media[0]"),
        ('{"messageId": "SM1", "from": "x", "numMedia": "many"}', "numMedia"),
    ],
)
def test_malformed_envelopes_say_why(raw: str, why: str) -> None:
    with pytest.raises(MalformedEnvelope, match=None) as err:
        parse_job(raw)
    assert why in str(err.value)


def test_unknown_fields_survive_a_round_trip() -> None:
    raw = json.dumps({"messageId": "flush-SM1", "from": "whatsapp:+6591234567", "body": "",
                      "kind": "flush", "trigger": "SM1", "triggerAt": 1764288000.5})  # fmt: skip
    again = json.loads(parse_job(parse_job(raw).to_json()).to_json())
    assert (again["kind"], again["trigger"], again["triggerAt"]) == ("flush", "SM1", 1764288000.5)
