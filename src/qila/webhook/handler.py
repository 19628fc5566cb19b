"""Webhook Lambda entry point: API Gateway event in, TwiML out.

Settings and the queue client are built once per cold start, on the first invocation.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from qila import logs
from qila import metrics as emf
from qila.ports.queue import Queue
from qila.settings import Settings, get_settings
from qila.webhook.app import handle


@cache
def _dependencies() -> tuple[Settings, Queue]:
    from qila.wiring import build_queue

    settings = get_settings()
    logs.configure(settings.log_level)
    return settings, build_queue(settings)


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    settings, queue = _dependencies()
    if not settings.emit_metrics:
        return handle(event, settings=settings, queue=queue)
    try:
        return handle(event, settings=settings, queue=queue, metrics=emf.metrics)
    finally:
        emf.flush()


def reset() -> None:
    """Forget the cached settings and clients (tests that change the environment)."""
    _dependencies.cache_clear()
    get_settings.cache_clear()
