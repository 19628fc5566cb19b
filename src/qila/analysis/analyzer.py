"""Combine the text rules, the link features and the classifier into one verdict."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from qila.analysis.domains import carries_name, official_brand
from qila.analysis.explain import advice_key, render_reason
from qila.analysis.language import detect_language
from qila.analysis.links import (
    LinkHit,
    authority_site,
    check_url,
    has_path,
    has_suffix,
    locate_urls,
    random_code_path,
    strip_urls,
)
from qila.analysis.model import TextModel
from qila.analysis.reassurance import reassuring
from qila.analysis.rules import (
    LINK_MENTION,
    NEW_NUMBER_WITH_ASK,
    check_text,
    link_call_to_action,
)
from qila.analysis.sender_site import names_the_sender, spelled_names
from qila.analysis.verdict import Content, Level, Signal, Verdict
from qila.i18n import text as tr

LIKELY_SCAM_AT = 60
SUSPICIOUS_AT = 30
MAX_REASONS = 3
MAX_TEXT_CHARS = 5000  # longer texts are checked on their beginning (bounded time)
MODEL_FLOOR = 0.2  # below this scam probability the classifier adds nothing...
MODEL_ALONE_FLOOR = 0.7  # ...and when no rule or link found anything (tuned on modern notices)
MODEL_UNKNOWN_LINK_FLOOR = 0.5  # ...and when all Qila found is a link to a site it does not know
MODEL_MIN_WORDS = 3  # a number or a one-word message is not enough for the classifier

# Codes that mean the message asks for something (money, codes, details): a routine-notice
# look never cancels these.
_ASKS = frozenset(
    [
        "otp_request",
        "code_hijack",
        "credentials",
        "card_details",
        "id_details",
        "fee",
        "new_number",
        "money_request",
        "gift_card",
        "task_job",
        "investment",
        "apk",
        "app_lure",
        "callback",
        "call_announced",
        "extortion",
        "advance_deposit",
        "payment_redirect",
    ]
)
# Tactics that give a reason to open a link (a problem to fix or something to collect).
_PRETEXTS = frozenset(
    [
        "threat",
        "parcel_problem",
        "prize",
        "refund",
        "fee",
        "credentials",
        "card_details",
        "id_details",
        "otp_request",
        "loan",
        "windfall",
        "task_job",
        "investment",
        "gift_card",
        "apk",
        "premium_rate",
        "contact_lure",
        "money_request",
        "move_app",
        "urgency",
        "payment_redirect",
        "romance",
        "app_lure",
        "callback",
        "call_announced",
        "wrong_number",
        "adult_lure",
        "endearment",
        "date_invite",
        "miracle",
        "vote_lure",
        "extortion",
        "advance_deposit",
        "account_alert",
        "health_alert",
        "boss_opener",
    ]
)
# Offers, and requests an organisation's own site does not serve (a site serves logging in,
# giving details, paying a fee): its address in such a message is a name-drop, not a
# reassurance.
_SITE_SERVES = frozenset(["credentials", "card_details", "id_details", "fee", "payment_redirect"])
_OFFERS = (_ASKS - _SITE_SERVES) | frozenset(
    [
        "prize",
        "adult_lure",
        "miracle",
        "windfall",
        "contact_lure",
        "loan",
        "romance",
        "premium_rate",
    ]
)
# An ask that a routine notice can carry, and the notice look that makes it the genuine kind:
# a fee paid in the courier's own app or at the post office; a share of a bill, or the rent
# "as usual".
_EXCUSED_BY = {"fee": "official_channel", "money_request": "everyday_payment"}
LINK_WITH_PRETEXT = 25
LINK_LURE = 14  # words just before a link that push you to open it ("click", "klik di sini")
LINK_MENTIONED = 8  # "click this link", "[LINK]" with no link Qila can see: a link all the same
BRAND_LINK = 30  # a named organisation plus a link that is not its own site
# A message that is little more than a shortened link: Qila cannot see where it goes offline,
# so it is worth a careful look ("Suspicious"), never more on its own.
BARE_SHORT_LINK = SUSPICIOUS_AT
BARE_MAX_WORDS = 10
BARE_MAX_CHARS = 50  # "Is this link safe to click? My friend sent it"; not a statement or alert
_HIDDEN_DESTINATION = ("link.shortener", "link.short_code")
# Findings that only say Qila does not know the site (not that it looks wrong). Payment or
# login words ("thameswater.co.uk/pay") are what an organisation's own site has in its paths.
_MERELY_UNKNOWN = frozenset(["link.unknown_domain", "link.short_code", "link.login_words"])
# Link findings that say "not the organisation's own site" (a shortener may be theirs).
_NOT_OFFICIAL = frozenset(
    [
        "link.unknown_domain",
        "link.risky_tld",
        "link.script_page",
        "link.redirect",
        "link.free_host",
        "link.login_words",
        "link.deep_subdomain",
        "link.ip_host",
        "link.punycode",
        "link.brand_in_path",
        "link.scam_like_address",
        "link.at_sign",
        "link.odd_port",
    ]
)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_CONTEXT_ONLY = frozenset({"urgency", "impersonation", "model", "endearment", "date_invite"})


def _risky_link(signals: dict[str, Signal]) -> bool:
    """Whether any link finding counts against the message."""
    return any(c.startswith("link.") and s.weight > 0 for c, s in signals.items())


def _standing(
    signals: dict[str, Signal], *, offers: bool = True, other_sites: bool = False
) -> dict[str, Signal]:
    """The signals that count. A brand's own address next to another, hidden or strange
    link, or (``offers``) in an offer or a request that its site does not serve (a prize "from
    PAYTM.COM", the shop named as the merchant of a fake charge), does not make the message
    safe; nor (``other_sites``) does a well-known site of another organisation than the one
    named (see ``_other_site``)."""
    if (
        _risky_link(signals)
        or (offers and _OFFERS & signals.keys() and not _authority_offer(signals))
        or (other_sites and _other_site(signals))
    ):
        return {c: s for c, s in signals.items() if not (c == "link.official" and s.weight < 0)}
    return dict(signals)


def _authority_offer(signals: dict[str, Signal]) -> bool:
    """A payment announced with a government's own site ("You will receive $300 Assurance
    Package Cash via PayNow ... govbenefits.gov.sg"): no one else can publish there, so the
    site is the sender's, not a name-drop (nothing is asked: asks are not offers here)."""
    site = signals.get("link.official")
    return site is not None and authority_site(site.evidence or "") and not (_ASKS & signals.keys())


def _other_site(signals: dict[str, Signal]) -> bool:
    """A well-known site that is not a brand's own, next to a brand it does not belong to
    ("Dear SBI customer, your account is blocked ... rbi.org.in", "Wells Fargo ...
    express.adobe.com"). Not a reason to hold the classifier back; still a mild reassurance in
    the verdict, where a bank's alert may name the merchant's site ("at BESTBUY.COM")."""
    named = signals.get("impersonation")
    site = signals.get("link.official")
    if named is None or not named.brand or site is None or not site.evidence:
        return False
    if official_brand(site.evidence) is not None:
        # A brand's own site beside another name the text holds (nhs.uk in a vaccination
        # notice read as "UK Government") is not decoration: a message may name several.
        return False
    return not carries_name(site.evidence, named.brand)


# Phones type "Don’t" and “quotes”; the rules are written with ' and ".
_PLAIN_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'}
)


def _plain_quotes(text: str) -> str:
    return text.translate(_PLAIN_QUOTES)


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def model_weight(p_scam: float, floor: float = MODEL_FLOOR) -> float:
    """Scam probability -> score contribution: nothing below ``floor``, 30..65 above it (the
    scale starts at ``MODEL_FLOOR`` whatever the floor)."""
    if p_scam < floor:
        return 0.0
    return round(30.0 + 35.0 * (p_scam - MODEL_FLOOR) / (1.0 - MODEL_FLOOR), 1)


def combine(weights: Iterable[float]) -> int:
    """Positive evidence adds up with diminishing returns; reassuring evidence subtracts."""
    remaining = 1.0
    negative = 0.0
    for w in weights:
        if w > 0:
            remaining *= 1.0 - min(w, 95.0) / 100.0
        else:
            negative += w
    return max(0, min(100, round(100.0 * (1.0 - remaining) + negative)))


def pick_reasons(ordered: Sequence[Signal]) -> list[str]:
    """Up to three reasons, strongest first; concrete findings before the classifier's
    general impression, and one sentence per link address."""
    concrete = [s for s in ordered if s.weight > 0 and s.code != "model"]
    general = [s for s in ordered if s.weight > 0 and s.code == "model"]
    reasons: list[str] = []
    seen_links: set[str] = set()
    for signal in [*concrete, *general]:
        if signal.code.startswith("link.") and signal.evidence:
            if signal.evidence in seen_links:
                continue
            seen_links.add(signal.evidence)
        reasons.append(signal.reason)
    return reasons[:MAX_REASONS]


def level_for(score: int) -> Level:
    if score >= LIKELY_SCAM_AT:
        return Level.LIKELY_SCAM
    if score >= SUSPICIOUS_AT:
        return Level.SUSPICIOUS
    return Level.NO_RED_FLAGS


@dataclass
class _Found:
    """Signals being collected for one check, strongest kept per code."""

    language: str
    by_code: dict[str, Signal] = field(default_factory=dict)
    coded: set[str] = field(default_factory=set)  # hidden-destination codes with a link code
    random_code: bool = False  # a short-code link whose whole path is a code like /GvR0t2ZV

    def add(self, code: str, weight: float, source: str, evidence: str, brand: str = "") -> None:
        signal = Signal(code, weight, "", source, evidence, brand or None)
        signal = Signal(
            code, weight, render_reason(signal, self.language), source, evidence, brand or None
        )
        current = self.by_code.get(code)
        if current is None or abs(weight) > abs(current.weight):
            self.by_code[code] = signal


class ScamAnalyzer:
    """The default analyser. Pure: no network, no vendor SDKs."""

    def __init__(
        self,
        model: TextModel | None,
        today: Callable[[], dt.date] = _today,
        online: Callable[[Sequence[str]], Sequence[LinkHit]] | None = None,
    ) -> None:
        """``online``, when given, returns extra findings for the links (see ``online.py``)."""
        self._model = model
        self._today = today
        self._online = online

    def analyse(self, content: Content) -> Verdict:
        pieces: list[tuple[str, str]] = []
        if content.text.strip():
            pieces.append(("text", _plain_quotes(content.text[:MAX_TEXT_CHARS])))
        for image in content.images:
            if image.text.strip():
                pieces.append(("image", _plain_quotes(image.text[:MAX_TEXT_CHARS])))
            for payload in image.qr_payloads:
                if payload.strip():
                    pieces.append(("qr", payload[:MAX_TEXT_CHARS]))
        if not pieces:
            return self._unable(content)
        language = detect_language(" ".join(t for src, t in pieces if src != "qr"))
        found = _Found(language)
        link_sources: dict[str, str] = {}
        for source, body in pieces:
            self._rules(found, source, body)
            for url in self._links(found, source, body):
                link_sources.setdefault(url, source)
        if self._online is not None and link_sources:
            for hit in self._online(list(link_sources)):
                source = link_sources.get(hit.url, "text")
                found.add(hit.code, hit.weight, source, hit.evidence, brand=hit.brand)
        readable = " \n".join(t for src, t in pieces if src != "qr")
        self._link_with_pretext(found)
        self._bare_short_link(found, readable)
        self._reassure(found, readable)
        self._classify(found, readable)
        return self._verdict(found)

    # -- collection ------------------------------------------------------------------

    def _rules(self, found: _Found, source: str, body: str) -> None:
        for hit in check_text(strip_urls(body)):
            if hit.code == "impersonation":
                found.add(hit.code, hit.weight, source, hit.evidence, brand=hit.evidence)
            else:
                found.add(hit.code, hit.weight, source, hit.evidence)

    def _links(self, found: _Found, source: str, body: str) -> list[str]:
        qr = source == "qr" and "://" in body
        located = {body.strip(): 0} if qr else locate_urls(body)
        urls = list(located)
        if not located and source != "qr":
            mention = LINK_MENTION.search(body)
            if mention:
                found.add("link.mentioned", LINK_MENTIONED, source, mention.group(0))
        names: frozenset[str] | None = None
        for url, at in located.items():
            hits = check_url(url)
            if hits and {h.code for h in hits} <= _MERELY_UNKNOWN:
                names = spelled_names(strip_urls(body)) if names is None else names
                if names_the_sender(hits[0].evidence, names):
                    hits = []  # the sender's own site, named after it (see sender_site.py)
            if not hits and "://" in url and not has_suffix(url):
                # "http://XXXX", "http://pcr-tracing people.com": a link is there, its address
                # masked or broken, so Qila cannot see where it goes.
                found.add("link.mentioned", LINK_MENTIONED, source, url)
            for hit in hits:
                found.add(hit.code, hit.weight, source, hit.evidence, brand=hit.brand)
                if hit.code in _HIDDEN_DESTINATION and has_path(url):
                    found.coded.add(hit.code)
                if hit.code == "link.short_code" and random_code_path(url):
                    found.random_code = True
            risky = [h for h in hits if h.weight > 0]
            if risky and at > 0 and link_call_to_action(body[:at]):
                found.add("link_lure", LINK_LURE, source, risky[0].evidence)
        return urls

    def _link_with_pretext(self, found: _Found) -> None:
        """A problem or an offer plus a link to a site that is not well known is the shape of
        most smishing: make that combination count more than its parts."""
        codes = found.by_code
        links = [s for c, s in codes.items() if c.startswith("link.") and s.weight > 0]
        if not links:
            return
        strongest = max(links, key=lambda s: s.weight)
        # A random code on a site nobody knows, with a push to open it, needs no other pretext
        # (a shop's readable bit.ly/Sale-Week is not this).
        hidden_push = "link_lure" in codes and found.random_code
        if _PRETEXTS & codes.keys() or hidden_push:
            found.add("click_link", LINK_WITH_PRETEXT, strongest.source, strongest.evidence or "")
        named = codes.get("impersonation")
        unofficial = [s for s in links if s.code in _NOT_OFFICIAL]
        # An unknown site alone is common (a shop, a blog); with a push to open it, or a site
        # that is risky in itself, naming an organisation is the look of a fake.
        pushed = "link_lure" in codes or any(s.code != "link.unknown_domain" for s in unofficial)
        if named is not None and unofficial and named.brand and pushed:
            found.add(
                "link.brand_mismatch",
                BRAND_LINK,
                unofficial[0].source,
                unofficial[0].evidence or "",
                brand=named.evidence or "",
            )

    def _bare_short_link(self, found: _Found, readable: str) -> None:
        """A shortened link with at most a few words ("is this safe?"): nothing else to judge
        by, and the destination is hidden."""
        rest = " ".join(strip_urls(readable).split())
        if len(rest) > BARE_MAX_CHARS or len(_WORDS.findall(rest)) > BARE_MAX_WORDS:
            return
        for code in _HIDDEN_DESTINATION:
            signal = found.by_code.get(code)
            if code in found.coded and signal is not None and 0 < signal.weight < BARE_SHORT_LINK:
                found.add(code, BARE_SHORT_LINK, signal.source, signal.evidence or "")

    def _classify(self, found: _Found, readable: str) -> None:
        """The classifier's impression. Alone (no tactic found) it must be surer, and a
        message that reads as a routine notice (code notice, transaction alert, official link)
        is not overruled by it."""
        if self._model is None or len(_WORDS.findall(readable)) < MODEL_MIN_WORDS:
            return
        codes = found.by_code
        # (Without a strange link, _reassure has already counted the notice look.)
        if _risky_link(codes) and not (_PRETEXTS | _ASKS) & codes.keys() and reassuring(readable):
            # A routine notice (a delivery update, a bill, a receipt) that asks for nothing and
            # gives no reason to worry: its link findings stand on their own, but the
            # classifier, which learnt that organisations' notices look like spam, adds nothing.
            # (On the real-report samples: 7 fewer legitimate notices flagged, as many scams.)
            # With notices held back here, a link finding alone backs the classifier at the
            # ordinary floor (a higher one cost 3 scams and spared no legitimate message).
            return
        # A new number that asks for nothing ("ini nomor baru gw ya, save aja") is news, not a
        # tactic: it does not let the classifier speak at its ordinary floor.
        backing = [
            c
            for c, s in codes.items()
            if s.weight >= 10
            and c not in _CONTEXT_ONLY
            and not (c == "new_number" and s.weight < NEW_NUMBER_WITH_ASK)
        ]
        if any(s.weight < 0 for s in _standing(codes, offers=False, other_sites=True).values()):
            # A routine notice (official link or channel, code notice): not overruled. A brand's
            # site only named next to a strange link ("ROS.ie ... Claim now rb.gy/...") is no
            # such notice, and the classifier has its say. (In an offer the name-drop still
            # holds it back: letting it speak there too gained no scam on the public samples and
            # flagged a vaccination certificate, "Congratulations ... download at cowin.gov.in".
            # Nor does a well-known site of another organisation than the one named.)
            return
        if backing:
            floor = MODEL_FLOOR
        elif "link.unknown_domain" in codes:
            # A link to a site Qila does not know is the one finding of most link smishing that
            # names nothing: too weak to back the classifier at its ordinary floor, but more
            # than a message with no finding at all.
            floor = MODEL_UNKNOWN_LINK_FLOOR
        else:
            floor = MODEL_ALONE_FLOOR
        p = self._model.scam_probability(readable)
        weight = model_weight(p, floor)
        if weight > 0:
            found.add("model", weight, "model", f"{p:.2f}")

    def _reassure(self, found: _Found, readable: str) -> None:
        codes = found.by_code
        # Routine notices link to the sender's own site, if anywhere: any other link means the
        # notice look is not reassuring.
        if _risky_link(codes):
            return
        hits = reassuring(readable)
        looks = {h.code for h in hits}
        if any(_EXCUSED_BY.get(ask) not in looks for ask in _ASKS & codes.keys()):
            return
        for hit in hits:
            found.add(hit.code, hit.weight, "text", hit.evidence)
        for ask, look in _EXCUSED_BY.items():
            if ask in codes and look in looks:
                # The fee paid at the post office, the rent "as usual": the genuine kind of the
                # ask, so it is no longer held against the message.
                del codes[ask]

    # -- verdict ---------------------------------------------------------------------

    def _verdict(self, found: _Found) -> Verdict:
        signals = _standing(found.by_code)
        tactics = [
            c
            for c, s in signals.items()
            if s.weight > 0 and c not in _CONTEXT_ONLY and c != "link.unknown_domain"
        ]
        if "impersonation" in signals and set(tactics) <= {"new_number"}:
            # Naming a bank is not suspicious by itself, nor in a new number's news ("switched
            # to Vodafone", "already called Capitec"): that scam speaks as family, not as a brand.
            del signals["impersonation"]
        ordered = sorted(signals.values(), key=lambda s: (-s.weight, s.code))
        score = combine(s.weight for s in ordered)
        level = level_for(score)
        lang = found.language
        if level is Level.NO_RED_FLAGS:
            # Weak findings are still facts worth telling ("the link is shortened").
            weak = pick_reasons([s for s in ordered if s.code not in _CONTEXT_ONLY])
            reasons = weak or [tr("reason.none_found", lang)]
            reasons += [s.reason for s in ordered if s.weight < 0][: MAX_REASONS - len(reasons)]
            advice = tr("advice.no_red_flags", lang)
        else:
            reasons = pick_reasons(ordered)
            advice = tr(f"advice.{advice_key(ordered)}", lang)
        return Verdict(
            level=level,
            score=score,
            reasons=tuple(reasons),
            advice=advice,
            signals=tuple(ordered),
            checked_on=self._today(),
            language=lang,
        )

    def _unable(self, content: Content) -> Verdict:
        if content.unreadable_images:
            key = "reason.unable_unreadable"
        elif content.unsupported_media:
            key = "reason.unable_unsupported"
        else:
            key = "reason.unable_empty"
        return Verdict(
            level=Level.UNABLE,
            score=0,
            reasons=(tr(key, "en"),),
            advice=tr("advice.unable", "en"),
            signals=(),
            checked_on=self._today(),
            language="en",
        )
