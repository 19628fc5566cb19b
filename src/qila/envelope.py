"""The versioned job envelope that travels from the webhook to the processor through the queue.

Field names from the original specification are kept (``messageId``, ``from``, ``body``,
``numMedia``); version 1 adds the rest. An envelope without ``version`` is read as version 1
(the specification's own sample events have none).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from qila.errors import MalformedEnvelope

ENVELOPE_VERSION = 1


@dataclass(frozen=True)
class Media:
    url: str
    content_type: str


@dataclass(frozen=True)
class Job:
    message_id: str
    from_: str
    body: str
    to: str | None = None
    media: tuple[Media, ...] = ()
    profile_name: str | None = None
    wa_id: str | None = None
    received_at: str | None = None
    correlation_id: str | None = None
    account_sid: str | None = None
    version: int = ENVELOPE_VERSION
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def num_media(self) -> int:
        return len(self.media)

    def to_json(self) -> str:
        doc: dict[str, Any] = {
            "version": self.version,
            "messageId": self.message_id,
            "from": self.from_,
            "to": self.to,
            "body": self.body,
            "numMedia": self.num_media,
            "media": [{"url": m.url, "contentType": m.content_type} for m in self.media],
            "profileName": self.profile_name,
            "waId": self.wa_id,
            "receivedAt": self.received_at,
            "correlationId": self.correlation_id or self.message_id,
            "accountSid": self.account_sid,
        }
        # Fields this version does not name (e.g. a flush job's "kind") travel unchanged.
        doc.update({k: v for k, v in self.extra.items() if k not in doc})
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def job_from_form(
    form: Mapping[str, Sequence[str]], *, received_at: str, correlation_id: str | None = None
) -> Job:
    """Build a job from Twilio's webhook form fields (each field a list of values)."""

    def first(name: str) -> str | None:
        values = form.get(name)
        return values[0] if values else None

    message_id = first("MessageSid") or first("SmsMessageSid") or first("SmsSid") or ""
    try:
        declared = int(first("NumMedia") or "0")
    except ValueError:
        declared = 0
    media = []
    for i in range(max(0, min(declared, 10))):
        url = first(f"MediaUrl{i}")
        if url:
            media.append(Media(url=url, content_type=first(f"MediaContentType{i}") or ""))
    return Job(
        message_id=message_id,
        from_=first("From") or "",
        to=first("To"),
        body=first("Body") or "",
        media=tuple(media),
        profile_name=first("ProfileName"),
        wa_id=first("WaId"),
        received_at=received_at,
        correlation_id=correlation_id or message_id,
        account_sid=first("AccountSid"),
    )


def parse_job(raw: str | bytes) -> Job:
    """Parse a queued envelope; anything unusable raises :class:`MalformedEnvelope` saying why."""
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedEnvelope(f"not JSON: {exc}") from exc
    if not isinstance(doc, dict):
        raise MalformedEnvelope(f"expected a JSON object, got {type(doc).__name__}")
    version = doc.get("version", ENVELOPE_VERSION)
    if version != ENVELOPE_VERSION:
        raise MalformedEnvelope(f"unsupported envelope version {version!r}")
    message_id = _required(doc, "messageId")
    sender = _required(doc, "from")
    body = _string(doc, "body") or ""
    raw_media = doc.get("media")
    if raw_media is None:
        raw_media = []
    if not isinstance(raw_media, list):
        raise MalformedEnvelope("field 'media' must be a list")
    media = []
    for index, item in enumerate(raw_media):
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            raise MalformedEnvelope(f"media[{index}] must be an object with a 'url' string")
        media.append(Media(url=item["url"], content_type=str(item.get("contentType") or "")))
    num_media = doc.get("numMedia", len(media))
    try:
        num_media = int(num_media)
    except (TypeError, ValueError):
        raise MalformedEnvelope(f"field 'numMedia' must be a number, got {num_media!r}") from None
    if num_media < 0:
        raise MalformedEnvelope("field 'numMedia' must not be negative")
    known = {
        "version",
        "messageId",
        "from",
        "to",
        "body",
        "numMedia",
        "media",
        "profileName",
        "waId",
        "receivedAt",
        "correlationId",
        "accountSid",
    }
    return Job(
        message_id=message_id,
        from_=sender,
        body=body,
        to=_string(doc, "to"),
        media=tuple(media),
        profile_name=_string(doc, "profileName"),
        wa_id=_string(doc, "waId"),
        received_at=_string(doc, "receivedAt"),
        correlation_id=_string(doc, "correlationId") or message_id,
        account_sid=_string(doc, "accountSid"),
        extra={k: v for k, v in doc.items() if k not in known},
    )


def _string(doc: Mapping[str, Any], name: str) -> str | None:
    value = doc.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MalformedEnvelope(f"field {name!r} must be a string, got {type(value).__name__}")
    return value


def _required(doc: Mapping[str, Any], name: str) -> str:
    value = _string(doc, name)
    if value is None:
        raise MalformedEnvelope(f"missing required field {name!r}")
    return value
