"""Small helpers shared by the local HTTP servers (webhook front, sandbox)."""

from __future__ import annotations

import json
import logging
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

log = logging.getLogger("qila.local")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-request is not an error worth a traceback.
        log.debug("connection error from %s", client_address, exc_info=True)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "qila-local"
    max_body = 12 * 1024 * 1024
    # Keep-alive responses are written as headers then body; with Nagle's algorithm on, the
    # body waits for the client's delayed ACK (~40 ms per request).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - %s", self.address_string(), format % args)

    def read_body(self) -> bytes | None:
        """The request body, or None after answering 413 when it is too large."""
        length = int(self.headers.get("Content-Length") or 0)
        if length > self.max_body:
            self.send_text(413, "Payload Too Large")
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def send_bytes(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_text(self, status: int, text: str, content_type: str = "text/plain") -> None:
        self.send_bytes(status, text.encode(), f"{content_type}; charset=utf-8")

    def send_json(self, status: int, doc: Any, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(doc, ensure_ascii=False, default=str).encode()
        self.send_bytes(status, body, "application/json", headers)


def http_json(url: str, payload: Any | None = None, timeout: float = 30.0) -> Any:
    """GET (or POST ``payload`` as JSON) a local JSON endpoint, such as the sandbox's API."""
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(
        url,
        data=data,
        method="GET" if data is None else "POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def serve_in_thread(server: QuietServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True, name=type(server).__name__)
    thread.start()
    return thread
