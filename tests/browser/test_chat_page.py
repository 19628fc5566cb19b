"""The sandbox chat page, driven like a person would: type, attach, switch chats, operate."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import FilePayload, Locator, Page, expect

from qila.adapters.sqlite_queue import SqliteQueue
from tests.browser.conftest import PHONE
from tests.support.stack import REPO, Stack, http_json

pytestmark = pytest.mark.browser

SCAM = "URGENT: your parcel is held, pay the fee at http://parcel-fee.top/pay"
ORDINARY = "see you at lunch tomorrow?"
REPLY_MS = 30_000  # a verdict goes webhook -> queue -> worker -> sandbox
# The README's screenshots are refreshed only on request (QILA_UPDATE_SCREENSHOTS=1); otherwise the
# test writes its screenshots to its own temporary folder and leaves the checkout untouched.
DOCS_SCREENSHOTS = REPO / "docs" / "screenshots"


def screenshot_dir(tmp_path: Path) -> Path:
    return DOCS_SCREENSHOTS if os.environ.get("QILA_UPDATE_SCREENSHOTS") == "1" else tmp_path


def composer(page: Page) -> Locator:
    return page.get_by_role("textbox", name=re.compile(r"^Message"))


def send(page: Page, text: str) -> None:
    box = composer(page)
    box.fill(text)
    box.press("Enter")


def replies(page: Page, level: str | re.Pattern[str]) -> Locator:
    """Qila's replies in the open chat whose bold headline is ``level``."""
    return page.locator("#messages .msg.out").filter(has=page.locator("strong", has_text=level))


SCAM_LEVEL = re.compile(r"^(Likely scam|Suspicious)$")


def no_horizontal_scroll(page: Page) -> bool:
    return bool(
        page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )


def png(width: int = 240, height: int = 120) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, width - 5, height - 5), outline="red", width=3)
    draw.text((16, 40), "Parcel held: pay fee", fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_scam_and_ordinary_messages_get_their_verdicts(page: Page, tmp_path: Path) -> None:
    send(page, ORDINARY)
    expect(page.locator("#messages .msg.in").first).to_contain_text(ORDINARY)
    expect(replies(page, "No red flags found")).to_have_count(1, timeout=REPLY_MS)

    send(page, SCAM)
    scam_reply = replies(page, SCAM_LEVEL)
    expect(scam_reply).to_have_count(1, timeout=REPLY_MS)
    expect(scam_reply).to_contain_text("parcel-fee.top")
    # Both messages show their delivery status, with the time they were sent.
    expect(page.locator("#messages .msg.in .status")).to_have_text(["✓✓ replied"] * 2)
    expect(page.locator("#messages .msg.in time")).to_have_count(2)
    # Screen readers hear the reply.
    expect(page.locator("#announcer")).to_have_attribute("aria-live", "polite")
    expect(page.locator("#announcer")).to_contain_text("Qila replied")
    # The operator panel lists both checks.
    expect(page.locator("#checks tbody tr")).to_have_count(2)

    shots = screenshot_dir(tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    assert no_horizontal_scroll(page)
    page.screenshot(path=shots / "chat-desktop.png")
    page.set_viewport_size(PHONE)
    expect(scam_reply).to_be_visible()
    scam_reply.scroll_into_view_if_needed()
    assert no_horizontal_scroll(page)
    page.screenshot(path=shots / "chat-phone.png")
    assert (shots / "chat-desktop.png").stat().st_size > 0


def test_image_is_shown_and_answered(page: Page, stack: Stack) -> None:
    image = png()
    notice: FilePayload = {"name": "notice.png", "mimeType": "image/png", "buffer": image}
    page.locator("#attach-input").set_input_files(files=[notice])
    expect(page.get_by_role("img", name="Image to send")).to_be_visible()
    expect(page.locator("#attachment-name")).to_have_text("notice.png")
    send(page, "is this real?")

    shown = page.locator("#messages .msg.in img")
    expect(shown).to_have_attribute("src", re.compile(r"^/api/media/ME[0-9a-f]{32}$"))
    expect(shown).to_be_visible()
    expect(shown).to_have_js_property("naturalWidth", 240)
    expect(page.locator("#attachment")).to_be_hidden()
    expect(page.locator("#messages .msg.out")).not_to_have_count(0, timeout=REPLY_MS)
    expect(page.locator("#messages .msg.in .status")).to_have_text("✓✓ replied")

    # The page's media route serves exactly the uploaded bytes.
    response = page.request.get(f"{stack.sandbox_url}{shown.get_attribute('src')}")
    assert response.status == 200
    assert response.headers["content-type"] == "image/png"
    assert response.body() == image
    assert page.request.get(f"{stack.sandbox_url}/api/media/ME{'0' * 32}").status == 404


def test_two_senders_side_by_side(page: Page, stack: Stack) -> None:
    send(page, ORDINARY)  # as the default sender
    expect(replies(page, "No red flags found")).to_have_count(1, timeout=REPLY_MS)

    page.get_by_text("New chat as another sender").click()
    page.get_by_label("WhatsApp number").fill("+65 9876 5432")
    page.get_by_label("Profile name (optional)").fill("Ben")
    page.get_by_role("button", name="Start chat").click()
    expect(page.locator("#chat-sender")).to_have_text("Ben (+6598765432)")
    expect(composer(page)).to_be_focused()
    expect(page.locator("#messages .msg")).to_have_count(0)

    # Slow Qila's replies down so Ben's arrives while another chat is open.
    http_json(f"{stack.sandbox_url}/api/faults", {"latency_ms": 1500})
    send(page, SCAM)
    expect(page.locator("#messages .msg.in")).to_have_count(1)
    chats = page.locator("#chat-list button")
    expect(chats).to_have_count(2)
    chats.nth(0).click()
    expect(chats.nth(0)).to_have_attribute("aria-current", "true")
    expect(page.locator("#messages")).to_contain_text(ORDINARY)
    expect(page.locator("#messages")).not_to_contain_text("parcel")
    # Ben's verdict lands in his chat, flagged unread.
    expect(chats.nth(1).locator(".unread")).to_have_text("1", timeout=REPLY_MS)
    expect(chats.nth(1)).to_contain_text("Ben")
    expect(chats.nth(1)).to_contain_text("+6598765432")

    chats.nth(1).click()
    expect(chats.nth(1).locator(".unread")).to_have_text("")
    expect(replies(page, SCAM_LEVEL)).to_have_count(1)
    expect(page.locator("#messages")).not_to_contain_text(ORDINARY)
    http_json(f"{stack.sandbox_url}/api/faults", {"latency_ms": 0})

    # The sandbox delivered each message from its own sender with its profile name.
    ben = stack.messages(number="whatsapp:+6598765432", direction="inbound")
    assert [m["profile_name"] for m in ben] == ["Ben"]
    assert [
        m["body"] for m in stack.messages(number="whatsapp:+6591234567", direction="inbound")
    ] == [ORDINARY]


@pytest.fixture
def dead_letters(stack_state: Path) -> list[str]:
    """Two malformed envelopes already in the DLQ before the stack starts."""
    queue = SqliteQueue(stack_state / "queue.sqlite3", visibility_timeout_s=5, max_receives=3)
    try:
        ids = [queue.send("{not json"), queue.send("{also not json")]
        for _ in range(20):
            if queue.stats().dead == 2:
                break
            queue.receive(max_messages=1, visibility_timeout=0)
        assert queue.stats().dead == 2
    finally:
        queue.close()
    return ids


def test_operator_panel_redrives_and_purges_dead_letters(
    dead_letters: list[str], page: Page, stack: Stack
) -> None:
    dead = page.locator("#stat-dead")
    expect(dead).to_have_text("2")
    expect(page.locator("#stat-visible")).to_have_text("0")
    expect(page.locator("#stat-in-flight")).to_have_text("0")
    letters = page.locator("#dlq-list li")
    expect(letters).to_have_count(2)
    expect(letters.nth(0)).to_contain_text("malformed envelope")
    expect(letters.nth(0)).to_contain_text(dead_letters[0][:8])

    page.get_by_role("button", name=f"Redrive dead letter {dead_letters[0][:8]}").click()
    expect(dead).to_have_text("1")
    expect(page.locator("#dlq-status")).to_have_text("Redrove 1 message(s) to the queue.")
    expect(letters).to_have_count(1)
    # The redriven envelope is back on the queue (waiting or being received).
    page.wait_for_function(
        "() => Number(document.getElementById('stat-visible').textContent)"
        " + Number(document.getElementById('stat-in-flight').textContent) === 1"
    )

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Purge all").click()
    expect(dead).to_have_text("0")
    expect(page.locator("#dlq-status")).to_have_text("Purged 1 dead letter(s).")
    expect(page.get_by_role("button", name="Redrive all")).to_be_disabled()

    # A check made outside the page (as `qila send` does) shows up with its level and timing.
    stack.send(SCAM)
    row = page.locator("#checks tbody tr").first
    expect(row.locator(".level")).to_have_text(SCAM_LEVEL, timeout=REPLY_MS)
    expect(row).to_contain_text(re.compile(r"\d+ ms"))


def test_fault_switches(page: Page, stack: Stack) -> None:
    expect(page.get_by_label("Added latency (ms)")).to_have_value("0")
    page.get_by_label("Added latency (ms)").fill("250")
    page.get_by_label("Transient errors (share 0–1)").fill("0.25")
    page.get_by_label("Permanent errors (number=code, comma-separated)").fill("+15550001111=21211")
    page.get_by_role("button", name="Apply faults").click()
    expect(page.locator("#faults-status")).to_have_text("Faults applied.")
    faults = http_json(f"{stack.sandbox_url}/api/faults")
    assert faults["latency_ms"] == 250
    assert faults["transient_rate"] == 0.25
    assert faults["permanent"] == {"whatsapp:+15550001111": 21211}
    expect(page.get_by_label("Permanent errors (number=code, comma-separated)")).to_have_value(
        "whatsapp:+15550001111=21211"
    )

    page.get_by_label("Transient errors (share 0–1)").fill("2")
    page.get_by_role("button", name="Apply faults").click()
    expect(page.locator("#faults-status")).to_contain_text("Not applied")
    assert http_json(f"{stack.sandbox_url}/api/faults")["transient_rate"] == 0.25

    page.get_by_role("button", name="Clear faults").click()
    expect(page.locator("#faults-status")).to_have_text("Faults cleared.")
    faults = http_json(f"{stack.sandbox_url}/api/faults")
    assert (faults["latency_ms"], faults["transient_rate"], faults["permanent"]) == (0, 0, {})


def test_keyboard_only_sending_with_formatting_and_escaping(page: Page) -> None:
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the message box")).to_be_focused()
    page.keyboard.press("Enter")
    box = composer(page)
    expect(box).to_be_focused()
    assert box.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # visible focus

    page.keyboard.type("*Hi* <img src=x onerror=alert(1)> there")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type(f"_second line_ {ORDINARY}")
    expect(box).to_have_value(f"*Hi* <img src=x onerror=alert(1)> there\n_second line_ {ORDINARY}")
    page.keyboard.press("Enter")

    bubble = page.locator("#messages .msg.in")
    expect(bubble).to_have_count(1)
    expect(bubble.locator("strong")).to_have_text("Hi")
    expect(bubble.locator("em")).to_have_text("second line")
    expect(bubble.locator(".body")).to_have_text(
        f"Hi <img src=x onerror=alert(1)> there\nsecond line {ORDINARY}"
    )
    expect(bubble.locator("img")).to_have_count(0)
    expect(box).to_have_value("")
    expect(box).to_be_focused()
    expect(replies(page, "No red flags found")).to_have_count(1, timeout=REPLY_MS)

    # Every control can be reached with Tab, and each has an accessible name.
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('button, input, textarea, select')]
            .filter(el => el.type !== 'file' || el.tabIndex >= 0)
            .filter(el => !el.labels?.length && !el.getAttribute('aria-label')
                          && !el.textContent.trim())
            .map(el => el.outerHTML)"""
    )
    assert unnamed == []


def test_phone_width_layout(phone_page: Page) -> None:
    page = phone_page
    assert no_horizontal_scroll(page)
    for control in (composer(page), page.get_by_role("button", name="Send"),
                    page.get_by_role("button", name="Attach an image")):  # fmt: skip
        expect(control).to_be_visible()
        box = control.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]

    long_link = "http://parcel-fee.top/" + "x" * 300
    send(page, f"{SCAM} {long_link}")
    expect(replies(page, SCAM_LEVEL)).to_have_count(1, timeout=REPLY_MS)
    assert no_horizontal_scroll(page)
    bubble = page.locator("#messages .msg.in").bounding_box()
    assert bubble is not None and bubble["x"] + bubble["width"] <= PHONE["width"]


def test_desktop_layout_puts_chats_chat_and_operator_side_by_side(page: Page) -> None:
    assert no_horizontal_scroll(page)
    boxes = [
        page.locator(selector).bounding_box()
        for selector in ("nav.chats", "section.chat", "aside.ops")
    ]
    assert all(boxes)
    xs = [b["x"] for b in boxes if b]
    assert xs == sorted(xs) and len(set(xs)) == 3
