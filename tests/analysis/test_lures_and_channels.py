"""Tactics seen in 2023-2026 campaigns (fake charges with a number to ring, app-install lures,
links the sender only mentions, code hijacks in Indonesian and Malay, toll fines, openers that
turn to money) and the routine notices that look like them but send you to the organisation's
own channel."""

from __future__ import annotations

import pytest

from qila.analysis import Content, Level
from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.links import locate_urls, strip_urls
from tests.support.verdicts import FLAGGED, verdict_codes


def codes(analyzer: ScamAnalyzer, text: str) -> set[str]:
    return verdict_codes(analyzer, text)[1]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Order #A77812 confirmed: HP Envy laptop $1,089.00 charged to your card. Not you? "
            "Call +1 (818) 555-0137 to cancel.",
            "callback",
        ),
        (
            "Your McAfee plan renewal of $299.99 was processed today. To cancel and get a full "
            "refund call 1-888-555-0101.",
            "callback",
        ),
        (
            # the disowning in broken grammar ("not authorize by you"), the number a mobile
            "Rs 24,990 debited from your account for a mobile order. If it is not authorize by "
            "you please contact +91 98760 12345 immediately",
            "callback",
        ),
        (
            "Pak, ini foto paket kiriman dari J&T, silakan dibuka aplikasinya untuk lihat foto "
            "resi lalu izinkan akses ya",
            "app_lure",
        ),
        (
            "Tuan, sila buka aplikasi untuk melihat saman trafik anda yang belum dibayar",
            "app_lure",
        ),
        (
            "Kak maaf kode OTP-nya kekirim ke nomor kakak waktu aku daftar, boleh kirim ke sini?",
            "code_hijack",
        ),
        (
            "Bro sori aku tersilap taip nombor masa daftar, kod TAC masuk fon kau. Boleh bagi?",
            "code_hijack",
        ),
        (
            "Hi, I accidentally typed your number when signing up and a 6 digit code went to you, "
            "can you send it to me?",
            "code_hijack",
        ),
        ("Final notice: unpaid road toll of $6.80. Pay today to avoid a $45 late fee.", "fee"),
        (
            "Your Apple ID has been locked for security reasons. Click the link below to restore "
            "access.",
            "link.mentioned",
        ),
        (
            "Hello, is this Daniel? We met at the conference. You said you could share some tips "
            "on the crypto market?",
            "wrong_number",
        ),
        (
            "Misi hari ini selesai! Untuk menarik komisi Rp 850.000 kakak perlu selesaikan tugas "
            "deposit Rp 300.000 dulu ya",
            "task_job",
        ),
        (
            "Windows Defender: your computer has been infected and your bank details are at "
            "risk. Call Microsoft Support on +1-877-555-0110 now.",
            "threat",
        ),
        (
            "Hi, I'm buying your sofa. I already paid through Gumtree, please confirm the sale "
            "to release the payment: gumtree-secure-pay.top/c/9",
            "link.lookalike",
        ),
        (
            "Hey it's Sam, I'm stranded at the airport and my card got declined. Can you send "
            "$300 to my friend's account? I'll explain later",
            "money_request",
        ),
        (
            "Promo Ramadan: kuota gratis 25GB untuk semua operator! Klaim sekarang di "
            "https://kuota-ramadan.club/id",
            "prize",
        ),
        (
            "Notice: your power supply will be cut tonight at 9 PM as last month's bill is unpaid. "
            "Call our officer on 9123456780 now.",
            "threat",
        ),
        (
            "Metro Police Fraud Squad: your card was used in a fraud investigation. Do not contact "
            "your bank. Call DS Patel on 020 3808 1199 today.",
            "threat",
        ),
        (
            "PayPal: We've limited your account after a $420.00 payment to TechZone. If you did not "
            "authorise this, call 1-888-555-0144.",
            "callback",
        ),
        (
            "Hi! Could you help me vote for my cousin? You'll get a code by SMS, just forward it to "
            "me please",
            "otp_request",
        ),
        (
            "Info BNI: kartu magnetik tidak berlaku bulan depan. Ajukan penggantian kartu chip "
            "secara online di bni-ganti-kartu.id",
            "link.lookalike",
        ),
        (
            "Mummy it's Ella, my screen cracked so this is my number for now. Don't text the old "
            "one x",
            "new_number",
        ),
        ("Hello, is this Dr. Harris? I'd like to book a check-up for my cat", "wrong_number"),
        ("Hi Michelle, is this still your number? It's Grace from the book club", "wrong_number"),
        ("Halo, apakah ini Pak Hendra? Saya mau tanya soal rumah yang dijual", "wrong_number"),
        ("Hai, ni Kak Sofia kan? Saya nak tanya pasal kelas jahit", "wrong_number"),
        ("How are you? I'm Cecilia, are you Mr. Casper, please?", "wrong_number"),
        ("Hi! Are you the Smith that Lisa recommended to me? I am Erin.", "wrong_number"),
        (
            "Chase: A card purchase of $899.00 at Apple Store is pending. If you did NOT make it "
            "reply NO and a fraud specialist will call you shortly.",
            "call_announced",
        ),
        (
            "BofA: Zelle transfer of $1,300.00 to K. LEE flagged. Text 1 to approve or 2 to decline "
            "and speak to an agent.",
            "call_announced",
        ),
        (
            "I have the video from your webcam of you watching that site. Send $900 in bitcoin "
            "within 48 hours or all your contacts will see it.",
            "extortion",
        ),
        (
            "Salam, tolong undi anak saudara saya untuk pertandingan nasyid ya, klik dan sahkan "
            "nombor anda: https://undi-nasyid2026.com/v/12",
            "vote_lure",
        ),
        (
            "Hi, the flat on King St is still available, $1,300/mo. I'm working overseas so I "
            "can't show it, but send the $900 deposit by bank transfer and I'll post you the keys.",
            "advance_deposit",
        ),
        (
            "Morning dear, my trade on the gold contract closed +15% today again. My aunt taught "
            "me, I can guide you on the platform.",
            "investment",
        ),
        (
            "Your commission $9.60 was added to your balance. To unlock the next 40 orders please "
            "top up 120 USDT to your account.",
            "task_job",
        ),
        (
            "Tahniah! Anda layak menerima baucar RM50. Log masuk akaun bank anda di "
            "https://baucar-tunai.com untuk menebus hari ini.",
            "credentials",
        ),
        (
            "Sila isi formulir update nomor rekening untuk pencairan BSU BPJS Ketenagakerjaan: "
            "https://forms.gle/AbC123xYz",
            "link.free_host",
        ),
        (
            "Your Norton subscription renewal of $389.99 was processed today. Contact "
            "1 (707) 555-0188 if you did not authorize it.",
            "callback",
        ),
        (
            "Kelly4U shared her private pics with you. See them now: http://qwzrtk.com/Hx8Lm2Pq",
            "adult_lure",
        ),
        (
            "Drop 30 lbs in a month with this one weird trick: http://slimfast-now.info/k2",
            "miracle",
        ),
        ("WOW $100 for a 2 minute Target survey blendrocket.com/Ab3dE9", "prize"),
        (
            "Y.our bi.ll for la.st month was pa.id. Th.anks! here's our tiny pre.sent for you: "
            "qv7tz.com/Pp0aLk2",
            "prize",
        ),
        ("Survey by Home Depot: win a gift card http://cheapquiz.florist/x9", "link.risky_tld"),
        ("Your package is waiting. Tap here to track: http://zkvtrw.com/AbC12xY", "click_link"),
    ],
)
def test_modern_tactics_are_flagged_and_named(
    fixed_analyzer: ScamAnalyzer, text: str, code: str
) -> None:
    verdict = fixed_analyzer.analyse(Content(text=text))
    assert verdict.level in FLAGGED, verdict
    assert code in {s.code for s in verdict.signals}
    assert verdict.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Citi: Your card ending 4411 was used for $82.10 at SAFEWAY. If this wasn't you, call the "
        "number on the back of your card.",
        "RM0 Maybank: Kad debit anda berakhir 1207 disekat sementara kerana transaksi luar biasa. "
        "Sila hubungi nombor di belakang kad anda.",
        "HMRC: We've received your tax return. You do not need to contact us. Do not reply to "
        "this message.",
        "SingPost: Your item RR998877665SG could not be delivered. Please collect it from Bedok "
        "Central Post Office within 7 days.",
        "Starling: We've paused your card while we check a payment. Open the Starling Bank app "
        "to review it.",
        "DBS: Your OTP is 448201. If anyone asks you to share this code, hang up - it's a scam. "
        "Never share it.",
        "Cek status paket Anda di anteraja.id. Paket 10000987654321 gagal diantar, kurir akan "
        "menghubungi Anda.",
        "Dropbox: New sign-in from a Mac in Leeds. If this wasn't you, secure your account at "
        "dropbox.com/account/security.",
        "Pak Agus, sewa bulan ini Rp2.000.000 sudah saya transfer ke rekening BCA Bapak ya.",
        "Westpac: $820.00 paid to R JONES PLUMBING. If you didn't make this payment, call us on "
        "0800 400 600.",
        "Kmart: Your refund of $59.00 has been processed and returned to your original payment "
        "method.",
        "Digi: Bayaran auto-debit anda tidak berjaya. Sila kemas kini butiran kad dalam aplikasi "
        "MyDigi.",
        "Telstra: Hi Sam, your bill of $74.00 is ready and due 3 Aug. View and pay at tel.st/x8Pq2",
        "An Post: Customs charges of EUR 9.80 are due on your parcel. Pay in the An Post app or at "
        "your local post office.",
        "Purolator: We missed you today. Your parcel is being held at the Purolator Shipping "
        "Centre on King St for 5 business days.",
        "Patungan kado ulang tahun Rina Rp50.000 per orang ya, transfer ke BCA 1234567890 a.n. "
        "Dewi. Makasih!",
        "Public Bank: Transaksi kad RM980.00 di IKEA pada 02/08. Jika bukan anda, hubungi "
        "03-2177 3555 dengan segera.",
        "Uber: Your refund of $8.20 has been processed. It may take 3-5 business days to appear "
        "on your statement.",
        "Salam, sewa bulan ini RM900 boleh bank in ke Maybank 1142 0567 8812 macam biasa. Terima "
        "kasih.",
        "Canva: Your password was just changed. If this wasn't you, reset it at "
        "canva.com/password-reset.",
        "KBank: Transfer out THB 1,200.00 from A/C x-5521 on 12/05 09:10. Balance THB 8,400.50. "
        "Not you? Call K-Contact Center 02-8888888.",
        "Pelunasan sewa tenda Rp 1.800.000 bisa ke BNI 0987654321 a.n. Suyono. Terima kasih Bu.",
        "Hey Wendy, are you free tomorrow morning?",
        "Are you home? Is this your number or your sister's?",
        "Sat, right? Okay thanks, see you there",
        "Met Police: Thanks for reporting the theft. An officer may contact you about your case.",
        "Kurir akan menghubungi Anda sebelum tiba. Paket JNE 00123 sedang dalam pengantaran.",
        "Yuran PIBG RM50 boleh dijelaskan secara tunai kepada guru kelas. Terima kasih.",
        "Boots: £5.00 of your Advantage Card points expire on 30 Sep. Use them in store or at "
        "boots.com.",
        "Ta for dinner! Your half is £23, here's my link: monzo.me/samt/23",
        "Revolut: We've frozen your card ending 3301 as a precaution. Check the Revolut app to "
        "unfreeze it or order a new one.",
        "RM0 Pos Malaysia: Bungkusan ER555444333MY gagal dihantar. Sila ambil di Pos Laju "
        "Bangsar dalam tempoh 7 hari bersama MyKad.",
        "Dear UPI user A/C X5521 debited by 450.0 on 03Jun trf to ZOMATO Refno 512233. If not u? "
        "call 1800111109. -SBI",
        "Arisan bulan ini Rp150.000 ya Bu, transfer ke BCA 1234567890 a.n. Rina. Terima kasih.",
        "HSBC: Your payment of $20.00 to T Smith was made. If it was not done by you, call us on "
        "1-800-432-1000.",
        "Should I send you the holiday pics? Uploaded them last night",
        "i got the perfect christmas gift for you! tee hee",
        "Ok.i will call u later, going home.now",
    ],
)
def test_routine_notices_and_reports_are_not_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    verdict = fixed_analyzer.analyse(Content(text=text))
    assert verdict.level is Level.NO_RED_FLAGS, verdict


@pytest.mark.parametrize(
    "text",
    [
        "UPI debit:Rs.10.00,A/c X4258,\n20-02-26 18:35:28\nRRN:641794759154.\n"
        "Bal:Rs.264209.71 Block A/c?\nCall18004251809-South Indian Bank",
        "A/c XX9921 credit:INR 2,500.00 on 12-06 by NEFT. Avl Bal:INR 10,412.50 -Canara Bank",
    ],
)
def test_terse_bank_alerts_read_as_transaction_alerts(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    verdict = fixed_analyzer.analyse(Content(text=text))
    assert verdict.level is Level.NO_RED_FLAGS
    assert "transaction_alert" in {s.code for s in verdict.signals}


@pytest.mark.parametrize(
    ("text", "reassurance"),
    [
        # typographic apostrophe, as phones type it
        (
            "Your Airtasker verification code is: 4417. Don\u2019t share this code with anyone; "
            "our employees will never ask for the code",
            "otp_notice",
        ),
        # a site under a government-only ending, on no list
        (
            "City of Cape Town: Your municipal account 401234567 is in arrears (R2,145.90). Pay by "
            "25 March to avoid restriction of your electricity supply. Pay online: "
            "eservices.capetown.gov.za",
            "link.official",
        ),
        (
            "Grab: Your GrabFood order from Tian Tian Chicken Rice has been picked up by Rahman "
            "(SMB 4521K). Arriving in about 15 mins. Track in the app or at grab.com/sg",
            "link.official",
        ),
        (
            "GoPay: Kamu terima Rp150.000 dari BUDI SANTOSO. Saldo GoPay kamu sekarang Rp312.500.",
            "transaction_alert",
        ),
        (
            "ANZ: Did you attempt a $389.00 transaction at JB HI-FI ONLINE on 14/05? Reply Y if yes "
            "or N if no.",
            "transaction_alert",
        ),
        (
            "Kredivo: Tagihan cicilan Anda Rp 875.000 jatuh tempo besok 05/07.",
            "transaction_alert",
        ),
        (
            "Can you send me $40 for the gift for Mr Henderson? Splitting it 6 ways.",
            "everyday_payment",
        ),
        (
            "Amt Deducted! Rs.4120 from your ICICI Bank A/c XX2231 for Money Transfer via iMobile. "
            "Not you?Call 18001080/SMS BLOCK OB to 9215676766",
            "transaction_alert",
        ),
        (
            "Debit Rs.2,000.00 from A/C XX1198 at ATM EN1122 on 02/03/26 10:05. Not you? Call "
            "180010888/SMS BLOCK (last 4 digit of card) to 5676732. IDFC FIRST Bank",
            "transaction_alert",
        ),
        (
            # a payment announced with a government's own site keeps that site
            "Ministry of Finance: You will receive $200 Cost-of-Living Payment via PayNow-NRIC by 31 "
            "Dec 2026. Find out more at govbenefits.gov.sg",
            "link.official",
        ),
        # Indonesian card and debit alerts
        (
            "Notifikasi BRI: Transaksi debet Rp1.450.000 dr rek 0123-01-****45-50-1 ke BCA a.n. "
            "ANDI S*** berhasil 02/06/2026 10:11 WIB. Bukan transaksi Anda? Hub Contact BRI 1500017.",
            "transaction_alert",
        ),
        (
            "Anda telah trx dgn KK OCBC 4411 02/06/26 di TOKOPEDIA Jakarta IDR250,000.00. Cicilan "
            "bunga ringan s.d 24bln di ocbc.id/ocbcmobile. S&K. Info:1500999",
            "transaction_alert",
        ),
        # an operator's and a post office's own addresses
        (
            "Penyesuaian periode pembayaran Halo berhasil. Untuk kembali ke pengaturan "
            "sebelumnya, hubungi 188. Info https://tsel.id/movebc",
            "link.official",
        ),
        (
            "Emirates Post: Your item RB482910335CN has arrived in UAE and customs charges of AED "
            "46.50 apply. Pay online at emiratespost.ae using your tracking number or at any "
            "Emirates Post branch.",
            "link.official",
        ),
    ],
)
def test_notices_keep_their_reassurance(
    fixed_analyzer: ScamAnalyzer, text: str, reassurance: str
) -> None:
    verdict = fixed_analyzer.analyse(Content(text=text))
    assert verdict.level is Level.NO_RED_FLAGS, verdict
    assert any(s.code == reassurance and s.weight < 0 for s in verdict.signals), verdict.signals


def test_a_link_to_an_unknown_site_lowers_the_classifiers_bar(fixed_analyzer: ScamAnalyzer) -> None:
    # The classifier is 0.67 sure of this text: below the bar for a message with no finding,
    # above the one for a message whose only finding is a link to a site Qila does not know.
    pitch = "Natalie (20/F) is inviting you to be her friend. Reply YES-165 or NO-165."
    linked = fixed_analyzer.analyse(
        Content(text=pitch + " See her: www.friendzy-chat.com/u/natalie")
    )
    assert linked.level is Level.SUSPICIOUS
    assert {s.code for s in linked.signals} == {"model", "link.unknown_domain"}
    assert fixed_analyzer.analyse(Content(text=pitch)).level is Level.NO_RED_FLAGS


def test_a_upi_payee_is_not_a_platform_the_alert_speaks_for(fixed_analyzer: ScamAnalyzer) -> None:
    # "swiggy@icici" is who was paid; read as Swiggy naming itself, the bank's own "Not you?
    # Call 1800..." looked like a platform sending a number to ring.
    level, found = verdict_codes(
        fixed_analyzer,
        "Rs.1,250.00 debited from A/c XX4471 on 12-03-24 to VPA swiggy@icici (UPI Ref No "
        "407212345678). Not you? Call 18002586161 - HDFC Bank",
    )
    assert level is Level.NO_RED_FLAGS
    assert "callback" not in found


def test_a_code_for_a_password_reset_is_not_a_password_request(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    level, found = verdict_codes(
        fixed_analyzer,
        "Xero security code: 194738. Enter this code to complete your password reset. This code "
        "expires in 5 minutes.",
    )
    assert level is Level.NO_RED_FLAGS
    assert "credentials" not in found
    level, found = verdict_codes(
        fixed_analyzer, "Enter your password at secure-login.com to keep your account"
    )
    assert "credentials" in found


def test_official_channel_is_said_back(fixed_analyzer: ScamAnalyzer) -> None:
    verdict = fixed_analyzer.analyse(
        Content(
            text="Barclays: We've temporarily blocked your card after an unusual payment. Please "
            "call the number on the back of your card."
        )
    )
    assert verdict.level is Level.NO_RED_FLAGS
    assert any("own channel" in r for r in verdict.reasons)


def test_a_hotline_number_is_not_a_callback_but_a_shop_order_is(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    bank = "OCBC: A card payment of SGD 95.00 was made. If unauthorised, call 1800 363 3333."
    shop = "Order #77120: Sony headphones $349.00 charged. Not you? Call 1-800-555-0199."
    assert "callback" not in codes(fixed_analyzer, bank)
    assert "callback" in codes(fixed_analyzer, shop)


@pytest.mark.parametrize(
    "text",
    [
        # the shop named as the merchant of a fake charge with a number to ring
        "Apple Pay: a purchase of $699.00 at bestbuy.com was approved. If you did not make this "
        "purchase call +1 (702) 555-0144 within 24 hours.",
        # a brand's address in a prize message
        "Congratulations! You are the lucky winner of a Rs 25,00,000 prize from PAYTM.COM. Call "
        "9876543210 to claim.",
    ],
)
def test_a_brand_address_is_a_name_drop_in_an_offer_or_a_callback(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    verdict = fixed_analyzer.analyse(Content(text=text))
    assert verdict.level in FLAGGED
    assert "link.official" not in {s.code for s in verdict.signals}


def test_a_brand_address_next_to_a_strange_link_does_not_silence_the_classifier(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    # The tax office's site is only named; the link to open is shortened. The verdict already
    # ignored the name-drop, and so must the classifier's "routine notice" hold-back.
    text = (
        "Revenue.ie: We are glad to inform you that your tax return is ready to be claimed. "
        "Claim now rb.gy/k2x9qp"
    )
    verdict = fixed_analyzer.analyse(Content(text=text))
    assert verdict.level in FLAGGED
    found = {s.code for s in verdict.signals}
    assert "model" in found
    assert "link.official" not in found
    # the same notice with the office's own link only is still a routine one
    own = fixed_analyzer.analyse(Content(text=text.replace("rb.gy/k2x9qp", "www.revenue.ie")))
    assert own.level is Level.NO_RED_FLAGS


def test_another_organisations_site_does_not_make_a_bank_threat_routine(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    # The regulator's site under a bank's lock-out threat is decoration: the classifier still
    # has its say. A bank's alert naming the merchant's site stays a routine alert.
    threat = (
        "Dear HSBC customer your account has been blocked due to pending KYC update. Contact "
        "customer care within 24 hours to continue your service. "
        "https://www.rbi.org.in/Scripts/NotificationUser.aspx"
    )
    verdict = fixed_analyzer.analyse(Content(text=threat))
    assert verdict.level is Level.LIKELY_SCAM
    assert "model" in {s.code for s in verdict.signals}
    alert = (
        "Chase: Was your card ending 1122 used for $89.99 at WALMART.COM on 3/2? Reply YES or NO."
    )
    assert fixed_analyzer.analyse(Content(text=alert)).level is Level.NO_RED_FLAGS


def test_random_codes_on_unknown_sites_hide_the_destination(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    found = codes(fixed_analyzer, "a little gift for you: summerbreezeoutlet.com/5hTSjydwTh")
    assert "link.short_code" in found
    assert "prize" in found


def test_organisations_own_bare_domains_are_links() -> None:
    assert locate_urls("cek status di anteraja.id.") == {"anteraja.id": 14}
    assert locate_urls("pay at royalmail.com/fee-to-pay today") == {"royalmail.com/fee-to-pay": 7}
    # the general pattern keeps a longer address whole: the brand is not its destination
    assert list(locate_urls("go to evil.paypal.com.verify.ru/x")) == ["evil.paypal.com.verify.ru/x"]
    assert "anteraja" not in strip_urls("cek status di anteraja.id.")


def test_a_landline_to_a_named_officer_is_a_callback(fixed_analyzer: ScamAnalyzer) -> None:
    text = (
        "Makluman: akaun anda dikesan terlibat dalam transaksi mencurigakan. Jika bukan anda, "
        "hubungi pegawai kami di 03-8911 2408."
    )
    assert "callback" in codes(fixed_analyzer, text)
