"""Tiny stop-word based language guess for English, Indonesian and Malay."""

from __future__ import annotations

import re

SUPPORTED = ("en", "id", "ms")

_EN = frozenset(
    [
        "the",
        "you",
        "your",
        "is",
        "are",
        "to",
        "and",
        "of",
        "for",
        "this",
        "that",
        "it",
        "have",
        "has",
        "will",
        "be",
        "with",
        "on",
        "at",
        "from",
        "please",
        "we",
        "i",
        "my",
        "me",
        "not",
        "can",
        "was",
        "our",
        "click",
        "now",
        "here",
        "get",
        "been",
        "account",
    ]
)
# Words shared by Indonesian and Malay.
_MALAY_FAMILY = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "dengan",
        "ini",
        "itu",
        "anda",
        "kami",
        "saya",
        "akan",
        "telah",
        "atau",
        "pada",
        "sila",
        "segera",
        "hari",
        "kepada",
        "bagi",
        "hadiah",
        "sebagai",
        "jika",
        "kerana",
        "karena",
        "tidak",
    ]
)
_ID = frozenset(
    [
        "tidak",
        "bisa",
        "sudah",
        "belum",
        "kamu",
        "aku",
        "silakan",
        "nomor",
        "uang",
        "rekening",
        "mendapatkan",
        "selamat",
        "gratis",
        "karena",
        "hanya",
        "saja",
        "sekarang",
        "kirim",
        "pulsa",
        "dapat",
        "klik",
        "hubungi",
        "bapak",
        "ibu",
        "segera",
        "terima",
        "kasih",
        "dana",
        "transfer",
        "penipuan",
        "paket",
        "kode",
        "dong",
        "nggak",
        "gak",
        "ya",
    ]
)
_MS = frozenset(
    [
        "boleh",
        "sila",
        "nombor",
        "wang",
        "akaun",
        "percuma",
        "tahniah",
        "hantar",
        "kerana",
        "sahaja",
        "daripada",
        "kepada",
        "bayaran",
        "kod",
        "mesej",
        "awak",
        "nak",
        "tak",
        "dah",
        "encik",
        "puan",
        "telefon",
        "pautan",
        "cukai",
    ]
)
_WORD = re.compile(r"[a-z]+")


def detect_language(text: str) -> str:
    """Return "en", "id" or "ms"; English when there is no evidence either way."""
    words = _WORD.findall(text.lower())
    if not words:
        return "en"
    en = sum(w in _EN for w in words)
    malay = sum(w in _MALAY_FAMILY for w in words)
    idn = sum(w in _ID for w in words)
    ms = sum(w in _MS for w in words)
    if malay + idn + ms <= en or malay + idn + ms < 2:
        return "en"
    return "ms" if ms > idn else "id"
