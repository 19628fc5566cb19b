"""Qila's own exception tree.

Vendor errors (botocore, twilio, requests, sqlite3) are translated into these at the adapter
boundary with ``raise ... from exc``; nothing outside the adapters imports vendor exceptions.

    QilaError
    ├── ConfigError            a setting is missing or malformed (names the variable)
    ├── MalformedEnvelope      a queued job cannot be parsed (goes to the DLQ)
    ├── TransientError         worth retrying: the record is handed back to the queue
    │   ├── QueueUnavailable
    │   ├── StoreUnavailable
    │   └── TransientSendError (Twilio 429/5xx, timeouts, connection errors)
    └── PermanentError         retrying cannot help: recorded, not retried
        └── PermanentSendError (invalid number, outside the 24-hour window, ...)
"""

from __future__ import annotations


class QilaError(Exception):
    """Base of every error Qila raises on purpose."""


class ConfigError(QilaError):
    """A setting is missing or malformed. The message names the environment variable."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable


class MalformedEnvelope(QilaError):
    """A queued job envelope is not valid JSON or lacks required fields."""


class TransientError(QilaError):
    """A failure that may go away on retry."""


class PermanentError(QilaError):
    """A failure that a retry cannot fix."""


class QueueUnavailable(TransientError):
    """The queue refused or did not answer."""


class StoreUnavailable(TransientError):
    """The idempotency/check store refused or did not answer."""


class SendError(QilaError):
    """Sending a reply failed. ``status`` is the HTTP status, ``code`` Twilio's error code."""

    def __init__(self, message: str, *, status: int | None = None, code: int | None = None):
        super().__init__(message)
        self.status = status
        self.code = code


class TransientSendError(SendError, TransientError):
    """Twilio was busy or unreachable (429, 5xx, timeout): retry later."""


class PermanentSendError(SendError, PermanentError):
    """Twilio refused the reply for good (e.g. 21211 invalid number, 63016 outside window)."""
