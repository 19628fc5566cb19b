"""Load the Twilio auth token: from the environment locally, from AWS when deployed.

Where the token comes from, first match wins:

1. ``TWILIO_AUTH_TOKEN``: the token itself (local runs, tests).
2. ``TWILIO_AUTH_TOKEN_PARAMETER``: the name (or ARN) of an SSM Parameter Store SecureString,
   read with decryption. This is what template.yaml sets.
3. ``TWILIO_AUTH_TOKEN_SECRET_ARN``: the ARN (or name) of a Secrets Manager secret whose
   ``SecretString`` is the token, or a JSON object with an ``auth_token`` (or
   ``TWILIO_AUTH_TOKEN``) field.

A token read from AWS is cached for the life of the process, so a Lambda execution environment
pays for one API call at cold start. Every failure raises :class:`SecretLookupError` whose
message names the variable and the parameter or secret, never the token.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from typing import Any

TOKEN_VARIABLE = "TWILIO_AUTH_TOKEN"
PARAMETER_VARIABLE = "TWILIO_AUTH_TOKEN_PARAMETER"
SECRET_ARN_VARIABLE = "TWILIO_AUTH_TOKEN_SECRET_ARN"

ClientFactory = Callable[[], Any]


class SecretLookupError(Exception):
    """The auth token could not be found or read. ``variable`` names the setting at fault."""

    def __init__(self, variable: str, message: str) -> None:
        super().__init__(f"{variable}: {message}")
        self.variable = variable


_cache: dict[tuple[str, str], str] = {}
_lock = threading.Lock()


def _default_ssm_client() -> Any:
    import boto3

    return boto3.client("ssm")


def _default_secrets_client() -> Any:
    import boto3

    return boto3.client("secretsmanager")


def clear_cache() -> None:
    """Forget tokens read from AWS (tests, or after rotating the token)."""
    with _lock:
        _cache.clear()


def load_auth_token(
    environ: Mapping[str, str],
    ssm_client_factory: ClientFactory = _default_ssm_client,
    secrets_client_factory: ClientFactory = _default_secrets_client,
) -> str:
    """Return the Twilio auth token described by ``environ`` (see the module docstring)."""
    token = environ.get(TOKEN_VARIABLE, "").strip()
    if token:
        return token
    parameter = environ.get(PARAMETER_VARIABLE, "").strip()
    if parameter:
        return _cached(
            PARAMETER_VARIABLE, parameter, lambda: _read_ssm(parameter, ssm_client_factory)
        )
    secret_id = environ.get(SECRET_ARN_VARIABLE, "").strip()
    if secret_id:
        return _cached(
            SECRET_ARN_VARIABLE, secret_id, lambda: _read_secret(secret_id, secrets_client_factory)
        )
    raise SecretLookupError(
        TOKEN_VARIABLE,
        f"not set; set it, or {PARAMETER_VARIABLE} (SSM SecureString name), "
        f"or {SECRET_ARN_VARIABLE} (Secrets Manager secret)",
    )


def _cached(variable: str, source: str, read: Callable[[], str]) -> str:
    key = (variable, source)
    with _lock:
        if key in _cache:
            return _cache[key]
    value = read()
    with _lock:
        _cache[key] = value
    return value


def _error_code(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, Mapping):
        code = response.get("Error", {}).get("Code")
        if code:
            return str(code)
    return type(exc).__name__


def _read_ssm(name: str, factory: ClientFactory) -> str:
    try:
        response = factory().get_parameter(Name=name, WithDecryption=True)
    except Exception as exc:  # botocore errors are translated here, at the boundary
        raise SecretLookupError(
            PARAMETER_VARIABLE, f"cannot read SSM parameter {name!r} ({_error_code(exc)})"
        ) from exc
    value = str(response.get("Parameter", {}).get("Value", "")).strip()
    if not value:
        raise SecretLookupError(PARAMETER_VARIABLE, f"SSM parameter {name!r} is empty")
    return value


def _read_secret(secret_id: str, factory: ClientFactory) -> str:
    try:
        response = factory().get_secret_value(SecretId=secret_id)
    except Exception as exc:  # botocore errors are translated here, at the boundary
        raise SecretLookupError(
            SECRET_ARN_VARIABLE, f"cannot read secret {secret_id!r} ({_error_code(exc)})"
        ) from exc
    raw = response.get("SecretString")
    if not isinstance(raw, str) or not raw.strip():
        raise SecretLookupError(SECRET_ARN_VARIABLE, f"secret {secret_id!r} has no SecretString")
    value = raw.strip()
    if value.startswith("{"):
        try:
            document = json.loads(value)
        except ValueError:
            document = None
        if isinstance(document, dict):
            field = document.get("auth_token") or document.get(TOKEN_VARIABLE)
            if not isinstance(field, str) or not field.strip():
                raise SecretLookupError(
                    SECRET_ARN_VARIABLE,
                    f"secret {secret_id!r} is a JSON object without an 'auth_token' field",
                )
            return field.strip()
    return value
