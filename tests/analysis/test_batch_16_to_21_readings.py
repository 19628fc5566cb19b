"""Readings added for the sixteenth to twenty-first independent batches, the three gateway
samples, both collections of parsers' notices and the 2016 reports to Telkomsel.

A sentence is read whole even when an amount or "Rs." puts a dot inside it ("Pay GST Rs.4,200
to get amount credited"); further phrasings of known pretexts, from the sixteenth to the
eighteenth independent batches and the gateway samples (a code sent "by error", "pulangan harian
5%-10%", "isi IC", online banking "has been restricted", "schedule a redelivery", "memilih tarif
lama", "harus ditebus", "our bank details have changed", a fee asked after the goal, photos spread
"ke semua kontak", ...); and messages that only look like requests or threats: a transfer reported
done ("... berhasil", "sdh masuk"), a denied request ("aku ga bakal minta pulsa", "tdk pernah
minta"), a relative's new number that asks for nothing, a code kept from everyone, a branch or a
post-office channel, a driver's "cancellation fee", a brand's own short address.

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

from qila.analysis import Level
from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.links import locate_urls
from tests.support.verdicts import assert_flagged_with, link_codes, verdict_codes


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
        # Indonesia's premium-rate lines (0809...), in the 2016 reports to Telkomsel's 1166
        ("LAGI SENDIRI? AKU TEMENIN NGOBROL SAMPE PAGI, TLP AQ YA DI 08091234771", "premium_rate"),
        (
            "SLMT NO ANDA MNDPT HADIAH 60JTA DRI PT TELKOMSEL INFO KLIK WWW.TELKOMSEL.COM/HADIAH",
            "prize",
        ),
        ("POKER ONLINE TERPERCAYA! JACKPOT RATUSAN JUTA, DEPOSIT 20RB, DAFTAR SKRG", "investment"),
        # online gambling pushed, not warned against
        ("Judi online? Ayo gabung sekarang, menang jutaan tiap hari", "investment"),
    ],
)
def test_the_tactic_is_found(fixed_analyzer: ScamAnalyzer, text: str, code: str) -> None:
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
        (
            # a code notice's "don't tell anyone" is about the code, not a secrecy demand
            "GoPay: Kode OTP kamu 5530. Jangan kasih tau siapa pun termasuk pihak Gojek.",
            "threat",
        ),
    ],
)
def test_the_words_are_not_read_as_that_tactic(
    fixed_analyzer: ScamAnalyzer, text: str, code: str
) -> None:
    _, found = verdict_codes(fixed_analyzer, text)
    assert code not in found, (text, found)


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
