"""Further phrasings of pretexts Qila already knows: a block or hold "placed on your account",
a courier who "couldnt make the delivery" (no apostrophe), "you were over charged", open sexual
lures, gift cards to "order", a "temporary number", "to avoid termination", a misspelt
"Congradulations"; a stranger who sends you a code and wants "the 6 digits" back, "a new mobile
and number", Malay "tolong masukkan RM...", a recording "sent to all your contacts", an
"abnormal" account, an "accidentally overcharged" bill, a job that must be paid for first, an
arrest "settled" for money, a visa "under investigation", money "sent by mistake" that must go
back, gift cards to "help" a lover, an Indonesian recruiter's side job; a code "sent by mistake"
on another app, "read me the code", "reply the OTP", a quoted code name, a small fee for an
"address update", a fine "of $96" unpaid and a licence suspension, intraday tips "with 100%
accuracy", a recording posted "to all your followers" (en/id), a disowned payment in Malay
("tidak membuat"), a stranger who "saw your number" in a group or has it "saved in my contacts";
a hired killer, a screenshot of the code, a name "on the list" of a giveaway, "sorry for the wrong
message ... it's fate", a soldier's "leave fee", a seized parcel and an "investigating officer", a
fake credit to "reverse", a wallet transfer "tersalah", a hospital deposit, a "recruitment
company" whose work "is very simple", platform profits "this month", "this is my work number";
an address that "does not match the zip code", a prepaid meter "blocked", an Indonesian "tugas
optimasi" with a Telegram group, a wallet credit to "reverse", a hospital deposit "transfer $2,000
deposit to", a "safe account", an OTP "nyasar" wanted back; a code "sent to you by mistake",
deportation, "illegal items" and a "Cyber Crime Cell", an investigation "against you", "if you
don't want these posted", Malay reward points that "luput", "recommended by several online
recruiters", a new "tarif transaksi", "send $2,000 for the surgery", "wrong number, send it
back", money that "can be credited" to your account once you check a link, pay "Per-day", "in
half an hour" or "hourly working from home", a health service's "close contact ... order a test
kit" or "register for your Covid pass" next to a strange link - each with the ordinary messages
that share its words."""

from __future__ import annotations

import pytest

from qila.analysis import Level
from qila.analysis.analyzer import ScamAnalyzer
from tests.support.verdicts import assert_flagged_with, verdict_codes


# Each case with the codes it must show; where there is a strange link, the pretext is what
# makes it count ("click_link").
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "We have placed a temporary block on your account for your security. Log in to lift "
            "it: acct-review-centre.com/login",
            ("threat", "click_link"),
        ),
        (
            "Our courier couldnt make the delivery of your parcel today, please enter your "
            "address again at parcel-redeliver.info/x7",
            ("parcel_problem", "click_link"),
        ),
        (
            "It looks like you were over charged on your car insurance this year. Claim what you "
            "are owed at kzrp7h.com/ref",
            ("refund", "click_link"),
        ),
        (
            "Hey handsome, bored at home and looking for casual sex tonight. Message me here: "
            "bit.ly/4kR2mXz",
            ("adult_lure", "click_link"),
        ),
        (
            "Hey, I'm in a meeting and can't talk. I need you to order 3 Apple gift cards for a "
            "client right away, I'll pay you back.",
            ("gift_card",),
        ),
        (
            "Hi it's me, this is my temporary number for now. Can you send me 300 for a bill "
            "today? I'll pay you back tomorrow",
            ("new_number",),
        ),
        (
            "Your mobile service details are out of date. To avoid termination, update them now "
            "at mobile-info-update.com",
            ("threat",),
        ),
        ("Congradulations you have recieved a 12000 grant. Contact 0349 4066072", ("prize",)),
        (
            "Hi, I'm the buyer for your bike. Before I drive over I need to know you're real, "
            "I'm sending you a code now, just text me the 6 digits",
            ("otp_request",),
        ),
        (
            "Hello mum, I got a new mobile and number. Could you send me 200 for my rent today?",
            ("new_number", "money_request"),
        ),
        (
            "Hi Mum, I've changed my number. Can you send me 150 for the train today?",
            ("new_number",),
        ),
        (
            "Assalamualaikum mak, ni nombor baru kakak. Tolong masukkan RM200 dulu boleh?",
            ("new_number", "money_request"),
        ),
        (
            "I hacked your phone and recorded you through your webcam. Pay $900 in bitcoin by "
            "tomorrow or the video goes to all your contacts.",
            ("extortion",),
        ),
        (
            "Alert: your account is abnormal. Reply 1 to get the secure link and restore it.",
            ("threat",),
        ),
        (
            "We accidentally overcharged your account last month. Claim your compensation at "
            "vdc-refunds.co/claim",
            ("refund", "click_link"),
        ),
        (
            "Good news, your CV was selected for a remote data entry role. To start, pay $50 "
            "registration to our HR agent.",
            ("task_job",),
        ),
        (
            "Selamat siang Pak, anak Bapak tertangkap polisi. Kalau mau damai siapkan 20 juta "
            "sekarang, jangan telpon siapa-siapa.",
            ("threat",),
        ),
        (
            "This is the Immigration Office. Your visa is under investigation. Call Officer Lim "
            "on +65 8234 1122 today.",
            ("threat",),
        ),
        (
            "Hi sorry, I accidentally sent you $300 on Cash App, it was meant for my landlord. "
            "Can you send it back please?",
            ("money_request",),
        ),
        (
            "Maaf mas, saya salah transfer Rp750.000 ke rekening mas. Tolong dikembalikan ke "
            "nomor 0813 2222 1111 ya",
            ("money_request",),
        ),
        (
            "Baby I miss you so much. The agent says I need $300 more for my flight, can you "
            "help me with Google Play gift cards?",
            ("gift_card",),
        ),
        (
            "Halo, saya Rina, rekruter dari PT Sinar Digital. Kami membuka pekerjaan sampingan "
            "yang bisa dikerjakan dari HP.",
            ("task_job",),
        ),
        (
            "Hello, sorry, I sent you a Telegram 6-digit code by mistake, can you forward it to "
            "me?",
            ("code_hijack",),
        ),
        (
            "hi its the courier, cant find ur house. can u read me the code I just texted you",
            ("otp_request",),
        ),
        (
            "This is ABC bank fraud team. We blocked a suspicious transaction. To cancel it "
            "please reply the 6-digit OTP we sent. Do not share to others.",
            ("otp_request",),
        ),
        (
            "Vodafone: upgrade to eSIM now. Send the 'Activate' code you receive to our agent "
            "and your eSIM will be ready.",
            ("otp_request",),
        ),
        (
            "Hi sir I am delivery boy, your address is not clear. I am sending link pls pay Rs 5 "
            "for address update then I deliver",
            ("fee", "click_link"),
        ),
        (
            "Transport Dept: A fine of $96 is unpaid for a speeding offence. Pay within 48 hours "
            "to avoid licence suspension.",
            ("fee", "threat"),
        ),
        (
            "Expert intraday tips with 100% accuracy, join our free premium group t.me/+abcd",
            ("investment",),
        ),
        (
            "Remember our video call? I recorded it. Pay $500 or I post it to all your followers.",
            ("extortion",),
        ),
        (
            "Video call kamu sudah aku rekam. Transfer 3 juta atau aku sebarkan ke semua temanmu.",
            ("extortion",),
        ),
        (
            "Maybank: Transaksi RM2,100.00 ke akaun baru sedang diproses. Jika anda tidak membuat "
            "transaksi ini, sila hubungi 012-345 6789.",
            ("callback",),
        ),
        (
            "Hai, saya Siti. Nampak nombor awak dalam group kereta, boleh kita berkawan?",
            ("romance",),
        ),
        (
            "Hi, your number is saved in my contacts, can you remind me where we met?",
            ("romance",),
        ),
        ("I have been paid to kill you. Tell the police and you are dead.", ("extortion",)),
        (
            "Ok, if you prefer, take a screenshot of the code and text it to me.",
            ("otp_request",),
        ),
        (
            "GOVT EMPOWERMENT: The government is giving N150,000 to every citizen. Check if your "
            "name is on the list: wa.me/2348012345678",
            ("refund", "click_link"),
        ),
        (
            "Sorry for the wrong message, but it's fate maybe? I'm Lucy. May I know your name?",
            ("romance",),
        ),
        (
            "My love, the army says my leave fee is $2,000. Please send it by Western Union so I "
            "can come home to you",
            ("fee",),
        ),
        (
            "Customs notice: a package in your name was seized at the airport. Call the "
            "investigating officer on 03-5566 7788 or your case will be sent to police.",
            ("threat",),
        ),
        (
            "Confirmed. You have received KES 3,200.00 from JANE WANJIRU. Please reverse it, it "
            "was sent by mistake.",
            ("money_request",),
        ),
        (
            "Salam kak, saya tersalah DuitNow RM250 ke akaun akak. Boleh tolong pulangkan?",
            ("money_request",),
        ),
        (
            "This is St Mary's ward 3: your father was admitted after a fall. We need a deposit "
            "for the surgery, call Dr Lee on 0412 555 111 now.",
            ("money_request",),
        ),
        (
            "We are an online recruitment company, the work is very simple and you can do it at "
            "home.",
            ("task_job",),
        ),
        (
            "My uncle showed me a gold trading platform where I made $25,000 this month. I want "
            "the same for you.",
            ("investment",),
        ),
        (
            "Dad it's Sam, this is my work number, the other one got smashed. Can you shout me "
            "$300 to this account?",
            ("new_number",),
        ),
        (
            "USPS: Your address does not match the zip code, we cannot deliver your package. "
            "Please update it.",
            ("parcel_problem",),
        ),
        (
            "Eskom: Your prepaid meter will be blocked due to arrears. Call 071 883 2201 to buy a "
            "new token.",
            ("threat",),
        ),
        (
            "Halo kak, ada tugas optimasi produk, komisi 10%. Saya kirim link grup Telegram ya",
            ("task_job", "move_app"),
        ),
        (
            "Hello, I sent KSh 2,000 to your M-Pesa by mistake. Please reverse it to 0722 111 222",
            ("money_request",),
        ),
        (
            "Mrs Tan, your son had an accident and is at the General Hospital. Transfer $2,000 "
            "deposit to the doctor's PayNow now",
            ("money_request",),
        ),
        (
            "This is your bank's security team. Your account is compromised, we will help you "
            "move your funds into a safe account.",
            ("threat",),
        ),
        ("Kak, kode OTP nyasar ke nomor kakak, tolong kirim ke saya ya", ("code_hijack",)),
        (
            "Your Telegram code is 551-203. Sorry I sent it to you by mistake, can you forward it "
            "to me pls",
            ("code_hijack",),
        ),
        (
            "Home Affairs: your visa has irregularities and you may face deportation. Call our "
            "office on +61 2 8000 1111.",
            ("threat",),
        ),
        (
            "Your DHL parcel contains illegal items. Press 1 to speak to the Cyber Crime Cell.",
            ("threat",),
        ),
        (
            "This is to notify you of an investigation being finalized against you. Call us back "
            "today.",
            ("threat",),
        ),
        (
            "If you don't want these posted online, pay $250 to my CashApp tonight",
            ("extortion",),
        ),
        (
            "Mata ganjaran anda sebanyak 5,000 akan luput esok. Tebus hadiah sekarang.",
            ("prize",),
        ),
        (
            "Hi, I'm Lisa from Adecco. Your resume was recommended by several online recruiters, "
            "are you interested in a remote position?",
            ("task_job",),
        ),
        (
            "BRI: tarif transaksi berubah jadi Rp150.000/bulan. Jika tidak setuju isi formulir",
            ("fee",),
        ),
        (
            "Your son was in an accident and is in ER. Please send $2,000 for the surgery now",
            ("money_request",),
        ),
        (
            "GCash: You received PHP 1,000. Sorry wrong number, pls send it back to 0917 123 4567",
            ("money_request",),
        ),
        (
            "Your A/C XXXXXXXX6596 can be credited with Rs.585000. Check now q2r-in.com/QZZKKPMYPNL",
            ("windfall", "click_link"),
        ),
        (
            "Your A/C XXXX8734 will be credited with Rs.1 Crore after confirmation bit.ly/341QDGE",
            ("windfall", "click_link"),
        ),
        (
            "We are hiring promoters. Work at home and easily earn 300 Per-day. 100% safe, no "
            "risk, contact us if interested",
            ("task_job",),
        ),
        (
            "Online guidance by a professional: you can earn 200 in half an hour. Monthly income "
            "is 3000-14,400",
            ("task_job",),
        ),
        (
            "Are you interested in a $20 hourly working from home job? No experience needed",
            ("task_job",),
        ),
        (
            "You have been in close contact with someone who tested positive. Please order a free "
            "PCR test kit at pcr-kits-home.com",
            ("health_alert", "click_link"),
        ),
        (
            "Tracing: you were near someone with the new variant. Book a home test kit today via "
            "uk-swabkit-order.com/book",
            ("health_alert", "click_link"),
        ),
        (
            "Health Ministry: the digital vaccination pass is now mandatory, apply here "
            "vax-pass-apply.net/form",
            ("health_alert", "click_link"),
        ),
        (
            "You need to register for your Covid pass, visit covidpass-register.org",
            ("health_alert", "click_link"),
        ),
    ],
)
def test_the_tactic_is_read_in_other_words(
    fixed_analyzer: ScamAnalyzer, text: str, codes: tuple[str, ...]
) -> None:
    assert_flagged_with(fixed_analyzer, text, *codes)


@pytest.mark.parametrize(
    "text",
    [
        "I ordered the gift card for mum's birthday already",
        "congrats you passed the exam!!",
        "Congratulations on your new job, so proud of you!",
        "I was overcharged at the restaurant lol, never going back",
        "Barclays: as you asked, we've placed a temporary block on your card. Unblock it any "
        "time in the Barclays app.",
        "Sorry we couldn't make the delivery today, we will try again tomorrow between 9 and 12.",
        "did you see that documentary about sex ed in schools? wild",
        "The school portal sent a verification code to your phone, can you text me the 6 digits?",
        "I've updated my number in the school app, use that one for pickups",
        "The job fair is on Saturday, remember to pay the registration at the door",
        "My complaint about the noisy neighbours is under investigation by the council",
        "Your account is now active. Welcome to Maxis!",
        "Sorry I sent the photo to you by mistake, please ignore it",
        "Saya sudah transfer balik duit yang salah masuk semalam ya",
        "Please read me the recipe when you get home",
        "I'll send the 'Welcome' pack tomorrow",
        "Beware of anyone asking you to pay a fine by text; we will send a letter.",
        "If you like the photos, post them to the family group",
        "I won't be home until late, the $20 for pizza is on the table",
        "Mum was admitted to hospital last night, visiting hours are 2-4pm",
        "The recruitment company called, the interview is on Monday",
        "I made $500 this month selling cupcakes at the market!",
        "Tadi ada SMS kode OTP masuk ke HP ibu, itu kode apa ya? Ibu nggak minta apa-apa",
        "SAAQ: Your vehicle registration for plate F23 KLM expires on 31 Mar. Renew online to avoid "
        "fines.",
        "Rs 2,000 has been credited to your a/c XX1234 on 12-Jan. Avl bal Rs 10,200 - SBI",
        "Your refund will be credited to your card within 5-7 working days.",
        "I'm working from home today, I earn less but it's easier with the kids",
        "NHS: You can order free rapid lateral flow test kits at "
        "www.gov.uk/order-coronavirus-rapid-lateral-flow-tests",
        "I was in close contact with someone who tested positive so I'm staying home this week",
        "can you get a test kit from the pharmacy on your way back?",
        "Your Covid vaccination certificate is ready. Download it at nhs.uk/nhsapp",
    ],
)
def test_the_same_words_without_a_strange_link_are_not_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    level, _ = verdict_codes(fixed_analyzer, text)
    assert level is Level.NO_RED_FLAGS, text


@pytest.mark.parametrize(
    "text",
    [
        "Dart Charge: Your account balance is £3.20 and won't cover your next crossing. Top up "
        "in the app.",
        "Your payment of $45.00 won't go through until you update your card in the app.",
    ],
)
def test_wont_is_not_won(fixed_analyzer: ScamAnalyzer, text: str) -> None:
    _, found = verdict_codes(fixed_analyzer, text)
    assert "prize" not in found
