"""Find links in text and describe what is risky about each one, offline."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit

from qila.analysis.domains import (
    brand_in_path,
    extractor,
    listed,
    lists,
    lookalike,
    official_brand,
    rare_generic_ending,
)
from qila.analysis.model import packaged_url_model

# Bare endings (below) that are also words ("Online", "Click", "Info"): written as a capitalised
# word straight after a full stop they are the next sentence run on (see _missing_space).
_WORD_ENDINGS = (
    "info|biz|top|site|online|club|shop|vip|live|link|click|app|store|website|space|fun|tech"
    "|support|help|page|win|bid|work|rest|pro|email|network|services|center"
)
# Endings accepted for a bare "name.ending" without scheme, www or path. Country codes and
# other word-like endings (.my, .life, .today) are left out: "her.my" or "good.today" in chat
# are missing spaces, not links.
_BARE_TLDS = (
    "com|net|org|xyz|icu|buzz|asia|cyou|sbs|cfd|bond|loan|dev|tk|ml|ga|cf|gq"
    "|cc|ws|pw|su|cn|ru|io|co|ly|mobi|" + _WORD_ENDINGS + "|uk|us|eu|au|nz|ca|ie"
    "|(?:com|co|gov|org|net|edu|go|or|ac|web|biz)\\.[a-z]{2}"
)
# A name in a bare address: letters of any script, so that look-alikes written with Cyrillic or
# accented letters ("pаypal.com", "coinbåse.com") are found as links too.
_LABEL = r"[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?"
_URL = re.compile(
    r"(?:\b(?:https?|hxxps?)\s?:?\s?//|\bwww\.)[^\s<>\"']+"
    r"|(?<![@\w.-])(?:" + _LABEL + r"\.)+(?:[a-z]{2,24})/[^\s<>\"']*"
    r"|(?<![@\w.-])(?:" + _LABEL + r"\.)+(?:" + _BARE_TLDS + r")\b(?![.@-]\w)"
    # a name hidden behind a stray scheme or run of dots ("now //_9qr.de/bvb2Bm", "//@risu.io/x",
    # "help Michael....v41qle.jz4721.net...")
    r"|(?:(?<=//[_@])|(?<=// @))(?:" + _LABEL + r"\.)+(?:[a-z]{2,24})\b(?:/[^\s<>\"']*)?"
    r"|(?<=\.\.)(?:" + _LABEL + r"\.)+(?:" + _BARE_TLDS + r")\b(?![@-]\w|\.\w)"
    r"|(?<![@\w.])(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?/[^\s<>\"']*"
    # a hyphenated or numbered name under a country ending ("bni-upgrade-kartu.id"): a site,
    # where a plain "her.my" in chat is a missing space
    r"|(?<![@\w.-])(?:[a-z0-9-]+\.)*[a-z0-9]*[-\d][a-z0-9-]*\.(?:id|my|sg|ph|in|th|vn)\b(?![.@-]\w)",
    re.IGNORECASE,
)
_TRAIL = ".,;:!?)]}'\"»…"
_LOGIN = re.compile(
    r"login|log-in|signin|sign-in|verify|verif|secure|account|update|confirm|unlock|wallet"
    r"|pay|billing|redeliver|reschedule|otp|auth|banking|refund|claim|reward|kyc|validat",
    re.IGNORECASE,
)


_STANDARD_PORTS = frozenset({"", "80", "443", "8080", "8443"})
# URL model: at or above the artifact's threshold a scam-like name backs other findings. Alone
# it is a finding (enough for "Suspicious", never more) only for words joined by hyphens
# ("myevri-missed-item.com") scored from ``URL_MODEL_STRONG``: unhyphenated names of ordinary
# small sites ("kevronconsultingltd.com") score high too, since the model only knows popular
# sites as the legitimate side.
URL_MODEL_STRONG = 0.85
URL_MODEL_WEIGHT = 30
URL_MODEL_WEAK_WEIGHT = 18
SHORTENER_WEIGHT = 18
# A generated code on a long name nobody knows ("spongelowering.com/fxxgMDq"): the shape of
# throw-away campaign sites, found in one of 56,000 legitimate messages (datasets and
# independent batches): "Suspicious" on its own. Brands' short domains (short names: echdfc.in/gkk6g-eVJY4) stay at 18.
CAMPAIGN_CODE_WEIGHT = 30
# A ".php" script on a site nobody knows ("ntvactu.com/h34sup.php", "credibleorganic.in/l.php"):
# where hacked sites hide phishing pages. No legitimate or promotional message in the datasets,
# the independent batches or the real-report samples links to one (33 scams and 73 spam lines
# do; so do 9 scams of a later sample and none of its 625 legitimate messages): "Suspicious" on
# its own, like a campaign code.
SCRIPT_PAGE_WEIGHT = 30
_SCRIPT_PAGE = re.compile(r"\.php\d?/?$", re.IGNORECASE)
# A site nobody knows that passes you on to another address ("aritc.yru.ac.th/redirect/78?url=
# bit.do/jmelgrud", "anniversarys-mag.jp/urls?mode=go&url=golnk.eu/fPj"): a hacked site's open
# redirect hiding where the link really goes. In no legitimate or promotional message of the
# datasets, the independent batches or the real-report samples (3 scams).
REDIRECT_WEIGHT = 30
_REDIRECT = re.compile(
    r"[?&](?:url|u|redirect|redir|goto|target|dest|link)=(?:https?|[a-z0-9-]+\.[a-z]{2,})"
    r"|(?:^|/)(?:redirect|redir)(?:/|\?|$)",
    re.IGNORECASE,
)
# A short site name followed by one random-looking code ("cuti.cc/8QvCF", "sprch.co/_BPz0v"):
# the shape of a redirect from a shortener or link-tracking service that is not on our lists.
_SHORT_LABEL = 6
_SHORT_CODE = re.compile(r"/[A-Za-z0-9_-]{4,12}/?")
_LINKY_LABEL = re.compile(r"lnk|link|url|shrt|short|tiny|redir")


@dataclass(frozen=True)
class LinkHit:
    code: str
    weight: float
    evidence: str
    url: str
    brand: str = ""


def extract_urls(text: str) -> list[str]:
    """Links in the order they appear, including bare domains like ``bit.ly/x``."""
    return list(locate_urls(text))


_HOSTLIKE = re.compile(
    r"(?<![@\w.-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s<>\"']*)?(?![\w-]|\.[a-z0-9])", re.IGNORECASE
)


def _official_bare(text: str) -> list[re.Match[str]]:
    """Organisations' own domains written bare ("cek status di anteraja.id"): country endings
    are not accepted as bare links in general (see ``_BARE_TLDS``), but these are known."""
    return [
        m
        for m in _HOSTLIKE.finditer(text)
        if official_brand(m.group(0).split("/", 1)[0].lower()) is not None
    ]


# "richard @ gmail.com": an e-mail address spaced out to slip past filters, not a link (an
# address with a path, "@ bit.ly/x", is still one).
_SPACED_AT = re.compile(r"@\s{1,3}$")


def _spaced_email(text: str, match: re.Match[str]) -> bool:
    return "/" not in match.group(0) and bool(
        _SPACED_AT.search(text[max(0, match.start() - 4) : match.start()])
    )


# "http://dpd .redelivery9y2b.com/missed", "https: // payee.cancellation95 .com",
# "http://swab test-kit.com": a link broken by spaces to slip past filters. The first piece has
# no real ending; joined to the next one, two or three it has.
_SCHEME = r"\b(?:https?|hxxps?)\s?:?\s?//\s?"
_PIECE = r"\s{1,2}[.-]?[^\W_][^\s<>\"']*"
_SPACED_LINKS = tuple(
    re.compile(_SCHEME + r"[^\s<>\"']+" + _PIECE * n, re.IGNORECASE) for n in (1, 2, 3)
)
_FIRST_PIECE = re.compile(_SCHEME + r"[^\s<>\"']+", re.IGNORECASE)


def _written_link(address: str) -> str:
    """A link as ``extract_urls`` writes it: trailing punctuation off, "hxxp" and a spaced
    scheme ("https: //") made plain, and the spaces of a link mended from pieces removed."""
    url = address.rstrip(_TRAIL)
    url = re.sub(r"^hxxp", "http", url, flags=re.IGNORECASE)
    url = re.sub(r"^(https?)\s?:?\s?//", r"\1://", url, flags=re.IGNORECASE)
    return re.sub(r"\s+", "", url)


def _spaced_links(text: str) -> list[re.Match[str]]:
    found = []
    for first in _FIRST_PIECE.finditer(text):
        if has_suffix(_written_link(first.group(0))):
            continue
        for spaced in _SPACED_LINKS:
            match = spaced.match(text, first.start())
            if match is not None and has_suffix(_written_link(match.group(0))):
                found.append(match)
                break
    return found


@lru_cache(maxsize=16)
def _addresses(text: str) -> tuple[tuple[re.Match[str], bool], ...]:
    """Addresses in ``text``, in order, each with whether it is a link (or the domain of a
    spaced-out e-mail address); cached because a check locates and blanks out the links of the
    same text more than once."""
    mended = _spaced_links(text)
    general = [
        m for m in _URL.finditer(text) if not any(s.start() <= m.start() < s.end() for s in mended)
    ] + mended
    taken = [(m.start(), m.end()) for m in general]
    extra = [
        m
        for m in _official_bare(text)
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken)
    ]
    ordered = sorted(general + extra, key=lambda m: m.start())
    return tuple((m, not _spaced_email(text, m) and not _missing_space(m)) for m in ordered)


# "Ref.Online purchase", "today.Click here", "SKB.Info": one plain word, a full stop and a
# word-like ending written as a capitalised word, with no path, scheme or www, is the next
# sentence run on without a space ("Toll-Service.Online" or "pay.toll.Online" stay links).
_RUN_ON = re.compile(r"[^\W\d_]+\.(?=[A-Z][a-z]+$)(?i:" + _WORD_ENDINGS + ")")


def _missing_space(match: re.Match[str]) -> bool:
    return _RUN_ON.fullmatch(match.group(0)) is not None


def _matches(text: str) -> list[re.Match[str]]:
    """Links in ``text``, in order."""
    return [m for m, is_link in _addresses(text) if is_link]


def locate_urls(text: str) -> dict[str, int]:
    """Each link (as ``extract_urls`` writes it) and where it first starts in ``text``."""
    found: dict[str, int] = {}
    for match in _matches(text):
        url = _written_link(match.group(0))
        if url and url not in found:
            found[url] = match.start()
    return found


# A UPI payment address ("swiggy@icici", "rahul.k@okhdfcbank"): a payee, not a brand the
# message speaks for.
_UPI_ADDRESS = re.compile(r"\b[A-Za-z0-9._-]{2,}@[A-Za-z]{2,15}\b(?![.\w])")


@lru_cache(maxsize=16)
def strip_urls(text: str) -> str:
    """The text with its links, e-mail domains and UPI payment addresses blanked out (so a
    brand inside a link or an address is not "named")."""
    out = text
    for match, _ in reversed(_addresses(text)):
        out = out[: match.start()] + " " + out[match.end() :]
    return _UPI_ADDRESS.sub(" ", out)


def host_of(url: str) -> str:
    with_scheme = url if "://" in url else "http://" + url
    try:
        host = urlsplit(with_scheme).hostname or ""
    except ValueError:
        return ""
    return host.strip(".").lower()


def _ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host.isdigit()  # http://3232235777 style
    return True


@cache
def _free_labels() -> frozenset[str]:
    """Names of publishing services that run under many endings (blogspot.co.id, blogspot.de):
    the label of every two-part free host with a distinctive name."""
    ext = extractor()
    labels = set()
    for entry in lists().free_hosts:
        parts = ext(entry)
        if not parts.subdomain and len(parts.domain) >= 6:
            labels.add(parts.domain)
    return frozenset(labels)


def _free_elsewhere(label: str, subdomain: str, registered: str) -> str | None:
    if label in _free_labels() and subdomain not in ("", "www"):
        return registered
    return None


# The service's own account pages (canva.com/password-reset), not something a user published;
# and a colleague's shared file (docs.google.com/spreadsheets/d/1Qw7...), which opens inside the
# service for those it is shared with. The phishing pages on such services are published to
# the web ("/document/d/e/2PACX-.../pub") or forms: all 167 docs.google.com addresses in the
# PhishTank and SpamHunter URL lists of the datasets, none of them a shared file.
_OWN_PAGES = re.compile(
    r"/(?:account|accounts|password|password-reset|reset-password|login|signin|sign-in|settings"
    r"|help|support|security)\b|/(?:document|spreadsheets|presentation)/d/(?!e/)",
    re.IGNORECASE,
)


def has_suffix(url: str) -> bool:
    """Whether the link's host ends in a real public suffix (a masked "http://" plus capitals,
    or an address split by a space, does not)."""
    host = host_of(url)
    return bool(host) and (_ip(host) or bool(extractor()(host).suffix))


def _after_host(url: str) -> str:
    """Everything after the host's slash ("" for a bare host)."""
    after = url.split("://", 1)[-1]
    return after.split("/", 1)[1] if "/" in after else ""


def has_path(url: str) -> bool:
    """Whether a link points somewhere on its site (``bit.ly/x``), not at its home page."""
    return bool(_after_host(url).strip("/"))


def _random_code(code: str) -> bool:
    """A path like ``/5hTSjydwTh``: upper and lower case and digits, no word in it."""
    return (
        len(code) >= 8
        and any(c.isupper() for c in code)
        and any(c.islower() for c in code)
        and any(c.isdigit() for c in code)
    )


def _inner_capital(code: str) -> bool:
    """Capitals inside a lower-case code (``fxxgMDq``), as generators make them; a capital first
    letter alone is a word ("/Careers")."""
    return any(c.islower() for c in code) and any(c.isupper() for c in code[1:])


def random_code_path(url: str) -> bool:
    """Whether the link's whole path is one random mixed-case code (``/GvR0t2ZV``)."""
    path = _after_host(url).split("?", 1)[0].split("#", 1)[0].strip("/")
    return len(path) >= 6 and path.isalnum() and _inner_capital(path)


def _campaign_name(label: str) -> bool:
    """A long name that is not a link service's ("spongelowering", not "sprch" or "tinylink"):
    a code on it must look generated to count, and then counts more."""
    return len(label) > _SHORT_LABEL and not _LINKY_LABEL.search(label)


def _short_code(label: str, rest: str) -> bool:
    """Whether a link looks like a short redirect: a short (or "link"-like) site name and a
    path that is one random-looking code with a digit or mixed case (not "/menu")."""
    path = rest.split("?", 1)[0].split("#", 1)[0]
    if not _SHORT_CODE.fullmatch(path):
        return False
    code = path.strip("/")
    if _random_code(code):
        return True
    if _campaign_name(label):
        # A longer name ("spongelowering.com/fxxgMDq"): the code must look generated, with
        # capitals inside it or letters and digits mixed, not a word ("/Careers", "/menu") or
        # a number ("/32955").
        letters_and_digits = any(c.isalpha() for c in code) and any(c.isdigit() for c in code)
        return code.isalnum() and (_inner_capital(code) or letters_and_digits)
    mixed = code != code.lower() and code != code.upper()
    return mixed or any(c.isdigit() for c in code)


# Second-level endings only governments can register under (capetown.gov.za, pajak.go.id,
# hasil.gov.my, ird.govt.nz): a site there is an authority's own, listed brand or not.
_GOVERNMENT_LABELS = frozenset(["gov", "go", "gob", "gouv", "govt", "gv", "mil"])


def _government_site(suffix: str) -> bool:
    labels = suffix.split(".")
    return len(labels) >= 2 and labels[0] in _GOVERNMENT_LABELS


# Endings only vetted institutions can register under: India's bank.in and fin.in (for banks and
# other lenders, through the central bank's registry; sbi.bank.in, kotak.bank.in) and the .bank
# and .insurance domains (each registrant verified). A site there is the institution's own, as a
# government's is, and its name is no look-alike of the bank it belongs to.
_VETTED_ENDINGS = ("bank.in", "fin.in", "bank", "insurance")


def _vetted_site(host: str) -> str | None:
    """The registrable name under a vetted ending ("kotak.bank.in"), if the host has one."""
    for ending in _VETTED_ENDINGS:
        if host.endswith("." + ending):
            before = host[: -len(ending) - 1]
            suffix = extractor()(before).suffix
            if "." in suffix or len(suffix) == 2 or suffix in ("com", "net", "org"):
                return None  # "hsbc.co.uk.bank": another address dressed up with the ending
            label = before.rsplit(".", 1)[-1]
            return f"{label}.{ending}" if label else None
    return None


def authority_site(domain: str) -> bool:
    """Whether ``domain`` sits under an ending only governments or vetted institutions can
    register (gov.sg, go.id, bank.in)."""
    host = domain.lower()
    return _vetted_site(host) is not None or _government_site(extractor()(host).suffix)


def check_url(url: str) -> list[LinkHit]:
    """Offline findings for one link; reassuring ones have a negative weight."""
    host = host_of(url)
    if not host:
        return []
    data = lists()
    if _ip(host):
        return [LinkHit("link.ip_host", 40, host, url)]
    hits: list[LinkHit] = []
    with_scheme = url if "://" in url else "http://" + url
    at = with_scheme.lower().find(host)
    rest = with_scheme[at + len(host) :] if at >= 0 else ""
    if host in ("wa.me", "api.whatsapp.com", "chat.whatsapp.com"):
        return [LinkHit("link.whatsapp_chat", 10, host, url)]
    if host in ("t.me", "telegram.me", "telegram.dog"):
        return [LinkHit("link.telegram", 20, url.split("://")[-1][:40], url)]
    owner = official_brand(host)
    shortener = listed(host, data.shorteners)
    authority = with_scheme.split("://", 1)[-1].split("/", 1)[0]
    # "https://www.UnionBank.Org@bit.ly/x": everything before the @ is decoration, the link
    # goes to the host after it.
    at_sign = [LinkHit("link.at_sign", 40, host, url)] if "@" in authority else []
    if shortener and owner is None:  # amzn.to, tel.st: the brand's own
        return [LinkHit("link.shortener", SHORTENER_WEIGHT, shortener, url), *at_sign]
    parts = extractor()(host)
    if not parts.suffix or not parts.domain:
        return []  # not a real domain ("www.united", "localhost")
    vetted = _vetted_site(host)
    registered = vetted or f"{parts.domain}.{parts.suffix}"
    if rest.split("?", 1)[0].lower().endswith(".apk"):
        hits.append(LinkHit("link.apk", 50, host, url))
    if "xn--" in host:
        hits.append(LinkHit("link.punycode", 35, host, url))
    look = None if vetted else lookalike(host)
    if look:
        hits.append(LinkHit("link.lookalike", 55, host, url, brand=look[1]))
    # (A publishing service's name under another ending is not one on a brand's own domain:
    # nhsapp.service.nhs.uk.)
    free = listed(host, data.free_hosts) or (
        _free_elsewhere(parts.domain, parts.subdomain, registered) if owner is None else None
    )
    # A form or page on a publishing service (forms.office.com/r/..., docs.google.com/forms/...)
    # is whoever made it, not the service's owner.
    published = (
        free is not None
        and host == free
        and free in data.file_hosts
        and has_path(url)
        and not _OWN_PAGES.match(rest)
        and (owner is None or free not in owner.domains)  # docs.google.com, not dropbox.com
    )
    brand = None if published else owner
    government = (_government_site(parts.suffix) or vetted is not None) and not free
    well_known = brand is not None or government or (registered in data.top_domains and not free)
    if free and (host != free or published):
        hits.append(LinkHit("link.free_host", 22, free, url))
    tld = parts.suffix.rsplit(".", 1)[-1] if parts.suffix else ""
    risky_ending = parts.suffix in data.risky_tlds or tld in data.risky_tlds
    if not well_known and (risky_ending or rare_generic_ending(tld)):
        hits.append(LinkHit("link.risky_tld", 22, registered, url))
    labels = parts.subdomain.split(".") if parts.subdomain else []
    if len([lab for lab in labels if lab != "www"]) >= 3:
        hits.append(LinkHit("link.deep_subdomain", 12, host, url))
    if not well_known and _LOGIN.search(host + rest):
        hits.append(LinkHit("link.login_words", 15, registered, url))
    if not well_known and not free and _SCRIPT_PAGE.search(rest.split("?", 1)[0]):
        hits.append(LinkHit("link.script_page", SCRIPT_PAGE_WEIGHT, registered, url))
    if not well_known and _REDIRECT.search(rest):
        hits.append(LinkHit("link.redirect", REDIRECT_WEIGHT, registered, url))
    hits.extend(at_sign)
    port = authority.rsplit(":", 1)[1] if authority.count(":") == 1 else ""
    if port.isdigit() and port not in _STANDARD_PORTS:
        hits.append(LinkHit("link.odd_port", 15, f"{host}:{port}", url))
    if not well_known and not look:
        named = brand_in_path(rest)
        if named is not None:
            hits.append(LinkHit("link.brand_in_path", 25, registered, url, brand=named))
    model = packaged_url_model()
    if model is not None and not well_known and not free:
        p = model.probability(registered)
        if p >= URL_MODEL_STRONG and "-" in parts.domain:
            hits.append(LinkHit("link.scam_like_address", URL_MODEL_WEIGHT, registered, url))
        elif p >= model.threshold and hits:
            hits.append(LinkHit("link.scam_like_address", URL_MODEL_WEAK_WEIGHT, registered, url))
    if not well_known and not free and not look and _short_code(parts.domain, rest):
        weight = CAMPAIGN_CODE_WEIGHT if _campaign_name(parts.domain) else SHORTENER_WEIGHT
        hits.append(LinkHit("link.short_code", weight, registered, url))
    if not well_known and not free and not hits:
        hits.append(LinkHit("link.unknown_domain", 8, registered, url))
    if (brand is not None or government) and not hits:
        hits.append(LinkHit("link.official", -20, registered, url))
    elif well_known and not hits:
        hits.append(LinkHit("link.official", -5, registered, url))
    return hits
