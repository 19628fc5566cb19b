"""Online link checks against a local HTTP server (no internet)."""

from __future__ import annotations

import ipaddress
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from qila.analysis import Content, Level
from qila.analysis.online import (
    IPAddress,
    LinkExpander,
    OnlineLinkChecker,
    OnlineSettings,
    SafeBrowsing,
    build_online_analyzer,
)


class Recorder(BaseHTTPRequestHandler):
    hits: ClassVar[list[tuple[str, str]]] = []
    bodies: ClassVar[list[dict[str, Any]]] = []
    routes: ClassVar[dict[str, tuple[int, str | None]]] = {}
    listed: ClassVar[set[str]] = set()

    def _answer(self) -> None:
        type(self).hits.append((self.command, self.path))
        status, location = type(self).routes.get(self.path.split("?")[0], (200, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        if self.path.startswith("/no-head"):
            type(self).hits.append((self.command, self.path))
            self.send_response(405)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length))
        type(self).hits.append(("POST", self.path))
        type(self).bodies.append(body)
        entries = body["threatInfo"]["threatEntries"]
        matches = [
            {"threatType": "SOCIAL_ENGINEERING", "threat": {"url": e["url"]}}
            for e in entries
            if e["url"] in type(self).listed
        ]
        data = json.dumps({"matches": matches} if matches else {}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture()
def server() -> Iterator[str]:
    Recorder.hits, Recorder.bodies, Recorder.routes, Recorder.listed = [], [], {}, set()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def allow_loopback(address: IPAddress) -> bool:
    return address.is_loopback


def local_names(host: str, port: int) -> list[str]:
    return {"short.test": ["127.0.0.1"], "evil.test": ["127.0.0.1"]}.get(host, ["203.0.113.9"])


def test_loopback_is_refused_by_default_and_never_contacted(server: str) -> None:
    Recorder.routes = {"/a": (302, "/b")}
    expansion = LinkExpander(timeout=2).expand(server + "/a")
    assert expansion.hops == ()
    assert expansion.stopped is not None and "refused" in expansion.stopped
    assert Recorder.hits == []


def test_a_name_resolving_to_loopback_is_refused(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    expander = LinkExpander(timeout=2, resolver=local_names)
    expansion = expander.expand(f"http://short.test:{port}/x")
    assert "refused non-public address 127.0.0.1" in (expansion.stopped or "")
    assert Recorder.hits == []


def test_follows_redirects_with_an_explicit_policy(server: str) -> None:
    Recorder.routes = {"/a": (301, "/b"), "/b": (302, server + "/c"), "/c": (200, None)}
    expansion = LinkExpander(timeout=2, policy=allow_loopback).expand(server + "/a")
    assert expansion.hops == (server + "/b", server + "/c")
    assert expansion.stopped is None
    assert Recorder.hits == [("HEAD", "/a"), ("HEAD", "/b"), ("HEAD", "/c")]


def test_falls_back_to_get_when_head_is_refused(server: str) -> None:
    Recorder.routes = {"/no-head": (302, "/end")}
    expansion = LinkExpander(timeout=2, policy=allow_loopback).expand(server + "/no-head")
    assert expansion.final == server + "/end"
    assert Recorder.hits[:2] == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_stops_after_a_few_hops(server: str) -> None:
    Recorder.routes = {f"/{i}": (302, f"/{i + 1}") for i in range(20)}
    expansion = LinkExpander(timeout=2, max_hops=3, policy=allow_loopback).expand(server + "/0")
    assert len(expansion.hops) == 3
    assert expansion.stopped == "too many redirects"
    assert len(Recorder.hits) == 4


def test_every_hop_is_checked(server: str) -> None:
    # The first hop is allowed; the redirect to a link-local address is not followed.
    Recorder.routes = {"/a": (302, "http://169.254.169.254/latest/meta-data/")}

    def loopback_only(address: IPAddress) -> bool:
        return address == ipaddress.ip_address("127.0.0.1")

    expansion = LinkExpander(timeout=2, policy=loopback_only).expand(server + "/a")
    assert expansion.hops == ("http://169.254.169.254/latest/meta-data/",)
    assert "refused" in (expansion.stopped or "")
    assert Recorder.hits == [("HEAD", "/a")]


def test_safe_browsing_lookup(server: str) -> None:
    Recorder.listed = {"http://bad.example/login"}
    found = SafeBrowsing("k3y", server, timeout=2).matches(
        ["http://bad.example/login", "http://fine.example/"]
    )
    assert found == {"http://bad.example/login": "SOCIAL_ENGINEERING"}
    assert Recorder.hits == [("POST", "/v4/threatMatches:find?key=k3y")]
    assert Recorder.bodies[0]["client"] == {"clientId": "qila", "clientVersion": "1"}


def test_settings_from_env() -> None:
    assert not OnlineSettings.from_env({}).enabled
    settings = OnlineSettings.from_env(
        {
            "QILA_EXPAND_LINKS": "1",
            "QILA_SAFE_BROWSING_KEY": "abc",
            "QILA_SAFE_BROWSING_URL": "http://127.0.0.1:9/",
        }
    )
    assert settings.expand_links and settings.safe_browsing_key == "abc"
    assert settings.safe_browsing_url == "http://127.0.0.1:9"
    with pytest.raises(ValueError, match="QILA_EXPAND_LINKS"):
        OnlineSettings.from_env({"QILA_EXPAND_LINKS": "maybe"})


def test_online_findings_join_the_verdict(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    Recorder.routes = {"/x": (302, f"http://evil.test:{port}/dbs-sg/login")}
    Recorder.listed = {f"http://evil.test:{port}/dbs-sg/login"}
    checker = OnlineLinkChecker(
        LinkExpander(timeout=2, policy=allow_loopback, resolver=local_names),
        SafeBrowsing("k", server, timeout=2),
    )
    from qila.analysis.analyzer import ScamAnalyzer
    from qila.analysis.model import packaged_model

    analyzer = ScamAnalyzer(packaged_model(), online=checker)
    verdict = analyzer.analyse(Content(text=f"see http://short.test:{port}/x"))
    codes = {s.code for s in verdict.signals}
    assert {"link.redirects", "link.flagged_online"} <= codes
    assert verdict.level is Level.LIKELY_SCAM
    assert verdict.reasons[0] == "Google Safe Browsing lists evil.test as dangerous"


def test_build_online_analyzer_defaults_to_offline() -> None:
    analyzer = build_online_analyzer(OnlineSettings())
    verdict = analyzer.analyse(Content(text="see bit.ly/abc"))
    assert {s.code for s in verdict.signals} == {"link.shortener"}
