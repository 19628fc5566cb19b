"""The sandbox routes behind the chat page's operator panel, called directly."""

from __future__ import annotations

import urllib.error
from pathlib import Path

import pytest

from qila.adapters.sqlite_queue import SqliteQueue
from tests.support.stack import Stack, http_json, running, stack_env


def status_of(url: str, payload: object | None = None) -> int:
    try:
        http_json(url, payload)
    except urllib.error.HTTPError as exc:
        return exc.code
    return 200


def test_ops_routes(tmp_path: Path) -> None:
    stack: Stack = stack_env(tmp_path / "state")
    with running(stack, "sandbox"):
        ops = f"{stack.sandbox_url}/api/ops"
        assert http_json(f"{ops}/stats") == {"visible": 0, "in_flight": 0, "dead": 0}
        assert http_json(f"{ops}/overview") == {
            "queue": {"visible": 0, "in_flight": 0, "dead": 0},
            "dead_letters": [],
            "checks": [],
        }

        queue = SqliteQueue(stack.state_dir / "queue.sqlite3", max_receives=1)
        try:
            first, _ = queue.send("{not json"), queue.send("[]")
            for _ in range(10):
                if queue.stats().dead == 2:
                    break
                queue.receive(max_messages=1, visibility_timeout=0)
        finally:
            queue.close()
        letters = http_json(f"{ops}/dlq?limit=1")["dead_letters"]
        assert [x["id"] for x in letters] == [first]
        assert letters[0]["reason"].startswith("malformed envelope")
        assert http_json(f"{ops}/checks?limit=5") == {"checks": []}

        assert http_json(f"{ops}/dlq/redrive", {"ids": []}) == {"redriven": 0}
        assert http_json(f"{ops}/dlq/redrive", {"ids": [first]}) == {"redriven": 1}
        assert http_json(f"{ops}/stats") == {"visible": 1, "in_flight": 0, "dead": 1}
        assert http_json(f"{ops}/dlq/purge", {}) == {"purged": 1}
        assert [x["id"] for x in http_json(f"{ops}/dlq")["dead_letters"]] == []
        assert http_json(f"{ops}/stats")["dead"] == 0

        assert status_of(f"{ops}/nothing") == 404
        assert status_of(f"{ops}/dlq/redrive", {"ids": "all"}) == 400
        assert status_of(f"{ops}/dlq/purge", [1]) == 400
        assert status_of(f"{stack.sandbox_url}/api/media/ME{'f' * 32}") == 404


@pytest.mark.parametrize(
    "change", [{"transient_rate": 2}, {"permanent": "no-code"}, {"latency_ms": "x"}]
)
def test_bad_fault_settings_are_refused(tmp_path: Path, change: dict[str, object]) -> None:
    stack = stack_env(tmp_path / "state")
    with running(stack, "sandbox"):
        assert status_of(f"{stack.sandbox_url}/api/faults", change) == 400
        assert http_json(f"{stack.sandbox_url}/api/faults")["transient_rate"] == 0
