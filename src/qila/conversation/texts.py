"""Looking up the conversation's strings (``chat.*`` in :mod:`qila.i18n`) and choosing the
language to greet in. Light on purpose: the webhook uses it for its interim reply."""

from __future__ import annotations

from qila.i18n import CATALOGUES, text

LANGUAGES = tuple(CATALOGUES)


def say(key: str, language: str, **params: str) -> str:
    """The string ``chat.<key>`` in ``language`` (English if unknown), never leaking a
    placeholder."""
    return text(f"chat.{key}", language if language in CATALOGUES else "en", **params)


_INDONESIAN_GREETINGS = {"halo", "hai", "bantuan", "tolong", "mulai", "tentang", "bahasa"}


def guess_language(body: str) -> str:
    """The language to answer a short command in when the sender has not chosen one."""
    words = set(body.lower().split())
    if words & _INDONESIAN_GREETINGS and len(words) <= 2:
        return "id"
    # Imported here: this module must stay light for the webhook.
    from qila.analysis.language import detect_language

    language = detect_language(body) if len(words) > 2 else "en"
    return language if language in CATALOGUES else "en"
