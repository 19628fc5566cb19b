"""Hostile input for the webhook handler, generated with hypothesis (fixed seed).

Each test calls ``handle(event, settings=..., queue=...)`` with a real SQLite queue, as the
Lambda does. About 10,000 cases in all:

- arbitrary events, headers and bodies: never a 5xx, never an exception, nothing queued;
- valid signed requests with hostile field values: 200 and exactly one job, or a 4xx;
- 1,000 mutated signatures, URLs and fields: all 403, nothing queued;
- oversized bodies and fields: 413/400; non-UTF-8 and odd encodings: 400, never 500.
"""

from __future__ import annotations

import base64
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from qila.adapters.sqlite_queue import SqliteQueue
from qila.settings import Settings
from qila.webhook.app import handle
from tests.support.events import rest_event, sign, twilio_form

API_URL = "https://abc123.execute-api.us-east-1.amazonaws.com/prod/sms"
SEED = 20240917
COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    "database": None,
    "derandomize": False,
}


class Rig:
    def __init__(self, root: Path) -> None:
        self.settings = Settings.from_env({"QILA_STATE_DIR": str(root)})
        self.queue = SqliteQueue(self.settings.queue_db_path)

    def depth(self) -> int:
        stats = self.queue.stats()
        return stats.visible + stats.in_flight

    def call(self, event: Any) -> dict[str, Any]:
        return handle(event, settings=self.settings, queue=self.queue, sleep=lambda s: None)


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    rig = Rig(tmp_path_factory.mktemp("hostile"))
    yield rig
    rig.queue.close()


# -- strategies ----------------------------------------------------------------------------
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
header_names = st.sampled_from(
    ["Host", "host", "Content-Type", "content-type", "X-Twilio-Signature", "x-twilio-signature",
     "X-Forwarded-Proto", "Content-Length"]
) | st.text(max_size=20)  # fmt: skip
header_values = st.text(max_size=80) | st.sampled_from(
    ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-16",
     "multipart/form-data", "x:abc", "[::1]:99999", "example.com:70000", "h\ud800st",
     "abc123.execute-api.us-east-1.amazonaws.com"]
)  # fmt: skip
bodies = (
    st.text(max_size=300)
    | st.binary(max_size=300).map(lambda b: base64.b64encode(b).decode())
    | st.lists(st.tuples(st.text(max_size=12), st.text(max_size=30)), max_size=8).map(urlencode)
    | st.sampled_from(["%ff%fe", "Body=%C0%AF", "a=%", "=&=&&", "Body=\x00", "\ud800=1", "x" * 100])
)


@st.composite
def arbitrary_events(draw: st.DrawFn) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values)  # not even an object
    event: dict[str, Any] = {}
    if draw(st.booleans()):
        event["httpMethod"] = draw(
            st.sampled_from(["POST", "post", "GET", "PUT", None, 1]) | json_values
        )
    if draw(st.booleans()):
        event["headers"] = draw(
            st.dictionaries(header_names, header_values, max_size=6) | json_values
        )
    if draw(st.booleans()):
        event["multiValueHeaders"] = draw(
            st.dictionaries(header_names, st.lists(header_values, max_size=3), max_size=4)
            | json_values
        )
    if draw(st.booleans()):
        event["body"] = draw(bodies | json_values)
    if draw(st.booleans()):
        event["isBase64Encoded"] = draw(json_values)
    if draw(st.booleans()):
        event["requestContext"] = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "path": st.text(max_size=30) | json_values,
                    "http": st.fixed_dictionaries(
                        {}, optional={"method": json_values, "path": json_values}
                    )
                    | json_values,
                    "stage": json_values,
                },
            )
            | json_values
        )
    for key in ("path", "rawPath", "rawQueryString", "multiValueQueryStringParameters", "version"):
        if draw(st.booleans()):
            event[key] = draw(
                st.dictionaries(st.text(max_size=5), json_values, max_size=3)
                if key == "multiValueQueryStringParameters"
                else st.text(max_size=30).map(lambda p: "/" + p) | json_values
            )
    return event


@st.composite
def signed_with_forged_context(draw: st.DrawFn) -> Any:
    """A real Twilio form with an attacker's signature and odd request context."""
    form = twilio_form(body=draw(st.text(max_size=200)))
    event = rest_event(
        form,
        signature=draw(st.none() | st.text(max_size=40) | st.sampled_from(["", " ", "=" * 28])),
        base64_body=draw(st.booleans()),
        host=draw(header_values),
        path=draw(st.text(max_size=20).map(lambda p: "/" + p)),
    )
    if draw(st.booleans()):
        event["multiValueQueryStringParameters"] = draw(
            st.dictionaries(st.text(max_size=5), json_values, min_size=1, max_size=3)
        )
    return event


# -- 1. anything at all: no 5xx, no exception, nothing queued ------------------------------
@seed(SEED)
@settings(max_examples=3600, **COMMON)
@given(event=arbitrary_events())
def test_arbitrary_events_never_crash_never_5xx_never_queue(rig: Rig, event: Any) -> None:
    before = rig.depth()
    response = rig.call(event)
    assert 400 <= response["statusCode"] < 500, response
    assert rig.depth() == before


@seed(SEED)
@settings(max_examples=2000, **COMMON)
@given(event=signed_with_forged_context())
def test_unsigned_or_forged_requests_with_odd_context_are_refused(rig: Rig, event: Any) -> None:
    before = rig.depth()
    response = rig.call(event)
    assert response["statusCode"] in {400, 403, 405, 413, 415}, response
    assert rig.depth() == before


# -- 2. valid signatures over hostile content ----------------------------------------------
field_text = st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=300
)  # any Unicode but lone surrogates (not encodable, so Twilio cannot send them)


@seed(SEED)
@settings(max_examples=2000, **COMMON)
@given(
    body=field_text,
    profile=field_text,
    extra=st.lists(
        st.tuples(st.text(string.ascii_letters, min_size=1, max_size=12), field_text), max_size=5
    ),
    base64_body=st.booleans(),
    lower=st.booleans(),
)
def test_signed_requests_with_hostile_fields_are_queued_once_or_refused_with_4xx(
    rig: Rig, body: str, profile: str, extra: list[tuple[str, str]], base64_body: bool, lower: bool
) -> None:
    form = twilio_form(body=body, ProfileName=profile) + extra
    event = rest_event(form, signature=sign(API_URL, form), base64_body=base64_body,
                       header_case="lower" if lower else "canonical")  # fmt: skip
    before = rig.depth()
    response = rig.call(event)
    if response["statusCode"] == 200:
        (message,) = rig.queue.receive(max_messages=10)
        rig.queue.delete(message.receipt_handle)
        assert '"body":' in message.body
    else:
        assert 400 <= response["statusCode"] < 500, response
    assert rig.depth() == before


# -- 3. 1,000 mutations of a valid request: all 403 ----------------------------------------
BASE_FORM = twilio_form(body="Is this a scam? http://parcel-fee.top/pay")
BASE_SIGNATURE = sign(API_URL, BASE_FORM)


def _replace_char(text: str, index: int, char: str) -> str:
    index %= len(text)
    if text[index] == char:
        char = "A" if char != "A" else "B"
    return text[:index] + char + text[index + 1 :]


@st.composite
def mutated_requests(draw: st.DrawFn) -> dict[str, Any]:
    form = list(BASE_FORM)
    signature = BASE_SIGNATURE
    host = "abc123.execute-api.us-east-1.amazonaws.com"
    path = "/sms"
    stage = "prod"
    query: str | None = None
    kind = draw(st.sampled_from(
        ["sig-char", "sig-truncate", "sig-extend", "sig-other-token", "sig-other-url", "host",
         "path", "stage", "query", "field-value", "field-add", "field-drop", "field-rename"]
    ))  # fmt: skip
    if kind == "sig-char":
        signature = _replace_char(signature, draw(st.integers(0, 100)),
                                  draw(st.sampled_from(string.ascii_letters + string.digits + "+/=")))  # fmt: skip
    elif kind == "sig-truncate":
        signature = signature[: draw(st.integers(1, len(signature) - 1))]
    elif kind == "sig-extend":
        signature += draw(st.text(string.ascii_letters + "+/=", min_size=1, max_size=8))
    elif kind == "sig-other-token":
        token = draw(st.text(string.ascii_letters + string.digits, min_size=8, max_size=32))
        if token == "qila-local-sandbox-auth-token-00":
            token += "x"
        signature = sign(API_URL, form, token=token)
    elif kind == "sig-other-url":
        url = draw(st.sampled_from([
            "http://abc123.execute-api.us-east-1.amazonaws.com/prod/sms",
            "https://abc123.execute-api.us-east-1.amazonaws.com/sms",
            "https://abc123.execute-api.us-east-1.amazonaws.com/prod/sms/",
            "https://abc123.execute-api.us-east-1.amazonaws.com:8443/prod/sms",
            "https://evil.example/prod/sms",
            "https://abc123.execute-api.us-east-1.amazonaws.com/prod/sms?x=1",
        ]))  # fmt: skip
        signature = sign(url, form)
    elif kind == "host":
        host = draw(st.sampled_from(["evil.example", "abc124.execute-api.us-east-1.amazonaws.com",
                                     "ABC123.execute-api.us-east-1.amazonaws.com.evil", "localhost"]))  # fmt: skip
    elif kind == "path":
        path = draw(st.sampled_from(["/SMS", "/sms/", "/sms2", "//sms", "/other"]))
    elif kind == "stage":
        stage = draw(st.sampled_from(["dev", "Prod", "prod2", "beta"]))
    elif kind == "query":
        query = draw(st.text(string.ascii_letters + "=&", min_size=1, max_size=20))
    elif kind == "field-value":
        index = draw(st.integers(0, len(form) - 1))
        name, value = form[index]
        new = draw(st.text(max_size=30).filter(lambda v, old=value: v != old))
        form[index] = (name, new)
    elif kind == "field-add":
        name = draw(st.text(string.ascii_letters, min_size=1, max_size=10))
        form.append((name, draw(st.text(max_size=20).filter(lambda v, n=name: (n, v) not in form))))
    elif kind == "field-drop":
        form.pop(draw(st.integers(0, len(form) - 1)))
    else:  # field-rename: Twilio's field names are case-sensitive
        index = draw(st.integers(0, len(form) - 1))
        name, value = form[index]
        form[index] = (name.lower() if name != name.lower() else name.upper(), value)
    event = rest_event(form, signature=signature, host=host, path=path, stage=stage)
    if query is not None:
        event["multiValueQueryStringParameters"] = {"q": [query]}
    return event


@seed(SEED)
@settings(max_examples=1000, **COMMON)
@given(event=mutated_requests())
def test_every_mutated_signature_url_or_field_is_refused_with_403(
    rig: Rig, event: dict[str, Any]
) -> None:
    before = rig.depth()
    response = rig.call(event)
    assert response["statusCode"] == 403, (response, event)
    assert rig.depth() == before


def test_the_unmutated_request_is_accepted(rig: Rig) -> None:
    before = rig.depth()
    assert rig.call(rest_event(BASE_FORM, signature=BASE_SIGNATURE))["statusCode"] == 200
    (message,) = rig.queue.receive(max_messages=10)
    rig.queue.delete(message.receipt_handle)
    assert rig.depth() == before


# -- 4. sizes and encodings ----------------------------------------------------------------
@seed(SEED)
@settings(max_examples=500, **COMMON)
@given(
    extra_bytes=st.integers(1, 200_000),
    base64_body=st.booleans(),
    signed=st.booleans(),
)
def test_oversized_bodies_are_413(
    rig: Rig, extra_bytes: int, base64_body: bool, signed: bool
) -> None:
    limit = rig.settings.max_body_bytes
    form = twilio_form(body="x" * (limit + extra_bytes))
    event = rest_event(
        form, signature=sign(API_URL, form) if signed else "forged", base64_body=base64_body
    )
    before = rig.depth()
    assert rig.call(event)["statusCode"] == 413
    assert rig.depth() == before


@seed(SEED)
@settings(max_examples=300, **COMMON)
@given(
    size=st.integers(16 * 1024 + 1, 60 * 1024),
    field=st.sampled_from(["Body", "ProfileName", "MediaUrl0", "Zzz"]),
)
def test_oversized_fields_are_refused_even_when_signed(rig: Rig, size: int, field: str) -> None:
    form = [(k, v) for k, v in twilio_form() if k != field] + [(field, "y" * size)]
    event = rest_event(form, signature=sign(API_URL, form))
    before = rig.depth()
    assert rig.call(event)["statusCode"] in {400, 413}
    assert rig.depth() == before


def test_too_many_fields_are_400(rig: Rig) -> None:
    form = twilio_form() + [(f"F{i}", "1") for i in range(300)]
    assert rig.call(rest_event(form, signature=sign(API_URL, form)))["statusCode"] == 400


def _is_not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


odd_bodies = st.one_of(
    st.binary(min_size=1, max_size=200).filter(_is_not_utf8),
    st.sampled_from(
        [
            "Body=caf\xe9".encode("latin-1"),
            "Body=hi".encode("utf-16"),
            b"Body=\xc0\xaf",  # overlong "/"
            b"Body=\xed\xa0\x80",  # an encoded surrogate
            b"\xef\xbb\xbfBody=hi\xff",
        ]
    ),
)


@seed(SEED)
@settings(max_examples=300, **COMMON)
@given(raw=odd_bodies, signed=st.booleans())
def test_non_utf8_bodies_are_400(rig: Rig, raw: bytes, signed: bool) -> None:
    event = rest_event(twilio_form(), signature=BASE_SIGNATURE if signed else None)
    event["body"] = base64.b64encode(raw).decode()
    event["isBase64Encoded"] = True
    before = rig.depth()
    assert rig.call(event)["statusCode"] == 400
    assert rig.depth() == before


@seed(SEED)
@settings(max_examples=300, **COMMON)
@given(
    value=st.binary(min_size=1, max_size=40).filter(_is_not_utf8),
    name=st.sampled_from(["Body", "From", "ProfileName", "X"]),
)
def test_percent_encoded_invalid_utf8_is_400(rig: Rig, value: bytes, name: str) -> None:
    form = urlencode(twilio_form()) + f"&{name}=" + quote(value)
    event = rest_event(twilio_form(), signature=BASE_SIGNATURE)
    event["body"] = form
    before = rig.depth()
    assert rig.call(event)["statusCode"] == 400
    assert rig.depth() == before


@pytest.mark.parametrize(
    "body",
    ["Body=\ud800", "\udcff=1", "From=whatsapp:+65\udfff"],
    ids=["lone-high", "lone-low", "in-from"],
)
def test_unencodable_text_bodies_are_400(rig: Rig, body: str) -> None:
    event = rest_event(twilio_form(), signature=BASE_SIGNATURE)
    event["body"] = body
    assert rig.call(event)["statusCode"] == 400
