"""Link extraction and offline link features."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from qila.analysis import Content, Level
from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.domains import extractor, lookalike, skeleton
from qila.analysis.links import extract_urls, strip_urls
from tests.support.verdicts import link_codes as codes


def test_extracts_schemes_www_and_bare_domains() -> None:
    text = (
        "Pay at parcel-fee.top/pay or bit.ly/x3, chat wa.me/6591234567, see "
        "https://www.dbs.com.sg/personal. www.singpost.com, email joe@gmail.com, ok.so then"
    )
    assert extract_urls(text) == [
        "parcel-fee.top/pay",
        "bit.ly/x3",
        "wa.me/6591234567",
        "https://www.dbs.com.sg/personal",
        "www.singpost.com",
    ]


def test_a_spaced_out_email_address_is_neither_a_link_nor_a_named_brand(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    text = "You have been offered a grant. Kindly contact Mr Frank on fconnolly720 @ gmail.com"
    assert extract_urls(text) == []
    assert "gmail" not in strip_urls(text)
    found = {s.code for s in fixed_analyzer.analyse(Content(text=text)).signals}
    assert "link.official" not in found  # Gmail's site does not vouch for its users' mail
    assert "impersonation" not in found
    # an address with a path after a spaced "@" is a link all the same
    assert extract_urls("details @ bit.ly/3xYz") == ["bit.ly/3xYz"]


def test_extracts_obfuscated_scheme() -> None:
    assert extract_urls("click http //188.214.30.217/ITRefund now") == [
        "http://188.214.30.217/ITRefund"
    ]


@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "DPD Sorry we miss you To book your redelivery visit http://dpd .redelivery9y2b.com/missed",
            "http://dpd.redelivery9y2b.com/missed",
        ),
        (
            "If this was NOT you, then please visit https: // payee.cancellation95 .com.",
            "https://payee.cancellation95.com",
        ),
        ("Please order a test Kit http://swab test-kit.com", "http://swabtest-kit.com"),
        (
            "To resume http://secure.bankofnontreal.c om or visit",
            "http://secure.bankofnontreal.com",
        ),
        ("Reschedule at http://postoffice -depot.today", "http://postoffice-depot.today"),
        (
            "To arrange redelivery visit http://myhermes .redeliver auth01 .com",
            "http://myhermes.redeliverauth01.com",
        ),
    ],
)
def test_a_link_broken_by_spaces_is_read_whole(text: str, link: str) -> None:
    assert extract_urls(text) == [link]
    assert link.split("//")[1].split("/")[0].split(".")[-2] not in strip_urls(text)


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("Complete the survey http://This link be only for you", "http://This"),
        ("Visit http://XXXX now to confirm", "http://XXXX"),
        ("See https://www.dbs.com.sg/personal then call us", "https://www.dbs.com.sg/personal"),
    ],
)
def test_a_masked_or_whole_link_is_not_joined_to_the_next_words(text: str, link: str) -> None:
    assert extract_urls(text) == [link]


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("Your bill is unpaid, fix it now! //_kq7.de/Hd83Xz", "kq7.de/Hd83Xz"),
        ("Subscription expired, renew now //@vpay.io/k2L9q", "vpay.io/k2L9q"),
        ("we are here to help Anna....q8lm.pv3821.net...Text stop", "q8lm.pv3821.net"),
    ],
)
def test_a_name_behind_a_stray_scheme_or_dots_is_a_link(text: str, link: str) -> None:
    assert extract_urls(text) == [link]


@pytest.mark.parametrize(
    "url",
    ["https://www.kotak.bank.in/KBANKT/querytxn", "https://sbi.bank.in", "https://x.fin.in/emi"],
)
def test_a_site_under_a_vetted_bank_ending_is_the_banks_own(url: str) -> None:
    assert codes(url) == {"link.official"}


@pytest.mark.parametrize(
    "url", ["http://sbi-kyc.bank.in.verify-now.com/x", "http://hsbc.co.uk.bank/accountprotection"]
)
def test_a_vetted_ending_inside_or_after_another_address_is_not_vetted(url: str) -> None:
    assert "link.official" not in codes(url)


def test_a_link_broken_by_spaces_is_judged_as_the_site_it_names(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    text = (
        "DPD Sorry we miss you To book your redelivery visit http://dpd .redelivery9y2b.com/missed"
    )
    verdict = fixed_analyzer.analyse(Content(text=text))
    assert verdict.level is Level.LIKELY_SCAM
    mismatch = next(s for s in verdict.signals if s.code == "link.brand_mismatch")
    assert mismatch.evidence == "redelivery9y2b.com"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("bit.ly/abc", "link.shortener"),
        ("http://188.214.30.217/x", "link.ip_host"),
        ("http://xn--pypal-4ve.com/", "link.punycode"),
        ("http://dbs-sg.top/login", "link.lookalike"),
        ("http://paypa1.com/", "link.lookalike"),
        ("parcel-fee.top/pay", "link.risky_tld"),
        ("https://dbs-login.blogspot.com/", "link.free_host"),
        ("http://a.b.c.d.example-host.net/", "link.deep_subdomain"),
        ("http://example-portal.net/account/verify", "link.login_words"),
        ("wa.me/6591234567", "link.whatsapp_chat"),
        ("t.me/cryptovip", "link.telegram"),
        ("https://www.dbs.com.sg/personal", "link.official"),
        ("mycafe-sg.com", "link.unknown_domain"),
        ("http://mijn.ing-mobiel.com/update.apk", "link.apk"),
    ],
)
def test_link_features(url: str, expected: str) -> None:
    assert expected in codes(url)


@pytest.mark.parametrize(
    "url",
    [
        # a form on a publishing service is whoever made it, not the service's own page
        "https://forms.office.com/r/Ab12Cd34",
        # a publishing service under a country ending
        "www.undian-resmi2026.blogspot.co.id",
        # a hosting company's temporary address for a customer's site
        "http://gh5.10f.myftpupload.com",
        # a free host that is also a popular domain
        "http://marketplace-posting-id8786753.atwebpages.com",
        # Cloudflare Pages, written bare
        "servicensw-fines.pages.dev",
    ],
)
def test_pages_anyone_can_publish_are_free_hosts_not_the_services_sites(url: str) -> None:
    found = codes(url)
    assert "link.free_host" in found
    assert "link.official" not in found


def test_a_brands_own_ending_is_not_a_rare_one() -> None:
    # forms.gle: anyone's Google form (a free host), but .gle is Google's, not a throw-away ending
    assert codes("https://forms.gle/AvRm4KDburfuEKRG7") == {"link.free_host"}


def test_a_bare_dev_address_is_a_link() -> None:
    text = "Pay within 2 days to avoid licence suspension. servicensw-fines.pages.dev"
    assert extract_urls(text) == ["servicensw-fines.pages.dev"]


@pytest.mark.parametrize(
    "url",
    ["eservices.capetown.gov.za", "https://www.pajak.go.id/x", "hasil.gov.my/login", "ird.govt.nz"],
)
def test_sites_under_government_only_endings_are_official(url: str) -> None:
    assert codes(url) == {"link.official"}


def test_a_script_page_on_an_unknown_site_is_worth_a_careful_look(
    fixed_analyzer: ScamAnalyzer,
) -> None:
    assert "link.script_page" in codes("http://ntvactu.com/h34sup.php")
    assert "link.script_page" in codes("sec1urd3-deprtmnt12.com/index.php?sy1t90")
    verdict = fixed_analyzer.analyse(
        Content(
            text="Your parcel is out for delivery. Track http://ntvactu.com/h34sup.php 21khrz762j"
        )
    )
    assert verdict.level is Level.SUSPICIOUS
    assert verdict.signals[0].code == "link.script_page"


@pytest.mark.parametrize(
    "url",
    [
        "https://aritc.yru.ac.th/redirect/78?url=bit.do/jmelgrud",
        "anniversarys-mag.jp/urls?mode=go&pageid=2660&url=golnk.eu/fPjTwhgdgdgzjgfjdg",
    ],
)
def test_an_unknown_sites_redirect_hides_the_destination(url: str) -> None:
    assert "link.redirect" in codes(url)


def test_a_link_parameter_that_is_not_an_address_is_not_a_redirect() -> None:
    assert "link.redirect" not in codes("https://mycafe-sg.com/menu?link=specials")


def test_a_well_known_sites_script_page_is_its_own() -> None:
    assert "link.script_page" not in codes("https://www.facebook.com/profile.php?id=1000123")


def test_a_brands_own_short_domain_is_its_site_not_a_lookalike() -> None:
    # Paytm's payment and receipt links ("More Details http://paytm.me/KPr-pRN")
    assert codes("http://paytm.me/KPr-pRN") == {"link.official"}
    # Australia Post's tracking links ("For more info see http://mypo.st/9VKJUOG-9SE")
    assert codes("http://mypo.st/9VKJUOG-9SE") == {"link.official"}
    assert "link.lookalike" in codes("paytm-kyc.me/upd")


@pytest.mark.parametrize("url", ["www.indosatooredoo.com/freedom", "http://go-jek.com/app"])
def test_a_brands_former_or_group_domain_is_its_site(url: str) -> None:
    assert codes(url) == {"link.official"}


def test_a_brands_own_subdomain_is_not_a_publishing_service() -> None:
    # "service" is also the name of a publishing service, but nhs.uk is the NHS's
    assert codes("nhsapp.service.nhs.uk") == {"link.official"}


def test_an_open_indonesian_second_level_ending_is_a_link() -> None:
    assert extract_urls("isi formulir di bca-tarif-baru.web.id sekarang") == [
        "bca-tarif-baru.web.id"
    ]


@pytest.mark.parametrize(
    "url", ["capetown.gov.za.verify-now.top", "gov.za.tax-refund.com/x", "gov.uk"]
)
def test_a_government_ending_inside_another_address_is_not_official(url: str) -> None:
    assert "link.official" not in codes(url)


def test_official_domains_are_not_lookalikes() -> None:
    for host in ("www.dbs.com.sg", "maybank2u.com.my", "klikbca.com", "www.gov.sg", "google.com"):
        assert lookalike(host) is None, host


@pytest.mark.parametrize(
    ("host", "brand"),
    [
        ("singpost-delivery.com", "SingPost"),
        ("maybenk2u.com", "Maybank"),
        ("secure.paypal.com.verify.xyz", "PayPal"),
        ("lnstagram.com", "Instagram"),
        ("hmrc-refund.com", "HMRC"),
        ("klikbca-login.com", "BCA"),
        # a brand's name misspelt in front of another site's
        ("facebok.item81683718974.com", "Facebook"),
        ("amazom.deals-today.com", "Amazon"),
        ("marketplce-facbook.srtenvironmental.com", "Facebook"),
    ],
)
def test_lookalikes(host: str, brand: str) -> None:
    found = lookalike(host)
    assert found is not None and found[1] == brand


@pytest.mark.parametrize(
    "host", ["apply.jobs-board.com", "mail.example-shop.com", "amazing.deals-today.com"]
)
def test_ordinary_subdomains_are_not_brand_typos(host: str) -> None:
    assert lookalike(host) is None


def test_confusable_skeleton() -> None:
    assert skeleton("paypa1") == skeleton("paypal")
    assert skeleton("аpple") == skeleton("apple")  # Cyrillic a
    assert skeleton("rnaybank") == skeleton("maybank")


def test_tldextract_never_uses_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    extractor.cache_clear()
    parts = extractor()("login.secure.example.co.uk")
    assert (parts.domain, parts.suffix) == ("example", "co.uk")
    assert "link.login_words" in codes("https://login.secure.example.co.uk/verify")


def test_lookalikes_do_not_depend_on_the_hash_seed() -> None:
    # "amail.com" is one letter from several popular names; which one is found first must not
    # change from one process to the next (it did when the variants were kept in a set).
    code = (
        "from qila.analysis.domains import lookalike\n"
        "for host in ('amail.com', 'paypa1-login.com', 'maybnk2u.com', 'tokopedla.com'):\n"
        "    print(host, lookalike(host))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(1, 5)
    }
    assert len(outputs) == 1, outputs
    assert "amail.com ('gmail.com', 'Google')" in outputs.pop()
