"""Pieces every rule module shares: the hit record, the pattern builder, money and phone
shapes, and the helpers that tell a request from a warning or a report."""

from __future__ import annotations

import re
from dataclasses import dataclass

F = re.IGNORECASE


@dataclass(frozen=True)
class RuleHit:
    code: str
    weight: float
    evidence: str
    brand: str = ""


def rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), F)


MONEY = (
    r"(?:us\$|\$|£|€|rm|rp\.?|sgd|s\$|usd|idr|myr|inr|rs\.?|thb|aed|php|₱|ksh|kes|ngn|₦|eur|gbp|cad"
    r"|aud|nzd|hkd|chf|sek|nok|dkk|jpy|¥|krw|₩|vnd|₫|cny|rmb|₹)"
)
PHONE = r"(?:\+?\d[\d -]{6,}\d|\b0\d{3,}\b)"
AMOUNT = (
    r"(?:" + MONEY + r" ?\d[\d,.]*(?: ?(?:k|jt|juta|rb|ribu|million|mil|crores?|lakhs?))?"
    r"|\b\d[\d,.]* ?(?:jt|juta|million|crores?|lakhs?|pounds|dollars|ringgit|rupiah)\b)"
)
# The sender's own app, named ("in the Maybank app", "melalui aplikasi BRImo"): where routine
# notices send you, and where updating details is genuine.
OWN_APP = r"(?:the|your) (?:[A-Z][\w&'.-]* ){1,3}app\b"
OWN_APLIKASI = r"aplikasi [A-Z][\w&'.-]*"
NEG = re.compile(
    r"(?:\bnot\b|\bnever\b|n't\b|\bdont\b|\bjangan\b|\busah\b|\btidak\b|\btak\b|\bno one\b"
    r"|\bnobody\b|\bbukan\b)[^.!?\n]{0,30}$",
    F,
)


def first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None
