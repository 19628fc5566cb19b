"""The hand-written modern cases (parcel fees, OTP requests, Hi Mum, task jobs, crypto, tax
refunds, and alarming-looking legitimate notices) in English, Indonesian and Malay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qila.analysis import Analyzer, Content, Level
from qila.analysis.evaluate import read_jsonl

CASES = Path(__file__).with_name("modern_cases.jsonl")


def load() -> list[dict[str, Any]]:
    return read_jsonl(CASES)


def test_the_set_covers_languages_and_kinds() -> None:
    cases = load()
    assert len(cases) >= 60
    assert {c["lang"] for c in cases} == {"en", "id", "ms"}
    assert {"parcel", "bank", "otp", "family", "job", "investment", "tax"} <= {
        c["kind"] for c in cases if c["label"] == "scam"
    }
    assert sum(c["label"] == "legitimate" for c in cases) >= 20


def test_recall_and_false_positive_rate(analyzer: Analyzer) -> None:
    flagged = {Level.LIKELY_SCAM, Level.SUSPICIOUS}
    scams = legit = caught = false_alarms = 0
    for case in load():
        hit = analyzer.analyse(Content(text=case["text"])).level in flagged
        if case["label"] == "scam":
            scams += 1
            caught += hit
        else:
            legit += 1
            false_alarms += hit
    assert caught / scams >= 0.95
    assert false_alarms / legit <= 0.05


def test_detected_language_matches_the_label(analyzer: Analyzer) -> None:
    cases = load()
    right = sum(analyzer.analyse(Content(text=c["text"])).language == c["lang"] for c in cases)
    assert right / len(cases) >= 0.85


def test_the_new_cases_are_reported_on_their_own(analyzer: Analyzer) -> None:
    """The cases added with ``"set": "new"`` were written before the rules they exercise."""
    new = [c for c in load() if c.get("set") == "new"]
    assert len(new) >= 40
    assert {"parcel", "bank", "otp", "family", "job", "investment", "tax", "utility", "loan"} <= {
        c["kind"] for c in new if c["label"] == "scam"
    }
    flagged = {Level.LIKELY_SCAM, Level.SUSPICIOUS}
    hits = {c["text"]: analyzer.analyse(Content(text=c["text"])).level in flagged for c in new}
    scams = [c for c in new if c["label"] == "scam"]
    legit = [c for c in new if c["label"] == "legitimate"]
    assert sum(hits[c["text"]] for c in scams) / len(scams) >= 0.95
    assert sum(hits[c["text"]] for c in legit) / len(legit) <= 0.05
