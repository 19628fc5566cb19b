"""The webhook's work, as a plain function of an API Gateway event.

Validate the Twilio signature, queue a job envelope, answer empty TwiML. Nothing else: the
user's wait is this function plus its cold start, so it imports only the standard library
and Qila's light modules.
"""

from __future__ import annotations

import base64
import binascii
import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlsplit

from qila import clock, signature
from qila.envelope import job_from_form
from qila.errors import QueueUnavailable
from qila.logs import correlated, mask_number
from qila.ports.queue import Queue
from qila.settings import Settings

log = logging.getLogger("qila.webhook")

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
_MAX_FIELDS = 200
# Twilio's longest field is a WhatsApp Body (4,096 characters, up to 16 KiB in UTF-8).
_MAX_FIELD_BYTES = 16 * 1024


@dataclass(frozen=True)
class Request:
    headers: dict[str, str]  # lower-cased names
    body: bytes
    candidate_urls: tuple[str, ...]


class BadRequest(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def handle(
    event: Mapping[str, Any],
    *,
    settings: Settings,
    queue: Queue,
    sleep: Any = time.sleep,
    metrics: Any = None,
) -> dict[str, Any]:
    context = event.get("requestContext") if isinstance(event, Mapping) else None
    given_id = context.get("requestId") if isinstance(context, Mapping) else None
    request_id = given_id if isinstance(given_id, str) and given_id else str(uuid.uuid4())
    with correlated(request_id):
        try:
            request = parse_event(event, settings)
            form = parse_form(request, settings)
        except BadRequest as exc:
            log.warning("request refused", extra={"status": exc.status, "reason": exc.reason})
            return _response(exc.status, exc.reason, "text/plain")

        given = request.headers.get("x-twilio-signature")
        if not signature.is_valid(settings.auth_token, given, request.candidate_urls, form):
            log.warning(
                "signature rejected",
                extra={
                    "status": 403,
                    "reason": "missing signature" if not given else "signature mismatch",
                    "from": mask_number(_first(form, "From")),
                },
            )
            return _response(403, "Forbidden", "text/plain")

        job = job_from_form(form, received_at=clock.utc_iso())
        if not job.message_id or not job.from_:
            log.warning("signed request is not a message", extra={"status": 400})
            return _response(400, "Missing MessageSid or From", "text/plain")

    with correlated(job.message_id):
        try:
            _send_with_retries(queue, job.to_json(), settings, sleep)
        except QueueUnavailable as exc:
            log.error("message not queued", extra={"status": 503, "error": str(exc)})
            return _response(503, "Service Unavailable", "text/plain")
        if metrics is not None:
            metrics.queued()
        log.info(
            "message queued",
            extra={"from": mask_number(job.from_), "num_media": job.num_media},
        )
        if settings.interim_reply and job.media:
            # Screenshots take a few seconds to read: say so at once, in the TwiML answer.
            from qila.conversation.texts import say

            return _response(200, _twiml_message(say("interim", "en")), "text/xml")
        return _response(200, EMPTY_TWIML, "text/xml")


def parse_event(event: Mapping[str, Any], settings: Settings) -> Request:
    """Read an API Gateway REST (v1) or HTTP API (v2) proxy event."""
    if not isinstance(event, Mapping):
        raise BadRequest(400, "event is not an object")
    context = event.get("requestContext") or {}
    if not isinstance(context, Mapping):
        context = {}
    http = context.get("http") if isinstance(context.get("http"), Mapping) else {}
    method = str(event.get("httpMethod") or (http or {}).get("method") or "POST").upper()
    if method != "POST":
        raise BadRequest(405, "Method Not Allowed")

    headers: dict[str, str] = {}
    raw_headers = event.get("headers") or {}
    if isinstance(raw_headers, Mapping):
        for name, value in raw_headers.items():
            if isinstance(name, str) and isinstance(value, str):
                headers[name.lower()] = value
    multi = event.get("multiValueHeaders") or {}
    if isinstance(multi, Mapping):
        for name, values in multi.items():
            if isinstance(name, str) and isinstance(values, list) and values:
                headers.setdefault(name.lower(), str(values[0]))
    if not all(_is_text(name) and _is_text(value) for name, value in headers.items()):
        raise BadRequest(400, "header is not valid text")

    raw_body = event.get("body") or ""
    if not isinstance(raw_body, str):
        raise BadRequest(400, "body is not a string")
    if len(raw_body) > settings.max_body_bytes * 4 // 3 + 4:
        raise BadRequest(413, "Payload Too Large")
    if event.get("isBase64Encoded"):
        try:
            body = base64.b64decode(raw_body, validate=True)
        except (binascii.Error, ValueError):
            raise BadRequest(400, "body is not valid base64") from None
    else:
        try:
            body = raw_body.encode("utf-8")
        except UnicodeEncodeError:
            raise BadRequest(400, "body is not valid text") from None
    if len(body) > settings.max_body_bytes:
        raise BadRequest(413, "Payload Too Large")

    return Request(
        headers=headers,
        body=body,
        candidate_urls=tuple(_candidate_urls(event, context, headers, settings)),
    )


def _candidate_urls(
    event: Mapping[str, Any],
    context: Mapping[str, Any],
    headers: Mapping[str, str],
    settings: Settings,
) -> list[str]:
    """The configured public URL, and the URL derived from the request as API Gateway saw it
    (``https://{Host}{requestContext.path}``, which keeps the stage)."""
    urls = [settings.webhook_url] if settings.webhook_url else []
    host = headers.get("host")
    path = context.get("path") or event.get("rawPath") or event.get("path")
    if host and _is_host(host) and isinstance(path, str) and path.startswith("/"):
        query = _query_string(event)
        url = f"https://{host}{path}" + (f"?{query}" if query else "")
        if _is_text(url):
            urls.append(url)
    return urls


def _is_host(host: str) -> bool:
    """A Host header the signature check can use (``name[:port]``, port in range)."""
    try:
        parts = urlsplit(f"https://{host}")
        parts.port  # noqa: B018 -- raises ValueError for a malformed or out-of-range port
    except ValueError:
        return False
    return bool(parts.hostname) and parts.netloc == host and "@" not in host


def _is_text(value: str) -> bool:
    """Encodable as UTF-8 (an event may carry lone surrogates that no client could send)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _query_string(event: Mapping[str, Any]) -> str:
    raw = event.get("rawQueryString")
    if isinstance(raw, str):
        return raw
    multi = event.get("multiValueQueryStringParameters")
    if isinstance(multi, Mapping) and multi:
        from urllib.parse import urlencode

        return urlencode(
            [
                (k, v)
                for k, vs in multi.items()
                if isinstance(k, str) and isinstance(vs, list)
                for v in vs
                if isinstance(v, str)
            ]
        )
    return ""


def parse_form(request: Request, settings: Settings) -> dict[str, list[str]]:
    content_type = request.headers.get("content-type", "application/x-www-form-urlencoded")
    if "application/x-www-form-urlencoded" not in content_type.lower():
        raise BadRequest(415, "Unsupported Media Type")
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(400, "body is not UTF-8") from None
    try:
        # keep_blank_values: a media-only message has "Body=" and Twilio signs it.
        form = parse_qs(
            text,
            keep_blank_values=True,
            strict_parsing=False,
            errors="strict",
            max_num_fields=_MAX_FIELDS,
        )
    except (ValueError, UnicodeDecodeError):
        raise BadRequest(400, "malformed form body") from None
    if len(request.body) > _MAX_FIELD_BYTES:  # smaller bodies cannot hold a field that large
        for name, values in form.items():
            if any(len(v.encode("utf-8")) > _MAX_FIELD_BYTES for v in [name, *values]):
                raise BadRequest(413, "form field too large")
    return form


def _send_with_retries(queue: Queue, body: str, settings: Settings, sleep: Any) -> None:
    started = time.monotonic()
    delay = 0.05
    for attempt in range(1, settings.queue_send_attempts + 1):
        try:
            queue.send(body)
            return
        except QueueUnavailable as exc:
            elapsed = time.monotonic() - started
            if (
                attempt == settings.queue_send_attempts
                or elapsed + delay > settings.queue_send_budget_s
            ):
                raise
            log.warning(
                "queue send failed, retrying", extra={"attempt": attempt, "error": str(exc)}
            )
            sleep(delay)
            delay *= 2


def _first(form: Mapping[str, list[str]], name: str) -> str | None:
    values = form.get(name)
    return values[0] if values else None


def _twiml_message(text: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Response><Message>'
        f"{escape(text)}</Message></Response>"
    )


def _response(status: int, body: str, content_type: str) -> dict[str, Any]:
    return {
        "statusCode": status,
        "headers": {"Content-Type": content_type},
        "body": body,
        "isBase64Encoded": False,
    }
