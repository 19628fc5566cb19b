from __future__ import annotations

from pathlib import Path

import pytest

from qila.errors import ConfigError
from qila.settings import LOCAL_ACCOUNT_SID, LOCAL_AUTH_TOKEN, Settings

SID = "AC" + "a" * 32


def test_nothing_set_means_the_local_stack(tmp_path: Path) -> None:
    s = Settings.from_env({"QILA_STATE_DIR": str(tmp_path)})
    assert s.is_local
    assert (s.account_sid, s.auth_token) == (LOCAL_ACCOUNT_SID, LOCAL_AUTH_TOKEN)
    assert s.webhook_url == "http://127.0.0.1:3000/sms"
    assert s.twilio_api_url == "http://127.0.0.1:3001"
    assert s.queue_db_path == tmp_path / "queue.sqlite3"
    assert s.dynamodb_table is None
    assert (s.max_receives, s.visibility_timeout_s, s.processor_timeout_s) == (3, 360, 300)


def test_configured_credentials_are_used_locally_too() -> None:
    s = Settings.from_env({"TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN": "secret-token-123"})
    assert (s.account_sid, s.auth_token) == (SID, "secret-token-123")
    assert s.is_local and s.twilio_api_url == "http://127.0.0.1:3001"


def test_aws_mode_requires_credentials_and_number() -> None:
    env = {"SQS_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/1/q"}
    with pytest.raises(ConfigError) as err:
        Settings.from_env(env)
    assert "TWILIO_AUTH_TOKEN" in str(err.value) or "TWILIO_ACCOUNT_SID" in str(err.value)
    env |= {"TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN": "t" * 32}
    with pytest.raises(ConfigError, match="TWILIO_PHONE_NUMBER"):
        Settings.from_env(env)
    s = Settings.from_env(env | {"TWILIO_PHONE_NUMBER": "whatsapp:+14155238886"})
    assert not s.is_local
    assert s.twilio_api_url == "https://api.twilio.com"
    assert s.webhook_url is None  # derived from each request on AWS


def test_token_loader_is_used_for_a_parameter_name() -> None:
    env = {"TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN_PARAMETER": "/qila/token"}
    s = Settings.from_env(
        env, token_loader=lambda e: "from-ssm-" + e["TWILIO_AUTH_TOKEN_PARAMETER"]
    )
    assert s.auth_token == "from-ssm-/qila/token"


def test_secrets_never_appear_in_repr() -> None:
    s = Settings.from_env({"TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN": "supersecret-value"})
    assert "supersecret-value" not in repr(s)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TWILIO_ACCOUNT_SID", "not-a-sid"),
        ("TWILIO_PHONE_NUMBER", "12345"),
        ("SQS_QUEUE_URL", "sqs-queue"),
        ("TWILIO_WEBHOOK_URL", "ftp://x/sms"),
        ("QILA_WEBHOOK_PORT", "eighty"),
        ("QILA_WEBHOOK_PORT", "70000"),
        ("QILA_BATCH_SIZE", "0"),
        ("QILA_BATCH_WINDOW_S", "soon"),
        ("QILA_LOG_LEVEL", "LOUD"),
        ("QILA_VISIBILITY_TIMEOUT_S", "100"),  # not longer than the 300 s processor timeout
        ("SUPABASE_URL", "https://x.supabase.co"),  # without SUPABASE_KEY
    ],
)
def test_malformed_values_fail_naming_the_variable(name: str, value: str) -> None:
    env = {name: value}
    if name == "TWILIO_ACCOUNT_SID":
        env["TWILIO_AUTH_TOKEN"] = "t" * 32
    with pytest.raises(ConfigError) as err:
        Settings.from_env(env)
    expected = "SUPABASE_KEY" if name == "SUPABASE_URL" else name
    assert expected in str(err.value)


def test_one_credential_without_the_other_is_an_error() -> None:
    with pytest.raises(ConfigError, match="TWILIO_ACCOUNT_SID"):
        Settings.from_env({"TWILIO_AUTH_TOKEN": "t" * 32})
    with pytest.raises(ConfigError, match="TWILIO_AUTH_TOKEN"):
        Settings.from_env({"TWILIO_ACCOUNT_SID": SID})


def test_cli_reports_a_bad_setting_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from qila.cli import main
    from qila.settings import get_settings

    monkeypatch.setenv("QILA_WEBHOOK_PORT", "not-a-port")
    get_settings.cache_clear()
    try:
        assert main(["send", "hello"]) == 2
    finally:
        get_settings.cache_clear()
    assert "QILA_WEBHOOK_PORT" in capsys.readouterr().err
