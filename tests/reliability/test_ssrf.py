"""SSRF: media URLs and link-expansion targets on other hosts, on private or loopback addresses,
or redirecting there, are never fetched. Local HTTP servers record every request they get."""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests

from qila.analysis.online import LinkExpander
from qila.media.download import MediaDownloader, MediaPolicy
from qila.media.errors import MediaRefused
from qila.netguard import AddressPolicy

SID, TOKEN = "AC" + "0" * 31 + "1", "qila-local-sandbox-auth-token-00"


class Recorder:
    """An HTTP server that counts hits and answers with a redirect or a small PNG."""

    def __init__(self, host: str, redirect_to: str | None = None) -> None:
        self.hits: list[str] = []
        self.redirect_to = redirect_to
        recorder = self

        class H(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                recorder.hits.append(self.path)
                if recorder.redirect_to:
                    self.send_response(302)
                    self.send_header("Location", recorder.redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = b"\x89PNG\r\n\x1a\n" + b"0" * 32
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_HEAD = _answer

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((host, 0), H)
        self.host = host
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str = "/media/ME1") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def servers() -> Iterator[list[Recorder]]:
    made: list[Recorder] = []
    yield made
    for server in made:
        server.close()


def recorder(servers: list[Recorder], host: str = "127.0.0.1", **kw: Any) -> Recorder:
    server = Recorder(host, **kw)
    servers.append(server)
    return server


def test_strict_policy_never_requests_a_non_twilio_media_host(servers: list[Recorder]) -> None:
    target = recorder(servers)
    downloader = MediaDownloader(requests.Session(), SID, TOKEN, MediaPolicy())
    for url in (
        target.url(),
        f"https://127.0.0.1:{target.port}/m",
        f"http://localhost:{target.port}/m",
    ):
        with pytest.raises(MediaRefused):
            downloader.fetch(url, "image/png")
    assert target.hits == []


def test_local_policy_never_requests_a_host_outside_its_list(servers: list[Recorder]) -> None:
    target = recorder(servers)
    policy = MediaPolicy.local([target.port], hosts=("127.0.0.1",))
    downloader = MediaDownloader(requests.Session(), SID, TOKEN, policy)
    with pytest.raises(MediaRefused):
        downloader.fetch(f"http://localhost:{target.port}/m", "image/png")
    assert target.hits == []
    assert downloader.fetch(target.url(), "image/png").data.startswith(b"\x89PNG")  # control


@pytest.mark.parametrize("where", ["loopback", "private", "metadata"])
def test_redirect_to_loopback_or_private_address_is_refused(
    servers: list[Recorder], where: str
) -> None:
    inner = recorder(servers, host="127.0.0.2")  # another loopback address: must stay untouched
    location = {
        "loopback": inner.url(),
        "private": f"http://10.0.0.1:{inner.port}/m",
        "metadata": f"http://169.254.169.254:{inner.port}/latest/meta-data/",
    }[where]
    first = recorder(servers, redirect_to=location)
    # Strict address rules; only the first server's own address is let through.
    strict = AddressPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),))
    policy = MediaPolicy.local(
        [first.port, inner.port], hosts=("127.0.0.1",), address_policy=strict
    )
    downloader = MediaDownloader(requests.Session(), SID, TOKEN, policy)
    with pytest.raises(MediaRefused):
        downloader.fetch(first.url(), "image/png")
    assert len(first.hits) == 1
    assert inner.hits == []


def test_link_expansion_never_fetches_loopback_or_private_targets(servers: list[Recorder]) -> None:
    target = recorder(servers)
    expander = LinkExpander(timeout=2)  # the default policy: public addresses only
    for url in (
        target.url("/"),
        f"127.0.0.1:{target.port}/x",
        f"http://[::ffff:127.0.0.1]:{target.port}/",
    ):
        result = expander.expand(url)
        assert result.stopped and "refused" in result.stopped, result
    # A public-looking name that resolves to loopback is refused too (no second lookup).
    tricky = LinkExpander(timeout=2, resolver=lambda host, port: ["127.0.0.1"])
    result = tricky.expand(f"http://innocent.example:{target.port}/")
    assert result.stopped and "refused" in result.stopped
    assert target.hits == []


def test_link_expansion_refuses_a_redirect_to_loopback(servers: list[Recorder]) -> None:
    inner = recorder(servers, host="127.0.0.2")
    first = recorder(servers, redirect_to=inner.url("/admin"))
    only_first = ipaddress.ip_address("127.0.0.1")
    expander = LinkExpander(timeout=2, policy=lambda address: address == only_first)
    result = expander.expand(first.url("/short"))
    assert result.hops == (inner.url("/admin"),)
    assert result.stopped and "refused" in result.stopped
    assert first.hits and inner.hits == []
