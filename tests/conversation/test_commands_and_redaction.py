from __future__ import annotations

import pytest

from qila.conversation import commands
from qila.conversation.redact import redact
from qila.conversation.texts import LANGUAGES, say
from qila.i18n import CATALOGUES


@pytest.mark.parametrize(
    ("text", "kind", "argument"),
    [
        ("hi", "help", ""), ("Hello!", "help", ""), ("START", "help", ""), ("halo", "help", ""),
        ("about", "about", ""), ("language", "language", ""), ("bahasa", "language", ""),
        ("language en", "language", "en"), ("bahasa melayu", "language", "ms"),
        ("bahasa indonesia", "language", "id"), ("bahasa ms", "language", "ms"),
        ("language klingon", "language", "?"), ("👍", "feedback", "up"), ("👎🏽", "feedback", "down"),
        ("feedback it was right", "feedback", "comment"),
    ],
)  # fmt: skip
def test_commands(text: str, kind: str, argument: str) -> None:
    command = commands.parse(text)
    assert command is not None and (command.kind.value, command.argument) == (kind, argument)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Hi Mum, I lost my phone, this is my new number",
        "help me check this link bit.ly/x",
        "feedback",
    ],
)
def test_messages_to_check_are_not_commands(text: str) -> None:
    assert commands.parse(text) is None


def test_redaction_masks_personal_data() -> None:
    text = ("Your OTP is 482913. Call +65 8123 4567 or 0812-3456-7890, mail ana.tan@example.com, "
            "card 4111 1111 1111 1111.")  # fmt: skip
    assert redact(text) == (
        "Your OTP is [code]. Call [phone] or [phone], mail [email], card [card]."
    )


def test_every_conversation_string_exists_in_every_language_without_leaks() -> None:
    keys = {k for k in CATALOGUES["en"] if k.startswith("chat.")}
    assert {"chat.welcome", "chat.about", "chat.limit_reached", "chat.asked_count"} <= keys
    for language in LANGUAGES:
        assert {k for k in CATALOGUES[language] if k.startswith("chat.")} == keys, language
        for key in keys:
            rendered = say(
                key.removeprefix("chat."), language, days="7", limit="20", period="hour", count="3"
            )
            assert "{" not in rendered and "}" not in rendered, (language, key)
