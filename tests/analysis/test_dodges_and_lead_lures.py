"""Filter dodges (digits for letters, words chained by hyphens, dots inside words) and the lures
of US lead-generation smishing (overcharge refunds, settlements, business loans, debt relief,
car wraps, art projects, dating invitations), with the ordinary messages that share their
words."""

from __future__ import annotations

import pytest

from qila.analysis import Content
from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.links import check_url
from tests.support.verdicts import FLAGGED, assert_flagged_with, verdict_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # digits for letters, hyphen chains, a missing space after a full stop
        ("Y0UR 4CC0UNT H4S B33N SUSP3NDED. Restore it: acct-restore.top/k2", "threat"),
        ("Your-Netflix-subscription-is-on-hold, renew-your-billing-now: nf-renew.top/x", "threat"),
        ("Your amazon account has been suspended.more info amzn-help.top/q8", "threat"),
        # lead-generation lures
        (
            "Our records show you may have been overcharged on your car insurance. See your "
            "refund: refundcheck-auto.com/r7",
            "refund",
        ),
        (
            "Your class action settlement payment of $1,240 is ready. Claim it at "
            "settle-pay.info/c",
            "refund",
        ),
        (
            "Hi, I can get your company approved for business financing of $150k today at "
            "great rates. Call me back on 1-888-555-0142",
            "loan",
        ),
        ("We can help eliminate up to 90% of your current debt. Call 1-877-555-0110", "loan"),
        (
            "You are invited to join our Bitcoin analysis group on WhatsApp for daily signals",
            "investment",
        ),
        (
            "Get paid $600 weekly to put our energy drink logo on your car. Apply: "
            "wrapdeal.info/apply",
            "task_job",
        ),
        (
            "You can earn extra cash working 2 hours a day from home, chat me on wa.me/60123456789",
            "task_job",
        ),
        (
            "I'd love to use one of your photos for my art project, you'll be paid for it. "
            "Reply with your email",
            "task_job",
        ),
        ("Your phone has been compromised! Remove the viruses now: cleanphone.click/x", "threat"),
        (
            "Congrats on taking the 2nd spot in our monthly draw! Check what you won: "
            "drawwin.site/p",
            "prize",
        ),
        (
            "Your package cannot be sent because of incorrect address information. Update it "
            "at re-deliv.top/a",
            "parcel_problem",
        ),
        ("You have a new voice message from your doctor: vmail-box.net/m/Xk2", "account_alert"),
        (
            "your mobile number has won a car in the annual award draw, send your name to claim",
            "prize",
        ),
        (
            "Some of your photos were flagged as inappropriate. Appeal within 24 hours: "
            "page-appeal-center.com/x",
            "account_alert",
        ),
        (
            "You are entitled to a bonus on your tax return. Start here: taxbonus-claim.info/f",
            "refund",
        ),
        (
            "A charge of $472.20 on your card is on hold. Not you? Tap safe-verify01.com/ss to "
            '"DENY"',
            "account_alert",
        ),
        ("A payment of $200 was made. Visit https://www.bank.com@bit.ly/3T1lhlE", "link.at_sign"),
        # a stranger's invitation next to a link
        (
            "Hi, Carla here. Want to meet for drinks tonight? Text me: http://qzvbnt.com/Ab3dE",
            "date_invite",
        ),
        (
            "You got a text from Hot_Anna91. Tap to open your inbox: http://wkrtzp.com/Pq7Rs",
            "date_invite",
        ),
        # masked or broken links are links all the same
        ("E-TOLL: your toll trip on 28/08 was not charged. Check details via http://XXXX", "fee"),
        (
            "Your parcel will not ship from the distribution centre. Track it: http://XXXX",
            "link.mentioned",
        ),
        (
            "Best_Buy has selected you as tonights winner, collect your T_V at bstbuy-win.com/x",
            "prize",
        ),
        (
            "Join our team, you can get 3,000/day working from your phone: wa.me/60123456789",
            "task_job",
        ),
        (
            "[Card Alerts] Did you attempt a charge of $88.40 at BESTBUY today? Cancel the "
            "request here: cardalerts-center.com",
            "account_alert",
        ),
        # a stranger who names herself and claims to know you
        ("Hi Marcus, I'm Celine. Do you remember me? We met at the gallery opening", "romance"),
        ("Priya, long time no see, it's Vanessa, how have you been?", "romance"),
        # brands whose look-alikes are common in North American smishing
        ("AMEX card alert: review the activity at americanexpress-alerts.com", "link.lookalike"),
        ("Scotiabank: your access is limited, sign in at scotiabank-secure.net", "link.lookalike"),
    ],
)
def test_dodged_and_lead_lures_are_flagged_and_named(
    fixed_analyzer: ScamAnalyzer, text: str, code: str
) -> None:
    assert_flagged_with(fixed_analyzer, text, code)


@pytest.mark.parametrize(
    "text",
    [
        "Want to meet for coffee on Saturday? The new place on 5th street opens at 9",
        "Any plans tonight? We could watch the match at mine",
        "Meeting moved to 3pm.more details in the calendar invite",
        "Sorry we missed you today. Your parcel is at the depot, rebook delivery in the app",
        "Top up RM5 and get 4GB, or Rp5rb for 1GB. Code A1B2C3 valid till Friday",
        "American Express: a charge of $42.10 at STARBUCKS was approved on card ending 1004. "
        "Details at americanexpress.com",
        "Class action update from the union: the hearing is on 3 May, no action needed from you",
        "Can I use one of your photos from the trip for the family album?",
        "I make good money working 8 hours a day at the hospital, no complaints",
        "Long time no see! I'm back in town next week, dinner?",
        # routine notices on the sender's own short domain: the link is unknown, nothing else is
        "Your H&M parcel is out for delivery between 17:00 and 19:00 today. Track or divert "
        "http://goherm.es/36UtcRO",
        "Your postpaid bill of Rs 285.77 for October has been generated. Pay at "
        "https://blpy.in/x8Ka if not paid already",
        "The router page is at http://192.168.1.1.local, password on the box",
        "Do you remember me from the bus? I sat next to you, the one with the red bag",
    ],
)
def test_ordinary_messages_with_the_same_words_are_not_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    level, found = verdict_codes(fixed_analyzer, text)
    assert level not in FLAGGED, (text, level, found)


def test_a_split_word_is_read_whole_but_two_words_keep_their_full_stop(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    _, found = verdict_codes(fixed_analyzer, "Your acc.ount will be sus.pended today")
    assert "threat" in found
    # two whole words joined by a full stop are a missing space: "suspended" stays a word
    _, found = verdict_codes(fixed_analyzer, "Your account has been suspended.more info at branch")
    assert "threat" in found


@pytest.mark.parametrize(
    ("url", "imitates"),
    [
        ("http://m.vodafone.in/app", None),  # the brand's own country site
        ("https://www.paypal.co.id/", None),
        ("vodafone-in.com/offer", "Vodafone"),  # the name next to other words
        ("netflix.us/billing", "Netflix"),  # a country ending sold as a generic one
        ("dbs.top/login", "DBS"),  # a risky ending
        ("paypal.co.id.verify-now.com", "PayPal"),
        ("hmrcofficial.com", "HMRC"),  # a word glued to the name
        ("uspsdelivery.top/x", "USPS"),
        ("interactive-studio.com", None),  # "interac" starts an ordinary word
        ("interaccollect.com", "Interac"),
        ("ebay.to/3xYz", None),  # brands' own short domains
        ("etsy.me/2Ab", None),
        ("ebay-to.com/3xYz", "eBay"),
    ],
)
def test_a_brand_name_alone_under_a_country_ending_is_its_own_site(
    url: str, imitates: str | None
) -> None:
    brands = {h.brand for h in check_url(url) if h.code == "link.lookalike"}
    assert brands == ({imitates} if imitates else set()), (url, brands)


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("Your wallet is locked, recover it at coinbåse.com/recover", "Coinbase"),
        ("Verify your account at pаypal.com today", "PayPal"),  # a Cyrillic "а"
    ],
)
def test_bare_look_alikes_in_other_scripts_are_found(
    fixed_analyzer: ScamAnalyzer, text: str, brand: str
) -> None:
    verdict = fixed_analyzer.analyse(Content(text=text))
    assert verdict.level in FLAGGED
    assert any(s.code == "link.lookalike" and s.brand == brand for s in verdict.signals)


@pytest.mark.parametrize(
    ("url", "weight"),
    [
        ("spongelowering.com/fxxgMDq", 30),  # a generated code on a long unknown name
        ("veilknitting.com/y8mXEyk", 30),
        ("echdfc.in/gkk6g-eVJY4", 18),  # a short name: a brand's short domain looks the same
    ],
)
def test_generated_codes_on_unknown_sites(url: str, weight: int) -> None:
    hits = {h.code: h.weight for h in check_url(url)}
    assert hits.get("link.short_code") == weight, hits


@pytest.mark.parametrize(
    "url", ["bestjobsportal.com/Careers", "citynewsupdates.com/32955", "mycityguide.com/menu"]
)
def test_words_and_numbers_in_paths_are_not_codes(url: str) -> None:
    assert "link.short_code" not in {h.code for h in check_url(url)}
