"""Time the analyser per text message on dataset texts.

Usage: ``python benchmarks/bench_analysis.py [--n 5000] [--jsonl-lines 30000] [--datasets PATH]``.
Prints the median and p95 per message, and how long ``qila check --jsonl`` takes over 30,000
dataset lines end to end (process start included), and writes ``benchmarks/results/analysis.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from qila.analysis import Content, build_analyzer
from qila.analysis.datasets import load_examples

RESULTS = Path(__file__).parent / "results" / "analysis.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--jsonl-lines", type=int, default=30000)
    parser.add_argument("--datasets", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    start = time.perf_counter()
    analyzer = build_analyzer()
    build_ms = (time.perf_counter() - start) * 1000
    every = [ex.text for ex in load_examples(args.datasets)]
    random.Random(7).shuffle(every)
    texts = every[: args.n]
    analyzer.analyse(Content(text="warm up: pay at parcel-fee.top/pay"))  # lazy link tables

    timings = []
    for text in texts:
        t0 = time.perf_counter()
        analyzer.analyse(Content(text=text))
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    jsonl_s = time_jsonl(every[: args.jsonl_lines])
    result = {
        "messages": len(timings),
        "median_ms": round(statistics.median(timings), 4),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 4),
        "max_ms": round(timings[-1], 4),
        "with_link_share": round(sum("http" in t or "www." in t for t in texts) / len(texts), 3),
        "build_analyzer_ms": round(build_ms, 1),
        "jsonl_lines": min(args.jsonl_lines, len(every)),
        "jsonl_seconds": round(jsonl_s, 1),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"{result['messages']} messages: median {result['median_ms']:.3f} ms, "
        f"p95 {result['p95_ms']:.3f} ms, max {result['max_ms']:.1f} ms "
        f"(build_analyzer {result['build_analyzer_ms']} ms); qila check --jsonl: "
        f"{result['jsonl_lines']} lines in {result['jsonl_seconds']} s"
    )


def time_jsonl(texts: list[str]) -> float:
    """Seconds for ``qila check --jsonl`` over ``texts``, as a user would run it."""
    stdin = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "qila.cli", "check", "--jsonl"],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    took = time.perf_counter() - start
    if len(out.splitlines()) != len(texts):
        raise RuntimeError("qila check --jsonl did not answer every line")
    return took


if __name__ == "__main__":
    main()
