"""General smishing shapes (premium-rate numbers, cash prizes with a way to act, bank-transfer
and credit requests, loan offers, links pushed at the reader, a named organisation with a link
that is not its own) and the alarm-like legitimate messages they must leave alone."""

from __future__ import annotations

import pytest

from qila.analysis import Analyzer, Content, Level
from qila.analysis.explain import advice_key
from qila.i18n import EN, ID, MS
from tests.support.verdicts import FLAGGED

SCAMS = [
    ("Please CALL 09061209466 immediately as there is an urgent message waiting for you", "en"),
    ("Our computer has randomly picked you to receive a £400 reward. Just call 09066380611", "en"),
    (
        "Tolong uangnya ditransfer saja ke Bank BRI No.Rek 2952149123 a/n Andi, kalau sudah SMS",
        "id",
    ),
    ("Ma, tolong isikan pulsa 50rb ke nomor ini 081234567890, penting, hp aku rusak", "id"),
    (
        "Pinjaman dana tunai tanpa jaminan, bunga rendah, proses cepat. Hubungi WA 081234567890",
        "id",
    ),
    ("Pinjaman peribadi tanpa dokumen, lulus dalam 1 jam! WhatsApp kami 012-3456789", "ms"),
    (
        "FedEx: your shipment is waiting. Confirm your address here http://lamano-festival.com/fx",
        "en",
    ),
    ("Tahniah! Nombor anda menang RM10,000. Tebus hadiah di hadiah-tebus.com", "ms"),
    ("Selamat! Nomor Anda mendapatkan hadiah mobil dari undian. Info hub 085694961118", "id"),
]

LEGIT = [
    ("Your OTP is 123456. Do not share it with anyone.", "en"),
    ("Kode OTP Anda 552901. Jangan berikan kode ini kepada siapa pun.", "id"),
    ("Kod TAC anda ialah 839201. Jangan kongsi kod ini dengan sesiapa.", "ms"),
    ("DBS: A transaction of SGD 48.50 was made with your card ending 1234 at NTUC.", "en"),
    ("BCA: Transaksi sebesar Rp 150.000 di TOKOPEDIA berhasil pada 12/11.", "id"),
    ("Maybank: RM250.00 telah dipindahkan dari akaun anda pada 10/11.", "ms"),
    ("Ninja Van: Your parcel from Shopee is out for delivery. Our driver will call you.", "en"),
    ("Paket Anda dengan resi JNE 0123456789 sedang dalam perjalanan dan tiba besok.", "id"),
    ("Pos Laju: Bungkusan anda telah berjaya dihantar pada 14:35. Terima kasih.", "ms"),
    ("Reminder: your dental appointment is on Tue 14 Nov at 10:30am. Reply Y to confirm.", "en"),
    ("Klinik Kesihatan: Peringatan temujanji anda pada 20/03 jam 9 pagi.", "ms"),
    ("DBS will never ask you to click on links to verify your account or share your PIN.", "en"),
    ("BRI tidak pernah meminta PIN, password, atau kode OTP Anda. Waspada penipuan!", "id"),
    ("Maybank tidak akan sesekali meminta PIN, TAC atau kata laluan anda.", "ms"),
    ("see you at lunch tomorrow?", "en"),
    ("Call me at 91234567 when you are free, I won the office quiz lol", "en"),
]


@pytest.mark.parametrize(("text", "lang"), SCAMS)
def test_general_smishing_shapes_are_flagged(analyzer: Analyzer, text: str, lang: str) -> None:
    verdict = analyzer.analyse(Content(text=text))
    assert verdict.level in FLAGGED, (text, verdict.signals)
    assert verdict.reasons
    strongest = max((s for s in verdict.signals if s.weight > 0), key=lambda s: s.weight)
    assert verdict.reasons[0] == strongest.reason or strongest.code == "model"


@pytest.mark.parametrize(("text", "lang"), LEGIT)
def test_alarm_like_legitimate_messages_are_not_flagged(
    analyzer: Analyzer, text: str, lang: str
) -> None:
    verdict = analyzer.analyse(Content(text=text))
    assert verdict.level is Level.NO_RED_FLAGS, (text, verdict.signals)


NEW_CODES = [
    "premium_rate",
    "contact_lure",
    "link_lure",
    "link.brand_mismatch",
    "safety_notice",
    "delivery_notice",
]


@pytest.mark.parametrize("code", NEW_CODES)
def test_new_reasons_exist_in_every_language(code: str) -> None:
    for catalogue in (EN, ID, MS):
        assert catalogue.get(f"reason.{code}"), code
    assert EN[f"reason.{code}"] != ID[f"reason.{code}"] != MS[f"reason.{code}"]


def test_reasons_come_in_the_message_language(analyzer: Analyzer) -> None:
    verdict = analyzer.analyse(
        Content(text="Tolong uangnya ditransfer saja ke Bank BRI No.Rek 2952149123 a/n Andi")
    )
    assert verdict.language == "id"
    assert verdict.level in FLAGGED
    assert any(s.code == "money_request" for s in verdict.signals)
    assert "uang" in verdict.reasons[0].lower()


def test_brand_with_a_pushed_foreign_link_gets_link_advice(analyzer: Analyzer) -> None:
    verdict = analyzer.analyse(
        Content(text="Shopee: Akun Anda akan ditutup. Verifikasi akun di shopee-verifikasi.cc")
    )
    assert verdict.level in FLAGGED
    assert advice_key(verdict.signals) in ("link", "bank", "parcel", "government", "generic")


def test_premium_rate_gets_prize_advice(analyzer: Analyzer) -> None:
    verdict = analyzer.analyse(
        Content(text="U have a secret admirer. Find out who, call 09058094597 now")
    )
    assert verdict.level in FLAGGED
    assert any(s.code == "premium_rate" for s in verdict.signals)
    assert advice_key(verdict.signals) == "prize"
