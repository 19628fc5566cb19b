"""Processor Lambda entry point: SQS batch event in, ``batchItemFailures`` out.

Settings, store, Twilio client and analyser are built once per cold start.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from qila import logs
from qila.processor.app import Processor
from qila.settings import get_settings


@cache
def processor() -> Processor:
    from qila.analysis import compose_reply
    from qila.processor.content import build_gatherer
    from qila.wiring import build_analyzer, build_queue, build_sender, build_store

    settings = get_settings()
    logs.configure(settings.log_level)
    return Processor(
        settings=settings,
        store=build_store(settings),
        sender=build_sender(settings),
        analyzer=build_analyzer(),
        compose_reply=compose_reply,
        gatherer=build_gatherer(settings),
        scheduler=build_queue(settings) if settings.multipart_window_s > 0 else None,
    )


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return processor().handle_batch(event, context)


def reset() -> None:
    """Forget the cached dependencies (tests that change the environment)."""
    processor.cache_clear()
    get_settings.cache_clear()
