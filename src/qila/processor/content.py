"""Gathering the content of a job: the text, and what can be read from its media."""

from __future__ import annotations

from qila.processor.app import ContentGatherer, TextOnlyGatherer
from qila.settings import Settings


def build_gatherer(settings: Settings) -> ContentGatherer:
    return TextOnlyGatherer()
