"""Servers the acknowledgement benchmark compares against, each run as its own process.

``python benchmarks/_servers.py bare PORT``
    The floor: ``http.server.ThreadingHTTPServer`` (HTTP/1.1 keep-alive, TCP_NODELAY like the
    product's local servers) that reads the body and answers a fixed empty TwiML. No parsing,
    no signature, no queue, no logging.
``python benchmarks/_servers.py async-whatif PATCHES``
    Diagnosis only (not a baseline): the real webhook server (``qila webhook-server``, port
    from QILA_WEBHOOK_PORT) with proposed src changes applied as patches, to measure their gain
    before anyone edits src/. PATCHES is a comma list of:
    ``lock_once``: ``qila.adapters.sqlite_db._writer_lock`` without ``Path.resolve()`` under a
    global guard on every transaction (look the lock up once per path);
    ``switch``: ``sys.setswitchinterval(0.0005)`` (GIL hand-over 0.5 ms instead of 5 ms: a
    thread holding the SQLite writer lock gets the GIL back sooner after COMMIT);
    ``queue_log``: JSON log lines formatted and written by a ``QueueListener`` thread, not
    under the stream handler's lock in the request thread.
    ``group_commit``: ``SqliteQueue.send`` hands its row to one writer thread that inserts all
    rows waiting at that moment in one transaction (``executemany``) and wakes the senders:
    no lock convoy, one COMMIT per group instead of per message;
    ``no_autocheckpoint``: ``PRAGMA wal_autocheckpoint=0`` on the server's SQLite connections
    (the COMMIT that crosses 1,000 WAL pages no longer runs the checkpoint and its fsync inside
    the writer lock; in the product the worker or a timer would checkpoint instead);
    ``lock_stats``: measure, per SQLite write transaction, the wait for the process's writer
    lock and the time it is held (BEGIN IMMEDIATE .. COMMIT); SIGUSR1 writes them as JSON to
    $QILA_BENCH_LOCKSTATS and starts afresh.
``python benchmarks/_servers.py media PORT FILE``
    Serves FILE (a JPEG screenshot) on any GET path, like Twilio's media CDN.
``python benchmarks/_servers.py sync PORT``
    The synchronous design (before the queue): the same local API Gateway front as the real
    webhook server, with a Lambda handler that validates the signature, downloads and reads
    every image (OCR + QR), analyses the text, composes the reply and answers it as TwiML,
    all before the HTTP response.

Every server stops on SIGTERM.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import urllib.request
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

EMPTY_TWIML = b'<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256


def bare_server(port: int) -> ThreadingHTTPServer:
    class Bare(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes: do not wait for ACKs

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(EMPTY_TWIML)))
            self.end_headers()
            self.wfile.write(EMPTY_TWIML)

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return _Server(("127.0.0.1", port), Bare)


def media_server(port: int, data: bytes) -> ThreadingHTTPServer:
    class Media(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return _Server(("127.0.0.1", port), Media)


def sync_handler_factory() -> Any:
    """A webhook Lambda handler that does the whole check before answering."""
    from qila import logs, signature
    from qila.analysis import Content, build_analyzer, compose_reply
    from qila.envelope import job_from_form
    from qila.settings import get_settings
    from qila.webhook.app import BadRequest, _response, parse_event, parse_form

    try:
        from qila.media.reader import read_image
    except ImportError:  # media module not available: screenshots are not read
        read_image = None

    settings = get_settings()
    logs.configure(settings.log_level)
    analyzer = build_analyzer()
    analyzer.analyse(Content(text="warm up http://parcel-fee.top/pay"))
    if read_image is not None:  # load the OCR model now, as a warm Lambda would have
        from qila.media.reader import default_engine

        default_engine()

    def download(url: str) -> bytes:
        request = urllib.request.Request(url)
        with urllib.request.urlopen(request, timeout=10) as response:
            return bytes(response.read())

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        try:
            request = parse_event(event, settings)
            form = parse_form(request, settings)
        except BadRequest as exc:
            return _response(exc.status, exc.reason, "text/plain")
        given = request.headers.get("x-twilio-signature")
        if not signature.is_valid(settings.auth_token, given, request.candidate_urls, form):
            return _response(403, "Forbidden", "text/plain")
        job = job_from_form(form, received_at="")
        images = []
        unsupported = []
        for media in job.media:
            if read_image is None:
                unsupported.append(media.content_type or "unknown")
                continue
            images.append(read_image(download(media.url)))
        verdict = analyzer.analyse(
            Content(text=job.body, images=tuple(images), unsupported_media=tuple(unsupported))
        )
        reply = compose_reply(verdict)
        twiml = (
            '<?xml version="1.0" encoding="UTF-8"?><Response><Message>'
            f"{escape(reply)}</Message></Response>"
        )
        return _response(200, twiml, "text/xml")

    return handler, settings


def _group_commit() -> None:
    import json
    import uuid

    from qila.adapters.sqlite_queue import SqliteQueue
    from qila.errors import QueueUnavailable

    cond = threading.Condition()
    pending: list[tuple[tuple[Any, ...], threading.Event, list[BaseException | None]]] = []
    writers: dict[int, threading.Thread] = {}

    def write_loop(queue: SqliteQueue) -> None:
        while True:
            with cond:
                while not pending:
                    cond.wait()
                batch = pending[:]
                pending.clear()
            error: BaseException | None = None
            try:
                with queue._tx() as db:
                    db.executemany(
                        "INSERT INTO messages (id, queue, body, attributes, sent_at, visible_at,"
                        " expires_at) VALUES (?, 'main', ?, ?, ?, ?, ?)",
                        [row for row, _, _ in batch],
                    )
            except BaseException as exc:  # handed to every sender of the group
                error = exc
            for _, done, box in batch:
                box.append(error)
                done.set()

    def send(
        self: SqliteQueue, body: str, attributes: dict[str, str] | None = None, delay_s: float = 0
    ) -> str:
        if id(self) not in writers:
            with cond:
                if id(self) not in writers:
                    writers[id(self)] = threading.Thread(
                        target=write_loop, args=(self,), daemon=True
                    )
                    writers[id(self)].start()
        message_id = str(uuid.uuid4())
        now = time.time()
        row = (message_id, body, json.dumps(attributes or {}), now,
               now + max(0, min(delay_s, 900)), now + self.retention_s)  # fmt: skip
        done = threading.Event()
        box: list[BaseException | None] = []
        with cond:
            pending.append((row, done, box))
            cond.notify()
        if not done.wait(30) or box[0] is not None:
            raise QueueUnavailable(f"SQLite queue send failed: {box[0] if box else 'timeout'}")
        return message_id

    SqliteQueue.send = send  # type: ignore[method-assign]


def _lock_stats(out: Path) -> None:
    import json

    import qila.adapters.sqlite_db as sqlite_db

    inner = sqlite_db._writer_lock
    waits: list[float] = []
    holds: list[float] = []

    class Timed:
        __slots__ = ("lock", "since")

        def __init__(self, lock: threading.Lock, since: float) -> None:
            self.lock, self.since = lock, since

        def __enter__(self) -> None:
            self.lock.acquire()
            now = time.perf_counter()
            waits.append(now - self.since)
            self.since = now

        def __exit__(self, *exc: object) -> None:
            holds.append(time.perf_counter() - self.since)
            self.lock.release()

    def writer_lock(path: Path) -> Timed:
        return Timed(inner(path), time.perf_counter())  # the guard's path.resolve() counts

    def dump(*_: object) -> None:
        doc = {"wait_ms": [x * 1000 for x in waits], "hold_ms": [x * 1000 for x in holds]}
        waits.clear()
        holds.clear()
        out.write_text(json.dumps(doc))

    sqlite_db._writer_lock = writer_lock  # type: ignore[assignment]
    signal.signal(signal.SIGUSR1, dump)


def apply_whatif(patches: list[str]) -> None:
    if "lock_once" in patches:
        import qila.adapters.sqlite_db as sqlite_db

        original = sqlite_db._writer_lock
        locks: dict[object, threading.Lock] = {}

        def writer_lock(path: Path) -> threading.Lock:
            lock = locks.get(path)
            if lock is None:
                lock = locks.setdefault(path, original(path))
            return lock

        sqlite_db._writer_lock = writer_lock  # type: ignore[assignment]
    if "no_autocheckpoint" in patches:
        import sqlite3

        import qila.adapters.sqlite_db as sqlite_db

        connect = sqlite_db.SqliteDb.connection

        def connection(self: sqlite_db.SqliteDb) -> sqlite3.Connection:
            fresh = getattr(self._local, "db", None) is None
            db = connect(self)
            if fresh:
                db.execute("PRAGMA wal_autocheckpoint=0")
            return db

        sqlite_db.SqliteDb.connection = connection  # type: ignore[method-assign]
    if "group_commit" in patches:
        _group_commit()
    if "lock_stats" in patches:
        _lock_stats(Path(os.environ["QILA_BENCH_LOCKSTATS"]))
    if "switch" in patches:
        sys.setswitchinterval(0.0005)
    if "queue_log" in patches:
        import logging
        import logging.handlers
        import queue

        import qila.logs as qlogs

        configure = qlogs.configure

        def queued_configure(level: str = "INFO", stream: Any = None) -> None:
            configure(level, stream)
            root = logging.getLogger()
            handler = next((h for h in root.handlers if getattr(h, "_qila", False)), None)
            if handler is None or isinstance(handler, logging.handlers.QueueHandler):
                return
            records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()

            class Handoff(logging.handlers.QueueHandler):
                def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
                    cid = qlogs.correlation_id.get()
                    if cid:
                        record.correlation_id = cid  # the listener thread has no context
                    return record

            front = Handoff(records)
            front._qila = True  # type: ignore[attr-defined]
            root.removeHandler(handler)
            root.addHandler(front)
            logging.handlers.QueueListener(records, handler).start()

        qlogs.configure = queued_configure


def main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "async-whatif":
        from qila.cli import main as qila_main

        apply_whatif(argv[1].split(",") if len(argv) > 1 else [])
        return qila_main(["webhook-server"])
    port = int(argv[1])
    if kind == "bare":
        server = bare_server(port)
    elif kind == "media":
        server = media_server(port, Path(argv[2]).read_bytes())
    elif kind == "sync":
        from qila.local.webhook_server import make_server

        handler, settings = sync_handler_factory()
        server = make_server(settings, handler, port=port)
    else:
        raise SystemExit(f"unknown server kind {kind!r}")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"{kind} server listening on 127.0.0.1:{port}", flush=True)
    while not stop.wait(0.5):
        pass
    server.shutdown()
    time.sleep(0.05)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
