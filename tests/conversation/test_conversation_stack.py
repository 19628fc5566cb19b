"""The conversation as a person has it, through `qila send` on the running local stack."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from tests.support.stack import Stack, running, stack_env

SCAM = "URGENT: your parcel is held, pay the fee at http://parcel-fee.top/pay"
MALAY_SCAM = (
    "Akaun Maybank anda telah disekat. Sila sahkan identiti anda segera di "
    "http://maybank2u-sahkan.xyz dalam masa 24 jam atau akaun anda akan ditutup."
)
INDONESIAN_SCAM = (
    "Selamat! Anda memenangkan hadiah Rp 50.000.000 dari Shopee. Segera transfer biaya "
    "administrasi ke rekening kami dan kirim kode OTP untuk klaim hadiah Anda."
)


def send(stack: Stack, text: str, sender: str, *extra: str, wait: float = 20) -> tuple[int, str]:
    result = stack.qila("send", text, "--from", sender, "--wait", str(wait), "--json", *extra)
    doc = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.returncode, doc.get("reply") or ""


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Stack:
    return stack_env(tmp_path_factory.mktemp("conversation") / "state", QILA_LIMIT_PER_HOUR="3",
                     QILA_BLOCKLIST="+6500000001")  # fmt: skip


@pytest.fixture(scope="module")
def live(stack: Stack):  # type: ignore[no-untyped-def]
    with running(stack):
        yield stack


def test_commands_and_language_switch(live: Stack) -> None:
    user = "whatsapp:+6510000001"
    _, welcome = send(live, "hi", user)
    assert "Qila" in welcome and "Forward me" in welcome
    _, about = send(live, "about", user)
    assert about.startswith("*About Qila*") and "never say something is safe" in about
    _, menu = send(live, "language", user)
    assert "bahasa ms" in menu and "bahasa id" in menu
    _, switched = send(live, "bahasa ms", user)
    assert "Bahasa Melayu" in switched
    _, verdict = send(live, SCAM, user)  # an English scam, answered in the chosen Malay
    assert verdict.startswith("*Kemungkinan penipuan*") and "Disemak pada" in verdict
    _, thanks = send(live, "👍", user)
    assert "Terima kasih" in thanks


def test_malay_and_indonesian_scams_are_answered_in_their_language(live: Stack) -> None:
    _, malay = send(live, MALAY_SCAM, "whatsapp:+60123450001")
    _, indonesian = send(live, INDONESIAN_SCAM, "whatsapp:+6281234500001")
    assert malay.split("\n")[0] in {"*Kemungkinan penipuan*", "*Mencurigakan*"}
    assert indonesian.split("\n")[0] in {"*Kemungkinan penipuan*", "*Mencurigakan*"}
    assert malay != indonesian
    assert "Disemak pada" in malay and "Diperiksa pada" in indonesian


def test_the_same_scam_from_two_numbers_is_answered_from_the_cache_with_a_count(
    live: Stack,
) -> None:
    text = "Your DHL parcel could not be delivered. Pay the 1.99 redelivery fee at http://dhl-redeliver.top/x"
    _, first = send(live, text, "whatsapp:+6520000001")
    _, second = send(live, text, "whatsapp:+6520000002")
    assert "people asked" not in first
    assert "2 people asked about this message." in second
    assert first.split("\n")[0] == second.split("\n")[0]


def test_a_sender_over_the_hourly_limit_is_told_once(live: Stack) -> None:
    user = "whatsapp:+6530000001"
    for i in range(3):
        code, reply = send(
            live, f"Is this message number {i} from my bank legit? It asks me to log in.", user
        )
        assert code == 0 and reply.startswith("*")
    code, notice = send(live, "One more message please check this one for me thanks", user)
    assert code == 0 and "limit of 3 checks per hour" in notice
    code, _ = send(live, "And another one to check please, it is from my bank", user, wait=4)
    assert code == 1  # no second notice


def test_text_then_image_are_answered_once(live: Stack, tmp_path: Path) -> None:
    from tests.media.imagegen import chat_screenshot, to_bytes

    image = tmp_path / "shot.png"
    image.write_bytes(
        to_bytes(
            chat_screenshot(
                ["Your DBS account is suspended. Verify now at https://dbs-secure-login.top/verify"]
            ).image,
            "PNG",
        )
    )
    user = "whatsapp:+6540000001"
    first = live.qila("send", "is this real? got it today", "--from", user)
    assert first.returncode == 0
    second = live.qila("send", "--image", str(image), "--from", user, "--wait", "30", "--json")
    reply = json.loads(second.stdout)["reply"]
    assert reply is not None and "dbs-secure-login.top" in reply
    time.sleep(3)  # longer than the multi-part window: a second answer would have arrived
    replies = live.messages(number=user, direction="outbound-api")
    assert len(replies) == 1


def test_short_chatter_gets_the_welcome(live: Stack) -> None:
    _, reply = send(live, "ok thanks", "whatsapp:+6550000001")
    assert "Forward me" in reply


def test_blocked_numbers_get_no_reply(live: Stack) -> None:
    code, reply = send(live, SCAM, "whatsapp:+6500000001", wait=4)
    assert code == 1 and reply == ""
