"""The sandbox's memory: every inbound and outbound message, in order, with long-poll waits."""

from __future__ import annotations

import email.utils
import secrets
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any


def new_sid(prefix: str) -> str:
    return prefix + secrets.token_hex(16)


@dataclass
class SandboxMessage:
    seq: int
    sid: str
    direction: str  # "inbound" (user -> Qila) or "outbound-api" (Qila -> user)
    from_: str
    to: str
    body: str
    created: float
    status: str
    profile_name: str | None = None
    media: list[dict[str, str]] = field(default_factory=list)
    webhook_status: int | None = None
    error_code: int | None = None
    error_message: str | None = None

    def to_public(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["from"] = doc.pop("from_")
        return doc

    def to_twilio(self, account_sid: str) -> dict[str, Any]:
        """The Messages resource as Twilio's REST API renders it."""
        date = email.utils.formatdate(self.created, usegmt=True)
        uri = f"/2010-04-01/Accounts/{account_sid}/Messages/{self.sid}.json"
        return {
            "sid": self.sid,
            "account_sid": account_sid,
            "api_version": "2010-04-01",
            "body": self.body,
            "date_created": date,
            "date_updated": date,
            "date_sent": date if self.status in {"sent", "delivered"} else None,
            "direction": self.direction,
            "error_code": self.error_code,
            "error_message": self.error_message,
            "from": self.from_,
            "to": self.to,
            "messaging_service_sid": None,
            "num_media": str(len(self.media)),
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "status": self.status,
            "subresource_uris": {
                "media": uri.replace(".json", "/Media.json"),
                "feedback": uri.replace(".json", "/Feedback.json"),
            },
            "uri": uri,
        }


class SandboxState:
    def __init__(self) -> None:
        self._messages: list[SandboxMessage] = []
        self._by_sid: dict[str, SandboxMessage] = {}
        self._changed = threading.Condition()
        self.media: dict[str, tuple[bytes, str]] = {}  # media sid -> (data, content type)
        self.media_tokens: dict[str, str] = {}  # CDN token -> media sid

    def add(self, **fields: Any) -> SandboxMessage:
        with self._changed:
            message = SandboxMessage(seq=len(self._messages) + 1, created=time.time(), **fields)
            self._messages.append(message)
            self._by_sid[message.sid] = message
            self._changed.notify_all()
            return message

    def update(self, sid: str, **fields: Any) -> None:
        with self._changed:
            message = self._by_sid[sid]
            for name, value in fields.items():
                setattr(message, name, value)
            self._changed.notify_all()

    def get(self, sid: str) -> SandboxMessage | None:
        with self._changed:
            return self._by_sid.get(sid)

    def query(
        self,
        *,
        after: int = 0,
        number: str | None = None,
        direction: str | None = None,
        wait_s: float = 0.0,
        limit: int = 1000,
    ) -> list[SandboxMessage]:
        """Messages after ``after`` (optionally for one user's number / one direction),
        waiting up to ``wait_s`` for the first one to arrive (long poll)."""
        deadline = time.monotonic() + wait_s
        with self._changed:
            while True:
                found = [
                    m
                    for m in self._messages[after:]
                    if (number is None or number in (m.from_, m.to))
                    and (direction is None or m.direction == direction)
                ][:limit]
                left = deadline - time.monotonic()
                if found or left <= 0:
                    return found
                self._changed.wait(left)

    def all(self) -> list[SandboxMessage]:
        with self._changed:
            return list(self._messages)
