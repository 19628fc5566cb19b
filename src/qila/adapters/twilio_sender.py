"""Replies through the official Twilio SDK, pointed at Twilio or at the local sandbox.

The SDK builds URLs on ``https://api.twilio.com``; :class:`RebasedHttpClient` (the SDK's own
``TwilioHttpClient`` with the base swapped) sends them to the configured API base instead, so
the same code path is exercised locally. Twilio and transport errors are classified here.
"""

from __future__ import annotations

import logging
from typing import Any

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from qila.errors import PermanentSendError, TransientSendError
from qila.ports.sender import SentReply

TWILIO_API_BASE = "https://api.twilio.com"

# Twilio error codes that no retry can fix (https://www.twilio.com/docs/api/errors).
PERMANENT_CODES = frozenset(
    {
        21211,  # invalid 'To' phone number
        21214,  # 'To' number cannot be reached
        21408,  # permission to send to this region not enabled
        21610,  # recipient unsubscribed (STOP)
        21614,  # 'To' is not a mobile number
        21617,  # body exceeds the 1,600 character limit
        63003,  # channel could not find the 'To' address
        63016,  # outside the 24-hour customer-care window: a template is needed
        63024,  # invalid message recipient
    }
)

# The SDK logs every request (URL, recipient, body) at INFO: personal data. Keep it quiet.
logging.getLogger("twilio.http_client").setLevel(logging.WARNING)


class RebasedHttpClient(TwilioHttpClient):
    """The SDK's HTTP client, sending requests for api.twilio.com to ``api_base`` instead."""

    def __init__(self, api_base: str, timeout: float, session: requests.Session | None = None):
        super().__init__(timeout=timeout, pool_connections=True)
        self.api_base = api_base.rstrip("/")
        if session is not None:
            self.session = session
        if self.session is not None:
            # Proxy settings are not read from the environment on every call (requests does
            # that per request otherwise: about 0.6 ms each).
            self.session.trust_env = False

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        if self.api_base != TWILIO_API_BASE and url.startswith(TWILIO_API_BASE):
            url = self.api_base + url[len(TWILIO_API_BASE) :]
        return super().request(method, url, *args, **kwargs)


def make_twilio_client(
    account_sid: str, auth_token: str, api_base: str = TWILIO_API_BASE, timeout: float = 10.0
) -> Client:
    return Client(account_sid, auth_token, http_client=RebasedHttpClient(api_base, timeout=timeout))


class TwilioSender:
    def __init__(self, client: Client) -> None:
        self.client = client

    def send(self, *, to: str, from_: str, body: str) -> SentReply:
        try:
            message = self.client.messages.create(to=to, from_=from_, body=body)
        except TwilioRestException as exc:
            raise classify(exc) from exc
        except (requests.Timeout, requests.ConnectionError) as exc:
            raise TransientSendError(f"Twilio unreachable: {type(exc).__name__}") from exc
        except (TwilioException, requests.RequestException) as exc:
            raise TransientSendError(f"Twilio call failed: {type(exc).__name__}") from exc
        return SentReply(sid=str(message.sid), status=str(message.status))


def classify(exc: TwilioRestException) -> TransientSendError | PermanentSendError:
    """429 and 5xx are transient; known recipient/window codes are permanent. Authentication
    and other unexpected errors stay transient: after a fix (e.g. a rotated auth token) the
    DLQ can be redriven, whereas dropping them would lose the replies for good."""
    status, code = int(exc.status), exc.code
    detail = f"Twilio {status}" + (f" code {code}" if code else "")
    if code in PERMANENT_CODES:
        return PermanentSendError(detail, status=status, code=code)
    if status == 400 and code is None:
        return PermanentSendError(detail, status=status, code=code)
    return TransientSendError(detail, status=status, code=code)
