"""Custom CloudWatch metrics as Embedded Metric Format (EMF) log lines.

CloudWatch turns a JSON log line with an ``_aws`` block into metrics, so emitting a metric is
printing one line to stdout: no API call, no extra latency. The documents have the same shape as
the ones Powertools ``Metrics`` writes (namespace from ``POWERTOOLS_METRICS_NAMESPACE``, a
``service`` dimension from ``POWERTOOLS_SERVICE_NAME``), but this module uses only the standard
library: importing ``aws_lambda_powertools.metrics`` costs about 40 ms, a quarter of the
webhook's cold-start import budget, for the few lines below.

Metrics (namespace ``Qila``, all ``Count``):

* ``MessagesQueued`` [service]: a message was queued by the webhook;
* ``Verdicts`` [service, Level]: a verdict was sent, by level;
* ``ReplyFailures`` [service, Kind]: a reply could not be sent, by kind (transient, permanent...).

Values are buffered and written by :meth:`Metrics.flush`, at the end of an invocation; the
:meth:`Metrics.log_metrics` decorator does that even when the handler raises.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any, ParamSpec, TextIO, TypeVar

DEFAULT_NAMESPACE = "Qila"
DEFAULT_SERVICE = "qila"
# EMF limits: at most 100 metrics per document and 100 values per metric.
_MAX_METRICS = 100
_MAX_VALUES = 100

P = ParamSpec("P")
R = TypeVar("R")

_Dimensions = tuple[tuple[str, str], ...]


class Metrics:
    """Buffers metric values and writes them as EMF documents, one JSON line each."""

    def __init__(
        self,
        namespace: str | None = None,
        service: str | None = None,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.namespace = (
            namespace or os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or DEFAULT_NAMESPACE
        )
        self.service = service or os.environ.get("POWERTOOLS_SERVICE_NAME") or DEFAULT_SERVICE
        self._stream = stream
        self._clock = clock
        self._lock = threading.Lock()
        # dimension set -> metric name -> (unit, values)
        self._buffer: dict[_Dimensions, dict[str, tuple[str, list[float]]]] = {}

    # -- the project's metrics ------------------------------------------------------------
    def queued(self) -> None:
        self.add("MessagesQueued")

    def verdict(self, level: str) -> None:
        self.add("Verdicts", dimensions={"Level": str(level)})

    def reply_failure(self, kind: str) -> None:
        self.add("ReplyFailures", dimensions={"Kind": kind})

    # -- general ----------------------------------------------------------------------------
    def add(
        self,
        name: str,
        value: float = 1,
        unit: str = "Count",
        dimensions: Mapping[str, str] | None = None,
    ) -> None:
        """Buffer one value of metric ``name`` with the ``service`` dimension plus ``dimensions``."""
        dims = {"service": self.service, **(dict(dimensions) if dimensions else {})}
        key: _Dimensions = tuple(dims.items())
        with self._lock:
            metrics = self._buffer.setdefault(key, {})
            _, values = metrics.setdefault(name, (unit, []))
            values.append(float(value))

    def documents(self) -> list[dict[str, Any]]:
        """The EMF documents for the buffered values (without clearing them)."""
        timestamp = int(self._clock() * 1000)
        docs: list[dict[str, Any]] = []
        with self._lock:
            buffer = {key: dict(metrics) for key, metrics in self._buffer.items()}
        for key, metrics in buffer.items():
            # Split into documents that respect the EMF limits.
            chunks: list[dict[str, list[float]]] = [{}]
            units: dict[str, str] = {}
            for name, (unit, values) in metrics.items():
                units[name] = unit
                for start in range(0, len(values), _MAX_VALUES):
                    part = values[start : start + _MAX_VALUES]
                    target = next(
                        (c for c in chunks if name not in c and len(c) < _MAX_METRICS), None
                    )
                    if target is None:
                        target = {}
                        chunks.append(target)
                    target[name] = part
            for chunk in chunks:
                if not chunk:
                    continue
                doc: dict[str, Any] = {
                    "_aws": {
                        "Timestamp": timestamp,
                        "CloudWatchMetrics": [
                            {
                                "Namespace": self.namespace,
                                "Dimensions": [[k for k, _ in key]],
                                "Metrics": [{"Name": n, "Unit": units[n]} for n in chunk],
                            }
                        ],
                    }
                }
                doc.update(dict(key))
                for name, values in chunk.items():
                    doc[name] = values[0] if len(values) == 1 else values
                docs.append(doc)
        return docs

    def flush(self) -> int:
        """Write the buffered values as EMF lines and clear the buffer; returns the line count."""
        docs = self.documents()
        with self._lock:
            self._buffer.clear()
        stream = self._stream or sys.stdout
        for doc in docs:
            stream.write(json.dumps(doc, separators=(",", ":")) + "\n")
        stream.flush()
        return len(docs)

    def log_metrics(self, handler: Callable[P, R]) -> Callable[P, R]:
        """Decorate a Lambda handler so the buffered metrics are flushed when it returns or raises."""

        @functools.wraps(handler)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return handler(*args, **kwargs)
            finally:
                self.flush()

        return wrapper


# One buffer per process, shared by the module-level helpers.
metrics = Metrics()


def queued() -> None:
    metrics.queued()


def verdict(level: str) -> None:
    metrics.verdict(level)


def reply_failure(kind: str) -> None:
    metrics.reply_failure(kind)


def flush() -> int:
    return metrics.flush()


def log_metrics(handler: Callable[P, R]) -> Callable[P, R]:
    return metrics.log_metrics(handler)
