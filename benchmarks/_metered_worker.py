"""The local worker (``qila worker``: pollers + processor handler) with a CPU meter on its parts.

``python benchmarks/_metered_worker.py OUT.json``: settings from the environment as for
``qila worker`` (QILA_WORKERS poller threads). The processor's collaborators are wrapped, and
each call's CPU time is taken with ``time.thread_time()`` (the calling thread's user + system
CPU: time the thread waits for the sandbox, sleeps between polls or is preempted by other
processes does not count, so the figures hold on a loaded machine):

- analysis: ``analyzer.analyse``; reply text: ``compose_reply``;
- Twilio SDK: ``sender.send`` (the SDK, requests, urllib3, http.client, the socket calls);
- store: every ``SqliteStore`` method; queue: ``SqliteQueue`` receive / delete (the poller)
  and send (flush jobs scheduled by the processor);
- logging: the root JSON handler's ``handle`` (formatting + write);
- JSON: ``json.dumps`` / ``json.loads`` called from none of the above (envelopes, events);
- envelope: ``parse_job``; content: the gatherer's ``fetch`` / ``read``.

The outermost wrapped call on a thread owns the time (JSON inside the store counts as store);
``inclusive`` also gives each part's time wherever it was called. ``handler_s`` is the CPU of
the processor's ``lambda_handler`` calls (the parts inside it plus the processor's own code),
``poller_s`` the poller threads' CPU in ``poll_once`` (receive, handler, delete), ``records``
the queue records handled. SIGUSR1 starts the counts afresh (after a warm-up). On SIGTERM the pollers stop
and OUT.json gets ``{"exclusive_s": {...}, "inclusive_s": {...}, "calls": {...},
"handler_s": ..., "poller_s": ..., "records": ...}``.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

POLLER_QUEUE = "queue receive + delete (poller)"
_local = threading.local()
_lock = threading.Lock()
EXCLUSIVE: Counter[str] = Counter()
INCLUSIVE: Counter[str] = Counter()
CALLS: Counter[str] = Counter()


def metered(category: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        stack = getattr(_local, "stack", None)
        if stack is None:
            stack = _local.stack = []
        stack.append(category)
        t0 = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = time.thread_time() - t0
            stack.pop()
            with _lock:
                CALLS[category] += 1
                if category not in stack:  # recursion into the same part counts once
                    INCLUSIVE[category] += spent
                if not stack:
                    EXCLUSIVE[category] += spent

    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper


def install(app: Any) -> None:
    import qila.conversation.service as service
    import qila.processor.app as processor_app
    from qila.adapters.sqlite_queue import SqliteQueue
    from qila.adapters.sqlite_store import SqliteStore

    for name in ("claim", "mark_stage", "complete", "release", "record_check", "kv_get",
                 "kv_put", "kv_put_if_absent", "kv_incr", "kv_append"):  # fmt: skip
        if hasattr(SqliteStore, name):
            setattr(SqliteStore, name, metered("store (SQLite)", getattr(SqliteStore, name)))
    for name in ("receive", "delete", "change_visibility"):
        setattr(SqliteQueue, name, metered(POLLER_QUEUE, getattr(SqliteQueue, name)))
    SqliteQueue.send = metered("queue send (flush jobs)", SqliteQueue.send)  # type: ignore[method-assign]
    app.analyzer.analyse = metered("analysis", app.analyzer.analyse)
    app.conversation.compose_reply = metered("reply text", app.conversation.compose_reply)
    app.sender.send = metered("Twilio SDK (HTTP to the sandbox)", app.sender.send)
    for name in ("fetch", "read"):
        if hasattr(app.gatherer, name):
            setattr(app.gatherer, name, metered("content gather", getattr(app.gatherer, name)))
    processor_app.parse_job = metered("envelope parse", processor_app.parse_job)
    service.parse_job = metered("envelope parse", service.parse_job)
    json.dumps = metered("JSON (outside the parts above)", json.dumps)
    json.loads = metered("JSON (outside the parts above)", json.loads)
    root = logging.getLogger()
    for handler in root.handlers:
        handler.handle = metered("logging (JSON lines)", handler.handle)  # type: ignore[method-assign]


def main(out: str) -> int:
    from qila import logs
    from qila.local.poller import Poller
    from qila.processor.handler import lambda_handler, processor
    from qila.settings import get_settings
    from qila.wiring import build_queue

    settings = get_settings()
    logs.configure(settings.log_level)
    app = processor()
    install(app)  # before the queues are built: SqliteQueue's methods are wrapped on the class
    totals: Counter[str] = Counter()  # handler_s, poller_s, records

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        t0 = time.thread_time()
        try:
            return lambda_handler(event, context)
        finally:
            with _lock:
                totals["handler_s"] += time.thread_time() - t0
                totals["records"] += len(event.get("Records", []))

    pollers = [
        Poller.from_settings(build_queue(settings), handler, settings)
        for _ in range(settings.workers)
    ]
    for poller in pollers:
        poll_once = poller.poll_once

        def timed_poll(poll_once: Callable[[], int] = poll_once) -> int:
            t0 = time.thread_time()
            try:
                return poll_once()
            finally:
                with _lock:
                    totals["poller_s"] += time.thread_time() - t0

        poller.poll_once = timed_poll  # type: ignore[method-assign]

    def reset(*_: Any) -> None:
        with _lock:
            for counter in (EXCLUSIVE, INCLUSIVE, CALLS, totals):
                counter.clear()

    threads = [threading.Thread(target=p.run, daemon=True) for p in pollers]
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    signal.signal(signal.SIGUSR1, reset)  # after a warm-up: count from here
    for thread in threads:
        thread.start()
    print(f"worker polling (metered) with {len(pollers)} poller(s)", flush=True)
    while not stop.wait(0.5):
        pass
    for poller in pollers:
        poller.stop()
    for thread in threads:
        thread.join(timeout=30)
    with _lock:
        doc = {
            "exclusive_s": dict(EXCLUSIVE),
            "inclusive_s": dict(INCLUSIVE),
            "calls": dict(CALLS),
            "handler_s": totals["handler_s"],
            "poller_s": totals["poller_s"],
            "records": totals["records"],
        }
    Path(out).write_text(json.dumps.__wrapped__(doc, indent=2))  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
