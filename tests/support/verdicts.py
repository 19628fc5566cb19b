"""What the analyser concluded about a text (its level and the codes that counted against it)
or about one link (its findings' codes)."""

from __future__ import annotations

from qila.analysis import Content, Level
from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.links import check_url

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


def link_codes(url: str) -> set[str]:
    """The codes of every finding on one link, reassuring ones included."""
    return {hit.code for hit in check_url(url)}
