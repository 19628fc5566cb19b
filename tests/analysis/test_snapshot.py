"""The verdict snapshot writes one comparable line per text."""

from __future__ import annotations

import json
from pathlib import Path

from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.snapshot import extra_texts, snapshot_lines


def test_one_line_per_text_with_label_level_score_and_sorted_codes(
    fixed_analyzer: ScamAnalyzer, tmp_path: Path
) -> None:
    extra = tmp_path / "extra.jsonl"
    rows = [
        {
            "text": "Your parcel is held. Pay the $1.99 redelivery fee at parcel-fee.top/pay",
            "label": "scam",
        },
        {"text": "see you at 7 for dinner", "label": "legitimate"},
        {"text": "no label here"},
    ]
    extra.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    lines = list(snapshot_lines(fixed_analyzer, extra_texts([extra])))
    assert len(lines) == 3
    fields = [line.rstrip("\n").split("\t") for line in lines]
    assert [f[0] for f in fields] == ["scam", "legitimate", "?"]
    assert fields[0][1] == "likely_scam" and int(fields[0][2]) >= 60
    codes = fields[0][3].split(",")
    assert codes == sorted(codes) and "fee" in codes
    assert fields[1][1:4] == ["no_red_flags", "0", ""]
    assert fields[2][4] == repr("no label here")
