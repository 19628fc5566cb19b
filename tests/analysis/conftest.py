from __future__ import annotations

import datetime as dt

import pytest

from qila.analysis import Analyzer, build_analyzer
from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.model import packaged_model

FIXED_DAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return build_analyzer()


@pytest.fixture(scope="session")
def fixed_analyzer() -> ScamAnalyzer:
    return ScamAnalyzer(packaged_model(), today=lambda: FIXED_DAY)
