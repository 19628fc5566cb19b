"""What the analyser concluded about a text: its level and the codes that counted against it."""

from __future__ import annotations

from qila.analysis import Content, Level
from qila.analysis.analyzer import ScamAnalyzer

FLAGGED = {Level.LIKELY_SCAM, Level.SUSPICIOUS}


def verdict_codes(analyzer: ScamAnalyzer, text: str) -> tuple[Level, set[str]]:
    verdict = analyzer.analyse(Content(text=text))
    return verdict.level, {s.code for s in verdict.signals if s.weight > 0}


def assert_flagged_with(analyzer: ScamAnalyzer, text: str, *codes: str) -> None:
    """The text is flagged, and each of ``codes`` counted against it."""
    level, found = verdict_codes(analyzer, text)
    assert level in FLAGGED, (text, level, found)
    missing = [c for c in codes if c not in found]
    assert not missing, (text, missing, found)
