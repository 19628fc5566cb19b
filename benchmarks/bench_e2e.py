"""End-to-end latency: from the sandbox's send to the reply's arrival, and where the time goes,
with the multi-part window as shipped (QILA_MULTIPART_WINDOW_S default, 1.5 s) and without it
(QILA_MULTIPART_WINDOW_S=0), in the same run.

Usage: ``python benchmarks/bench_e2e.py [--n 200] [--n-seq 25] [--burst 20] [--pace 20]
[--screenshots 6] [--forwards 10] [--windows default,0]``

For each window setting a fresh local stack runs as three processes (sandbox, webhook server,
worker). Messages are sent through the sandbox's ``POST /api/send`` (it signs and posts the
webhook, as Twilio does); the latency is the reply's creation time in the sandbox minus the
send start (same clock). Every message has its own sender and its own text or screenshot, so
the per-sender limits and the repeat cache stay out of the figures. Phases:

- text, one at a time (``n-seq``): nothing else in flight;
- text, paced (``n`` at ``pace`` msg/s, open loop, each waits for its own reply): light load;
- text, bursts (``n`` in bursts of ``burst`` sent at once);
- screenshot, one at a time (OCR + QR);
- with the window only: multi-part forwards (3 parts from one sender 0.3 s apart, ``forwards``
  senders at once): one reply per forward, latency from the last part's send.

Where the time goes comes from the worker's JSON log, joined on the MessageSid (the flush
job's correlation id is the original MessageSid): with the window a message is two jobs, the
message itself ("no reply", kind "deferred": stored as a part, flush scheduled) and the flush
("replied"). Breakdown per message:

- before the webhook's receipt: e2e - since_received of the reply line (sandbox, HTTP, webhook);
- queue wait of the message: since_received - total_ms of its first job;
- deferral (window only): total_ms of the "deferred" job;
- window + flush queue wait (window only): since_received(flush) - total(flush) -
  since_received(deferred);
- processing of the answering job: total_ms = respond_ms (fetch_ms, read_ms (OCR),
  analysis_ms, store) + send_ms (Twilio SDK -> sandbox) + bookkeeping.

Writes ``benchmarks/results/e2e.json``. Target: text reply p50 < 2 s (as shipped, i.e. with
the default window, one at a time).
"""

from __future__ import annotations

import argparse
import base64
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _stack as S
from bench_ack import screenshot_jpeg

TARGET_P50_S = 2.0
DEFAULT_WINDOW = "default"
PARTS = (
    "Forwarded: Dear customer, your DBS account has been suspended",
    "Forwarded: verify your identity within 24 hours at http://dbs-verify.xyz/login",
    "Forwarded: failure to verify will result in permanent closure",
)


def wait_reply(stack: S.Stack, sender: str, after: int, timeout: float) -> dict[str, Any] | None:
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        found = S.http_json(
            f"{stack.sandbox_url}/api/messages?after={after}&number={quote(sender)}"
            f"&direction=outbound-api&wait={min(left, 10):.1f}",
            timeout=left + 5,
        )["messages"]
        if found:
            return dict(found[0])
    return None


def send_and_wait(
    stack: S.Stack, n: int, payload: dict[str, Any], timeout: float = 60
) -> dict[str, Any]:
    sender = S.sender_number(n)
    t0 = time.time()
    sent = S.http_json(
        f"{stack.sandbox_url}/api/send", {"from": sender, **payload}, timeout=timeout
    )
    acked = time.time()
    reply = wait_reply(stack, sender, sent["seq"], timeout)
    return {
        "sid": sent["sid"],
        "webhook_status": sent["webhook_status"],
        "ack_ms": (acked - t0) * 1000,
        "e2e_ms": (reply["created"] - t0) * 1000 if reply else None,
        "reply": (reply or {}).get("body", "")[:80],
    }


def multipart_forward(stack: S.Stack, n: int, gap_s: float, timeout: float = 60) -> dict[str, Any]:
    """Three parts from one sender ``gap_s`` apart; one reply expected, after the last part."""
    sender = S.sender_number(n)
    sids, first_seq, t_last = [], None, 0.0
    for k, part in enumerate(PARTS):
        if k:
            time.sleep(gap_s)
        t_last = time.time()
        sent = S.http_json(
            f"{stack.sandbox_url}/api/send", {"from": sender, "body": f"{part} (ref {n})"},
            timeout=timeout,
        )  # fmt: skip
        sids.append(sent["sid"])
        first_seq = sent["seq"] if first_seq is None else first_seq
    reply = wait_reply(stack, sender, first_seq or 0, timeout)
    time.sleep(0.5)  # a second (wrong) reply would come at about the same time
    replies = S.http_json(
        f"{stack.sandbox_url}/api/messages?after={first_seq}&number={quote(sender)}"
        "&direction=outbound-api",
    )["messages"]
    return {
        "sid": sids[-1],
        "sids": sids,
        "e2e_ms": (reply["created"] - t_last) * 1000 if reply else None,
        "replies": len(replies),
        "ack_ms": 0.0,
        "reply": (reply or {}).get("body", "")[:80],
    }


def phase(
    name: str,
    jobs: list[Any],
    call: Any,
    *,
    burst: int = 1,
    pace: float | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    results: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    if pace:
        # Open loop: one send every 1/pace s, each in its own thread, waiting for its reply.
        lock = threading.Lock()
        with ThreadPoolExecutor(64) as pool:
            futures = []
            for i, job in enumerate(jobs):
                delay = t0 + i / pace - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                futures.append(pool.submit(call, *job))
            for f in futures:
                r = f.result(timeout=120)
                with lock:
                    results.append(r)
    elif burst <= 1:
        results = [call(*job) for job in jobs]
    else:
        with ThreadPoolExecutor(burst) as pool:
            for i in range(0, len(jobs), burst):
                results += list(pool.map(lambda j: call(*j), jobs[i : i + burst], timeout=120))
    wall = time.perf_counter() - t0
    e2e = [r["e2e_ms"] for r in results if r["e2e_ms"] is not None]
    row = {
        "phase": name,
        "messages": len(jobs),
        "replied": len(e2e),
        "e2e_ms": S.summary(e2e, 1),
        "ack_ms": S.summary([r["ack_ms"] for r in results], 1),
        "wall_s": round(wall, 1),
        "sample_reply": results[0]["reply"] if results else "",
    }
    if results and "replies" in results[0]:
        row["replies_per_forward"] = sorted({r["replies"] for r in results})
    return row, results


def worker_lines(stack: S.Stack) -> dict[str, dict[str, dict[str, Any]]]:
    """correlation id (MessageSid) -> {"deferred": line, "replied": line} from the worker log."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for e in stack.log_lines("worker"):
        if e.get("logger") != "qila.processor" or "correlation_id" not in e:
            continue
        if e.get("message") == "no reply" and e.get("kind") == "deferred":
            out.setdefault(e["correlation_id"], {})["deferred"] = e
        elif e.get("message") == "replied":
            out.setdefault(e["correlation_id"], {})["replied"] = e
    return out


def breakdown(results: list[dict[str, Any]], lines: dict[str, Any]) -> dict[str, Any]:
    cols: dict[str, list[float]] = {}

    def add(key: str, value: float | None) -> None:
        if value is not None:
            cols.setdefault(key, []).append(value)

    for r in results:
        entry = lines.get(r["sid"], {})
        rep, dfr = entry.get("replied"), entry.get("deferred")
        if rep is None or r["e2e_ms"] is None:
            continue
        since = rep.get("since_received_ms")
        add("e2e_ms", r["e2e_ms"])
        add("before_webhook_receipt_ms", r["e2e_ms"] - since if since is not None else None)
        first = dfr or rep
        add("queue_wait_ms", first.get("since_received_ms", 0) - first.get("total_ms", 0))
        if dfr is not None:
            add("deferral_job_ms", dfr.get("total_ms"))
            add("window_and_flush_queue_wait_ms",
                since - rep.get("total_ms", 0) - dfr.get("since_received_ms", 0))  # fmt: skip
        for key in ("total_ms", "respond_ms", "fetch_ms", "read_ms", "analysis_ms", "send_ms"):
            add(key, rep.get(key))
        if "respond_ms" in rep and "send_ms" in rep:
            add("bookkeeping_ms", rep["total_ms"] - rep["respond_ms"] - rep["send_ms"])
        add("since_received_ms", since)
    return {k: S.summary(v, 1) for k, v in cols.items()}


def run_stack(window: str, args: argparse.Namespace, image_b64: list[str]) -> dict[str, Any]:
    overrides = {"QILA_BATCH_SIZE": args.batch_size, "QILA_BATCH_WINDOW_S": args.batch_window}
    if window != DEFAULT_WINDOW:
        overrides["QILA_MULTIPART_WINDOW_S"] = window
    stack = S.make_stack(S.scratch_dir("qila-bench-e2e-"), **overrides)
    try:
        from qila.settings import Settings

        window_s = Settings.from_env(stack.env).multipart_window_s
    except Exception:
        window_s = None
    label = f"{window} ({window_s} s)" if window == DEFAULT_WINDOW else f"{window_s} s"
    print(f"\n-- multi-part window {label} --", flush=True)
    phases: list[dict[str, Any]] = []
    raw: dict[str, list[dict[str, Any]]] = {}
    base = 1_000_000 * (1 if window == DEFAULT_WINDOW else 2)
    with S.running(stack, "sandbox", "webhook-server", "worker"):
        settled = S.settle(list(stack.procs.values()))
        for i in range(3):  # warm up: first link, first reply, connections
            send_and_wait(stack, base + 900_000 + i, {"body": S.unique_text(i, "warm")})
        plan: list[tuple[str, list[Any], Any, dict[str, Any]]] = [
            ("text, one at a time",
             [(base + i, {"body": S.unique_text(i, "seq")}) for i in range(args.n_seq)],
             lambda n, p: send_and_wait(stack, n, p), {}),
            (f"text, paced {args.pace:g}/s",
             [(base + 100_000 + i, {"body": S.unique_text(i, "pace")}) for i in range(args.n)],
             lambda n, p: send_and_wait(stack, n, p), {"pace": args.pace}),
            (f"text, bursts of {args.burst}",
             [(base + 200_000 + i, {"body": S.unique_text(i, "burst")}) for i in range(args.n)],
             lambda n, p: send_and_wait(stack, n, p), {"burst": args.burst}),
            ("screenshot, one at a time",
             [(base + 300_000 + i, {"body": "", "media": [{"content_type": "image/jpeg", "data": image_b64[i]}]})
              for i in range(args.screenshots)],
             lambda n, p: send_and_wait(stack, n, p), {}),
        ]  # fmt: skip
        if window_s:
            plan.append(
                (f"3-part forward (parts {args.part_gap:g} s apart), {args.forwards} senders at once",
                 [(base + 400_000 + i,) for i in range(args.forwards)],
                 lambda n: multipart_forward(stack, n, args.part_gap), {"burst": args.forwards})
            )  # fmt: skip
        for name, jobs, call, opts in plan:
            if not jobs:
                continue
            row, results = phase(name, jobs, call, **opts)
            phases.append(row)
            raw[name] = results
            e = row["e2e_ms"]
            print(
                f"  {name:48} replied {row['replied']}/{row['messages']}  e2e p50 {e.get('p50')} "
                f"p95 {e.get('p95')} p99 {e.get('p99')} max {e.get('max')} ms  wall {row['wall_s']} s",
                flush=True,
            )
        time.sleep(0.5)
        worker = stack.procs["worker"]
        rss_live = worker.rss_peak_mb()
    lines = worker_lines(stack)
    S.drop_databases(stack.state_dir)
    for row in phases:
        row["breakdown_ms"] = breakdown(raw[row["phase"]], lines)
    return {
        "window": window,
        "window_s": window_s,
        "label": label,
        "phases": phases,
        "worker_maxrss_mb": worker.maxrss_mb(),
        "worker_vmhwm_mb": rss_live,
        "settled_s": settled,
        "state_dir": str(stack.state_dir),
    }


BREAKDOWN_COLS = (
    ("before_webhook_receipt_ms", "sandbox+webhook"),
    ("queue_wait_ms", "queue wait"),
    ("deferral_job_ms", "defer job"),
    ("window_and_flush_queue_wait_ms", "window+flush wait"),
    ("total_ms", "answer job"),
    ("fetch_ms", "fetch"),
    ("read_ms", "OCR"),
    ("analysis_ms", "analysis"),
    ("respond_ms", "respond"),
    ("send_ms", "send"),
    ("bookkeeping_ms", "bookkeeping"),
    ("e2e_ms", "e2e"),
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=200, help="messages in the paced and burst phases")
    parser.add_argument("--n-seq", type=int, default=25, help="messages sent one at a time")
    parser.add_argument("--burst", type=int, default=20)
    parser.add_argument("--pace", type=float, default=20.0, help="msg/s of the paced phase")
    parser.add_argument("--screenshots", type=int, default=6)
    parser.add_argument("--forwards", type=int, default=10, help="3-part forwards (window only)")
    parser.add_argument("--part-gap", type=float, default=0.3)
    parser.add_argument("--windows", default=f"{DEFAULT_WINDOW},0")
    parser.add_argument("--batch-size", default="10")
    parser.add_argument("--batch-window", default="0")
    args = parser.parse_args()
    args.n = max(0, min(args.n, 5000))
    args.n_seq = max(1, min(args.n_seq, 1000))
    args.screenshots = max(0, min(args.screenshots, 50))
    args.forwards = max(0, min(args.forwards, 64))
    args.burst = max(1, min(args.burst, 64))
    machine = S.machine()
    images = [base64.b64encode(screenshot_jpeg(1000 + i)).decode() for i in range(args.screenshots)]
    stacks = [run_stack(w, args, images) for w in args.windows.split(",")]

    print(f"\nend to end through the local stack (batch size {args.batch_size}, batch window "
          f"{args.batch_window} s), unique sender and text per message")  # fmt: skip
    print(S.table(["window", "phase", "n", "replied", "e2e p50 ms", "p95", "p99", "max", "ack p50", "wall s"],
                  [[s["label"], p["phase"][:44], p["messages"], p["replied"], p["e2e_ms"].get("p50"),
                    p["e2e_ms"].get("p95"), p["e2e_ms"].get("p99"), p["e2e_ms"].get("max"),
                    p["ack_ms"].get("p50"), p["wall_s"]] for s in stacks for p in s["phases"]]))  # fmt: skip
    print(
        "\nwhere the time goes, p50 ms per message (worker log joined on MessageSid; '-' = not on this path)"
    )
    print(S.table(["window", "phase", *(c for _, c in BREAKDOWN_COLS)],
                  [[s["label"], p["phase"][:30],
                    *(p["breakdown_ms"].get(k, {}).get("p50") for k, _ in BREAKDOWN_COLS)]
                   for s in stacks for p in s["phases"]]))  # fmt: skip
    for s in stacks:
        forwards = [p for p in s["phases"] if "replies_per_forward" in p]
        for p in forwards:
            print(f"\n{s['label']}: {p['phase']}: replies per forward {p['replies_per_forward']}")
    print("\nworker peak memory (ru_maxrss after text + screenshots): "
          + ", ".join(f"{s['label']}: {s['worker_maxrss_mb']} MB" for s in stacks))  # fmt: skip

    def seq_p50(stack: dict[str, Any]) -> float | None:
        return stack["phases"][0]["e2e_ms"].get("p50") if stack["phases"] else None

    shipped = next((s for s in stacks if s["window"] == DEFAULT_WINDOW), stacks[0])
    p50 = seq_p50(shipped)
    met = p50 is not None and p50 < TARGET_P50_S * 1000
    print(f"target e2e text reply p50 < {TARGET_P50_S} s (window {shipped['label']}, one at a time): "
          f"{S.verdict(met)} ({p50} ms)")  # fmt: skip
    for s in stacks:
        if s is not shipped:
            print(f"  window {s['label']}: p50 {seq_p50(s)} ms")
    S.write_result(
        "e2e",
        {
            "benchmark": "end-to-end latency, sandbox send -> reply recorded by the sandbox",
            "settings": {"batch_size": args.batch_size, "batch_window_s": args.batch_window},
            "stacks": stacks,
            "target": {
                "text_p50_ms_max": TARGET_P50_S * 1000,
                "p50_ms": p50,
                "window": shipped["label"],
                "met": met,
            },
            "machine": machine,
            "loadavg_at_end": S.loadavg(),
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
