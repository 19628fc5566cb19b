"""Settings choose the implementations in one place (qila.wiring)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from qila.adapters.sqlite_queue import SqliteQueue
from qila.adapters.sqlite_store import SqliteStore
from qila.analysis.verdict import Content, Level
from qila.settings import Settings
from qila.wiring import build_analyzer, build_queue, build_store

LISTED = "http://parcel-help.example/track"


@pytest.fixture
def safe_browsing() -> Iterator[tuple[str, list[str]]]:
    """A local server answering Safe Browsing v4 threatMatches:find like Google does."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            hits.append(self.path)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            urls = [e["url"] for e in body["threatInfo"]["threatEntries"]]
            matches = [
                {"threatType": "SOCIAL_ENGINEERING", "threat": {"url": u}}
                for u in urls
                if u == LISTED
            ]
            data = json.dumps({"matches": matches} if matches else {}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_local_defaults_are_sqlite(tmp_path: Path) -> None:
    settings = Settings.from_env({"QILA_STATE_DIR": str(tmp_path)})
    assert isinstance(build_queue(settings), SqliteQueue)
    assert isinstance(build_store(settings), SqliteStore)


def test_safe_browsing_is_used_only_when_a_key_is_set(
    safe_browsing: tuple[str, list[str]], tmp_path: Path
) -> None:
    url, hits = safe_browsing
    text = f"Your parcel is waiting, track it at {LISTED}"
    offline = build_analyzer(Settings.from_env({"QILA_STATE_DIR": str(tmp_path)}))
    offline.analyse(Content(text=text))
    assert hits == []
    online = build_analyzer(Settings.from_env({
        "QILA_STATE_DIR": str(tmp_path), "QILA_SAFE_BROWSING_KEY": "test-key", "QILA_SAFE_BROWSING_URL": url,
    }))  # fmt: skip
    verdict = online.analyse(Content(text=text))
    assert hits == ["/v4/threatMatches:find?key=test-key"]
    assert verdict.level is Level.LIKELY_SCAM
    assert "Safe Browsing" in verdict.reasons[0]
