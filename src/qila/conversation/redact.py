"""Masking personal data before a message's text is stored with its check record."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_CARD = re.compile(r"\b(?:\d[ -]?){13,19}\b")
_PHONE = re.compile(r"(?<!\w)\+?\d[\d\s().-]{6,}\d(?!\w)")
_CODE = re.compile(r"\b\d{4,8}\b")


def redact(text: str) -> str:
    """E-mail addresses, card numbers, phone numbers and codes (OTPs, PINs) masked."""
    text = _EMAIL.sub("[email]", text)
    text = _CARD.sub("[card]", text)
    text = _PHONE.sub("[phone]", text)
    return _CODE.sub("[code]", text)
