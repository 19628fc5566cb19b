"""Signature rules, checked against vectors computed by the Twilio SDK itself."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from qila import signature

TOKEN = "12345abcdef67890fedcba0987654321"
URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
PARAMS = {
    "CallSid": ["CA1234567890ABCDE"],
    "Caller": ["+12349013030"],
    "Digits": ["1234"],
    "From": ["+12349013030"],
    "To": ["+18005551212"],
}


def sdk(url: str, params: dict[str, list[str]]) -> str:
    class Multi(dict):  # the SDK reads repeated fields through getall()
        def getall(self, name: str) -> list[str]:
            return list(self[name])

    return str(RequestValidator(TOKEN).compute_signature(url, Multi(params)))


@pytest.mark.parametrize(
    "params",
    [
        PARAMS,
        {"Body": [""], "NumMedia": ["1"], "MediaUrl0": ["https://api.twilio.com/x"]},
        {"Body": ["héllo wörld ✓ 你好"], "From": ["whatsapp:+6591234567"]},
        {"Tag": ["b", "a", "c"], "Body": ["x"]},  # repeated field
        {},
    ],
    ids=["classic", "blank-body", "unicode", "repeated", "empty"],
)
def test_signature_matches_the_sdk(params: dict[str, list[str]]) -> None:
    expected = sdk(URL, params)
    assert signature.compute_signature(TOKEN, URL, params) == expected
    assert signature.is_valid(TOKEN, expected, [URL], params)


def test_known_vector_from_twilio_docs() -> None:
    # The example in the Twilio SDK and docs, with the auth token "12345".
    assert signature.compute_signature("12345", URL, PARAMS) == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="


def test_wrong_token_url_or_field_is_refused() -> None:
    good = sdk(URL, PARAMS)
    assert not signature.is_valid("x" * 32, good, [URL], PARAMS)
    assert not signature.is_valid(TOKEN, good, [URL + "&baz=3"], PARAMS)
    assert not signature.is_valid(TOKEN, good, [URL], {**PARAMS, "Digits": ["1235"]})
    assert not signature.is_valid(TOKEN, good, [URL], {**PARAMS, "Extra": [""]})
    assert not signature.is_valid(TOKEN, None, [URL], PARAMS)
    assert not signature.is_valid(TOKEN, "", [URL], PARAMS)
    assert not signature.is_valid(TOKEN, good, [], PARAMS)


@pytest.mark.parametrize(
    ("signed_for", "configured"),
    [
        ("https://example.com:443/sms", "https://example.com/sms"),
        ("https://example.com/sms", "https://example.com:443/sms"),
        ("http://example.com:80/sms", "http://example.com/sms"),
    ],
)
def test_default_port_variants_are_accepted(signed_for: str, configured: str) -> None:
    sig = sdk(signed_for, PARAMS)
    assert signature.is_valid(TOKEN, sig, [configured], PARAMS)


def test_non_default_port_is_not_interchangeable() -> None:
    sig = sdk("https://example.com:8443/sms", PARAMS)
    assert not signature.is_valid(TOKEN, sig, ["https://example.com/sms"], PARAMS)


def test_any_candidate_url_may_match() -> None:
    sig = sdk("https://abc.execute-api.us-east-1.amazonaws.com/prod/sms", PARAMS)
    candidates = [
        "https://qila.example.org/sms",
        "https://abc.execute-api.us-east-1.amazonaws.com/prod/sms",
    ]
    assert signature.is_valid(TOKEN, sig, candidates, PARAMS)
