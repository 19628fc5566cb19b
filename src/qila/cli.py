"""``qila``: run the local stack, talk to it like a WhatsApp user, invoke handlers, manage the DLQ,
check messages."""

from __future__ import annotations

import argparse
import base64
import json
import mimetypes
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from qila.errors import ConfigError


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print(f"qila: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qila", description=__doc__)
    sub = parser.add_subparsers(metavar="COMMAND")

    p = sub.add_parser("dev", help="run the whole local stack (webhook, worker, sandbox)")
    p.set_defaults(func=cmd_dev)

    p = sub.add_parser("webhook-server", help="run only the local API Gateway + webhook handler")
    p.set_defaults(func=cmd_webhook_server)

    p = sub.add_parser("worker", help="run only the queue poller + processor handler")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("sandbox", help="run only the local Twilio sandbox and chat page")
    p.set_defaults(func=cmd_sandbox)

    p = sub.add_parser("send", help="send a message as a WhatsApp user through the sandbox")
    p.add_argument("text", nargs="?", default="", help="message text (the caption with --image)")
    p.add_argument("--from", dest="sender", default="whatsapp:+6591234567")
    p.add_argument("--profile", default="Sandbox User", help="WhatsApp profile name")
    p.add_argument("--image", action="append", default=[], type=Path, help="attach a file")
    p.add_argument("--wait", type=float, default=0.0, help="seconds to wait for the reply")
    p.add_argument(
        "--deliveries",
        type=int,
        default=1,
        help="deliver the same MessageSid N times (as Twilio retries do)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_send)

    p = sub.add_parser("invoke", help="invoke a Lambda handler with an event file (no Docker)")
    p.add_argument("function", choices=["webhook", "processor"])
    p.add_argument("--event", required=True, type=Path, help="event JSON file ('-' for stdin)")
    p.add_argument(
        "--sign",
        action="store_true",
        help="sign a webhook event for TWILIO_WEBHOOK_URL with the auth token",
    )
    p.add_argument("--timeout-ms", type=int, default=300_000, help="processor context's budget")
    p.set_defaults(func=cmd_invoke)

    from qila.dlq_cli import register as register_dlq

    register_dlq(sub)
    try:
        from qila.analysis.cli import register as register_analysis
    except ImportError:  # analysis CLI unavailable in a trimmed deployment package
        pass
    else:
        register_analysis(sub)
    return parser


# -- the local stack -----------------------------------------------------------------------
def _settings() -> Any:
    from qila import logs
    from qila.settings import get_settings

    settings = get_settings()
    logs.configure(settings.log_level)
    return settings


def _wait_for_signal() -> None:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.is_set():
        stop.wait(0.5)


def cmd_webhook_server(args: argparse.Namespace) -> int:
    from qila.local.http import serve_in_thread
    from qila.local.webhook_server import make_server
    from qila.webhook.handler import lambda_handler

    settings = _settings()
    server = make_server(settings, lambda_handler)
    serve_in_thread(server)
    print(f"webhook listening on {settings.local_webhook_url}", flush=True)
    _wait_for_signal()
    server.shutdown()
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from qila.local.poller import Poller
    from qila.processor.handler import lambda_handler, processor
    from qila.wiring import build_queue

    settings = _settings()
    app = processor()  # build everything now, like a Lambda cold start, not on the first message
    warm_up = getattr(app.gatherer, "warm_up", None)
    if callable(warm_up) and settings.ocr_engine == "rapidocr":
        # The offline OCR model takes a moment to load: do it beside polling, not on the
        # first screenshot someone sends.
        threading.Thread(target=warm_up, daemon=True, name="ocr-warm-up").start()
    pollers = [
        Poller.from_settings(build_queue(settings), lambda_handler, settings)
        for _ in range(settings.workers)
    ]
    threads = [threading.Thread(target=p.run, daemon=True) for p in pollers]
    for thread in threads:
        thread.start()
    print(
        f"worker polling {settings.queue_db_path if settings.is_local else settings.sqs_queue_url}"
        f" with {settings.workers} poller(s)",
        flush=True,
    )
    _wait_for_signal()
    for poller in pollers:
        poller.stop()
    for thread in threads:
        thread.join(timeout=settings.processor_timeout_s)
    return 0


def cmd_sandbox(args: argparse.Namespace) -> int:
    from qila.local.faults import Faults
    from qila.local.sandbox import run_sandbox

    settings = _settings()
    api, cdn = run_sandbox(settings, Faults.from_env())
    print(
        f"sandbox chat page on {settings.sandbox_url}/ (posting to {settings.webhook_url})",
        flush=True,
    )
    _wait_for_signal()
    api.shutdown()
    cdn.shutdown()
    return 0


def cmd_dev(args: argparse.Namespace) -> int:
    """Start sandbox, webhook and worker as child processes; Ctrl-C stops all three."""
    settings = _settings()  # fail here, naming the variable, before starting anything
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    children: list[subprocess.Popen[bytes]] = []
    roles = (
        ["sandbox"]
        + ["webhook-server"] * settings.webhook_processes
        + ["worker"] * settings.worker_processes
    )
    for role in roles:
        children.append(subprocess.Popen([sys.executable, "-m", "qila.cli", role]))
    print(
        "\nQila local stack\n"
        f"  chat page : {settings.sandbox_url}/\n"
        f"  webhook   : {settings.webhook_url}\n"
        f"  state     : {settings.state_dir}\n"
        '  try       : qila send "URGENT: your parcel is held, pay the fee at '
        'http://parcel-fee.top/pay" --wait 20\n'
        "Ctrl-C stops everything.\n",
        flush=True,
    )
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    exit_code = 0
    while not stop.is_set():
        for child in children:
            if child.poll() is not None:
                print(
                    f"qila dev: a component exited with {child.returncode}; stopping",
                    file=sys.stderr,
                )
                exit_code = 1
                stop.set()
        stop.wait(0.5)
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
    return exit_code


# -- talking to the stack ------------------------------------------------------------------
def cmd_send(args: argparse.Namespace) -> int:
    from qila.local.http import http_json

    settings = _settings()
    media = []
    for path in args.image:
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        media.append({"content_type": ctype, "data": base64.b64encode(path.read_bytes()).decode()})
    payload = {
        "from": args.sender,
        "body": args.text,
        "profile_name": args.profile,
        "media": media,
        "deliveries": args.deliveries,
    }
    try:
        sent = http_json(f"{settings.sandbox_url}/api/send", payload)
    except urllib.error.HTTPError as exc:
        print(f"qila send: the sandbox refused the message: {exc.read().decode()}", file=sys.stderr)
        return 2
    except urllib.error.URLError as exc:
        print(
            f"qila send: no sandbox at {settings.sandbox_url} ({exc.reason}); "
            "is `qila dev` running?",
            file=sys.stderr,
        )
        return 2
    result: dict[str, Any] = {"sid": sent["sid"], "webhook_status": sent["webhook_status"]}
    if not args.json:
        print(f"sent {sent['sid']} from {args.sender}: webhook answered {sent['webhook_status']}")
    if sent["webhook_status"] != 200:
        result["reply"] = None
        if args.json:
            print(json.dumps(result))
        return 1
    if args.wait <= 0:
        if args.json:
            print(json.dumps(result))
        return 0
    reply = _wait_for_reply(settings.sandbox_url, args.sender, sent["seq"], args.wait)
    result["reply"] = reply["body"] if reply else None
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    elif reply:
        print("\n" + reply["body"])
    else:
        print(f"no reply within {args.wait:g} s", file=sys.stderr)
    return 0 if reply else 1


def _wait_for_reply(sandbox_url: str, number: str, after: int, wait_s: float) -> Any:
    from urllib.parse import quote

    from qila.local.http import http_json

    deadline = time.monotonic() + wait_s
    while (left := deadline - time.monotonic()) > 0:
        found = http_json(
            f"{sandbox_url}/api/messages?after={after}&number={quote(number)}"
            f"&direction=outbound-api&wait={min(left, 20):.2f}",
            timeout=left + 5,
        )["messages"]
        if found:
            return found[0]
    return None


def cmd_invoke(args: argparse.Namespace) -> int:
    raw = sys.stdin.read() if str(args.event) == "-" else args.event.read_text()
    event = json.loads(raw)
    if args.function == "webhook":
        if args.sign:
            event = sign_event(event)
        from qila.webhook.handler import lambda_handler as webhook

        response = webhook(event, {})
    else:
        from qila.processor.handler import lambda_handler as process

        deadline = time.monotonic() + args.timeout_ms / 1000
        context = {
            "get_remaining_time_in_millis": lambda: max(
                0, int((deadline - time.monotonic()) * 1000)
            )
        }
        response = process(event, context)
    print(json.dumps(response, indent=2, ensure_ascii=False))
    return 0


def sign_event(event: dict[str, Any]) -> dict[str, Any]:
    """Add a valid X-Twilio-Signature to an API Gateway event, for the configured URL."""
    from urllib.parse import parse_qs

    from qila.settings import get_settings
    from qila.signature import compute_signature
    from qila.webhook.app import parse_event

    settings = get_settings()
    request = parse_event(event, settings)
    url = request.candidate_urls[0] if request.candidate_urls else None
    if url is None:
        raise ConfigError("TWILIO_WEBHOOK_URL", "is needed to sign an event without a Host header")
    form = parse_qs(request.body.decode(), keep_blank_values=True)
    signed = dict(event)
    headers = {
        k: v for k, v in (event.get("headers") or {}).items() if k.lower() != "x-twilio-signature"
    }
    headers["X-Twilio-Signature"] = compute_signature(settings.auth_token, url, form)
    signed["headers"] = headers
    return signed


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
