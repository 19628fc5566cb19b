"""Screenshots and QR codes through the running stack, and the optional Supabase copy."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from tests.media.imagegen import chat_screenshot, to_bytes
from tests.support.stack import Stack, running, stack_env


class SupabaseDouble:
    """A local server speaking PostgREST's insert shape: POST /rest/v1/<table>."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path == "/rest/v1/checks" and self.headers.get("apikey") == "service-key":
                    outer.rows.append(json.loads(body))
                    outer.headers.append(dict(self.headers.items()))
                    self.send_response(201)
                else:
                    self.send_response(401)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def supabase() -> Iterator[SupabaseDouble]:
    double = SupabaseDouble()
    yield double
    double.httpd.shutdown()
    double.httpd.server_close()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, supabase: SupabaseDouble) -> Iterator[Stack]:
    stack = stack_env(tmp_path_factory.mktemp("shots") / "state",
                      SUPABASE_URL=supabase.url, SUPABASE_KEY="service-key")  # fmt: skip
    with running(stack):
        yield stack


def image(tmp_path: Path, name: str, messages: list[str], **kwargs: Any) -> Path:
    path = tmp_path / name
    fmt = "JPEG" if name.endswith(".jpg") else "PNG"
    params = {"quality": 35} if fmt == "JPEG" else {}
    path.write_bytes(to_bytes(chat_screenshot(messages, **kwargs).image, fmt, **params))
    return path


def reply_to(stack: Stack, sender: str, *args: str) -> str:
    result = stack.qila("send", *args, "--from", sender, "--wait", "40", "--json")
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["reply"])


def test_scam_screenshot_is_flagged_quoting_what_was_read(live: Stack, tmp_path: Path) -> None:
    shot = image(tmp_path, "scam.jpg", ["Your parcel is held at our depot. Pay the customs fee "
                                        "now at https://singpost-redelivery.top/pay"], theme="dark")  # fmt: skip
    reply = reply_to(live, "whatsapp:+6561000001", "--image", str(shot))
    assert reply.split("\n")[0] in {"*Likely scam*", "*Suspicious*"}
    assert "screenshot" in reply and "singpost-redelivery.top" in reply


def test_ordinary_screenshot_is_not_flagged(live: Stack, tmp_path: Path) -> None:
    shot = image(
        tmp_path, "ok.png", ["Are we still on for dinner at 7?", "Yes, see you at the usual place"]
    )
    reply = reply_to(live, "whatsapp:+6561000002", "--image", str(shot))
    assert reply.startswith("*No red flags found*")


def test_qr_code_to_a_look_alike_bank_domain_is_flagged(live: Stack, tmp_path: Path) -> None:
    shot = image(tmp_path, "qr.png", ["Scan to update your account"],
                 qr_payload="https://dbs-secure-login.top/verify")  # fmt: skip
    reply = reply_to(live, "whatsapp:+6561000003", "--image", str(shot))
    assert reply.split("\n")[0] in {"*Likely scam*", "*Suspicious*"}
    assert "QR code" in reply and "dbs-secure-login.top" in reply


def test_voice_notes_get_a_polite_explanation(live: Stack, tmp_path: Path) -> None:
    note = tmp_path / "note.ogg"
    note.write_bytes(b"OggS" + bytes(200))
    reply = reply_to(live, "whatsapp:+6561000004", "--image", str(note))
    assert reply.startswith("*Could not check*")
    assert "text, links and screenshots" in reply


def test_check_records_reach_supabase_without_phone_numbers(
    live: Stack, supabase: SupabaseDouble
) -> None:
    reply_to(
        live,
        "whatsapp:+6561000005",
        "Your account will be suspended today. Verify at http://ocbc-verify.xyz now",
    )
    rows = [r for r in supabase.rows if r.get("kind") in {"verdict", "cached_verdict"}]
    assert rows, "no check record reached Supabase"
    dumped = json.dumps(supabase.rows)
    assert "6561000005" not in dumped
    assert all(len(r["sender_hash"]) == 24 for r in rows)
    assert supabase.headers[0]["Authorization"] == "Bearer service-key"
