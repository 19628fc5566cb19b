"""Time the analyser per text message on dataset texts.

Usage: ``python benchmarks/bench_analysis.py [--n 5000] [--datasets PATH]``. Prints the median
and p95 per message and writes ``benchmarks/results/analysis.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from pathlib import Path

from qila.analysis import Content, build_analyzer
from qila.analysis.datasets import load_examples

RESULTS = Path(__file__).parent / "results" / "analysis.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--datasets", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    start = time.perf_counter()
    analyzer = build_analyzer()
    build_ms = (time.perf_counter() - start) * 1000
    texts = [ex.text for ex in load_examples(args.datasets)]
    random.Random(7).shuffle(texts)
    texts = texts[: args.n]
    analyzer.analyse(Content(text="warm up: pay at parcel-fee.top/pay"))  # lazy link tables

    timings = []
    for text in texts:
        t0 = time.perf_counter()
        analyzer.analyse(Content(text=text))
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    result = {
        "messages": len(timings),
        "median_ms": round(statistics.median(timings), 4),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 4),
        "max_ms": round(timings[-1], 4),
        "with_link_share": round(sum("http" in t or "www." in t for t in texts) / len(texts), 3),
        "build_analyzer_ms": round(build_ms, 1),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"{result['messages']} messages: median {result['median_ms']:.3f} ms, "
        f"p95 {result['p95_ms']:.3f} ms, max {result['max_ms']:.1f} ms "
        f"(build_analyzer {result['build_analyzer_ms']} ms)"
    )


if __name__ == "__main__":
    main()
