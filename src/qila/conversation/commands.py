"""Recognising the few things people type that are not messages to check."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    HELP = "help"
    ABOUT = "about"
    LANGUAGE = "language"
    FEEDBACK = "feedback"


@dataclass(frozen=True)
class Command:
    kind: Kind
    argument: str = ""


_HELP = {
    "hi",
    "hello",
    "hey",
    "start",
    "help",
    "menu",
    "halo",
    "hai",
    "helo",
    "mulai",
    "bantuan",
    "tolong",
}
_ABOUT = {"about", "tentang", "info"}
_LANGUAGES = {
    "en": "en", "english": "en", "inggris": "en",
    "id": "id", "indonesia": "id", "indonesian": "id", "bahasa indonesia": "id",
    "ms": "ms", "my": "ms", "malay": "ms", "melayu": "ms", "bahasa melayu": "ms", "malaysia": "ms",
}  # fmt: skip
_THUMBS_UP = re.compile(r"^\s*(?:👍|👍🏻|👍🏼|👍🏽|👍🏾|👍🏿)+\s*$")
_THUMBS_DOWN = re.compile(r"^\s*(?:👎|👎🏻|👎🏼|👎🏽|👎🏾|👎🏿)+\s*$")


def parse(text: str) -> Command | None:
    """The command in ``text``, or None when it is something to check."""
    cleaned = " ".join(text.strip().split())
    lowered = cleaned.lower().strip("!.?")
    if not lowered:
        return None
    if lowered in _HELP:
        return Command(Kind.HELP)
    if lowered in _ABOUT:
        return Command(Kind.ABOUT)
    if _THUMBS_UP.match(cleaned):
        return Command(Kind.FEEDBACK, "up")
    if _THUMBS_DOWN.match(cleaned):
        return Command(Kind.FEEDBACK, "down")
    head, _, rest = lowered.partition(" ")
    if head in {"language", "bahasa", "lang"}:
        if not rest:
            return Command(Kind.LANGUAGE)
        return Command(Kind.LANGUAGE, _LANGUAGES.get(rest.strip(), "?"))
    if head in {"feedback", "maklumbalas", "masukan"} and rest:
        return Command(Kind.FEEDBACK, "comment")
    return None


def language_code(argument: str) -> str | None:
    return argument if argument in {"en", "id", "ms"} else None
