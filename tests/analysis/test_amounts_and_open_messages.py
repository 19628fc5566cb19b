"""A sentence is read whole even when an amount or "Rs." puts a dot inside it ("Pay GST Rs.4,200
to get amount credited"); further phrasings of known pretexts (a code sent "by error", "pulangan
harian 5%-10%", "isi IC", "help vote for her", customs duty "still pending", a toll you "have not
paid", "kindly reverse, sent by mistake", a deposit before any viewing, online banking "has been
restricted", an address that "is incorrect", "schedule a redelivery", "we did not find your
address"); and messages that only
look like requests: a transfer reported done ("... berhasil", "sdh masuk"), a request that is
denied ("aku ga bakal minta pulsa"), a relative's new number that asks for nothing and offers a
call, a lock-out that sends you to "your nearest OCBC branch", a driver's "cancellation fee", NZ
Post's own short address (nzp.st), and an alert whose amount comes first ("Rs. 25,000.00
transferred to your RD A/c")."""

from __future__ import annotations

import pytest

from qila.analysis import Level
from qila.analysis.analyzer import ScamAnalyzer
from tests.support.verdicts import assert_flagged_with, verdict_codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "SBI Life: Maturity bonus of Rs.64,300 is approved. Pay TDS Rs.3,150 to get amount "
            "credited. Call our claims desk 9876XXXXXX",
            ("fee",),
        ),
        (
            "Hello, I sent you a 6-digit code by error while logging in. Could you forward it to me "
            "please?",
            ("code_hijack",),
        ),
        (
            "Jom sertai kumpulan pelaburan kami! Keuntungan harian 8% dijamin, modal serendah RM500.",
            ("investment",),
        ),
        (
            "Bantuan RM500 dah boleh mohon, isi IC je kat sini: bantuan-rakyat2u.pages.dev/semak",
            ("id_details", "click_link"),
        ),
        (
            "Hi dear, could you help vote for her? My niece is in the final of the talent show, "
            "just tap the link and vote",
            ("vote_lure",),
        ),
        (
            "Import duty is still pending. Pay today or we will send your parcel back to the "
            "sender.",
            ("fee", "parcel_problem"),
        ),
        (
            "Darb: if you have not paid your vehicle trip fee yet, please do so as soon as possible to "
            "avoid paying fines.",
            ("fee",),
        ),
        (
            "You have received KES 2,800.00 from MARY WANJIRU. New balance KES 2,950.00. Please "
            "reverse, sent by mistake to wrong number",
            ("money_request",),
        ),
        (
            "Alerts!!! Your NFCU Online Banking has been restricted Action required: "
            "https://kellyandmolly-home.com/",
            ("threat", "click_link"),
        ),
        (
            "The shipping address is incorrect and your package cannot be delivered. "
            "https://qtrena-post.net",
            ("parcel_problem", "click_link"),
        ),
        (
            "Sorry we missed you! Schedule a redelivery for tomorrow: https://intlparcelfaq.com/r/Xk2",
            ("parcel_problem", "click_link"),
        ),
        (
            "Notice: we did not find your address, please update it: http://fabrika-depo.com/",
            ("parcel_problem", "click_link"),
        ),
        (
            "The flat is yours if you want it. I need a $600 deposit by bank transfer before the "
            "viewing so I can hold it for you.",
            ("advance_deposit",),
        ),
    ],
)
def test_the_request_is_read_whole(
    fixed_analyzer: ScamAnalyzer, text: str, codes: tuple[str, ...]
) -> None:
    assert_flagged_with(fixed_analyzer, text, *codes)


@pytest.mark.parametrize(
    "text",
    [
        "Bank Jatim: Transfer Rp 1.250.000 ke rek 0456xxxx a.n. DEWI S. berhasil pada 03/02/2026 "
        "09:41. Jika bukan Anda, hubungi 14044.",
        "Pulsa Darurat Rp10.000 sdh masuk ke nomor Anda, berlaku 7 hari.",
        "Halo semua, ini nomor baru aku ya. Tolong disave. Aku ga bakal minta pulsa atau "
        "transfer kok",
        "Hi Mum it's Sam, this is my new number, I dropped my phone in the lake. Save it, I'll "
        "ring you tonight x",
        "Dad it's me, my new number for work. Keep the old one too, no need to reply",
        "GRATIS 2.5GB bisa kamu ambil di aplikasi, cek kuota sekarang",
        "OCBC: Your online banking access has been suspended after 3 wrong password attempts. To "
        "restore it, please call us or visit your nearest OCBC branch.",
        "Bolt: Your driver has arrived, grey Toyota Prius KDA 482X. Please meet your driver "
        "within 3 mins to avoid a cancellation fee.",
        "NZ Post: your parcel from Kiwi Kitchenware is on its way, track it at nzp.st/k83JdQ",
        "Alert!\nRs. 25,000.00 transferred to your RD A/c No. XX4411 via HDFC Bank NetBanking.\n"
        "Not you? Call 18002586161",
    ],
)
def test_a_done_denied_or_open_message_is_not_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    level, found = verdict_codes(fixed_analyzer, text)
    assert level is Level.NO_RED_FLAGS, (text, found)
