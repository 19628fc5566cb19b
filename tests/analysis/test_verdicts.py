"""Verdict levels and reasons on real-looking messages."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qila.analysis import Analyzer, Content, ImageEvidence, Level
from tests.support.verdicts import FLAGGED

SCAMS = [
    "Your parcel is held at our warehouse. Pay the redelivery fee of $1.99 at "
    "parcel-fee.top/pay within 24 hours.",
    "DBS: Your account has been suspended due to unusual activity. Verify at "
    "http://dbs-sg.top/login",
    "Hi Mum, this is my new number. My phone broke. Can you send me money for a bill?",
    "Hai ma, ini nomor baru aku. HP aku rusak. Tolong transfer ke rekening temanku ya",
    "Part-time job: like YouTube videos and earn $200 per day. Contact us on Telegram @hr_linda",
    "Sorry, I sent a 6-digit code to your number by mistake. Can you send it back?",
    "Guaranteed returns of 20% weekly with our crypto trading group, risk-free.",
    "Tahniah! Anda memenangi hadiah RM5,000. Sila bayar caj pemprosesan RM50 untuk menuntut.",
]
LEGIT = [
    "Your OTP is 123456. Do not share it with anyone.",
    "DBS: A transaction of SGD 25.00 was made on your card ending 1234 at GRAB on 12 Nov. "
    "If unauthorised, call 1800 111 1111.",
    "SingPost: Your parcel will be delivered today between 2pm and 5pm. Track at singpost.com",
    "See you at 7 at the mrt, bring the notes",
    "Kode OTP Anda adalah 552901. JANGAN berikan kode ini kepada siapa pun.",
    "Hi mum, I'll be home late tonight. Can you save me some dinner?",
]


@pytest.mark.parametrize("text", SCAMS)
def test_scams_are_flagged(analyzer: Analyzer, text: str) -> None:
    verdict = analyzer.analyse(Content(text=text))
    assert verdict.level in FLAGGED, verdict.signals
    assert 30 <= verdict.score <= 100
    assert 1 <= len(verdict.reasons) <= 3


@pytest.mark.parametrize("text", LEGIT)
def test_alarming_but_legitimate_messages_are_not_flagged(analyzer: Analyzer, text: str) -> None:
    verdict = analyzer.analyse(Content(text=text))
    assert verdict.level is Level.NO_RED_FLAGS, verdict.signals
    assert verdict.score < 30


def test_otp_notice_versus_request(analyzer: Analyzer) -> None:
    notice = analyzer.analyse(Content(text="Your OTP is 845120. Never share this code."))
    request = analyzer.analyse(
        Content(text="This is your bank. Please send us the OTP you just received to verify.")
    )
    assert notice.level is Level.NO_RED_FLAGS
    assert request.level in FLAGGED
    assert "It asks for your verification code (OTP)" in request.reasons


def test_strongest_evidence_comes_first(analyzer: Analyzer) -> None:
    verdict = analyzer.analyse(
        Content(text="DBS: your account is locked. Unlock at http://dbs-sg.top/login now")
    )
    assert verdict.level is Level.LIKELY_SCAM
    assert verdict.reasons[0] == "The link goes to a look-alike of DBS (dbs-sg.top)"
    weights = [s.weight for s in verdict.signals]
    assert weights == sorted(weights, reverse=True)


def test_naming_a_bank_alone_is_not_a_red_flag(analyzer: Analyzer) -> None:
    verdict = analyzer.analyse(Content(text="I opened a DBS account today, the queue was short"))
    assert verdict.level is Level.NO_RED_FLAGS
    assert all(s.code != "impersonation" for s in verdict.signals)


def test_never_says_safe(analyzer: Analyzer) -> None:
    verdict = analyzer.analyse(Content(text="Lunch at 1?"))
    assert verdict.level is Level.NO_RED_FLAGS
    text = " ".join(verdict.reasons) + verdict.advice
    assert "safe" not in text.lower()


def test_language_is_detected(analyzer: Analyzer) -> None:
    assert (
        analyzer.analyse(
            Content(text="Paket Anda tertahan, segera bayar biaya pengiriman")
        ).language
        == "id"
    )
    assert (
        analyzer.analyse(
            Content(text="Bungkusan anda ditahan, sila bayar caj penghantaran")
        ).language
        == "ms"
    )
    assert analyzer.analyse(Content(text="Your parcel is held, pay the fee")).language == "en"


def test_screenshot_text_and_qr_code_are_checked(analyzer: Analyzer) -> None:
    screenshot = ImageEvidence(
        text="Your parcel could not be delivered. Pay the redelivery fee at parcel-fee.top/pay",
        label="screenshot",
    )
    qr = ImageEvidence(qr_payloads=("http://dbs-sg.top/login",), label="photo")
    verdict = analyzer.analyse(Content(images=(screenshot, qr)))
    assert verdict.level is Level.LIKELY_SCAM
    assert "The QR code goes to a look-alike of DBS (dbs-sg.top)" in verdict.reasons
    assert any(
        r.startswith("The screenshot asks you to pay a fee")
        or r.startswith("The link in the screenshot")
        for r in verdict.reasons
    )


def test_qr_code_alone(analyzer: Analyzer) -> None:
    verdict = analyzer.analyse(
        Content(images=(ImageEvidence(qr_payloads=("http://1.2.3.4/pay",)),))
    )
    assert verdict.level in FLAGGED
    assert (
        verdict.reasons[0]
        == "The QR code goes to a bare internet address (1.2.3.4), not a named site"
    )


def test_nothing_to_check_is_unable(analyzer: Analyzer) -> None:
    empty = analyzer.analyse(Content(text="   "))
    assert empty.level is Level.UNABLE
    assert empty.reasons == ("There was no text, link or readable picture to check",)
    blank_image = analyzer.analyse(Content(images=(ImageEvidence(),), unreadable_images=1))
    assert blank_image.level is Level.UNABLE
    assert "could not read" in blank_image.reasons[0]


def test_unsupported_media_only_is_unable_with_polite_line(analyzer: Analyzer) -> None:
    verdict = analyzer.analyse(Content(unsupported_media=("audio/ogg",)))
    assert verdict.level is Level.UNABLE
    assert verdict.reasons == (
        "Qila can check text, links and screenshots, but not voice notes, videos or documents",
    )


def test_to_dict_round_trip_fields(analyzer: Analyzer) -> None:
    data = analyzer.analyse(Content(text="Pay the customs fee at bit.ly/x1 today")).to_dict()
    assert data["level"] in ("likely_scam", "suspicious")
    assert data["signals"] and {"code", "weight", "reason", "source", "evidence"} <= set(
        data["signals"][0]
    )
    assert data["checked_on"].count("-") == 2


def test_build_analyzer_is_built_once_per_process() -> None:
    # How long the first build takes is measured by benchmarks/bench_analysis.py, not here.
    code = (
        "import qila.analysis as a\n"
        "first = a.build_analyzer()\n"
        "print(a.build_analyzer() is first, type(first).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "ScamAnalyzer"]


def test_analysis_imports_no_vendor_code() -> None:
    code = (
        "import sys, qila.analysis as a\n"
        "from qila.analysis import Content\n"
        "a.build_analyzer().analyse(Content(text='Your OTP is 1234, do not share it'))\n"
        "assert 'requests' not in sys.modules, 'text-only analysis imported requests'\n"
        "a.build_analyzer().analyse(Content(text='Hi Mum, new number, send money'))\n"
        "a.build_analyzer().analyse(Content(text='pay at parcel-fee.top/pay'))\n"
        "bad = [m for m in ('boto3', 'botocore', 'twilio', 'sklearn') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_a_brand_inside_a_link_is_not_a_claim_to_be_that_brand(analyzer: Analyzer) -> None:
    verdict = analyzer.analyse(Content(text="look http://dbs-sg.top/login"))
    assert "impersonation" not in {s.code for s in verdict.signals}
    assert "link.lookalike" in {s.code for s in verdict.signals}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kak, tolong dibuka file undangan pernikahan ini ya: undangan.apk", "apk"),
        ("We saw your resume. Flexible hours, pay is $300-$800 daily. Reply 1", "task_job"),
        (
            "Your package could not be delivered. Follow the instructions at 6j5.nl/sclr5",
            "click_link",
        ),
        ("Your KYC has expired, your account will be blocked. Call now", "threat"),
    ],
)
def test_tactic_rules(analyzer: Analyzer, text: str, code: str) -> None:
    verdict = analyzer.analyse(Content(text=text))
    assert code in {s.code for s in verdict.signals}
    assert verdict.level in FLAGGED


def test_weak_findings_are_reported_without_raising_the_level(analyzer: Analyzer) -> None:
    text = "Here are the photos from the party yesterday, loved it https://tx.vc/r/1Js80"
    verdict = analyzer.analyse(Content(text=text))
    assert verdict.level is Level.NO_RED_FLAGS
    assert verdict.reasons == ("The link is shortened (tx.vc), which hides where it goes",)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("https://tx.vc/r/1Js80", "The link is shortened (tx.vc), which hides where it goes"),
        (
            "is this safe? bit.ly/3xYz12",
            "The link is shortened (bit.ly), which hides where it goes",
        ),
        (
            "https://sprch.co/_BPz0v",
            "The link looks like a short redirect (sprch.co), so you can't see where it goes",
        ),
    ],
)
def test_bare_shortened_link_is_suspicious(analyzer: Analyzer, text: str, reason: str) -> None:
    verdict = analyzer.analyse(Content(text=text))
    assert verdict.level is Level.SUSPICIOUS
    assert verdict.reasons[0] == reason


@pytest.mark.parametrize(
    "text",
    [
        "https://s.id/",  # a shortener's own home page hides nothing
        "See you at dinner tonight, the menu is here bit.ly/abc12 and parking is free",
        "Ref: 40783860012/05 09:29:34Amt: N100.00Prev bal: N0.00Bal: N100.00From: http://goo.gl/u1C6G",
        "https://example.com/menu",
    ],
)
def test_shortened_link_in_ordinary_context_is_not_flagged(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyse(Content(text=text)).level is Level.NO_RED_FLAGS


def test_very_long_text_does_not_hang_the_analyser() -> None:
    # A hang guard (pathological backtracking would take minutes), not a speed measurement.
    code = (
        "from qila.analysis import Content, build_analyzer\n"
        "text = 'a-' * 50000 + ' http://' + 'a.' * 20000 + 'com'\n"
        "print(build_analyzer().analyse(Content(text=text)).level.value)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() in ("no_red_flags", "suspicious", "likely_scam")
