"""Turn signals into sentences and advice in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence

from qila.analysis.domains import brand_for_keyword
from qila.analysis.verdict import Signal
from qila.i18n import text

_SOURCE_KIND = {"image": "image", "qr": "qr"}

# Advice for the strongest signal; the first signal (by weight) with an entry decides.
_ADVICE = {
    "otp_request": "otp",
    "code_hijack": "otp",
    "new_number": "family",
    "money_request": "family",
    "task_job": "job",
    "investment": "investment",
    "prize": "prize",
    "gift_card": "prize",
    "fee": "parcel",
    "parcel_problem": "parcel",
    "romance": "romance",
    "move_app": "romance",
    "wrong_number": "wrong_number",
    "call_announced": "bank",
    "extortion": "extortion",
    "adult_lure": "link",
    "date_invite": "link",
    "miracle": "link",
    "vote_lure": "otp",
    "advance_deposit": "deposit",
    "loan": "generic",
    "windfall": "prize",
    "apk": "apk",
    "app_lure": "apk",
    "callback": "generic",
    "link.apk": "apk",
    "link.lookalike": "link",
    "link.punycode": "link",
    "link.ip_host": "link",
    "link.free_host": "link",
    "link.risky_tld": "link",
    "link.script_page": "link",
    "link.redirect": "link",
    "link.shortener": "link",
    "link.short_code": "link",
    "link.login_words": "link",
    "link.flagged_online": "link",
    "link.brand_mismatch": "link",
    "link.brand_in_path": "link",
    "link.scam_like_address": "link",
    "link.at_sign": "link",
    "link.odd_port": "link",
    "link_lure": "link",
    "premium_rate": "prize",
    "contact_lure": "prize",
    "payment_redirect": "payment_redirect",
    "boss_opener": "payment_redirect",
}
_BY_KIND = {"bank": "bank", "courier": "parcel", "government": "government", "platform": "link"}


def render_reason(signal: Signal, language: str) -> str:
    kind = _SOURCE_KIND.get(signal.source, "text")
    sentence = text(
        f"reason.{signal.code}",
        language,
        subject=text(f"subject.{kind}", language),
        link=text(f"link.{kind}", language),
        evidence=signal.evidence or "",
        brand=signal.brand or "",
    )
    return sentence[:1].upper() + sentence[1:]


def brand_kind(signals: Sequence[Signal]) -> str | None:
    """The kind (bank, courier, government, platform) of the first organisation named."""
    for signal in signals:
        if signal.brand and signal.weight > 0:
            found = brand_for_keyword(signal.brand)
            if found:
                return found[1]
    return None


def advice_key(signals: Sequence[Signal]) -> str:
    """Which advice fits the strongest evidence (signals sorted strongest first)."""
    kind = brand_kind(signals)
    for signal in signals:
        if signal.weight <= 0:
            continue
        if signal.code in (
            "credentials",
            "card_details",
            "id_details",
            "threat",
            "click_link",
            "link.brand_mismatch",
        ):
            fallback = "link" if signal.code in ("click_link", "link.brand_mismatch") else "generic"
            return _BY_KIND.get(kind or "", fallback)
        if signal.code in ("refund", "impersonation"):
            return _BY_KIND.get(kind or "", "prize" if signal.code == "refund" else "generic")
        if (
            signal.code.startswith("link.")
            and signal.code != "link.apk"
            and kind
            in (
                "bank",
                "courier",
                "government",
            )
        ):
            return _BY_KIND[kind]
        key = _ADVICE.get(signal.code)
        if key:
            return key
    return "generic"
