"""One frozen settings object, built once from the environment.

With nothing set, Qila runs on one machine: an SQLite queue and store in ``QILA_STATE_DIR``
and the local Twilio sandbox with fixed local credentials. Setting ``SQS_QUEUE_URL`` switches
to AWS, where the Twilio credentials become mandatory. A malformed value raises
:class:`~qila.errors.ConfigError` naming the variable, at start, never later.

This module is on the webhook's cold path: standard library only.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from qila.errors import ConfigError

# Credentials of the local sandbox, used only when no Twilio credentials are configured and
# Qila is not deployed (no SQS_QUEUE_URL). They are not secrets: the sandbox is loopback-only.
LOCAL_ACCOUNT_SID = "AC" + "0" * 31 + "1"
LOCAL_AUTH_TOKEN = "qila-local-sandbox-auth-token-00"
LOCAL_PHONE_NUMBER = "whatsapp:+14155238886"

_SID_RE = re.compile(r"^AC[0-9a-fA-F]{32}$")
_PHONE_RE = re.compile(r"^(whatsapp:)?\+[1-9]\d{6,14}$")

TokenLoader = Callable[[Mapping[str, str]], str]


@dataclass(frozen=True)
class Settings:
    # Twilio
    account_sid: str
    auth_token: str = field(repr=False)
    phone_number: str
    webhook_url: str | None  # public URL Twilio signs; None = derive from the request
    twilio_api_url: str  # REST API base: Twilio itself, or the local sandbox
    twilio_timeout_s: float
    interim_reply: bool  # answer media messages at once with "Checking this for you..."
    # Queue
    sqs_queue_url: str | None
    sqs_dlq_url: str | None
    sqs_endpoint_url: str | None
    aws_region: str
    queue_send_attempts: int
    queue_send_budget_s: float
    # Store
    dynamodb_table: str | None
    dynamodb_endpoint_url: str | None
    idempotency_ttl_s: int
    # Local stack
    state_dir: Path
    webhook_host: str
    webhook_port: int
    sandbox_port: int
    media_port: int
    # Event source mapping (what Lambda does around the processor; used by the local poller)
    batch_size: int
    batch_window_s: float
    visibility_timeout_s: int
    max_receives: int
    retention_s: int
    dlq_retention_s: int
    workers: int  # poller threads per worker process
    worker_processes: int  # worker processes `qila dev` starts (like Lambda's concurrency)
    webhook_processes: int  # webhook server processes `qila dev` starts on the same port
    processor_timeout_s: int
    time_guard_ms: int
    # Conversation
    multipart_window_s: float  # parts from one sender within this window are answered once
    cache_ttl_s: int  # how long a verdict is reused for the same message
    limit_per_hour: int
    limit_per_day: int
    blocklist: tuple[str, ...]
    # Optional online link checks (off by default)
    expand_links: bool
    safe_browsing_key: str | None = field(repr=False)
    safe_browsing_url: str | None
    # Media
    ocr_engine: str  # rapidocr (offline, local default) | textract (AWS)
    media_max_bytes: int
    # Input limits, logging and metrics
    max_body_bytes: int
    log_level: str
    emit_metrics: bool  # CloudWatch EMF lines on stdout (on by default inside Lambda)
    # Optional sink
    supabase_url: str | None
    supabase_key: str | None = field(repr=False)

    @property
    def is_local(self) -> bool:
        return self.sqs_queue_url is None

    @property
    def queue_db_path(self) -> Path:
        return self.state_dir / "queue.sqlite3"

    @property
    def store_db_path(self) -> Path:
        return self.state_dir / "store.sqlite3"

    @property
    def sandbox_url(self) -> str:
        return f"http://127.0.0.1:{self.sandbox_port}"

    @property
    def local_webhook_url(self) -> str:
        return f"http://{self.webhook_host}:{self.webhook_port}/sms"

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        token_loader: TokenLoader | None = None,
        require_twilio: bool = True,
    ) -> Settings:
        """Build the settings. ``require_twilio=False`` is for operator tools (``qila dlq``)
        that touch only the queue and the store: missing Twilio settings then get the local
        placeholders instead of failing."""
        e = _Env(os.environ if env is None else env)
        sqs_queue_url = e.url("SQS_QUEUE_URL")
        local = sqs_queue_url is None

        account_sid = e.text("TWILIO_ACCOUNT_SID")
        token_configured = any(
            e.text(name)
            for name in (
                "TWILIO_AUTH_TOKEN",
                "TWILIO_AUTH_TOKEN_PARAMETER",
                "TWILIO_AUTH_TOKEN_SECRET_ARN",
            )
        )
        if account_sid is None and not token_configured and (local or not require_twilio):
            account_sid, auth_token = LOCAL_ACCOUNT_SID, LOCAL_AUTH_TOKEN
        else:
            if account_sid is None:
                raise ConfigError(
                    "TWILIO_ACCOUNT_SID", "is required when Twilio credentials are set"
                )
            auth_token = _load_token(e.raw, token_loader)
        if not _SID_RE.match(account_sid):
            raise ConfigError("TWILIO_ACCOUNT_SID", "must be 'AC' followed by 32 hex characters")

        phone = e.text("TWILIO_PHONE_NUMBER") or (
            LOCAL_PHONE_NUMBER if local or not require_twilio else None
        )
        if phone is None:
            raise ConfigError("TWILIO_PHONE_NUMBER", "is required (e.g. whatsapp:+14155238886)")
        if not _PHONE_RE.match(phone):
            raise ConfigError("TWILIO_PHONE_NUMBER", "must look like whatsapp:+14155238886")

        webhook_host = e.text("QILA_WEBHOOK_HOST") or "127.0.0.1"
        webhook_port = e.integer("QILA_WEBHOOK_PORT", 3000, 1, 65535)
        sandbox_port = e.integer("QILA_SANDBOX_PORT", 3001, 1, 65535)
        webhook_url = e.url("TWILIO_WEBHOOK_URL")
        if webhook_url is None and local:
            webhook_url = f"http://{webhook_host}:{webhook_port}/sms"
        twilio_api_url = e.url("TWILIO_API_URL") or (
            f"http://127.0.0.1:{sandbox_port}" if local else "https://api.twilio.com"
        )

        processor_timeout_s = e.integer("QILA_PROCESSOR_TIMEOUT_S", 300, 1, 900)
        visibility_timeout_s = e.integer("QILA_VISIBILITY_TIMEOUT_S", 360, 1, 43200)
        if visibility_timeout_s <= processor_timeout_s:
            raise ConfigError(
                "QILA_VISIBILITY_TIMEOUT_S",
                f"must be longer than QILA_PROCESSOR_TIMEOUT_S ({processor_timeout_s}), "
                "or a message would be delivered twice while still being processed",
            )

        supabase_url = e.url("SUPABASE_URL")
        supabase_key = e.text("SUPABASE_KEY")
        if (supabase_url is None) != (supabase_key is None):
            missing = "SUPABASE_KEY" if supabase_key is None else "SUPABASE_URL"
            raise ConfigError(missing, "SUPABASE_URL and SUPABASE_KEY must be set together")

        log_level = (e.text("QILA_LOG_LEVEL") or "INFO").upper()
        if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ConfigError("QILA_LOG_LEVEL", "must be DEBUG, INFO, WARNING, ERROR or CRITICAL")

        return cls(
            account_sid=account_sid,
            auth_token=auth_token,
            phone_number=phone,
            webhook_url=webhook_url,
            twilio_api_url=twilio_api_url.rstrip("/"),
            twilio_timeout_s=e.number("QILA_TWILIO_TIMEOUT_S", 10.0, 0.1, 60.0),
            interim_reply=e.flag("QILA_INTERIM_REPLY", default=False),
            sqs_queue_url=sqs_queue_url,
            sqs_dlq_url=e.url("SQS_DLQ_URL"),
            sqs_endpoint_url=e.url("SQS_ENDPOINT_URL"),
            aws_region=e.text("AWS_REGION") or e.text("AWS_DEFAULT_REGION") or "us-east-1",
            queue_send_attempts=e.integer("QILA_QUEUE_SEND_ATTEMPTS", 3, 1, 10),
            queue_send_budget_s=e.number("QILA_QUEUE_SEND_BUDGET_S", 5.0, 0.1, 14.0),
            dynamodb_table=e.text("QILA_DYNAMODB_TABLE"),
            dynamodb_endpoint_url=e.url("DYNAMODB_ENDPOINT_URL"),
            idempotency_ttl_s=e.integer("QILA_IDEMPOTENCY_TTL_S", 7 * 86400, 60, 365 * 86400),
            state_dir=Path(e.text("QILA_STATE_DIR") or ".qila").resolve(),
            webhook_host=webhook_host,
            webhook_port=webhook_port,
            sandbox_port=sandbox_port,
            media_port=e.integer("QILA_MEDIA_PORT", 3002, 1, 65535),
            batch_size=e.integer("QILA_BATCH_SIZE", 10, 1, 10000),
            batch_window_s=e.number("QILA_BATCH_WINDOW_S", 0.0, 0.0, 300.0),
            visibility_timeout_s=visibility_timeout_s,
            max_receives=e.integer("QILA_MAX_RECEIVES", 3, 1, 1000),
            retention_s=e.integer("QILA_RETENTION_S", 4 * 86400, 60, 14 * 86400),
            dlq_retention_s=e.integer("QILA_DLQ_RETENTION_S", 14 * 86400, 60, 14 * 86400),
            workers=e.integer("QILA_WORKERS", 1, 1, 64),
            worker_processes=e.integer("QILA_WORKER_PROCESSES", 1, 1, 32),
            webhook_processes=e.integer("QILA_WEBHOOK_PROCESSES", 2, 1, 32),
            processor_timeout_s=processor_timeout_s,
            time_guard_ms=e.integer("QILA_TIME_GUARD_MS", 10_000, 0, 600_000),
            multipart_window_s=e.number("QILA_MULTIPART_WINDOW_S", 1.5, 0.0, 60.0),
            cache_ttl_s=e.integer("QILA_CACHE_TTL_S", 7 * 86400, 60, 365 * 86400),
            limit_per_hour=e.integer("QILA_LIMIT_PER_HOUR", 20, 1, 1_000_000),
            limit_per_day=e.integer("QILA_LIMIT_PER_DAY", 100, 1, 1_000_000),
            blocklist=e.numbers("QILA_BLOCKLIST"),
            expand_links=e.flag("QILA_EXPAND_LINKS", default=False),
            safe_browsing_key=e.text("QILA_SAFE_BROWSING_KEY"),
            safe_browsing_url=e.url("QILA_SAFE_BROWSING_URL"),
            ocr_engine=e.choice("QILA_OCR_ENGINE", "rapidocr", ("rapidocr", "textract")),
            media_max_bytes=e.integer(
                "QILA_MEDIA_MAX_BYTES", 10 * 1024 * 1024, 1024, 100 * 1024 * 1024
            ),
            max_body_bytes=e.integer("QILA_MAX_BODY_BYTES", 64 * 1024, 1024, 6 * 1024 * 1024),
            log_level=log_level,
            emit_metrics=e.flag("QILA_METRICS", default=bool(e.text("AWS_LAMBDA_FUNCTION_NAME"))),
            supabase_url=supabase_url,
            supabase_key=supabase_key,
        )


def _load_token(env: Mapping[str, str], token_loader: TokenLoader | None) -> str:
    plain = (env.get("TWILIO_AUTH_TOKEN") or "").strip()
    if plain:
        return plain
    if not (env.get("TWILIO_AUTH_TOKEN_PARAMETER") or env.get("TWILIO_AUTH_TOKEN_SECRET_ARN")):
        raise ConfigError(
            "TWILIO_AUTH_TOKEN",
            "is required (or TWILIO_AUTH_TOKEN_PARAMETER / TWILIO_AUTH_TOKEN_SECRET_ARN on AWS)",
        )
    if token_loader is not None:
        return token_loader(env)
    # Imported only when a parameter or secret is configured (AWS): boto3 is not cheap.
    from qila.secrets import load_auth_token

    return load_auth_token(env)


class _Env:
    """Typed reads of environment variables; every failure names its variable."""

    def __init__(self, raw: Mapping[str, str]) -> None:
        self.raw = raw

    def text(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        value = self.text(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise ConfigError(name, f"must be a whole number, got {value!r}") from None
        if not low <= number <= high:
            raise ConfigError(name, f"must be between {low} and {high}, got {number}")
        return number

    def number(self, name: str, default: float, low: float, high: float) -> float:
        value = self.text(name)
        if value is None:
            return default
        try:
            number = float(value)
        except ValueError:
            raise ConfigError(name, f"must be a number, got {value!r}") from None
        if not low <= number <= high:
            raise ConfigError(name, f"must be between {low} and {high}, got {number}")
        return number

    def flag(self, name: str, default: bool) -> bool:
        value = self.text(name)
        if value is None:
            return default
        if value.lower() in {"1", "true", "yes", "on"}:
            return True
        if value.lower() in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(name, f"must be on or off (1/0, true/false), got {value!r}")

    def numbers(self, name: str) -> tuple[str, ...]:
        raw = self.text(name) or ""
        numbers = tuple(n.strip() for n in raw.split(",") if n.strip())
        for number in numbers:
            if not _PHONE_RE.match(number):
                raise ConfigError(
                    name, f"expected comma-separated numbers like +6591234567, got {number!r}"
                )
        return numbers

    def choice(self, name: str, default: str, allowed: tuple[str, ...]) -> str:
        value = (self.text(name) or default).lower()
        if value not in allowed:
            raise ConfigError(name, f"must be one of {', '.join(allowed)}, got {value!r}")
        return value

    def url(self, name: str) -> str | None:
        value = self.text(name)
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ConfigError(name, f"must be an http(s) URL, got {value!r}")
        return value


@cache
def get_settings() -> Settings:
    """The process's settings, built once (once per Lambda cold start)."""
    return Settings.from_env()
