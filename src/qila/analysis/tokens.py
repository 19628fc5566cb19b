"""Text features shared by training and run-time inference (one definition, no drift)."""

from __future__ import annotations

import itertools
import re

_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|ly|me|top|xyz|co|id|my|sg|io|info|biz|site|online|vip|cc|link|click|shop)(?:/\S*)?\b"
)
_WORD = re.compile(r"[a-z£$€¥]+|\d+|[!?]")


def _digits(run: str) -> str:
    n = len(run)
    if n <= 2:
        return "<d2>"
    if n <= 4:
        return "<d4>"
    if n <= 8:
        return "<d8>"
    return "<dlong>"


def tokens(text: str) -> list[str]:
    """Lower-cased words with digit runs bucketed by length and links replaced by ``<url>``,
    followed by the adjacent word pairs."""
    low = _URL.sub(" <url> ", text.lower())
    words: list[str] = []
    for part in low.split():
        if part == "<url>":
            words.append(part)
            continue
        for tok in _WORD.findall(part):
            words.append(_digits(tok) if tok[0].isdigit() else tok)
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
    return words + pairs
