"""Log hygiene over a whole end-to-end run: every line that every stack process wrote (stdout
and stderr of the sandbox, the webhook server and the worker) at INFO or above is free of the
auth token, full phone numbers, message bodies and profile names; numbers appear masked."""

from __future__ import annotations

import base64
import io
import json
import sqlite3
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from PIL import Image, ImageDraw

from tests.support.events import sign, twilio_form
from tests.support.stack import Stack, running, stack_env

ACCOUNT_SID = "AC" + "5e" * 16
AUTH_TOKEN = "hygiene-token-7f3a9c2e5b1d4a60"
PERMANENT = "whatsapp:+15550001111"
SENDERS = [f"whatsapp:+659876{i:04d}" for i in range(1, 5)]
PROFILE = "Zephyrine Quorrelby"
TEXTS = [
    "URGENT zorblattfee: your parcel is held, pay at http://parcel-fee.top/pay",
    "hi grandma it is me quexworth, new number, send 500 now",
    "lunch at plimbury cafe tomorrow?",
    "your code is 771903 do not share vintrella",
]
MARKERS = ["zorblattfee", "quexworth", "plimbury", "vintrella"]  # one word of each text
CAPTION = "is this screenshot real frobnicatrix"
FORGED_BODY = "forged body glimmerquack"


LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}


def png_with_text(text: str) -> bytes:
    image = Image.new("RGB", (480, 120), "white")
    ImageDraw.Draw(image).text((10, 40), text, fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def wait_for(condition: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def outcome(state_dir: Path, sid: str) -> dict[str, Any] | None:
    db = sqlite3.connect(state_dir / "store.sqlite3", timeout=10)
    try:
        rows = db.execute(
            "SELECT outcome FROM processing WHERE key IN (?, ?) AND status = 'completed'",
            (sid, f"flush-{sid}"),
        ).fetchall()
    finally:
        db.close()
    found = [json.loads(r[0]) for r in rows]
    return next((o for o in found if o.get("result") != "deferred"), None)


def forged_post(stack: Stack) -> int:
    form = twilio_form(body=FORGED_BODY, From=SENDERS[0], WaId=SENDERS[0].split("+")[1])
    request = urllib.request.Request(
        stack.webhook_url,
        data=urlencode(form).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": sign(
                stack.webhook_url, form, token="not-the-token-000000000000000"
            ),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_no_secret_number_or_body_in_any_log_line_at_info_or_above(tmp_path: Path) -> None:
    stack = stack_env(tmp_path / "state")
    stack.env.update(
        TWILIO_ACCOUNT_SID=ACCOUNT_SID,
        TWILIO_AUTH_TOKEN=AUTH_TOKEN,
        QILA_FAULT_PERMANENT=f"{PERMANENT}=21211",
        QILA_LOG_LEVEL="INFO",
    )
    image = tmp_path / "shot.png"
    image.write_bytes(png_with_text("Your account is locked, verify at http://dbs-verify.top"))
    with running(stack, "sandbox", "webhook-server", "worker"):
        sent = []
        for sender, text in zip(SENDERS, TEXTS, strict=True):
            sent.append(stack.send(text, sender=sender, profile_name=PROFILE))
        for sender, message in zip(SENDERS, sent, strict=True):
            assert stack.wait_reply(sender, after=message["seq"], timeout=30) is not None
        media = stack.qila(
            "send", CAPTION, "--image", str(image), "--from", "whatsapp:+6598760099",
            "--profile", PROFILE, "--wait", "40", "--json",
        )  # fmt: skip
        assert media.returncode == 0, media.stderr
        assert json.loads(media.stdout)["reply"]
        permanent = stack.send(
            "URGENT pay the fee now permaqux", sender=PERMANENT, profile_name=PROFILE
        )
        wait_for(lambda: outcome(stack.state_dir, permanent["sid"]), 30, "the permanent failure")
        assert forged_post(stack) == 403

    assert outcome(stack.state_dir, permanent["sid"])["result"] == "not_delivered"  # type: ignore[index]
    numbers = [*SENDERS, "whatsapp:+6598760099", PERMANENT]
    forbidden = {
        "auth token": AUTH_TOKEN,
        "basic auth": base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode(),
        "profile name": PROFILE,
        "forged body": FORGED_BODY,
        "caption": CAPTION,
        "permanent body": "permaqux",
        **{f"body {i}": marker for i, marker in enumerate(MARKERS)},
        **{f"number {n}": n.split("+")[1] for n in numbers},  # digits: also catches WaId
    }
    log = (stack.state_dir / "stack.log").read_text(encoding="utf-8", errors="replace")
    checked = 0
    leaks = []
    for line in log.splitlines():
        level = "INFO"  # a line outside the JSON logger (a print, a traceback) counts as INFO
        if line.startswith("{"):
            level = json.loads(line).get("level", "INFO")
            assert level in LEVELS, f"the level field was overwritten: {line[:300]}"
        if level == "DEBUG":
            continue
        checked += 1
        leaks += [f"{what}: {line[:300]}" for what, value in forbidden.items() if value in line]
    assert checked > 20
    assert not leaks, "\n".join(leaks)
    assert "whatsapp:+65****0001" in log  # numbers are there, masked
    assert "whatsapp:+15****1111" in log
