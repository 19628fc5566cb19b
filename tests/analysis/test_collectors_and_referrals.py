"""Phrasings from the twenty-first independent batch. Read as tactics: a friend who "lost my
wallet and need ₹3,000", a bill to be paid "to my mate's account", the fake-check job, a
"combination task" and a fee "to continue and withdraw" (an amount written "2,118.40 USDT" keeps
its sentence whole), a shop "mission" whose "modal dikembalikan", a collector who will "datengin
rumah" or announces "penyebaran data", a caller's "jgn hubungi siapapun termasuk keluarga", a
case "dirujuk kpd pegawai polis", a parcel "ditahan polis", "pihak kami perlukan ... kata
laluan". Not read as tactics: a delivery code for the Wishmaster "at the time of delivery", a
code that must not be "dikasih" to anyone, JET express's own site."""

from __future__ import annotations

import pytest

from qila.analysis import Level
from qila.analysis.analyzer import ScamAnalyzer
from tests.support.verdicts import assert_flagged_with, verdict_codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "Dude I'm stuck, lost my wallet and need ₹3,000 urgently. GPay chalega? Will return by "
            "tonight",
            ("money_request",),
        ),
        (
            "the mechanic wants $980 today 😩 can you send it to my mate's account, name T Nguyen "
            "BSB 033-112 acc 55120943. explain later",
            ("payment_redirect",),
        ),
        (
            "Welcome to Northgate Staffing! A $3,100 check for your equipment has been deposited. "
            "Pls send $2,000 of it to our approved vendor via Zelle today",
            ("task_job",),
        ),
        (
            "Dear Tom, your account received a combination task. To continue and withdraw your "
            "2,118.40 USDT commission please top up 700 USDT",
            ("task_job", "fee"),
        ),
        (
            "Selamat kak lolos seleksi mitra toko. Misi pertama: checkout produk, modal Rp150.000 "
            "dikembalikan + komisi 25%",
            ("task_job",),
        ),
        ("Utang lu udah telat 9 hari. Bayar hari ini atau gw datengin rumah lu", ("extortion",)),
        (
            "Sdr tlh GALBAY 45 hari. Kami akan melakukan penyebaran data ke seluruh kontak darurat.",
            ("extortion",),
        ),
        (
            "Ini dari Polres. Nomor sdr terkait kasus narkoba. HP wajib dimatikan 1x24 jam. Jgn "
            "hubungi siapapun termasuk keluarga",
            ("threat",),
        ),
        (
            "Kes kad kredit puan telah dirujuk kpd pegawai polis. Sila ikut arahan pegawai tu.",
            ("threat",),
        ),
        (
            "Bungkusan atas nama tuan mengandungi 2 IC & 4 kad ATM, kini ditahan polis Johor. Sila "
            "hubungi pegawai",
            ("threat",),
        ),
        (
            "Utk siasatan, pihak kami perlukan username & kata laluan perbankan online puan",
            ("credentials",),
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
        "Your Flipkart order is out for delivery. Share OTP 5521 with the Wishmaster only at the "
        "time of delivery. Track: http://fkrt.it/Ab3dE9xx",
        "Ma nanti kalo ada SMS kode dari BCA jgn dikasih ke siapa2 ya, termasuk aku. Aku lg "
        "bantuin Papa daftar BCA ID di hp barunya, kodenya masuk ke hp Papa & Papa ketik sendiri",
        "JET express: Kiriman AWB 010092841234 tiba di cabang Depok, diantar besok. Cek status di "
        "www.jetexpress.co.id",
    ],
)
def test_the_notice_is_not_flagged(fixed_analyzer: ScamAnalyzer, text: str) -> None:
    level, found = verdict_codes(fixed_analyzer, text)
    assert level is Level.NO_RED_FLAGS, (text, found)
