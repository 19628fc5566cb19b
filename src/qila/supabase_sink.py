"""Optional copy of each check record to a Supabase (PostgREST) table.

Enabled when both ``SUPABASE_URL`` and ``SUPABASE_KEY`` are set. Each record is POSTed to
``{SUPABASE_URL}/rest/v1/checks`` with a short timeout. The sink is best effort: a failure is
logged (without the key) and swallowed, so it can never lose, fail or hold up a reply.

A record is a flat dict such as::

    {"sender_hash": "9f86d0...", "level": "likely_scam", "score": 87,
     "reasons": ["Asks for a one-time code"], "timings": {"analysis_ms": 120},
     "created_at": "2026-11-28T19:40:00+00:00"}

Raw phone numbers and message bodies must not be sent: records with such fields are refused.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping
from typing import Any

import requests

URL_VARIABLE = "SUPABASE_URL"
KEY_VARIABLE = "SUPABASE_KEY"
DEFAULT_TABLE = "checks"
DEFAULT_TIMEOUT = 3.0

# Fields that would carry a raw phone number or message content.
FORBIDDEN_FIELDS = frozenset({"from", "to", "phone", "phone_number", "sender", "wa_id", "body"})

log = logging.getLogger("qila.supabase")


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


class SupabaseSink:
    """POSTs check records to one Supabase table through an injected ``requests.Session``."""

    def __init__(
        self,
        url: str,
        key: str,
        session: requests.Session,
        table: str = DEFAULT_TABLE,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        if not url or not key:
            raise ValueError("SupabaseSink needs a URL and a key")
        self.endpoint = f"{url.rstrip('/')}/rest/v1/{table}"
        self._key = key
        self._session = session
        self._timeout = timeout

    def __repr__(self) -> str:  # never show the key
        return f"SupabaseSink(endpoint={self.endpoint!r})"

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str], session: requests.Session | None = None
    ) -> SupabaseSink | None:
        """The sink configured by ``environ``, or None when Supabase is not configured."""
        url = environ.get(URL_VARIABLE, "").strip()
        key = environ.get(KEY_VARIABLE, "").strip()
        if not url or not key:
            return None
        return cls(url, key, session or requests.Session())

    def record(self, check: Mapping[str, Any]) -> bool:
        """Send one check record; True when Supabase accepted it. Never raises."""
        forbidden = sorted(FORBIDDEN_FIELDS.intersection(k.lower() for k in check))
        if forbidden:
            log.warning("supabase: record refused, raw fields %s", forbidden)
            return False
        try:
            payload = json.dumps(dict(check), default=_json_default)
        except (TypeError, ValueError) as exc:
            log.warning("supabase: record not serialisable: %s", exc)
            return False
        headers = {
            "apikey": self._key,
            "Authorization": f"Bearer {self._key}",
            "Content-Type": "application/json",
            "Prefer": "return=minimal",
        }
        try:
            response = self._session.post(
                self.endpoint, data=payload, headers=headers, timeout=self._timeout
            )
        except requests.RequestException as exc:
            log.warning(
                "supabase: insert failed (%s) endpoint=%s", type(exc).__name__, self.endpoint
            )
            return False
        if response.status_code >= 300:
            log.warning(
                "supabase: insert failed status=%d endpoint=%s",
                response.status_code,
                self.endpoint,
            )
            return False
        return True
