"""The independent modern batches (tests/analysis/blind*/): real published and composed scam
and legitimate messages collected without seeing the rules. Each batch was first measured
unseen (figures in the README); these tests keep what tuning reached from sliding back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qila.analysis import Analyzer, Content
from qila.analysis.evaluate import blind_batches, read_jsonl
from qila.analysis.links import locate_urls
from tests.support.verdicts import FLAGGED

HERE = Path(__file__).parent


def batches() -> list[Path]:
    return blind_batches(HERE)


def rows(name: str) -> list[dict[str, Any]]:
    return [row for folder in batches() for row in read_jsonl(folder / name)]


def test_batches_are_complete_and_labelled() -> None:
    assert len(batches()) >= 3
    scams, legit = rows("scams.jsonl"), rows("legit.jsonl")
    assert len(scams) >= 500 and len(legit) >= 600
    assert {r["label"] for r in scams} == {"scam"}
    assert {r["label"] for r in legit} == {"legitimate"}
    assert {r["lang"] for r in scams + legit} == {"en", "id", "ms"}
    assert all(r["source"] for r in scams + legit)
    keys = [" ".join(r["text"].lower().split()) for r in scams + legit]
    assert len(keys) == len(set(keys))


def test_scams_with_a_link_and_overall(analyzer: Analyzer) -> None:
    linked = caught_linked = total = caught = 0
    for r in rows("scams.jsonl"):
        hit = analyzer.analyse(Content(text=r["text"])).level in FLAGGED
        total += 1
        caught += hit
        if locate_urls(r["text"]):
            linked += 1
            caught_linked += hit
    assert caught_linked / linked >= 0.97
    assert caught / total >= 0.93


def test_legitimate_messages_are_rarely_flagged(analyzer: Analyzer) -> None:
    legit = rows("legit.jsonl")
    flagged = sum(analyzer.analyse(Content(text=r["text"])).level in FLAGGED for r in legit)
    assert flagged / len(legit) <= 0.03
