"""qila.secrets against a moto server (SSM Parameter Store and Secrets Manager)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from qila import secrets
from qila.secrets import SecretLookupError, load_auth_token

TOKEN = "0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    secrets.clear_cache()
    yield
    secrets.clear_cache()


class CountingFactory:
    """A client factory that counts how many clients were made."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make
        self.calls = 0

    def __call__(self) -> Any:
        self.calls += 1
        return self._make()


def refuse() -> Any:
    raise AssertionError("no AWS client should be made")


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:12]}"


def test_plain_token_wins_and_needs_no_aws() -> None:
    environ = {
        "TWILIO_AUTH_TOKEN": f" {TOKEN} ",
        "TWILIO_AUTH_TOKEN_PARAMETER": "/qila/ignored",
    }
    assert load_auth_token(environ, refuse, refuse) == TOKEN


def test_ssm_securestring_is_read_with_decryption_once(aws_client: Any) -> None:
    ssm = aws_client("ssm")
    name = unique("/qila/test/token-")
    ssm.put_parameter(Name=name, Value=TOKEN, Type="SecureString")
    factory = CountingFactory(lambda: aws_client("ssm"))

    environ = {"TWILIO_AUTH_TOKEN_PARAMETER": name}
    assert load_auth_token(environ, factory, refuse) == TOKEN
    assert load_auth_token(environ, factory, refuse) == TOKEN
    assert factory.calls == 1  # cached for the process

    secrets.clear_cache()
    ssm.put_parameter(Name=name, Value="rotated-token", Type="SecureString", Overwrite=True)
    assert load_auth_token(environ, factory, refuse) == "rotated-token"
    assert factory.calls == 2


def test_missing_ssm_parameter_names_the_variable(aws_client: Any) -> None:
    name = unique("/qila/test/missing-")
    with pytest.raises(SecretLookupError) as caught:
        load_auth_token({"TWILIO_AUTH_TOKEN_PARAMETER": name}, lambda: aws_client("ssm"), refuse)
    assert caught.value.variable == "TWILIO_AUTH_TOKEN_PARAMETER"
    message = str(caught.value)
    assert message.startswith("TWILIO_AUTH_TOKEN_PARAMETER:")
    assert name in message
    assert "ParameterNotFound" in message


def test_failed_lookup_is_not_cached(aws_client: Any) -> None:
    name = unique("/qila/test/late-")
    environ = {"TWILIO_AUTH_TOKEN_PARAMETER": name}
    with pytest.raises(SecretLookupError):
        load_auth_token(environ, lambda: aws_client("ssm"), refuse)
    aws_client("ssm").put_parameter(Name=name, Value=TOKEN, Type="SecureString")
    assert load_auth_token(environ, lambda: aws_client("ssm"), refuse) == TOKEN


def test_unreachable_endpoint_is_a_lookup_error(unused_port: int) -> None:
    import boto3
    from botocore.config import Config

    def dead_client() -> Any:
        return boto3.client(
            "ssm",
            endpoint_url=f"http://127.0.0.1:{unused_port}",
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            config=Config(retries={"max_attempts": 1}, connect_timeout=1, read_timeout=1),
        )

    with pytest.raises(SecretLookupError) as caught:
        load_auth_token({"TWILIO_AUTH_TOKEN_PARAMETER": "/qila/x"}, dead_client, refuse)
    assert caught.value.variable == "TWILIO_AUTH_TOKEN_PARAMETER"
    assert "EndpointConnectionError" in str(caught.value)


def test_secrets_manager_plain_string(aws_client: Any) -> None:
    sm = aws_client("secretsmanager")
    arn = sm.create_secret(Name=unique("qila-token-"), SecretString=TOKEN)["ARN"]
    factory = CountingFactory(lambda: aws_client("secretsmanager"))
    environ = {"TWILIO_AUTH_TOKEN_SECRET_ARN": arn}
    assert load_auth_token(environ, refuse, factory) == TOKEN
    assert load_auth_token(environ, refuse, factory) == TOKEN
    assert factory.calls == 1


@pytest.mark.parametrize("field", ["auth_token", "TWILIO_AUTH_TOKEN"])
def test_secrets_manager_json_document(aws_client: Any, field: str) -> None:
    sm = aws_client("secretsmanager")
    document = json.dumps({field: TOKEN, "account_sid": "AC123"})
    arn = sm.create_secret(Name=unique("qila-json-"), SecretString=document)["ARN"]
    environ = {"TWILIO_AUTH_TOKEN_SECRET_ARN": arn}
    assert load_auth_token(environ, refuse, lambda: aws_client("secretsmanager")) == TOKEN


def test_secrets_manager_json_without_token_field_does_not_leak(aws_client: Any) -> None:
    sm = aws_client("secretsmanager")
    document = json.dumps({"password": TOKEN})
    arn = sm.create_secret(Name=unique("qila-bad-"), SecretString=document)["ARN"]
    with pytest.raises(SecretLookupError) as caught:
        load_auth_token(
            {"TWILIO_AUTH_TOKEN_SECRET_ARN": arn}, refuse, lambda: aws_client("secretsmanager")
        )
    assert caught.value.variable == "TWILIO_AUTH_TOKEN_SECRET_ARN"
    assert TOKEN not in str(caught.value)


def test_missing_secret_names_the_variable(aws_client: Any) -> None:
    arn = f"arn:aws:secretsmanager:us-east-1:123456789012:secret:{unique('nope-')}"
    with pytest.raises(SecretLookupError) as caught:
        load_auth_token(
            {"TWILIO_AUTH_TOKEN_SECRET_ARN": arn}, refuse, lambda: aws_client("secretsmanager")
        )
    assert caught.value.variable == "TWILIO_AUTH_TOKEN_SECRET_ARN"
    assert "ResourceNotFoundException" in str(caught.value)


def test_parameter_takes_precedence_over_secret(aws_client: Any) -> None:
    name = unique("/qila/test/both-")
    aws_client("ssm").put_parameter(Name=name, Value="from-ssm", Type="SecureString")
    environ = {
        "TWILIO_AUTH_TOKEN_PARAMETER": name,
        "TWILIO_AUTH_TOKEN_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:1:secret:x",
    }
    assert load_auth_token(environ, lambda: aws_client("ssm"), refuse) == "from-ssm"


def test_nothing_configured_names_all_options() -> None:
    with pytest.raises(SecretLookupError) as caught:
        load_auth_token({"TWILIO_AUTH_TOKEN": "  "}, refuse, refuse)
    assert caught.value.variable == "TWILIO_AUTH_TOKEN"
    for variable in (
        "TWILIO_AUTH_TOKEN",
        "TWILIO_AUTH_TOKEN_PARAMETER",
        "TWILIO_AUTH_TOKEN_SECRET_ARN",
    ):
        assert variable in str(caught.value)
