"""Plot the benchmark results.

Usage: ``python benchmarks/plot.py`` ->

- ``docs/benchmarks/ack_latency.png``: acknowledgement latency percentiles, async vs sync vs
  bare, per kind and concurrency (from ``results/ack.json``);
- ``docs/benchmarks/throughput.png``: end-to-end msg/s per configuration, with and without the
  multi-part window (from ``results/throughput.json``, when present);
- ``docs/benchmarks/e2e_breakdown.png``: where a text message's time goes, p50 per phase
  (from ``results/e2e.json``, when present).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
DOCS = REPO / "docs" / "benchmarks"
COLOURS = {"bare": "#7f7f7f", "async": "#1f77b4", "sync": "#d62728"}
PERCENTILES = ("p50", "p95", "p99", "max")


def load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def plot_ack(doc: dict[str, Any]) -> Path:
    runs = doc["runs"]
    kinds = sorted({r["kind"] for r in runs}, key=lambda k: k != "text")
    levels = sorted({r["concurrency"] for r in runs})
    servers = [s for s in COLOURS if any(r["server"] == s for r in runs)]
    fig, axes = plt.subplots(len(kinds), len(levels), figsize=(4.2 * len(levels), 3.8 * len(kinds)),
                             squeeze=False, sharey="row")  # fmt: skip
    width = 0.8 / max(1, len(servers))
    for row, kind in enumerate(kinds):
        for col, conc in enumerate(levels):
            ax = axes[row][col]
            for i, server in enumerate(servers):
                run = next(
                    (
                        r
                        for r in runs
                        if (r["kind"], r["concurrency"], r["server"]) == (kind, conc, server)
                    ),
                    None,
                )
                if run is None or not run.get("n"):
                    continue
                xs = [j + (i - (len(servers) - 1) / 2) * width for j in range(len(PERCENTILES))]
                ax.bar(xs, [run[p] for p in PERCENTILES], width, label=f"{server} (n={run['n']})",
                       color=COLOURS[server])  # fmt: skip
            ax.set_yscale("log")
            ax.set_xticks(range(len(PERCENTILES)), PERCENTILES)
            ax.set_title(f"{kind}, {conc} concurrent sender{'s' if conc > 1 else ''}", fontsize=10)
            ax.grid(axis="y", which="both", alpha=0.3)
            if col == 0:
                ax.set_ylabel("ack latency, ms (log)")
            ax.legend(fontsize=7, loc="upper left")
    load_avg = doc.get("machine", {}).get("loadavg_at_start")
    fig.suptitle(f"Webhook ack latency over HTTP (local stack, same run; load average at start "
                 f"{load_avg})", fontsize=10)  # fmt: skip
    fig.tight_layout()
    out = DOCS / "ack_latency.png"
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def plot_throughput(doc: dict[str, Any]) -> Path:
    runs = doc["runs"]
    labels = [
        f"batch {r['batch']}, {r['procs']} proc" for r in runs if r["window"] == runs[0]["window"]
    ]
    windows = list(dict.fromkeys(r["window_s"] for r in runs))
    fig, ax = plt.subplots(figsize=(7, 3.8))
    width = 0.8 / max(1, len(windows))
    for i, window in enumerate(windows):
        rows = [r for r in runs if r["window_s"] == window]
        xs = [j + (i - (len(windows) - 1) / 2) * width for j in range(len(rows))]
        ax.bar(xs, [r["msg_s"] or 0 for r in rows], width, label=f"window {window}: burst msg/s")
        ax.scatter(xs, [r["steady_msg_s"] or 0 for r in rows], marker="_", s=300, color="black",
                   zorder=3, label="steady msg/s" if i == 0 else None)  # fmt: skip
    target = doc.get("target", {}).get("msg_s_min")
    if target:
        ax.axhline(target, color="#d62728", linestyle="--", linewidth=1, label=f"target {target:g}")
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylabel("text messages / s, end to end")
    ax.set_title(f"Throughput, {doc.get('n')} messages (2 cores, load average at start "
                 f"{doc.get('machine', {}).get('loadavg_at_start')})", fontsize=10)  # fmt: skip
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    out = DOCS / "throughput.png"
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


E2E_PARTS = (
    ("before_webhook_receipt_ms", "sandbox + webhook"),
    ("queue_wait_ms", "queue wait"),
    ("deferral_job_ms", "deferral job"),
    ("window_and_flush_queue_wait_ms", "window + flush queue wait"),
    ("total_ms", "answering job (analysis, store, send)"),
)


def plot_e2e(doc: dict[str, Any]) -> Path:
    rows = [(s["label"], p) for s in doc["stacks"] for p in s["phases"]
            if p["phase"].startswith("text")]  # fmt: skip
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(rows) + 1.6))
    names = [f"{label}: {p['phase']}" for label, p in rows]
    left = [0.0] * len(rows)
    for key, label in E2E_PARTS:
        vals = [max(0.0, p["breakdown_ms"].get(key, {}).get("p50") or 0.0) for _, p in rows]
        ax.barh(names, vals, left=left, label=label)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_xscale("symlog", linthresh=10)
    ax.set_xlabel("ms, p50 of each part (symlog)")
    ax.set_title("Where a text message's time goes (worker log, joined on MessageSid)", fontsize=10)
    ax.legend(fontsize=7, loc="lower right")
    ax.invert_yaxis()
    fig.tight_layout()
    out = DOCS / "e2e_breakdown.png"
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def main() -> int:
    DOCS.mkdir(parents=True, exist_ok=True)
    written = []
    for name, plot in (("ack", plot_ack), ("throughput", plot_throughput), ("e2e", plot_e2e)):
        doc = load(name)
        if doc is None:
            print(f"no results/{name}.json: skipped")
            continue
        try:
            written.append(plot(doc))
        except (KeyError, TypeError, ValueError) as exc:  # results of an older script version
            print(f"results/{name}.json not plotted: {type(exc).__name__}: {exc}")
    for out in written:
        print(f"wrote {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
