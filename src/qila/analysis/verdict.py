"""The analysis contract: what goes into an analysis and the verdict that comes out.

Everything here is plain data so the pipeline, the CLI and the tests can share it without
importing any analyser, model or vendor code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol


class Level(StrEnum):
    """How worried the reader should be. There is deliberately no "safe" level."""

    LIKELY_SCAM = "likely_scam"
    SUSPICIOUS = "suspicious"
    NO_RED_FLAGS = "no_red_flags"
    UNABLE = "unable"


@dataclass(frozen=True)
class Signal:
    """One piece of evidence found by one analyser.

    ``weight`` is the analyser's contribution to the score (0-100 scale, may be negative for
    reassuring evidence); ``reason`` is a short sentence a person can read. ``source`` says
    where it was found ("text", "image", "qr", "model", "online"); ``brand`` names the
    organisation involved, if any.
    """

    code: str
    weight: float
    reason: str
    source: str = "text"
    evidence: str | None = None
    brand: str | None = None


@dataclass(frozen=True)
class ImageEvidence:
    """What was read from one image: OCR text and decoded QR code payloads."""

    text: str = ""
    qr_payloads: tuple[str, ...] = ()
    label: str = "image"


@dataclass(frozen=True)
class Content:
    """Everything a person sent in one check: the text, what was read from images, and the
    content types of media Qila cannot check (audio, video, documents)."""

    text: str = ""
    images: tuple[ImageEvidence, ...] = ()
    unsupported_media: tuple[str, ...] = ()
    unreadable_images: int = 0


@dataclass(frozen=True)
class Verdict:
    level: Level
    score: int
    reasons: tuple[str, ...]
    advice: str
    signals: tuple[Signal, ...] = ()
    checked_on: dt.date = field(default_factory=lambda: dt.datetime.now(dt.UTC).date())
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level.value,
            "score": self.score,
            "reasons": list(self.reasons),
            "advice": self.advice,
            "signals": [
                {
                    "code": s.code,
                    "weight": s.weight,
                    "reason": s.reason,
                    "source": s.source,
                    "evidence": s.evidence,
                    "brand": s.brand,
                }
                for s in self.signals
            ],
            "checked_on": self.checked_on.isoformat(),
            "language": self.language,
        }


class Analyzer(Protocol):
    """Turns content into a verdict. Implementations are pure: no network, no AWS, no Twilio."""

    def analyse(self, content: Content) -> Verdict: ...
