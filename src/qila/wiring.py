"""The one place where settings choose the adapters behind each port.

Imports are inside the functions so each entry point pays only for what it uses: the
webhook never imports boto3 unless SQS is configured, nor the Twilio SDK at all.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from qila.settings import Settings

if TYPE_CHECKING:
    from qila.adapters.sqlite_queue import SqliteQueue
    from qila.adapters.sqs_queue import SqsQueue
    from qila.analysis.verdict import Analyzer
    from qila.local.flaky_queue import FlakyQueue
    from qila.ports.sender import ReplySender
    from qila.ports.store import Store


def build_queue(settings: Settings) -> SqsQueue | SqliteQueue | FlakyQueue:
    if settings.sqs_queue_url:
        from qila.adapters.sqs_queue import SqsQueue, make_sqs_client

        client = make_sqs_client(
            settings.aws_region,
            settings.sqs_endpoint_url,
            max_attempts=settings.queue_send_attempts,
        )
        return SqsQueue(client, settings.sqs_queue_url, settings.sqs_dlq_url)
    from qila.adapters.sqlite_queue import SqliteQueue

    queue = SqliteQueue(
        settings.queue_db_path,
        visibility_timeout_s=settings.visibility_timeout_s,
        max_receives=settings.max_receives,
        retention_s=settings.retention_s,
        dlq_retention_s=settings.dlq_retention_s,
    )
    if os.environ.get("QILA_FAULT_QUEUE_DOWN_S") or os.environ.get("QILA_FAULT_QUEUE_CONTROL"):
        from qila.local.flaky_queue import wrap_from_env  # local fault injection only

        return wrap_from_env(queue)
    return queue


def build_store(settings: Settings) -> Store:
    if settings.dynamodb_table:
        from qila.adapters.dynamodb_store import DynamoDbStore, make_dynamodb_client

        client = make_dynamodb_client(settings.aws_region, settings.dynamodb_endpoint_url)
        return DynamoDbStore(client, settings.dynamodb_table, ttl_s=settings.idempotency_ttl_s)
    from qila.adapters.sqlite_store import SqliteStore

    return SqliteStore(settings.store_db_path, ttl_s=settings.idempotency_ttl_s)


def build_sender(settings: Settings) -> ReplySender:
    from qila.adapters.twilio_sender import TwilioSender, make_twilio_client

    client = make_twilio_client(
        settings.account_sid,
        settings.auth_token,
        api_base=settings.twilio_api_url,
        timeout=settings.twilio_timeout_s,
    )
    return TwilioSender(client)


def build_analyzer(settings: Settings | None = None) -> Analyzer:
    """The offline analyser, plus link expansion / Safe Browsing when settings turn them on."""
    if settings is not None and (settings.expand_links or settings.safe_browsing_key):
        from qila.analysis.online import SAFE_BROWSING_URL, OnlineSettings, build_online_analyzer

        return build_online_analyzer(
            OnlineSettings(
                expand_links=settings.expand_links,
                safe_browsing_key=settings.safe_browsing_key,
                safe_browsing_url=(settings.safe_browsing_url or SAFE_BROWSING_URL).rstrip("/"),
            )
        )
    from qila.analysis import build_analyzer as build

    return build()
