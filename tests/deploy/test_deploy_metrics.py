"""qila.metrics writes CloudWatch Embedded Metric Format documents."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import Any

import pytest

from qila.metrics import Metrics


def emitted(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def directive(doc: dict[str, Any]) -> dict[str, Any]:
    block = doc["_aws"]["CloudWatchMetrics"]
    assert len(block) == 1
    result: dict[str, Any] = block[0]
    return result


def by_metric(docs: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [d for d in docs if any(m["Name"] == name for m in directive(d)["Metrics"])]


def make(stream: io.StringIO) -> Metrics:
    return Metrics(namespace="Qila", service="qila", stream=stream, clock=lambda: 1_700_000_000.5)


def test_project_metrics_have_namespace_names_and_dimensions() -> None:
    out = io.StringIO()
    metrics = make(out)
    metrics.queued()
    metrics.verdict("likely_scam")
    metrics.verdict("likely_scam")
    metrics.verdict("no_red_flags")
    metrics.reply_failure("transient")

    assert metrics.flush() == 4
    docs = emitted(out)
    for doc in docs:
        assert doc["_aws"]["Timestamp"] == 1_700_000_000_500
        assert directive(doc)["Namespace"] == "Qila"
        assert doc["service"] == "qila"
        for m in directive(doc)["Metrics"]:
            assert m["Unit"] == "Count"

    [queued] = by_metric(docs, "MessagesQueued")
    assert directive(queued)["Dimensions"] == [["service"]]
    assert queued["MessagesQueued"] == 1

    verdicts = {d["Level"]: d for d in by_metric(docs, "Verdicts")}
    assert set(verdicts) == {"likely_scam", "no_red_flags"}
    for doc in verdicts.values():
        assert directive(doc)["Dimensions"] == [["service", "Level"]]
    assert verdicts["likely_scam"]["Verdicts"] == [1, 1]
    assert verdicts["no_red_flags"]["Verdicts"] == 1

    [failure] = by_metric(docs, "ReplyFailures")
    assert directive(failure)["Dimensions"] == [["service", "Kind"]]
    assert failure["Kind"] == "transient"


def test_flush_clears_the_buffer() -> None:
    out = io.StringIO()
    metrics = make(out)
    metrics.queued()
    assert metrics.flush() == 1
    assert metrics.flush() == 0
    assert len(emitted(out)) == 1


def test_documents_respect_the_emf_value_limit() -> None:
    out = io.StringIO()
    metrics = make(out)
    for _ in range(250):
        metrics.queued()
    metrics.flush()
    docs = emitted(out)
    counts = [len(d["MessagesQueued"]) for d in docs]
    assert sorted(counts) == [50, 100, 100]


def test_decorator_flushes_even_when_the_handler_raises() -> None:
    out = io.StringIO()
    metrics = make(out)

    @metrics.log_metrics
    def handler(event: dict[str, Any], context: object) -> dict[str, Any]:
        metrics.verdict(event["level"])
        if event.get("fail"):
            raise RuntimeError("boom")
        return {"ok": True}

    assert handler({"level": "suspicious"}, None) == {"ok": True}
    with pytest.raises(RuntimeError):
        handler({"level": "unable", "fail": True}, None)
    levels = [d["Level"] for d in emitted(out)]
    assert levels == ["suspicious", "unable"]


def test_namespace_and_service_come_from_powertools_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", "QilaStaging")
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "qila-staging")
    out = io.StringIO()
    metrics = Metrics(stream=out)
    metrics.queued()
    metrics.flush()
    [doc] = emitted(out)
    assert directive(doc)["Namespace"] == "QilaStaging"
    assert doc["service"] == "qila-staging"


def test_module_helpers_print_to_stdout() -> None:
    code = (
        "from qila import metrics\n"
        "metrics.queued(); metrics.verdict('suspicious'); metrics.reply_failure('permanent')\n"
        "metrics.flush()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    names = sorted(m["Name"] for d in docs for m in directive(d)["Metrics"])
    assert names == ["MessagesQueued", "ReplyFailures", "Verdicts"]


def test_import_stays_light() -> None:
    code = (
        "import sys, qila.metrics\n"
        "heavy = [m for m in sys.modules if m.startswith(('aws_lambda_powertools', 'boto'))]\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
