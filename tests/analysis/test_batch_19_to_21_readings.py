"""Readings added for the nineteenth to twenty-first independent batches, the third gateway
sample, the second collection of parsers' notices and the 2016 reports to Telkomsel.

Read as tactics: words spread apart by runs of spaces ("Your   Online   Banking   has   been
restricted"); pay per like or per day in Malay and Indonesian; a lender's collector who
threatens the gallery, names you guarantor, will "datengin rumah" or announces "penyebaran
data"; a code asked for after a screenshot or with an identity card; the reply to "sorry, wrong
person"; "could you vote for him"; money asked for an operation, a lost wallet or a mate's
account; particulars "used for criminal activities", a mule account, a case "dirujuk kpd pegawai
polis"; "wang jaminan", "unable to ship you", "to regain access"; a wage "Rs/Day", the fake-check
job, a "combination task"; a camera "hacked" for extortion; a document attachment with its size;
premium-rate 0809 lines, "MNDPT HADIAH", online poker; a payment "you do not recognise" with a
fraud team's landline or a London desk's line to call (UK banks give national numbers), a
consultant or representative who "will call you shortly".

Not read as tactics: a relative's new number that is "not after anything" (and, asking for
nothing, no longer backing the classifier), a number that "got cut off", a birthday gift, a code
notice's "jangan kasih tau siapa pun termasuk pihak Gojek", a one-time password given, a code
shared in the family or not to be "dikasih", a delivery code handed over at the door, the
government's anti-gambling verses, an opt-out keyword, an appointment to "cancel or rearrange",
a colleague's shared Google file, a sentence run on after a full stop ("Ref.Online purchase"),
and JET express's own site. (Indonesian card and debit alerts and the post offices' and
operators' own sites are among the reassured notices of test_lures_and_channels.)"""

from __future__ import annotations

import pytest

from qila.analysis import Content, Level
from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.links import locate_urls
from tests.support.verdicts import assert_flagged_with, link_codes, verdict_codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "Your   Maybank   Online   Banking   has   been   restricted.   Verify   now:   "
            "https://mbb-secure-login.com",
            ("threat", "click_link"),
        ),
        ("We temporarily disabled your acct. Restore it at https://rb2.ly/Qx7Pz", ("threat",)),
        (
            "Kerja mudah! Like & follow akaun Instagram yg kami bagi, RM300 sehari. WhatsApp admin "
            "sekarang",
            ("task_job",),
        ),
        (
            "Cukup like, komen dan share video dari HP, dibayar Rp20rb - 60rb per tugas. Minat? "
            "balas YA",
            ("task_job",),
        ),
        (
            "To unlock your next batch of 35 tasks and cash out your $860 commission pls top up 100 "
            "USDT today",
            ("task_job",),
        ),
        (
            "Tagihan Rp1.900.000 sdh lewat. Sistem kami akan pasang virus & akses galeri HP anda "
            "malam ini. Bayar sekarang.",
            ("extortion",),
        ),
        (
            "Nomor anda tercatat sbg kontak darurat pinjaman a.n Dedi S di aplikasi DanaKilat. Anda "
            "wajib melunasi Rp2.400.000 hari ini.",
            ("extortion",),
        ),
        (
            "Kak, dari J&T. Paket kakak tertukar, utk refund mohon kirimkan foto resi & kode OTP yg "
            "masuk ya",
            ("otp_request",),
        ),
        (
            "Pegawai kami akan call, sila sediakan No. MyKad & kod TAC yg diterima",
            ("otp_request",),
        ),
        (
            "Oh my mistake, sorry! You seem really nice though. Since we're chatting, where are you "
            "from?",
            ("romance",),
        ),
        (
            "Halo, kontakmu tersimpan di hp aku, bisa ingatkan aku di mana kita kenal?",
            ("romance",),
        ),
        (
            "my cousin's son is in the final of a singing contest, could you vote for him? "
            "https://starkids-vote.net/e/22",
            ("vote_lure",),
        ),
        (
            "Ma, aku kecelakaan motor, skrg di rumah sakit. Butuh biaya operasi secepatnya",
            ("money_request",),
        ),
        (
            "Pa, ini aku. Pinjam hp teman dulu, hp ku rusak. Bisa tolong kirim 1,5 juta dulu buat "
            "bayar kos",
            ("new_number", "money_request"),
        ),
        (
            "Ini mak. Tolong topup 30RM ke nombor baru mak 0127xxxx12, ada hal penting",
            ("new_number", "money_request"),
        ),
        (
            "Immigration: your passport particulars have been used for criminal activities abroad. "
            "Call the officer at +65 8xxx 2210 now or your pass will be cancelled",
            ("threat",),
        ),
        (
            "Kastam: Bungkusan anda (No. Rujukan KL-22810) ditahan. Jelaskan wang jaminan RM900 ke "
            "akaun yang diberi.",
            ("fee", "parcel_problem"),
        ),
        (
            "Halo kak mau penghasilan tambahan? Cukup deposit Rp200rb, ikuti instruksi mentor, "
            "profit bisa cair Rp2jt hari ini juga. Minat? DM sy",
            ("investment",),
        ),
        (
            "We are unable to ship you your order on Monday. Update here: https://shpx-care.com",
            ("parcel_problem",),
        ),
        (
            "Please correct your address information so we can deliver: https://postcare-hub.net",
            ("parcel_problem",),
        ),
        (
            "Your parcel is at the local depot, please pay the necessary fees to continue delivery: "
            "https://dlv-fees.com/p",
            ("fee",),
        ),
        (
            "Immediate action needed, log in at https://secure-cu-verify.com to regain access.",
            ("threat",),
        ),
        (
            "BCA: Yth Nasabah, mulai 1 Juni tarif transaksi BCA mobile berubah dari Rp6.500/transaksi "
            "menjadi Rp150.000/bulan autodebet. Silakan baca pemberitahuan & pilih tarif anda melalui "
            "tombol di bawah. Tanpa konfirmasi dianggap setuju.",
            ("fee",),
        ),
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
        (
            "Westpac: A transfer of $1,760.00 to M RYAN has been held for review. If you do not "
            "recognise this payment please call our fraud team on 02 9155 2210 now.",
            ("callback",),
        ),
        (
            "Absa Fraud Unit: Suspicious debit orders of R2 900.00 were detected on your account. A "
            "consultant will call you shortly to reverse them.",
            ("call_announced",),
        ),
        (
            "Chase Fraud Dept: The transaction was blocked. A representative wil be contacting you "
            "shortly.",
            ("call_announced",),
        ),
        (
            "Barclays: a payment of £640.00 to K OSEI is pending. If this was not you, please call "
            "us on 020 3905 6612 quoting ref 4471.",
            ("callback",),
        ),
        (
            "Emirates Post: your shipment is on hold due to an unpaid customs fee of AED 12. Pay "
            "now: emirates-post-ae.com/pay",
            ("impersonation", "link.brand_mismatch"),
        ),
    ],
)
def test_the_pretext_is_read(
    fixed_analyzer: ScamAnalyzer, text: str, codes: tuple[str, ...]
) -> None:
    assert_flagged_with(fixed_analyzer, text, *codes)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Mum it's Jo, phone died so new number, old one's gone. Dad has it already. Not after "
        "anything, just ring me on it tonight x",
        "Hey it's Rach!! new number, old one got cut off when I moved to Spark. save this x",
        # a new number that asks for nothing does not let the classifier speak at its usual floor
        "Bro ini nomor baru gw ya. yg lama 0812 udh keblokir gara2 lewat masa tenggang, males "
        "ngurus ke GraPARI. save aja, WA ntar pindah ke sini jg",
        "hey I sent u ₱1,000 on GCash for Lola's bday gift, check the app not the SMS",
        "GoPay: Kode OTP kamu 5530. Kode ini RAHASIA, jangan kasih tau siapa pun termasuk pihak "
        "Gojek.",
        "DoorDash: Your order from Nando's is on the way. Track it: https://drd.sh/Ab3Kq9/",
        "You requested a one-time password to sign in to your account. Please enter this one-time "
        "password: 55120931",
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
        "Your Flipkart order is out for delivery. Share OTP 5521 with the Wishmaster only at the "
        "time of delivery. Track: http://fkrt.it/Ab3dE9xx",
        "Ma nanti kalo ada SMS kode dari BCA jgn dikasih ke siapa2 ya, termasuk aku. Aku lg "
        "bantuin Papa daftar BCA ID di hp barunya, kodenya masuk ke hp Papa & Papa ketik sendiri",
        "JET express: Kiriman AWB 010092841234 tiba di cabang Depok, diantar besok. Cek status di "
        "www.jetexpress.co.id",
        # a bill split in a colleague's shared sheet
        "hey all, March water bill came thru - $96 so $24 each. it's in the sheet "
        "docs.google.com/spreadsheets/d/1Qw7TzP0aB3 venmo me whenever this wk",
        # the bank's own hotline after "if you don't recognise this payment"
        "Westpac: A transfer of $1,760.00 to M RYAN has been held for review. If you don't "
        "recognise this payment, call us on 1300 651 089.",
        "Barclays: a payment of £640.00 to K OSEI is pending. If this was not you, please call "
        "us on 0345 734 5345.",
    ],
)
def test_a_notice_or_chat_that_asks_for_nothing_is_not_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    level, found = verdict_codes(fixed_analyzer, text)
    assert level is Level.NO_RED_FLAGS, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        # a code named after a full stop is not the object of an earlier verb
        "Along, dah kongsi roadtax dlm MyJPJ. Kod pengaktifan: 7PQ2X1 - aktifkan dlm 24 jam.",
        # one "mistake" is not yet a stranger's opener
        "sorry my mistake, the meeting is at 3 not 2",
    ],
)
def test_the_wider_readings_stop_short(fixed_analyzer: ScamAnalyzer, text: str) -> None:
    level, found = verdict_codes(fixed_analyzer, text)
    assert level is Level.NO_RED_FLAGS, (text, found)


def test_a_code_notice_is_not_read_as_a_secrecy_demand(fixed_analyzer: ScamAnalyzer) -> None:
    verdict = fixed_analyzer.analyse(
        Content(text="GoPay: Kode OTP kamu 5530. Jangan kasih tau siapa pun termasuk pihak Gojek.")
    )
    assert "threat" not in {s.code for s in verdict.signals}, verdict.signals


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("docs.google.com/spreadsheets/d/1Qw7TzP0aB3/edit", False),
        ("https://docs.google.com/presentation/d/1xF9kQ2LmZ8w", False),
        ("https://docs.google.com/document/d/e/2PACX-1vS36Y8R0dZPmbk/pub", True),
        ("https://docs.google.com/forms/d/e/1FAIpQLSd9/viewform", True),
    ],
)
def test_a_shared_file_is_not_a_published_page(url: str, published: bool) -> None:
    assert ("link.free_host" in link_codes(url)) is published, link_codes(url)


@pytest.mark.parametrize(
    ("text", "links"),
    [
        # a run-on sentence, not an address
        ("FNB :-) R1,250.00 paid from Cheq a/c..6612 @ Takealot. Ref.Online purchase.", []),
        ("Your code expires today.Click the app to renew", []),
        # the address behind a stray "// @" is still found
        ("Your plan expired today.Click here to renew // @shrtco.de", ["shrtco.de"]),
        # addresses all the same
        ("Settle your toll at Toll-Service.Online before Friday", ["Toll-Service.Online"]),
        ("Settle your toll at toll-service.online before Friday", ["toll-service.online"]),
        ("Pay at www.Fees.Online today", ["www.Fees.Online"]),
    ],
)
def test_a_run_on_sentence_is_not_an_address(text: str, links: list[str]) -> None:
    assert list(locate_urls(text)) == links


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


def test_online_gambling_pushed_is_still_read(fixed_analyzer: ScamAnalyzer) -> None:
    verdict = fixed_analyzer.analyse(
        Content(text="Judi online? Ayo gabung sekarang, menang jutaan tiap hari")
    )
    assert "investment" in {s.code for s in verdict.signals}, verdict.signals
