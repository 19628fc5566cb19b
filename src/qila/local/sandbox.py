"""The local Twilio sandbox: a stand-in for Twilio on 127.0.0.1.

- Inbound: ``POST /api/send`` plays a WhatsApp user. The sandbox builds the form Twilio would
  send, signs it with the auth token exactly as Twilio does, and posts it to the webhook URL.
- Outbound: the Messages API the ``twilio`` SDK calls
  (``/2010-04-01/Accounts/{AccountSid}/Messages.json``), with basic auth, Twilio's validation
  and Twilio's error bodies; every reply is recorded.
- Media: uploaded images are served like Twilio's media URLs: basic auth on the sandbox port,
  then a redirect to a signed URL on a second "CDN" port under another host name.
- ``GET /`` is the chat page; ``/api/messages`` serves the conversation (long poll),
  ``/api/media/{MEsid}`` an uploaded image for the page (no auth: the sandbox listens on
  127.0.0.1 only), ``/api/faults`` the fault switches and ``/api/ops/...`` the operator panel
  (queue depth, dead letters, redrive/purge, recent checks; see :mod:`qila.local.ops`).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import secrets
import time
import urllib.error
import urllib.request
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from qila.errors import QilaError
from qila.local.faults import Faults
from qila.local.http import Handler, QuietServer, serve_in_thread
from qila.local.ops import Ops, parse_ids
from qila.local.sandbox_state import SandboxState, new_sid
from qila.logs import mask_number
from qila.settings import Settings
from qila.signature import compute_signature

log = logging.getLogger("qila.sandbox")

_MESSAGES_RE = re.compile(
    r"^/2010-04-01/Accounts/(?P<account>[^/]+)/Messages(?:/(?P<sid>[^/.]+))?\.json$"
)
_MEDIA_RE = re.compile(
    r"^/2010-04-01/Accounts/(?P<account>[^/]+)/Messages/(?P<msg>[^/]+)/Media/(?P<media>[^/.]+)$"
)
_MEDIA_SID_RE = re.compile(r"^/api/media/(?P<media>ME[0-9a-f]{32})$")
_ADDRESS_RE = re.compile(r"^(whatsapp:)?\+[1-9]\d{6,14}$")
MAX_BODY_CHARS = 1600


def twilio_error(status: int, code: int, message: str) -> dict[str, Any]:
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


class Sandbox:
    """The sandbox's behaviour, independent of HTTP plumbing (used by the handlers below)."""

    def __init__(
        self, settings: Settings, faults: Faults | None = None, webhook_url: str | None = None
    ) -> None:
        self.settings = settings
        self.faults = faults or Faults()
        self.state = SandboxState()
        self.webhook_url = webhook_url or settings.webhook_url or settings.local_webhook_url
        self.media_hits: dict[str, int] = {}

    # -- inbound: a WhatsApp user writes to Qila -------------------------------------------
    def deliver_inbound(self, payload: dict[str, Any]) -> dict[str, Any]:
        sender = str(payload.get("from") or "whatsapp:+6591234567")
        if not _ADDRESS_RE.match(sender):
            raise ValueError("'from' must look like whatsapp:+6591234567")
        body = str(payload.get("body") or "")
        media_in = payload.get("media") or []
        if not body and not media_in:
            raise ValueError("a message needs a body or media")
        media = [self._store_media(item) for item in media_in]
        sid = new_sid("MM" if media else "SM")
        message = self.state.add(
            sid=sid,
            direction="inbound",
            from_=sender,
            to=self.settings.phone_number,
            body=body,
            status="received",
            profile_name=payload.get("profile_name") or None,
            media=[{"url": url, "content_type": ctype} for url, ctype in media],
        )
        form = self.inbound_form(message.sid, sender, body, media, message.profile_name)
        deliveries = max(1, min(int(payload.get("deliveries") or 1), 5))
        status, reply = 0, ""
        for _ in range(deliveries):  # >1 simulates Twilio re-delivering the same MessageSid
            status, reply = self.post_webhook(form)
        self.state.update(sid, webhook_status=status)
        interim = _twiml_message(reply) if status == 200 else None
        if interim:
            self.state.add(
                sid=new_sid("SM"),
                direction="outbound-reply",
                from_=self.settings.phone_number,
                to=sender,
                body=interim,
                status="delivered",
            )
        return {"sid": sid, "seq": message.seq, "webhook_status": status}

    def inbound_form(
        self, sid: str, sender: str, body: str, media: list[tuple[str, str]], profile: str | None
    ) -> dict[str, list[str]]:
        digits = sender.split("+", 1)[-1]
        fields: dict[str, str] = {
            "SmsMessageSid": sid,
            "NumMedia": str(len(media)),
            "ProfileName": profile or "",
            "MessageType": "image" if media else "text",
            "SmsSid": sid,
            "WaId": digits,
            "SmsStatus": "received",
            "Body": body,
            "To": self.settings.phone_number,
            "NumSegments": "1",
            "ReferralNumMedia": "0",
            "MessageSid": sid,
            "AccountSid": self.settings.account_sid,
            "From": sender,
            "ApiVersion": "2010-04-01",
        }
        for i, (url, ctype) in enumerate(media):
            fields[f"MediaUrl{i}"] = url
            fields[f"MediaContentType{i}"] = ctype
        return {k: [v] for k, v in fields.items()}

    def post_webhook(self, form: dict[str, list[str]]) -> tuple[int, str]:
        """POST the signed form to the webhook, as Twilio does (15 s timeout)."""
        signature = compute_signature(self.settings.auth_token, self.webhook_url, form)
        data = urlencode([(k, v) for k, vs in form.items() for v in vs]).encode()
        request = urllib.request.Request(
            self.webhook_url,
            data=data,
            method="POST",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": signature,
                "User-Agent": "TwilioProxy/1.1",
                "I-Twilio-Idempotency-Token": secrets.token_hex(16),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            log.warning("webhook unreachable", extra={"error": str(exc)})
            return 0, ""

    def _store_media(self, item: dict[str, Any]) -> tuple[str, str]:
        ctype = str(item.get("content_type") or "image/jpeg")
        try:
            data = base64.b64decode(str(item.get("data") or ""), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("media 'data' must be base64") from None
        media_sid = new_sid("ME")
        self.state.media[media_sid] = (data, ctype)
        url = (
            f"{self.settings.sandbox_url}/2010-04-01/Accounts/{self.settings.account_sid}"
            f"/Messages/{new_sid('MM')}/Media/{media_sid}"
        )
        return url, ctype

    # -- outbound: Qila replies through the Messages API ------------------------------------
    def create_message(self, form: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        def first(name: str) -> str:
            values = form.get(name)
            return values[0] if values else ""

        to, from_, body = first("To"), first("From"), first("Body")
        if not to:
            return 400, twilio_error(400, 21604, "A 'To' phone number is required.")
        if not _ADDRESS_RE.match(to):
            return 400, twilio_error(
                400, 21211, f"The 'To' number {to} is not a valid phone number."
            )
        if not from_:
            return 400, twilio_error(400, 21603, "A 'From' phone number is required.")
        if from_ != self.settings.phone_number:
            return 400, twilio_error(
                400, 63007, "Twilio could not find a Channel with the specified From address"
            )
        if not body and not form.get("MediaUrl"):
            return 400, twilio_error(400, 21602, "Message body is required.")
        if len(body) > MAX_BODY_CHARS:
            return 400, twilio_error(
                400, 21617, "The concatenated message body exceeds the 1600 character limit."
            )
        fault = self._injected_fault(to)
        if fault is not None:
            return fault
        message = self.state.add(
            sid=new_sid("SM"),
            direction="outbound-api",
            from_=from_,
            to=to,
            body=body,
            status="queued",
        )
        log.info("reply recorded", extra={"to": mask_number(to), "sid": message.sid})
        return 201, message.to_twilio(self.settings.account_sid)

    def _injected_fault(self, to: str) -> tuple[int, dict[str, Any]] | None:
        faults = self.faults
        if faults.latency_ms:
            time.sleep(faults.latency_ms / 1000)
        if to in faults.permanent:
            code = faults.permanent[to]
            messages = {
                21211: f"The 'To' number {to} is not a valid phone number.",
                63016: "Failed to send freeform message because you are outside the "
                "allowed window. Please use a Template.",
            }
            return 400, twilio_error(400, code, messages.get(code, "Injected permanent error"))
        if faults.timeout_rate and faults.roll() < faults.timeout_rate:
            time.sleep(faults.timeout_s)
        if faults.transient_rate and faults.roll() < faults.transient_rate:
            if faults.roll() < 0.5:
                return 429, twilio_error(429, 20429, "Too Many Requests")
            return 500, twilio_error(500, 20500, "Internal Server Error")
        return None

    def authorised(self, header: str | None, account: str) -> bool:
        if account != self.settings.account_sid or not header or not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return secrets.compare_digest(
            f"{user}:{password}", f"{self.settings.account_sid}:{self.settings.auth_token}"
        )

    def media_redirect(self, media_sid: str) -> tuple[int, str]:
        """Like Twilio: early requests may 404 (media not ready), then a redirect to the CDN."""
        if media_sid not in self.state.media:
            return 404, ""
        hits = self.media_hits.get(media_sid, 0) + 1
        self.media_hits[media_sid] = hits
        if hits <= self.faults.media_not_ready:
            return 404, ""
        token = secrets.token_urlsafe(24)
        self.state.media_tokens[token] = media_sid
        return (
            307,
            f"http://localhost:{self.settings.media_port}/media/{token}?Expires={int(time.time()) + 300}",
        )


def _q(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    return values[0] if values else None


def _int(query: dict[str, list[str]], name: str) -> int | None:
    raw = _q(query, name)
    return int(raw) if raw and raw.isdigit() else None


def _twiml_message(twiml: str) -> str | None:
    match = re.search(r"<Message>(.*?)</Message>", twiml, re.S)
    if not match:
        return None
    from xml.sax.saxutils import unescape

    return unescape(match.group(1))


def make_servers(
    settings: Settings, sandbox: Sandbox, port: int | None = None, media_port: int | None = None
) -> tuple[QuietServer, QuietServer]:
    ops = Ops(settings)

    class SandboxHandler(Handler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            if parts.path in {"/", "/index.html"}:
                page = resources.files("qila.local").joinpath("static/chat.html").read_bytes()
                self.send_bytes(200, page, "text/html; charset=utf-8")
            elif parts.path.startswith("/static/"):
                self._static(parts.path.removeprefix("/static/"))
            elif parts.path == "/api/health":
                self.send_json(200, {"ok": True, "phone_number": settings.phone_number})
            elif parts.path == "/api/messages":
                self._messages(query)
            elif parts.path == "/api/faults":
                self.send_json(200, sandbox.faults.to_dict())
            elif (m := _MEDIA_SID_RE.match(parts.path)) is not None:
                self._page_media(m.group("media"))
            elif parts.path.startswith("/api/ops/"):
                self._ops_get(parts.path.removeprefix("/api/ops/"), query)
            elif (m := _MESSAGES_RE.match(parts.path)) is not None:
                self._twilio_read(m.group("account"), m.group("sid"), query)
            elif (m := _MEDIA_RE.match(parts.path)) is not None:
                self._media(m.group("account"), m.group("media"))
            else:
                self.send_text(404, "Not Found")

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            body = self.read_body()
            if body is None:
                return
            if parts.path == "/api/send":
                try:
                    payload = json.loads(body or b"{}")
                    if not isinstance(payload, dict):
                        raise ValueError("expected a JSON object")
                    self.send_json(200, sandbox.deliver_inbound(payload))
                except ValueError as exc:
                    self.send_json(400, {"error": str(exc)})
            elif parts.path == "/api/faults":
                try:
                    sandbox.faults.update(json.loads(body or b"{}"))
                    self.send_json(200, sandbox.faults.to_dict())
                except (ValueError, TypeError, AttributeError, QilaError) as exc:
                    self.send_json(400, {"error": str(exc)})
            elif parts.path in {"/api/ops/dlq/redrive", "/api/ops/dlq/purge"}:
                self._ops_post(parts.path.rsplit("/", 1)[1], body)
            elif (m := _MESSAGES_RE.match(parts.path)) is not None and m.group("sid") is None:
                if not sandbox.authorised(self.headers.get("Authorization"), m.group("account")):
                    self.send_json(
                        401,
                        twilio_error(401, 20003, "Authenticate"),
                        {"WWW-Authenticate": 'Basic realm="Twilio API"'},
                    )
                    return
                form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                status, doc = sandbox.create_message(form)
                self.send_json(status, doc)
            else:
                self.send_text(404, "Not Found")

        def _messages(self, query: dict[str, list[str]]) -> None:
            after = int((query.get("after") or ["0"])[0] or 0)
            wait = min(float((query.get("wait") or ["0"])[0] or 0), 30.0)
            number = _q(query, "number")
            direction = _q(query, "direction")
            found = sandbox.state.query(
                after=after, number=number, direction=direction, wait_s=wait
            )
            self.send_json(200, {"messages": [m.to_public() for m in found]})

        def _page_media(self, media_sid: str) -> None:
            item = sandbox.state.media.get(media_sid)
            if item is None:
                self.send_text(404, "Not Found")
                return
            data, ctype = item
            self.send_bytes(
                200,
                data,
                ctype,
                {"Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff"},
            )

        def _ops_get(self, name: str, query: dict[str, list[str]]) -> None:
            views = {
                "overview": lambda: ops.overview(),
                "stats": lambda: ops.stats(),
                "dlq": lambda: {"dead_letters": ops.dead_letters(_int(query, "limit"))},
                "checks": lambda: {"checks": ops.recent_checks(_int(query, "limit"))},
            }
            view = views.get(name)
            if view is None:
                self.send_text(404, "Not Found")
                return
            try:
                self.send_json(200, view())
            except QilaError as exc:
                log.warning("operator view failed", extra={"view": name, "error": str(exc)})
                self.send_json(503, {"error": str(exc)})

        def _ops_post(self, action: str, body: bytes) -> None:
            try:
                ids = parse_ids(json.loads(body or b"{}"))
            except ValueError as exc:
                self.send_json(400, {"error": str(exc)})
                return
            try:
                if action == "redrive":
                    self.send_json(200, {"redriven": ops.redrive(ids)})
                else:
                    self.send_json(200, {"purged": ops.purge(ids)})
            except QilaError as exc:
                log.warning(
                    "dead-letter action failed", extra={"action": action, "error": str(exc)}
                )
                self.send_json(503, {"error": str(exc)})
            else:
                log.info(
                    "dead letters %s", action, extra={"count": "all" if ids is None else len(ids)}
                )

        def _twilio_read(self, account: str, sid: str | None, query: dict[str, list[str]]) -> None:
            if not sandbox.authorised(self.headers.get("Authorization"), account):
                self.send_json(401, twilio_error(401, 20003, "Authenticate"))
                return
            if sid is not None:
                message = sandbox.state.get(sid)
                if message is None:
                    self.send_json(
                        404,
                        twilio_error(
                            404, 20404, f"The requested resource {self.path} was not found"
                        ),
                    )
                else:
                    self.send_json(200, message.to_twilio(account))
                return
            to = _q(query, "To")
            from_ = _q(query, "From")
            found = [
                m
                for m in sandbox.state.all()
                if m.direction != "inbound"
                and (to is None or m.to == to)
                and (from_ is None or m.from_ == from_)
            ]
            found.reverse()  # newest first, as Twilio lists them
            size = int((query.get("PageSize") or ["50"])[0])
            uri = urlsplit(self.path).path
            self.send_json(
                200,
                {
                    "messages": [m.to_twilio(account) for m in found[:size]],
                    "page": 0,
                    "page_size": size,
                    "first_page_uri": uri,
                    "next_page_uri": None,
                    "previous_page_uri": None,
                    "uri": uri,
                    "start": 0,
                    "end": min(size, len(found)),
                },
            )

        def _media(self, account: str, media_sid: str) -> None:
            if not sandbox.authorised(self.headers.get("Authorization"), account):
                self.send_json(401, twilio_error(401, 20003, "Authenticate"))
                return
            status, location = sandbox.media_redirect(media_sid)
            if status == 404:
                self.send_json(
                    404, twilio_error(404, 20404, "The requested resource was not found")
                )
            else:
                self.send_bytes(status, b"", "text/plain", {"Location": location})

        def _static(self, name: str) -> None:
            if not re.fullmatch(r"[a-z0-9_-]+\.(css|js|png|svg)", name):
                self.send_text(404, "Not Found")
                return
            try:
                data = resources.files("qila.local").joinpath(f"static/{name}").read_bytes()
            except FileNotFoundError:
                self.send_text(404, "Not Found")
                return
            types = {
                "css": "text/css",
                "js": "text/javascript",
                "png": "image/png",
                "svg": "image/svg+xml",
            }
            self.send_bytes(200, data, types[name.rsplit(".", 1)[1]])

    class CdnHandler(Handler):
        """The media CDN: no credentials accepted or needed, only the signed token."""

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            token = parts.path.removeprefix("/media/")
            media_sid = sandbox.state.media_tokens.get(token)
            if media_sid is None or self.headers.get("Authorization"):
                # A CDN never sees Twilio credentials; a request carrying them is a client bug.
                self.send_text(403 if media_sid else 404, "Forbidden" if media_sid else "Not Found")
                return
            data, ctype = sandbox.state.media[media_sid]
            self.send_bytes(200, data, ctype)

    api = QuietServer(
        ("127.0.0.1", settings.sandbox_port if port is None else port), SandboxHandler
    )
    cdn = QuietServer(
        ("127.0.0.1", settings.media_port if media_port is None else media_port), CdnHandler
    )
    return api, cdn


def run_sandbox(
    settings: Settings, faults: Faults | None = None
) -> tuple[QuietServer, QuietServer]:
    """Start the sandbox and its CDN in background threads; return both servers."""
    sandbox = Sandbox(settings, faults)
    api, cdn = make_servers(settings, sandbox)
    serve_in_thread(api)
    serve_in_thread(cdn)
    return api, cdn
