"""The verdict snapshot: level, score and finding codes for every text the repository holds
(training datasets, independent batches, hand-written cases) and any extra JSON-lines files,
one line each. Two snapshots taken before and after a change, compared with ``diff``, show
every verdict the change moved.

    python -m qila.analysis.snapshot OUT [EXTRA.jsonl ...]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.datasets import load_examples
from qila.analysis.evaluate import blind_batches, read_jsonl
from qila.analysis.model import packaged_model
from qila.analysis.verdict import Content

_TESTS = Path(__file__).resolve().parents[3] / "tests" / "analysis"


def repository_texts(tests: Path = _TESTS) -> Iterator[tuple[str, str]]:
    """(label, text) for the datasets, the independent batches and the hand-written cases."""
    for example in load_examples():
        yield example.label, example.text
    for folder in blind_batches(tests):
        for name in ("scams.jsonl", "legit.jsonl"):
            for row in read_jsonl(folder / name):
                yield row["label"], row["text"]
    for row in read_jsonl(tests / "modern_cases.jsonl"):
        yield row.get("label", "?"), row["text"]


def extra_texts(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    for path in paths:
        for row in read_jsonl(path):
            yield row.get("label", "?"), row["text"]


def snapshot_lines(analyzer: ScamAnalyzer, texts: Iterable[tuple[str, str]]) -> Iterator[str]:
    """One tab-separated line per text: label, level, score, sorted codes, the text's start."""
    for label, text in texts:
        verdict = analyzer.analyse(Content(text=text))
        codes = ",".join(sorted(s.code for s in verdict.signals))
        yield f"{label}\t{verdict.level.value}\t{verdict.score}\t{codes}\t{text[:100]!r}\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    out, extra = Path(args[0]), [Path(a) for a in args[1:]]
    analyzer = ScamAnalyzer(packaged_model())
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for line in snapshot_lines(analyzer, [*repository_texts(), *extra_texts(extra)]):
            handle.write(line)
            count += 1
    print(f"{count} verdicts written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
