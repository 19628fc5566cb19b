"""Phrasings from the twentieth independent batch. Read as tactics: a wage "Rs/Day" after an
interview, deposit details asked for a refund, a camera "hacked" for extortion, a mule account
("akaun keldai"), a call "transferred to the police", a bank account to confirm ("sahkan akaun
bank"), a document attachment with its size (an app in disguise). Not read as tactics: a
delivery code handed over "only after you receive your order", the government's anti-gambling
verses, an opt-out keyword such as "STOPU", an appointment to "cancel or rearrange", and a
credit "telah dimasukkan" into an e-wallet. From real 2016 reports to Telkomsel: premium-rate
0809 lines, "MNDPT HADIAH", online poker; and Telkomsel's own tsel.id."""

from __future__ import annotations

import pytest

from qila.analysis import Content, Level
from qila.analysis.analyzer import ScamAnalyzer
from tests.support.verdicts import assert_flagged_with, verdict_codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "Dear you have been shortlisted after interview, wage is 6500 Rs/Day. Contact HR on "
            "Telegram to start",
            ("task_job",),
        ),
        (
            "IRD: your tax refund of $612.40 is ready. Reply Y to provide your direct deposit "
            "details and receive it today",
            ("card_details",),
        ),
        (
            "I hacked your phone camera and have videos of you. Pay $1500 in BTC in 2 days or the "
            "clips go to everyone you know.",
            ("extortion",),
        ),
        (
            "Notis: No. KP anda dikesan digunakan utk membuka akaun keldai. Hubungi 03-2xxx 1100 "
            "hari ini.",
            ("threat",),
        ),
        (
            "Ini Jabatan Kad Kredit. Jika bukan tuan yang mohon kad ini, saya akan sambungkan tuan "
            "kepada pihak polis sekarang.",
            ("threat",),
        ),
        (
            "Bantuan RM300 dah masuk! Sahkan akaun bank anda sebelum 30/9 di "
            "https://bantuan-semak2u.com/sah",
            ("card_details",),
        ),
        (
            "📎 Undangan Pernikahan Kami (5,8 MB)\nMohon dibuka ya kak, ditunggu kehadirannya 🙏",
            ("apk",),
        ),
    ],
)
def test_the_tactic_is_read(
    fixed_analyzer: ScamAnalyzer, text: str, codes: tuple[str, ...]
) -> None:
    assert_flagged_with(fixed_analyzer, text, *codes)


@pytest.mark.parametrize(
    "text",
    [
        "Swiggy: Your order from Truffles is on the way with Ravi. Share OTP 5512 only AFTER you "
        "receive your order. Track live: https://www.swiggy.com/order/track/88120345",
        "Amazon: Your package arrives today. Share OTP 402913 with the delivery associate ONLY "
        "after you receive the package. Track: https://amzn.in/d/7kQp2Xa",
        "Judi Online Bahaya dan Merusak Keluarga. Jangan Pernah Mencoba. #STOPJUDIONLINE",
        "Halifax: Your account ending 4471 is £23.10 overdrawn. Pay in by 3pm to avoid fees. To "
        "stop these alerts text STOPU to 65552",
        "Appt for Mr J Okafor 02/04/2026 09:20 Dermatology, Royal Infirmary. Call 0131 242 1000 "
        "if you need to cancel or rearrange.",
        "Touch 'n Go eWallet: Tahniah! Kredit eMADANI RM100.00 telah dimasukkan ke eWallet anda. "
        "Guna di kedai fizikal sahaja.",
    ],
)
def test_the_notice_is_not_flagged(fixed_analyzer: ScamAnalyzer, text: str) -> None:
    level, found = verdict_codes(fixed_analyzer, text)
    assert level is Level.NO_RED_FLAGS, (text, found)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Indonesia's premium-rate lines (0809...), in the 2016 reports to Telkomsel's 1166
        ("LAGI SENDIRI? AKU TEMENIN NGOBROL SAMPE PAGI, TLP AQ YA DI 08091234771", "premium_rate"),
        (
            "SLMT NO ANDA MNDPT HADIAH 60JTA DRI PT TELKOMSEL INFO KLIK WWW.TELKOMSEL.COM/HADIAH",
            "prize",
        ),
        ("POKER ONLINE TERPERCAYA! JACKPOT RATUSAN JUTA, DEPOSIT 20RB, DAFTAR SKRG", "investment"),
    ],
)
def test_older_indonesian_lures_are_read(
    fixed_analyzer: ScamAnalyzer, text: str, code: str
) -> None:
    _, found = verdict_codes(fixed_analyzer, text)
    assert code in found, (text, found)


def test_telkomsel_short_address_is_its_own(fixed_analyzer: ScamAnalyzer) -> None:
    verdict = fixed_analyzer.analyse(
        Content(
            text="Penyesuaian periode pembayaran Halo berhasil. Untuk kembali ke pengaturan "
            "sebelumnya, hubungi 188. Info https://tsel.id/movebc"
        )
    )
    assert verdict.level is Level.NO_RED_FLAGS, verdict.signals
    assert any(s.code == "link.official" and s.weight < 0 for s in verdict.signals)


def test_online_gambling_pushed_is_still_read(fixed_analyzer: ScamAnalyzer) -> None:
    verdict = fixed_analyzer.analyse(
        Content(text="Judi online? Ayo gabung sekarang, menang jutaan tiap hari")
    )
    assert "investment" in {s.code for s in verdict.signals}, verdict.signals
