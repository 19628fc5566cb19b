"""Disowned-payment pretexts ("Not you? visit ..."), brand names written with dots or
underscores, a card safeguard that is not a threat, and a small organisation's own site named
after it - each with the ordinary messages that share its words."""

from __future__ import annotations

import pytest

from qila.analysis import Level
from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.rules import find_brand
from qila.analysis.sender_site import names_the_sender, spelled_names
from tests.support.verdicts import FLAGGED, assert_flagged_with, verdict_codes


@pytest.mark.parametrize(
    "text",
    [
        "Bendigo: A payment of $221.75 to Richard Davis has been authorised. Not you? Please "
        "visit bendigo-contact.com",
        "NFCU ALERT: An attempt of $48.00 at Uber. If you didn't authorize this transaction "
        "follow the link to cancel http://nfcucardservices.org",
        "<WELLS.FARGO>: A new IP address has been detected attempting to login. If this wasn't "
        "you, secure your information at https://bit.ly/3ErwRWW",
        "Suncorp: a transfer of $1,980.00 to a new payee was made. Was this not you? "
        "Review it at suncorp-review.com/x",
    ],
)
def test_a_disowned_payment_with_a_strange_link_is_flagged(
    fixed_analyzer: ScamAnalyzer, text: str
) -> None:
    # the pretext makes the link count
    assert_flagged_with(fixed_analyzer, text, "account_alert", "click_link")


@pytest.mark.parametrize(
    "text",
    [
        # the same words from the bank, with no link or only its own site
        "Capitec: Purchase of R486.20 at CHECKERS SEA POINT from acc ..4418. Avail bal "
        "R3 902.15. Not you? Block your card in the app or call 0860 10 20 43.",
        "Wells Fargo: a new sign-in to your account from Chrome on Windows. If this wasn't you, "
        "call us on 1-800-869-3557.",
        "Bendigo Bank: A payment of $221.75 to Richard Davis has been authorised. Not you? Call "
        "1300 236 344 or visit bendigobank.com.au",
        # a small organisation's own site, named after it
        "Northgate Credit Union: new login from Chrome on Windows near Denver, CO. Not you? "
        "Secure your account at https://northgatecu.org/",
        "Anytime Fitness: Your membership renews on 1 July at $17.95 per fortnight. Any "
        "questions, chat to your club team or visit anytimefitness.com.au",
        # a telco next to its own short codes
        "Y'ello Do It Yourself with The MTN SelfCare App. SMS 'CARE' to 5018 to download the App",
        # "jio" is Singlish for "invite", not the Indian telco
        "Wanna volunteer at the swim meet? Reply with your name and jio anyone else! "
        "Sign up at swimsg-volunteers.com",
    ],
)
def test_the_banks_own_words_are_not_flagged(fixed_analyzer: ScamAnalyzer, text: str) -> None:
    level, _ = verdict_codes(fixed_analyzer, text)
    assert level not in FLAGGED, text


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("<WELLS.FARGO>: new IP address", "Wells Fargo"),
        ("Bank_of_America alert", "Bank of America"),
        ("NFCU ALERT", "Navy Federal"),
        ("your E-ZPass toll", "E-ZPass"),
        ("St.George Bank: card locked", "St.George"),
    ],
)
def test_brand_names_are_read_through_dots_and_underscores(text: str, brand: str) -> None:
    found = find_brand(text)
    assert found is not None and found[0] == brand


def test_a_sites_name_must_spell_a_capitalised_name_in_the_message() -> None:
    names = spelled_names("Northgate Credit Union: your statement is ready")
    assert names_the_sender("northgatecu.org", names)
    assert names_the_sender("northgatecreditunion.com", names)
    assert not names_the_sender("northgate-cu.org", names)  # not the spelling itself
    assert not names_the_sender("ncu.org", spelled_names("Northgate Credit Union"))  # initials
    # lower-case words are not a name
    assert not names_the_sender("yourstatement.com", names)


@pytest.mark.parametrize(
    ("registered", "text", "named"),
    [
        ("ekrt.in", "picked up by an EKART wishmaster today", True),
        ("mntp.in", "Open a MoneyTap credit line", True),
        ("lenskt.in", "credit in your LENSKART account", True),
        # first and last letters must be kept, and the name must be longer
        ("kart.in", "picked up by an EKART wishmaster today", False),
        ("ekartx.in", "picked up by an EKART wishmaster today", False),
        # a known brand's short domains are listed: gle.com is not Google's
        ("gle.com", "Google Service: your Google account has been recovered", False),
    ],
)
def test_a_short_label_may_abbreviate_the_senders_name(
    registered: str, text: str, named: bool
) -> None:
    assert names_the_sender(registered, spelled_names(text)) is named


def test_a_look_alike_of_a_known_brand_is_not_excused_by_its_name(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    # "Wells Fargo" spells wellsfargo, but wellsfargo.top is a look-alike, not merely unknown.
    level, found = verdict_codes(
        fixed_analyzer, "Wells Fargo: your account is locked. Unlock it at wellsfargo.top/unlock"
    )
    assert level in FLAGGED
    assert found & {"link.lookalike", "link.risky_tld"}
    # ledger.co.uk is merely unknown, but Ledger is a known brand whose sites are listed
    level, found = verdict_codes(
        fixed_analyzer,
        "Alert Ledger: You just sent 0.016766 BTC. Please visit ledger.co.uk within 30 min if "
        "you need to cancel",
    )
    assert level in FLAGGED
    assert "link.brand_mismatch" in found


def test_a_site_may_add_my_or_a_service_word_to_the_senders_name() -> None:
    assert names_the_sender("mytoll.com", spelled_names("Toll: Sorry we missed you."))
    assert names_the_sender("jollibeedelivery.com", spelled_names("Jollibee: Chickenjoy treat"))
    assert names_the_sender("myringgo.co.uk", spelled_names("RingGo: your session expires"))
    assert not names_the_sender("mytoll.com", spelled_names("Your toll is unpaid"))  # no name
    # any other word beside the name is another site
    assert not names_the_sender("mytollparking.com", spelled_names("Toll: your parking session"))


def test_of_and_and_inside_a_name_are_spelt_or_left_out() -> None:
    names = spelled_names("Bank of Ireland: A payment to new payee J MURPHY was set up")
    assert names_the_sender("bankofireland.com", names)
    assert names_the_sender("bankireland.com", names)
    assert not names_the_sender("ofireland.com", names)  # a name does not start with "of"


def test_a_sender_named_site_may_have_payment_words_in_its_path(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    # "/pay" on the utility's own site is where its bills are paid; the same path on a site
    # named otherwise, or on the name with words added, still counts.
    notice = (
        "Severn Valley Water: Your bill of £64.20 is now overdue. Please pay by 14 June to avoid "
        "further recovery action. Pay online at {site}/pay"
    )
    level, found = verdict_codes(fixed_analyzer, notice.format(site="severnvalleywater.co.uk"))
    assert level is Level.NO_RED_FLAGS
    assert not any(code.startswith("link.") for code in found)
    for other in ("water-bills-uk.com", "severnvalleywaterpay.co.uk"):
        level, found = verdict_codes(fixed_analyzer, notice.format(site=other))
        assert "link.login_words" in found, other


def test_a_sender_named_site_with_a_scam_pretext_still_counts_the_pretext(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    # The site is not held against the message, but its tactics are.
    level, found = verdict_codes(
        fixed_analyzer,
        "Maple Draws: you have won a $1,000 prize! Pay the $25 release fee today to claim it "
        "at mapledraws.com",
    )
    assert level in FLAGGED
    assert {"prize", "fee"} <= found
    assert "link.unknown_domain" not in found


def test_a_warning_that_a_bank_never_asks_for_money_is_not_a_request(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    warning = "Bajaj Finance Ltd. will not ask you to send or transfer money for loan processing."
    _, found = verdict_codes(fixed_analyzer, warning)
    assert "money_request" not in found
    # "don't forget to" is not a warning: the request stands
    _, found = verdict_codes(
        fixed_analyzer, "Hi mum, don't forget to transfer money to my new account today"
    )
    assert "money_request" in found


def test_banks_own_short_domains_are_theirs_but_payment_request_links_are_not(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    # hdfcbk.io and bajfin.in are the banks' own link domains (seen in their notices and
    # promotions in the training data, never in a scam there)
    for text in (
        "HDFC Bank: Your Credit Card XX9651 statement is ready. Total due Rs.3,749.09, due by "
        "05-08. View it at https://hdfcbk.io/st/k2J8",
        "Bajaj Finance: Your EMI of Rs.2,150 is due on 05-Oct. Pay in the app or at "
        "http://m.bajfin.in/pay",
    ):
        _, found = verdict_codes(fixed_analyzer, text)
        assert not found & {"link.brand_mismatch", "link.lookalike", "link.unknown_domain"}
    # anyone can send a PhonePe collect request from phon.pe: the link does not vouch for it
    level, _ = verdict_codes(
        fixed_analyzer,
        "from PhonePe Rs.5000 will be debit from your account on approve the request "
        "http://phon.pe/lhpheaqg",
    )
    assert level in FLAGGED
