"""qila.supabase_sink against a local HTTP server that speaks the PostgREST insert shape."""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests

from qila.supabase_sink import SupabaseSink

KEY = "service-role-key-do-not-log"


@dataclass
class FakeSupabase:
    url: str
    status: int = 201
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
def supabase() -> Iterator[FakeSupabase]:
    state = FakeSupabase(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            state.requests.append(
                {"path": self.path, "headers": dict(self.headers), "body": json.loads(body)}
            )
            if state.delay:
                time.sleep(state.delay)
            # PostgREST answers an insert with return=minimal by 201 and no body.
            ok = (
                self.path == "/rest/v1/checks"
                and self.headers.get("apikey") == KEY
                and self.headers.get("Authorization") == f"Bearer {KEY}"
                and self.headers.get("Content-Type") == "application/json"
                and self.headers.get("Prefer") == "return=minimal"
            )
            self.send_response(state.status if ok else 400)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def record() -> dict[str, Any]:
    return {
        "sender_hash": "9f86d081884c7d659a2feaa0c55ad015",
        "level": "likely_scam",
        "score": 87,
        "reasons": ("Asks for a one-time code", "Link to a look-alike domain"),
        "timings": {"analysis_ms": 120, "total_ms": 950},
        "created_at": dt.datetime(2026, 11, 28, 19, 40, tzinfo=dt.UTC),
    }


def test_record_is_posted_in_postgrest_shape(supabase: FakeSupabase) -> None:
    with requests.Session() as session:
        sink = SupabaseSink(supabase.url + "/", KEY, session)
        assert sink.record(record()) is True
    [request] = supabase.requests
    assert request["path"] == "/rest/v1/checks"
    assert request["body"] == {
        "sender_hash": "9f86d081884c7d659a2feaa0c55ad015",
        "level": "likely_scam",
        "score": 87,
        "reasons": ["Asks for a one-time code", "Link to a look-alike domain"],
        "timings": {"analysis_ms": 120, "total_ms": 950},
        "created_at": "2026-11-28T19:40:00+00:00",
    }


def test_from_env_needs_both_variables(supabase: FakeSupabase) -> None:
    assert SupabaseSink.from_env({}) is None
    assert SupabaseSink.from_env({"SUPABASE_URL": supabase.url}) is None
    assert SupabaseSink.from_env({"SUPABASE_KEY": KEY}) is None
    with requests.Session() as session:
        sink = SupabaseSink.from_env({"SUPABASE_URL": supabase.url, "SUPABASE_KEY": KEY}, session)
        assert sink is not None
        assert KEY not in repr(sink)
        assert sink.record(record()) is True
    assert len(supabase.requests) == 1


def test_server_error_is_logged_without_the_key_and_swallowed(
    supabase: FakeSupabase, caplog: pytest.LogCaptureFixture
) -> None:
    supabase.status = 500
    with requests.Session() as session, caplog.at_level(logging.WARNING, "qila.supabase"):
        assert SupabaseSink(supabase.url, KEY, session).record(record()) is False
    assert len(supabase.requests) == 1
    assert "status=500" in caplog.text
    assert KEY not in caplog.text


def test_slow_server_times_out_quickly(
    supabase: FakeSupabase, caplog: pytest.LogCaptureFixture
) -> None:
    supabase.delay = 2.0
    with requests.Session() as session, caplog.at_level(logging.WARNING, "qila.supabase"):
        started = time.monotonic()
        assert SupabaseSink(supabase.url, KEY, session, timeout=0.3).record(record()) is False
        elapsed = time.monotonic() - started
    assert elapsed < 1.5
    assert "ReadTimeout" in caplog.text
    assert KEY not in caplog.text


def test_unreachable_server_is_swallowed(
    unused_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    with requests.Session() as session, caplog.at_level(logging.WARNING, "qila.supabase"):
        sink = SupabaseSink(f"http://127.0.0.1:{unused_port}", KEY, session, timeout=1)
        assert sink.record(record()) is False
    assert "ConnectionError" in caplog.text
    assert KEY not in caplog.text


@pytest.mark.parametrize("raw_field", ["from", "From", "body", "phone"])
def test_records_with_raw_fields_are_refused(supabase: FakeSupabase, raw_field: str) -> None:
    with requests.Session() as session:
        check = {**record(), raw_field: "whatsapp:+14155550100"}
        assert SupabaseSink(supabase.url, KEY, session).record(check) is False
    assert supabase.requests == []


def test_unserialisable_record_is_swallowed(supabase: FakeSupabase) -> None:
    with requests.Session() as session:
        check = {**record(), "timings": object()}
        assert SupabaseSink(supabase.url, KEY, session).record(check) is False
    assert supabase.requests == []
