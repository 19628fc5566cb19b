"""Twilio webhook signatures (X-Twilio-Signature), standard library only.

Twilio signs ``url + name1 + value1 + name2 + value2 ...`` (parameters sorted by name, and the
values of a repeated parameter sorted too) with HMAC-SHA1 keyed by the account's auth token,
base64-encoded. This matches ``twilio.request_validator.RequestValidator.compute_signature``;
it is written here so the webhook's cold start does not import the Twilio SDK.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlsplit, urlunsplit


def compute_signature(auth_token: str, url: str, params: Mapping[str, Sequence[str]]) -> str:
    payload = url
    for name in sorted(params):
        for value in sorted(set(params[name])):
            payload += name + value
    digest = hmac.new(auth_token.encode(), payload.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def url_variants(url: str) -> list[str]:
    """The URL as given plus its default-port twin: Twilio may sign either form."""
    parts = urlsplit(url)
    default_port = {"https": 443, "http": 80}.get(parts.scheme)
    variants = [url]
    if default_port is None or not parts.hostname:
        return variants
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    userinfo = parts.netloc.rpartition("@")[0]
    prefix = f"{userinfo}@" if userinfo else ""
    if parts.port is None:
        twin = parts._replace(netloc=f"{prefix}{host}:{default_port}")
    elif parts.port == default_port:
        twin = parts._replace(netloc=f"{prefix}{host}")
    else:
        return variants
    variants.append(urlunsplit(twin))
    return variants


def is_valid(
    auth_token: str,
    signature: str | None,
    candidate_urls: Iterable[str],
    params: Mapping[str, Sequence[str]],
) -> bool:
    """True when ``signature`` matches one of the candidate URLs (each with its port twin).

    Each comparison is constant-time; stopping at the first match reveals only which of our
    own URLs matched, never anything about the expected signature."""
    if not signature:
        return False
    given = signature.strip().encode()
    for url in candidate_urls:
        for variant in url_variants(url):
            expected = compute_signature(auth_token, variant, params).encode()
            if hmac.compare_digest(expected, given):
                return True
    return False
