"""Processor Lambda entry point: SQS batch event in, ``batchItemFailures`` out.

Settings, store, Twilio client and analyser are built once per cold start.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from qila import logs
from qila import metrics as emf
from qila.processor.app import NoMetrics, Processor
from qila.settings import Settings, get_settings


@cache
def processor() -> Processor:
    from qila.analysis import compose_reply
    from qila.analysis.verdict import Content
    from qila.processor.content import build_gatherer
    from qila.wiring import build_analyzer, build_queue, build_sender, build_store

    settings = get_settings()
    logs.configure(settings.log_level)
    analyzer = build_analyzer(settings)
    # Cold start does the one-off work (the domain lists' lookup structures), not the first
    # person's message.
    analyzer.analyse(Content(text="Warm-up: see https://www.example.com/account/verify"))
    return Processor(
        settings=settings,
        store=build_store(settings),
        sender=build_sender(settings),
        analyzer=analyzer,
        compose_reply=compose_reply,
        gatherer=build_gatherer(settings),
        scheduler=build_queue(settings) if settings.multipart_window_s > 0 else None,
        metrics=emf.metrics if settings.emit_metrics else NoMetrics(),
        record_sink=_supabase_sink(settings),
    )


def _supabase_sink(settings: Settings) -> Callable[[dict[str, Any]], bool] | None:
    if not (settings.supabase_url and settings.supabase_key):
        return None
    import requests

    from qila.supabase_sink import SupabaseSink

    return SupabaseSink(settings.supabase_url, settings.supabase_key, requests.Session()).record


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    app = processor()
    try:
        return app.handle_batch(event, context)
    finally:
        if app.settings.emit_metrics:
            emf.flush()


def reset() -> None:
    """Forget the cached dependencies (tests that change the environment)."""
    processor.cache_clear()
    get_settings.cache_clear()
