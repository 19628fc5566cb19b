"""A sentence is read whole even when an amount or "Rs." puts a dot inside it ("Pay GST Rs.4,200
to get amount credited"); further phrasings of known pretexts, from the sixteenth to the
eighteenth independent batches and the gateway samples (a code sent "by error", "pulangan harian
5%-10%", "isi IC", online banking "has been restricted", "schedule a redelivery", "memilih tarif
lama", "harus ditebus", "our bank details have changed", a fee asked after the goal, photos spread
"ke semua kontak", ...); and messages that only look like requests or threats: a transfer reported
done ("... berhasil", "sdh masuk"), a denied request ("aku ga bakal minta pulsa", "tdk pernah
minta"), a relative's new number that asks for nothing, a code kept from everyone, a branch or a
post-office channel, a driver's "cancellation fee", a brand's own short address."""

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
        (
            "Bro ini gue Andi, nomor lama gue keblokir. Lg darurat, bisa pinjem 500rb dulu? Nanti gue "
            "ganti",
            ("new_number", "money_request"),
        ),
        (
            # kept from others, but wanted by the sender
            "Kak maaf, tadi ada kode OTP masuk ke nomor kakak, salah kirim. Jangan kasih ke orang "
            "lain ya, tolong kirim ke aku aja",
            ("code_hijack",),
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
        "Toll account: your payment was unsuccessful. Please log in and update your payment method "
        "to avoid your account being suspended. We do not send links by text.",
        "Share OTP 8812 with your Zomato delivery partner only when you receive your order #88213. "
        "Zomato never asks for this OTP on a call.",
        "Mum it's me on a new number, my phone's being fixed. Don't need anything, just so you know "
        "it's me if I ring.",
        "Mas, sewa kontrakan bulan ini Rp1.500.000 ya, tf ke rek BCA a.n. Sri Wahyuni kaya biasa. "
        "Makasih",
        "sori aku tersalah taip no fon tadi masa login, kalau ada kod masuk kat hp ko jangan bagi "
        "sesiapa, delete je",
        "[KrediKu] Yth. Nasabah, cicilan ke-2 Anda Rp650.000 jatuh tempo BESOK 14/03/2026. Pastikan "
        "saldo VA cukup. KrediKu berizin & diawasi OJK, kami tdk pernah minta transfer ke rek pribadi.",
        "Ma, barusan ada SMS kode OTP Gojek masuk ke HP aku, soalnya akun mama pake nomor aku. Gak "
        "aku kasih ke siapa2 kok. Nanti malem login aja",
        "Hey it's Kim, new number! Switched to Vodafone so the old one's gone. Save this one x",
    ],
)
def test_a_done_denied_or_open_message_is_not_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    level, found = verdict_codes(fixed_analyzer, text)
    assert level is Level.NO_RED_FLAGS, (text, found)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Mandiri INFO: Terlampir surat perubahan biaya transaksi. Mohon klik LIHAT utk memilih "
            "tarif lama atau tarif baru sebelum jam 23.59 malam ini.",
            "fee",
        ),
        (
            "Selamat siang Pak Budi, saya petugas Bea Cukai Bandara Juanda. Paket kiriman atas nama "
            "bapak sudah tiba tapi harus ditebus biaya clearance Rp6.500.000",
            "fee",
        ),
        (
            "BLT Rp 600.000 SUDAH CAIR, klik DAFTAR dibawah utk cek nama anda sekarang",
            "link.mentioned",
        ),
        (
            "Hi it's Mia from accounts at Harbour Trading, just to let you know our bank details have "
            "changed, please pay this month's invoice to the new account on the letter attached.",
            "payment_redirect",
        ),
        (
            "POS LAJU: Bungkusan tuan (No. EP9921xxxxMY) DITAHAN kerana mengandungi barang larangan. "
            "Hubungi pegawai kami 03-2xxx 5512 segera.",
            "parcel_problem",
        ),
        (
            "Well done on the screening. To unlock your next 30 tasks and withdraw your $980 "
            "earnings please top up 120 USDT to your work account",
            "fee",
        ),
        (
            "Selamat! Akun kakak naik ke level Gold, utk menarik saldo Rp1.900.000 wajib isi deposit "
            "aktivasi Rp400.000 dulu",
            "fee",
        ),
        (
            "Setiap peserta perlu sumbang RM150 untuk cairkan dana RM4,000. Hubungi admin sekarang.",
            "fee",
        ),
        (
            "Sdr BUDI pinjaman anda telat 5 hari. Kalau hari ini tdk bayar, foto KTP anda kami sebar "
            "ke semua kontak",
            "extortion",
        ),
        (
            "I have access to your camera and contacts. Pay what I ask or everyone in your contact "
            "list sees it.",
            "extortion",
        ),
        (
            "Pegawai bank: untuk lindungi simpanan tuan semasa siasatan, sila pindahkan baki ke akaun "
            "selamat yang kami berikan.",
            "threat",
        ),
        (
            "This is StarHub. Your mobile number 8XXX 2231 has been used for illegal activities. "
            "Press 1 to speak to the officer handling your case",
            "threat",
        ),
    ],
)
def test_the_pretext_is_read(fixed_analyzer: ScamAnalyzer, text: str, code: str) -> None:
    _, found = verdict_codes(fixed_analyzer, text)
    assert code in found, (text, found)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "BUDI95: anda layak subsidi RON95. Isi minyak dengan MyKad di stesen minyak.",
            "id_details",
        ),
        (
            # a fee paid through the official channel is not held against the message
            "An Post: Customs charges of €12.10 are due on item LX123456789GB. A customs charge card "
            "with payment details will follow by post.",
            "fee",
        ),
        (
            # a network named in a new number's news is not impersonated
            "Hey it's Kim, new number! Switched to Vodafone so the old one's gone. Save this one x",
            "impersonation",
        ),
    ],
)
def test_the_words_are_not_read_as_that_tactic(
    fixed_analyzer: ScamAnalyzer, text: str, code: str
) -> None:
    _, found = verdict_codes(fixed_analyzer, text)
    assert code not in found, (text, found)
