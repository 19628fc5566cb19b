"""Structured JSON logs with the correlation id, and masking of personal data.

Rule: nothing at INFO or above carries a message body, a full phone number or a secret.
Numbers are logged through :func:`mask_number` (``whatsapp:+65****4567``).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

correlation_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "correlation_id", default=None
)

_NUMBER_RE = re.compile(r"^(?P<prefix>[a-z]+:)?(?P<plus>\+?)(?P<digits>\d+)$")


def mask_number(number: str | None) -> str:
    """Keep the channel, the country prefix and the last four digits: whatsapp:+65****4567."""
    if not number:
        return ""
    match = _NUMBER_RE.match(number.strip())
    if not match:
        return "***"
    digits = match["digits"]
    if len(digits) <= 6:
        return f"{match['prefix'] or ''}{match['plus']}{'*' * len(digits)}"
    return f"{match['prefix'] or ''}{match['plus']}{digits[:2]}****{digits[-4:]}"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, correlation id, extra fields."""

    _reserved = frozenset(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        cid = correlation_id.get()
        if cid:
            entry["correlation_id"] = cid
        for key, value in record.__dict__.items():
            if key not in self._reserved and not key.startswith("_"):
                # An extra field never overwrites the envelope (level, message, ...).
                entry[key if key not in entry else f"field_{key}"] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure(level: str = "INFO", stream: Any = None) -> None:
    """Install the JSON formatter on the root logger (idempotent)."""
    root = logging.getLogger()
    handler = next((h for h in root.handlers if getattr(h, "_qila", False)), None)
    if handler is None:
        # Lambda pre-installs a plain handler; replace it so every line is JSON.
        for existing in list(root.handlers):
            root.removeHandler(existing)
        handler = logging.StreamHandler(stream or sys.stderr)
        handler._qila = True  # type: ignore[attr-defined]
        handler.setFormatter(JsonFormatter())
        root.addHandler(handler)
    root.setLevel(level)


@contextmanager
def correlated(value: str | None) -> Iterator[None]:
    token = correlation_id.set(value)
    try:
        yield
    finally:
        correlation_id.reset(token)
