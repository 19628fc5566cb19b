"""The local API Gateway: HTTP requests on /sms become REST API (v1) proxy events for the real
webhook Lambda handler, and its response becomes the HTTP response."""

from __future__ import annotations

import base64
import logging
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from qila.local.http import Handler, QuietServer
from qila.settings import Settings

log = logging.getLogger("qila.local.webhook")

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]


class ReusePortServer(QuietServer):
    allow_reuse_port = True


def build_event(
    method: str, target: str, headers: list[tuple[str, str]], body: bytes, client_ip: str
) -> dict[str, Any]:
    """What API Gateway's REST API hands a proxy-integrated Lambda."""
    parts = urlsplit(target)
    single: dict[str, str] = {}
    multi: dict[str, list[str]] = {}
    for name, value in headers:
        single[name] = value
        multi.setdefault(name, []).append(value)
    query = parse_qs(parts.query, keep_blank_values=True)
    try:
        text, encoded = body.decode("utf-8"), False
    except UnicodeDecodeError:
        text, encoded = base64.b64encode(body).decode("ascii"), True
    return {
        "resource": parts.path,
        "path": parts.path,
        "httpMethod": method,
        "headers": single,
        "multiValueHeaders": multi,
        "queryStringParameters": {k: v[-1] for k, v in query.items()} or None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": parts.path,
            "httpMethod": method,
            "path": parts.path,
            "stage": "local",
            "requestId": str(uuid.uuid4()),
            "identity": {"sourceIp": client_ip},
        },
        "body": text or None,
        "isBase64Encoded": encoded,
    }


def make_server(settings: Settings, handler: LambdaHandler, port: int | None = None) -> QuietServer:
    class WebhookHandler(Handler):
        max_body = settings.max_body_bytes * 2

        def do_GET(self) -> None:
            if self.path in {"/health", "/healthz"}:
                self.send_json(200, {"ok": True})
            else:
                self.send_text(404, "Not Found")

        def do_POST(self) -> None:
            if urlsplit(self.path).path != "/sms":
                self.send_text(404, "Not Found")
                return
            body = self.read_body()
            if body is None:
                return
            event = build_event(
                "POST", self.path, list(self.headers.items()), body, self.client_address[0]
            )
            try:
                result = handler(event, None)
            except Exception:
                log.exception("webhook handler raised")
                self.send_text(502, "Bad Gateway")  # what API Gateway answers
                return
            payload = result.get("body") or ""
            data = base64.b64decode(payload) if result.get("isBase64Encoded") else payload.encode()
            headers = dict(result.get("headers") or {})
            content_type = headers.pop("Content-Type", "application/json")
            self.send_bytes(int(result.get("statusCode", 200)), data, content_type, headers)

    # SO_REUSEPORT: several webhook processes share the port and the kernel spreads the
    # connections, as API Gateway spreads requests over Lambda instances.
    return ReusePortServer(
        (settings.webhook_host, settings.webhook_port if port is None else port), WebhookHandler
    )
