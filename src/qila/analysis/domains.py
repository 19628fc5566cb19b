"""Domain reference lists and look-alike detection (offline, loaded once per process)."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tldextract

TOP_LOOKALIKE_LIMIT = 3000  # compare against the most popular domains only
MIN_FUZZY_TOP = 7  # popular (non-brand) names shorter than this are not fuzzy-matched


@dataclass(frozen=True)
class Brand:
    name: str
    kind: str
    domains: tuple[str, ...]
    keywords: tuple[str, ...]
    domain_keywords: tuple[str, ...]


@dataclass(frozen=True)
class Lists:
    shorteners: frozenset[str]
    free_hosts: frozenset[str]
    file_hosts: frozenset[str]  # hosts whose paths are anyone's pages or forms (docs.google.com)
    top_domains: frozenset[str]
    top_ranked: tuple[str, ...]
    risky_tlds: frozenset[str]
    ending_counts: dict[str, int]  # sites per last label among the well-known domains
    brands: tuple[Brand, ...]
    brand_by_domain: dict[str, Brand]


def _lines(name: str) -> list[str]:
    data = resources.files("qila.analysis") / "data" / name
    out = []
    for line in data.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@cache
def lists() -> Lists:
    raw = json.loads((resources.files("qila.analysis") / "data" / "brands.json").read_text("utf-8"))
    brands = tuple(
        Brand(
            b["name"],
            b["kind"],
            tuple(b["domains"]),
            tuple(b["keywords"]),
            tuple(b.get("domain_keywords", ())),
        )
        for b in raw
    )
    free = frozenset(
        _lines("free_subdomain_hosts.txt")
        + _lines("free_file_hosts.txt")
        + _lines("self_service_creation_platform_domains.txt")
        + _lines("free_hosts_extra.txt")
    )
    ranked = tuple(_lines("top_domains.txt"))
    return Lists(
        shorteners=frozenset(_lines("url_shorteners.txt") + _lines("url_shorteners_extra.txt")),
        free_hosts=free,
        file_hosts=frozenset(
            _lines("free_file_hosts.txt") + _lines("self_service_creation_platform_domains.txt")
        ),
        top_domains=frozenset(ranked),
        top_ranked=ranked,
        risky_tlds=frozenset(_lines("risky_tlds.txt")),
        ending_counts=dict(Counter(d.rsplit(".", 1)[-1] for d in ranked)),
        brands=brands,
        brand_by_domain={d: b for b in brands for d in b.domains},
    )


# A generic ending (.florist, .financial, .yokohama) that at most this many well-known sites use:
# the organisations people bank and shop with are not there, throw-away sites are.
RARE_ENDING_MAX = 2


# Endings only their owner can register under (forms.gle is Google's): rare, but not throw-away.
_BRAND_ENDINGS = frozenset(["gle", "goog", "google", "youtube", "amazon", "apple", "microsoft"])


def rare_generic_ending(tld: str) -> bool:
    """A generic (not country) ending almost no well-known site uses."""
    return (
        tld.isalpha()
        and len(tld) >= 3
        and tld not in _BRAND_ENDINGS
        and lists().ending_counts.get(tld, 0) <= RARE_ENDING_MAX
    )


@cache
def extractor() -> tldextract.TLDExtract:
    """tldextract with its bundled public-suffix snapshot: never fetches anything.

    Imported on first use: tldextract pulls in ``requests`` at import time (~100 ms), which
    only messages that contain a link need to pay for.
    """
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def parents(host: str) -> Iterable[str]:
    """``a.b.example.com`` -> itself, ``b.example.com``, ``example.com``, ``com``."""
    parts = host.split(".")
    for i in range(len(parts)):
        yield ".".join(parts[i:])


def listed(host: str, names: frozenset[str]) -> str | None:
    for candidate in parents(host):
        if candidate in names:
            return candidate
    return None


def official_brand(host: str) -> Brand | None:
    """The brand whose own domain ``host`` is (or is under)."""
    table = lists().brand_by_domain
    for candidate in parents(host):
        if candidate in table:
            return table[candidate]
    return None


@cache
def _brands_by_name() -> dict[str, Brand]:
    return {b.name: b for b in lists().brands}


def carries_name(registered: str, name: str) -> bool:
    """Whether the registrable domain's name holds one of the named brand's names (or is part
    of one); an unknown name cannot be told apart, so it counts as held."""
    brand = _brands_by_name().get(name)
    if brand is None:
        return True
    label = skeleton(registered.split(".", 1)[0])
    names = {skeleton(k) for k in (brand.name, *brand.keywords, *brand.domain_keywords) if k}
    return any(k in label or label in k for k in names if k)


# --- look-alikes -------------------------------------------------------------------------

_CONFUSABLE = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "i": "l",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "l",
        "ӏ": "l",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ɡ": "g",
        "ո": "n",
        "ս": "u",
        "ο": "o",
        "α": "a",
        "ν": "v",
        "ρ": "p",
        "ι": "l",
        "κ": "k",
        "τ": "t",
        "ɩ": "l",
        "ı": "l",
    }
)


def skeleton(label: str) -> str:
    """A form in which characters that look alike compare equal (``paypa1`` == ``paypal``)."""
    folded = unicodedata.normalize("NFKC", label.lower()).translate(_CONFUSABLE)
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
    )
    return folded.replace("rn", "m").replace("vv", "w")


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings only)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _deletions(word: str) -> list[str]:
    """The word with one letter left out, in position order. A list, not a set: the first
    variant found in the index decides the look-alike, and a set's order changes with each
    process's hash seed."""
    return list(dict.fromkeys(word[:i] + word[i + 1 :] for i in range(len(word))))


@dataclass(frozen=True)
class _Index:
    exact: dict[str, str]  # skeleton label -> reference domain
    deletes: dict[str, str]  # one-deletion variant -> reference domain
    tokens: dict[str, Brand]  # brand keyword -> brand
    long_keywords: tuple[tuple[str, Brand], ...]  # skeletons of keywords long enough to search for


@cache
def _index() -> _Index:
    data = lists()
    exact: dict[str, str] = {}
    deletes: dict[str, str] = {}
    refs: list[str] = []
    for brand in data.brands:
        refs.extend(brand.domains)
    refs.extend(d for d in data.top_ranked[:TOP_LOOKALIKE_LIMIT] if d not in data.free_hosts)
    ext = extractor()
    for ref in refs:
        label = ext(ref).domain
        if len(label) < 5:
            continue
        skel = skeleton(label)
        exact.setdefault(skel, ref)
        for variant in _deletions(skel):
            deletes.setdefault(variant, ref)
    tokens = {skeleton(k): b for b in data.brands for k in b.domain_keywords}
    long_keywords = tuple(
        (skeleton(k), b) for b in data.brands for k in b.domain_keywords if len(k) >= 5
    )
    return _Index(exact, deletes, tokens, long_keywords)


_SPLIT = re.compile(r"[^a-z]+")


# Words scam sites glue to a brand's name without a hyphen ("hmrcofficial.com",
# "uspsdelivery.top"). Not "my": brands own "my<name>" sites (myhermes.co.uk, myvi.in).
_AFFIXES = (
    "official",
    "online",
    "secure",
    "security",
    "support",
    "service",
    "services",
    "verify",
    "login",
    "signin",
    "account",
    "update",
    "billing",
    "payment",
    "delivery",
    "parcel",
    "tracking",
    "track",
    "alert",
    "alerts",
    "help",
    "care",
    "portal",
    "refund",
    "rewards",
)


@cache
def _affix_skeletons() -> tuple[str, ...]:
    return tuple(sorted({skeleton(a) for a in _AFFIXES}, key=len, reverse=True))


def _brand_with_affix(word: str, index: _Index) -> Brand | None:
    """The brand whose keyword is ``word`` once one or two such words are taken off its ends."""
    for _ in range(2):
        for affix in _affix_skeletons():
            if word.startswith(affix) and len(word) > len(affix) + 2:
                word = word[len(affix) :]
                break
            if word.endswith(affix) and len(word) > len(affix) + 2:
                word = word[: -len(affix)]
                break
        else:
            return None
        brand = index.tokens.get(word)
        if brand is not None:
            return brand
    return None


# Country endings that are sold as generic names ("bit.co", "shop.me"): a brand's name under
# them says nothing about who owns it.
_GENERIC_COUNTRY_ENDINGS = frozenset(
    [
        "co",
        "me",
        "io",
        "cc",
        "tv",
        "ws",
        "to",
        "ly",
        "gg",
        "ai",
        "so",
        "la",
        "fm",
        "am",
        "vc",
        "sh",
        "us",
    ]
)


def _own_country_site(label: str, suffix: str, subdomain: str, index: _Index) -> bool:
    """``vodafone.in``, ``paypal.co.id``: the bare brand name under a country ending is the
    brand's site for that country (registries give such names to their owners); a brand name
    next to other words (``vodafone-in.com``) or under a generic or risky ending is not."""
    ending = suffix.rsplit(".", 1)[-1]
    if len(ending) != 2 or ending in _GENERIC_COUNTRY_ENDINGS:
        return False
    risky = lists().risky_tlds
    if suffix in risky or ending in risky:
        return False
    words = [w for w in _SPLIT.split(skeleton(subdomain)) if w]
    if any(index.tokens.get(w) is not None for w in words):
        return False  # paypal.paypal.in.ua-style stacking
    return index.tokens.get(skeleton(label)) is not None


# Brand names that begin ordinary words: "interac" in "interactive" is not Interac.
_WORD_GOES_ON = {skeleton("interac"): ("t",)}


def _inside(keyword: str, name: str) -> bool:
    """Whether ``keyword`` is in ``name`` other than as the start of a longer ordinary word."""
    start = name.find(keyword)
    while start >= 0:
        after = name[start + len(keyword) :]
        if not after.startswith(_WORD_GOES_ON.get(keyword, ())):
            return True
        start = name.find(keyword, start + 1)
    return False


def lookalike(host: str) -> tuple[str, str] | None:
    """``(reference domain, brand name)`` when ``host`` imitates a brand or a popular domain.

    Official brand domains and well-known domains are never look-alikes of anything.
    """
    data = lists()
    if official_brand(host) is not None:
        return None
    parts = extractor()(host)
    registered = f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain
    free = listed(host, data.free_hosts)
    if registered in data.top_domains and not free:
        return None
    index = _index()
    label = parts.domain
    if label.startswith("xn--"):
        try:
            label = label.encode("ascii").decode("idna")
        except UnicodeError:
            return None
    # A brand name inside the address: dbs-sg.top, secure.paypal.com.verify.xyz, maybank2u-my.com
    if _own_country_site(label, parts.suffix, parts.subdomain, index):
        return None
    words = _SPLIT.split(skeleton(label)) + _SPLIT.split(skeleton(parts.subdomain))
    if free:
        words += _SPLIT.split(skeleton(host.removesuffix(free)))
    for word in words:
        brand = index.tokens.get(word) or _brand_with_affix(word, index)
        if brand is not None:
            return brand.domains[0], brand.name
    skel = skeleton(label)
    sub = skeleton(parts.subdomain)
    for kw, brand in index.long_keywords:
        if _inside(kw, skel) or _inside(kw, sub):
            return brand.domains[0], brand.name
    if len(skel) < 5:
        return None
    ref = index.exact.get(skel)
    if ref is not None and ref != registered:
        # Same name, other ending: dbs.top imitates dbs.com.sg, but yahoo.com.sg is Yahoo's.
        ours = data.risky_tlds
        if parts.suffix in ours or parts.suffix.rsplit(".", 1)[-1] in ours:
            return ref, _ref_name(ref)
        return None
    ref = ref or _one_edit_from(skel, index)
    if ref is None or ref == registered:
        return _brand_typo_in_subdomain(parts.subdomain, index)
    if ref not in data.brand_by_domain and len(skel) < MIN_FUZZY_TOP:
        return None  # short popular names have too many innocent neighbours
    return ref, _ref_name(ref)


def _one_edit_from(skel: str, index: _Index) -> str | None:
    """The reference domain whose name is one edit away from ``skel``, if any."""
    ref = index.deletes.get(skel)
    if ref is None:
        for variant in _deletions(skel):
            ref = index.exact.get(variant) or index.deletes.get(variant)
            if ref is not None:
                break
    if ref is None or _distance(skel, skeleton(extractor()(ref).domain)) > 1:
        return None
    return ref


MIN_SUBDOMAIN_TYPO = 6


def _brand_typo_in_subdomain(subdomain: str, index: _Index) -> tuple[str, str] | None:
    """A brand's name misspelt by one letter in front of another site's name
    ("facebok.item81683718974.com", "marketplce-facbook.srtenvironmental.com"); only brands'
    names of six letters or more, whose neighbours are rarely words of their own ("apply" is
    one letter from "apple")."""
    brands = lists().brand_by_domain
    labels = subdomain.split(".")
    hyphened = [part for label in labels if "-" in label for part in label.split("-")]
    for word in labels + hyphened:
        skel = skeleton(word)
        if len(skel) < MIN_SUBDOMAIN_TYPO or skel in index.exact:
            continue
        ref = _one_edit_from(skel, index)
        if ref is not None and ref in brands:
            return ref, _ref_name(ref)
    return None


_PATH_BRAND_MIN = 3
# Names too often other words in a path ("pick-ups"), or in ordinary share and sign-in links
# ("?share=facebook", "/login/google").
_PATH_BRAND_EXCLUDE = frozenset(
    [
        "ups",
        "nab",
        "bri",
        "ovo",
        "anz",
        "google",
        "facebook",
        "instagram",
        "tiktok",
        "whatsapp",
        "telegram",
        "gmail",
        "outlook",
        "apple",
    ]
)


def brand_in_path(rest: str) -> str | None:
    """The brand named in a link's path or query (``/paypal/signin``), as a whole word."""
    tokens = _index().tokens
    for word in _SPLIT.split(rest.lower()):
        if len(word) >= _PATH_BRAND_MIN and word not in _PATH_BRAND_EXCLUDE:
            brand = tokens.get(skeleton(word))
            if brand is not None:
                return brand.name
    return None


def _ref_name(ref: str) -> str:
    brand = lists().brand_by_domain.get(ref)
    return brand.name if brand else ref


# --- brand names in message text ---------------------------------------------------------

# Brand names that are everyday words or places: "kotak" (box), "jenius" (genius) and "temu"
# (meet) in Malay or Indonesian, "jio" (invite) in Singlish, "chime", "discover", Macquarie.
_NAME_IS_A_WORD = frozenset(
    ["kotak", "jenius", "temu", "jio", "chime", "discover", "sofi", "macquarie"]
)
_TEXT_EXCLUDE = (
    frozenset(
        [
            "mom",
            "moh",
            "ica",
            "dana",
            "hasil",
            "meta",
            "octo",
            "livin",
            "spf",
            "lta",
            "grab",
            "chase",
            "apple",
            "ups",
            "outlook",
            "ovo",
            "bri",
            "bni",
            "mandiri",
            "whatsapp",
            "google",
            "gmail",
            "facebook",
            "instagram",
            "snapchat",
            "telegram",
            "tiktok",
            "line",
            "pajak",
            "m2u",
            "cpf",
            "maxis",
        ]
    )
    | _NAME_IS_A_WORD
)


# "<WELLS.FARGO>", "Bank_of_America": a name's words may be joined by a dot, a hyphen or an
# underscore, as filter dodges and sender tags write them.
_NAME_GAP = r"[\s._-]"


@cache
def text_brand_pattern() -> re.Pattern[str]:
    names: set[str] = set()
    for brand in lists().brands:
        if brand.name.lower() not in _NAME_IS_A_WORD:
            names.add(brand.name.lower())
        names.update(k for k in brand.keywords if k not in _TEXT_EXCLUDE)
    names = {n for n in names if len(n) >= 3}
    alternation = "|".join(
        re.escape(n).replace(r"\ ", _NAME_GAP) for n in sorted(names, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w@.])(?:{alternation})(?![\w])", re.IGNORECASE)


def brand_for_keyword(word: str) -> tuple[str, str] | None:
    return _brand_by_spelling().get(_spelling(word))


def _spelling(name: str) -> str:
    return re.sub(_NAME_GAP, " ", name.lower())


@cache
def _brand_by_spelling() -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for brand in lists().brands:  # the first brand to claim a name keeps it
        for name in (brand.name, *brand.keywords):
            found.setdefault(_spelling(name), (brand.name, brand.kind))
    return found


# --- registrable domains and the fixed domain-level split ---------------------------------

URL_TEST_SHARE = 5  # one registrable domain in five is held out from the URL model


def registered_domain(host: str) -> str:
    """``login.secure.example.co.uk`` -> ``example.co.uk`` ("" when there is none)."""
    parts = extractor()(host)
    if not parts.suffix or not parts.domain:
        return ""
    return f"{parts.domain}.{parts.suffix}"


def domain_held_out(registered: str) -> bool:
    """The fixed split of the URL model: a function of the registrable domain, so every URL of
    one site (phishing or popular) falls on the same side."""
    digest = hashlib.sha256(registered.encode("utf-8")).digest()
    return digest[0] % URL_TEST_SHARE == 0
