"""Scam analysis: text, links and images in, a Verdict out. Pure: no network, no vendors.

Public API: ``build_analyzer()``, ``compose_reply(verdict, language=None)`` and the contract
types in ``qila.analysis.verdict``.
"""

from __future__ import annotations

from functools import cache

from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.model import packaged_model
from qila.analysis.reply import compose_reply
from qila.analysis.verdict import Analyzer, Content, ImageEvidence, Level, Signal, Verdict

__all__ = [
    "Analyzer",
    "Content",
    "ImageEvidence",
    "Level",
    "ScamAnalyzer",
    "Signal",
    "Verdict",
    "build_analyzer",
    "compose_reply",
]


@cache
def build_analyzer() -> Analyzer:
    """The default analyser with the packaged model; built once per process."""
    from qila.analysis.domains import lists

    lists()
    return ScamAnalyzer(packaged_model())
