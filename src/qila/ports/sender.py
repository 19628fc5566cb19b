"""The reply-sender port: send one WhatsApp reply.

Implementations raise :class:`~qila.errors.TransientSendError` when a retry may succeed and
:class:`~qila.errors.PermanentSendError` when it cannot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class SentReply:
    sid: str
    status: str


class ReplySender(Protocol):
    def send(self, *, to: str, from_: str, body: str) -> SentReply: ...
