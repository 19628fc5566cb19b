"""Webhook acknowledgement latency over HTTP: async (queue) vs sync (inline) vs a bare server.

Usage: ``python benchmarks/bench_ack.py [--n 1000] [--concurrency 1,20,50] [--no-wrk]``

Three servers run as separate processes on 127.0.0.1, the load generator in this process:

- ``bare``: http.server.ThreadingHTTPServer answering a fixed empty TwiML (the floor);
- ``async``: the real local stack's webhook server (``qila webhook-server``: local API Gateway
  -> webhook Lambda handler -> SQLite queue -> empty TwiML), as shipped (TCP_NODELAY on the
  local servers, one writer lock per process around the SQLite queue's transactions);
- ``sync``: the same API Gateway front with a handler that downloads and reads screenshots,
  analyses and composes the reply before answering (the design before the queue).

Each request is signed (``qila.signature.compute_signature``, local auth token) for the URL of
the server it goes to and carries a unique MessageSid, sender and text. Messages are text, or a phone
screenshot (MediaUrl0 on a local media server). The load generator is closed-loop: N threads,
each with one keep-alive ``http.client`` connection; 5 warm-up requests per connection are
not measured. When ``wrk`` is installed the text and screenshot runs of ``bare`` and
``async`` (and text of ``sync``) are repeated with wrk (5 s each, pre-signed requests) as a
cross-check of the generator; the reported figures and targets use the thread-pool
generator, which sends exactly N unique requests.

The synchronous server with screenshots takes seconds per request (OCR), so it gets
max(8, concurrency) requests and a time budget instead of N.

When async p99 / bare p99 at 20 senders (text) misses 1.5x, the text run at 20 senders is
repeated against the async server with py-spy attached (when installed): once on-CPU, once
with idle threads (``--idle``: where requests wait), split by component
(``benchmarks/results/ack_profile.txt``).

Writes ``benchmarks/results/ack.json``. Targets: at 20 concurrent senders async p99 within
1.5x of bare; with screenshots async p99 at least 20x lower than sync.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _stack as S

TARGET_ASYNC_OVER_BARE_P99 = 1.5
TARGET_SYNC_OVER_ASYNC_P99_MEDIA = 20.0
TWILIO_TIMEOUT_MS = 15_000
SERVERS = ("bare", "async", "sync")
# Components of the webhook server's work, outermost frame first (see _stack.categorise).
WEBHOOK_RULES: list[tuple[str, list[str]]] = [
    ("queue send (SQLite + writer lock)", ["qila/adapters/sqlite_queue.py", "qila/adapters/sqlite_db.py"]),
    ("logging (JSON line, handler lock)", ["/logging/", "qila/logs.py"]),
    ("signature (HMAC-SHA1)", ["qila/signature.py"]),
    ("envelope (job JSON)", ["qila/envelope.py"]),
    ("parse event + form", ["parse_event (", "parse_form (", "/urllib/parse.py"]),
    ("API Gateway event (local)", ["build_event ("]),
    ("uuid4 (request ids)", ["/uuid.py"]),
]  # fmt: skip
# Plumbing around those (innermost frame wins when no component is on the stack).
WEBHOOK_PLUMBING: list[tuple[str, list[str]]] = [
    ("API Gateway event + handler (local)", ["qila/local/webhook_server.py", "qila/webhook/"]),
    ("HTTP server (request line, headers, write)", ["/http/server.py", "/socketserver.py", "qila/local/http.py", "/socket.py"]),
]  # fmt: skip


def screenshot_jpeg(variant: int = 0) -> bytes:
    """A 1080x2000 phone chat screenshot of a bank phishing conversation. Each ``variant``
    differs (contact number, timestamps): not answered from the repeat cache."""
    sys.path.insert(0, str(S.REPO))
    try:
        from tests.media.imagegen import SCAM_CHATS, chat_screenshot

        contact = f"+65 8123 {variant % 10_000:04d}"
        return chat_screenshot(SCAM_CHATS[1], theme="light", contact=contact, seed=variant).jpeg(
            quality=60
        )
    except ImportError:
        import io

        from PIL import Image, ImageDraw, ImageFont

        image = Image.new("RGB", (1080, 2000), (236, 229, 221))
        draw = ImageDraw.Draw(image)
        try:
            font = ImageFont.truetype("DejaVuSans.ttf", 40)
        except OSError:
            font = ImageFont.load_default()
        draw.text((70, 120), f"+65 8123 {variant % 10_000:04d}", fill="black", font=font)
        for i, line in enumerate(S.SCAM_CHAT):
            draw.rounded_rectangle((40, 240 + i * 220, 1000, 400 + i * 220), 20, fill="white")
            draw.text((70, 290 + i * 220), line[:40], fill="black", font=font)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=60)
        return out.getvalue()


def build_requests(
    url: str, kind: str, count: int, tag: str, media_url: str
) -> list[tuple[bytes, dict[str, str]]]:
    out = []
    for i in range(count):
        if kind == "text":
            fields = S.twilio_fields(S.sid("SM", i, tag), S.sender_number(i), S.unique_text(i, tag))
        else:
            fields = S.twilio_fields(
                S.sid("MM", i, tag),
                S.sender_number(i),
                "",
                [(f"{media_url}/{tag}{i}.jpg", "image/jpeg")],
            )
        out.append(S.signed_request(url, fields))
    return out


def measure(
    name: str,
    port: int,
    proc: S.Proc,
    kind: str,
    conc: int,
    n: int,
    tag: str,
    media_url: str,
    budget_s: float,
) -> dict[str, Any]:
    url = f"http://127.0.0.1:{port}/sms"
    requests = build_requests(url, kind, n, tag, media_url)
    warmup = build_requests(url, "text", 5 * conc, tag + "w", media_url)
    proc.mark()
    load_before = S.loadavg()
    result = S.http_load(port, "/sms", requests, conc, warmup=warmup, budget_s=budget_s)
    stats = S.summary(result.latencies_ms)
    cpu = proc.cpu_since_mark()
    return {
        "kind": kind,
        "concurrency": conc,
        "server": name,
        "generator": "threads",
        **stats,
        "planned": n,
        "rps": result.rps,
        "statuses": {str(k): v for k, v in result.statuses.items()},
        "errors": dict(result.errors),
        "server_cpu_s": cpu,
        "server_cpu_ms_per_req": round(1000 * cpu / stats["n"], 3) if stats.get("n") else None,
        # Little's law for a closed loop: mean latency = senders / throughput when saturated.
        "littles_law_ms": round(1000 * conc / result.rps, 3) if result.rps else None,
        "wall_s": round(result.wall_s, 2),
        "over_twilio_15s": sum(x > TWILIO_TIMEOUT_MS for x in result.latencies_ms),
        "loadavg_before": load_before,
    }


def in_request(frames: list[str]) -> bool:
    """A request thread working on a request (not blocked reading the next request line of
    its keep-alive connection, which is the client's think time)."""
    joined = ";".join(frames)
    if "process_request_thread" not in joined:
        return False  # the accept loop, the main thread
    idle_read = any(k in frames[-1] for k in ("readline", "readinto", "recv"))
    return not (idle_read and "parse_request" not in joined and "do_POST" not in joined)


def profile_async(
    port: int, proc: S.Proc, conc: int, n: int, media_url: str, work: Path, budget_s: float
) -> dict[str, Any]:
    """The text run at ``conc`` senders against the async server, with py-spy attached."""
    out: dict[str, Any] = {"concurrency": conc, "n": n}
    for mode, idle in (("on_cpu", False), ("wall_idle", True)):
        spy = S.pyspy_attach(proc.pid, work / f"async-{mode}.txt", rate=250, idle=idle)
        if spy is None:
            return {"error": "py-spy not installed or could not attach"}
        row = measure(
            "async", port, proc, "text", conc, n, f"P{mode[0]}{conc}x", media_url, budget_s
        )
        path = spy.stop()
        stacks = S.read_stacks(path) if path else []
        # Keep only the request threads working on a request: drop the accept loop and threads
        # between requests (blocked reading the next request line of a keep-alive connection),
        # which py-spy does not always see as idle; on CPU, drop timed waits too.
        stacks = [(f, c) for f, c in stacks if in_request(f)]
        if not idle:
            stacks = S.drop_waits(stacks)
        out[mode] = {
            "p50": row.get("p50"),
            "p99": row.get("p99"),
            "rps": row["rps"],
            "server_cpu_ms_per_req": row["server_cpu_ms_per_req"],
            **S.categorise(stacks, WEBHOOK_RULES, WEBHOOK_PLUMBING, "other (threading, runtime)"),
        }
    return out


WHATIF = {
    # name: patches of ``_servers.py async-whatif`` (all with lock_stats), extra env
    "async_measured": ("lock_stats", {}),
    "async_lock_once": ("lock_stats,lock_once", {}),
    "async_switch": ("lock_stats,switch", {}),
    "async_queue_log": ("lock_stats,queue_log", {}),
    "async_warning_logs": ("lock_stats", {"QILA_LOG_LEVEL": "WARNING"}),
    "async_group_commit": ("lock_stats,group_commit", {}),
    "async_no_autocheckpoint": ("lock_stats,no_autocheckpoint", {}),
    "async_all": ("lock_stats,lock_once,switch,queue_log,group_commit,no_autocheckpoint", {}),
}
OPEN_LOOP_RATES = (250, 1000)


def what_if(
    base_ports: dict[str, int], base_procs: dict[str, S.Proc], work: Path, n: int,
    media_url: str, repeats: int, budget_s: float,
) -> dict[str, Any]:  # fmt: skip
    """Proposed src changes, applied as patches in separate server processes, against bare and
    the shipped server: text at 20 senders, interleaved, ``repeats`` rounds. Then open-loop
    rates with 20 connections (what Twilio's traffic looks like: arrivals, not a closed loop)."""
    ports = dict(base_ports)
    procs = dict(base_procs)
    started: list[S.Proc] = []
    try:
        for name, (patches, env) in WHATIF.items():
            ports[name] = S.free_port()
            cmd = [S.PYTHON, str(S.BENCH / "_servers.py"), "async-whatif", patches]
            senv = S.clean_env(**{"QILA_STATE_DIR": str(work / name), "QILA_WEBHOOK_PORT": str(ports[name]),
                                  "QILA_LOG_LEVEL": "INFO", "QILA_BENCH_LOCKSTATS": str(work / f"{name}.locks.json"),
                                  **env})  # fmt: skip
            procs[name] = S.spawn(name, cmd, senv, work / f"{name}.log")
            started.append(procs[name])
        for name in WHATIF:
            S.wait_http(f"http://127.0.0.1:{ports[name]}/health", timeout=60, proc=procs[name])
        S.settle(started)
        rows: dict[str, list[dict[str, Any]]] = {}
        locks: dict[str, dict[str, list[float]]] = {}
        for r in range(repeats):
            for name in ("bare", "async", *WHATIF):
                if name in WHATIF:
                    lock_stats(procs[name], work / f"{name}.locks.json")  # start afresh
                row = measure(name, ports[name], procs[name], "text", 20, n, f"{name[:2]}{name[-4:]}W{r}x",
                              media_url, budget_s)  # fmt: skip
                rows.setdefault(name, []).append(row)
                if name in WHATIF:
                    got = lock_stats(procs[name], work / f"{name}.locks.json")
                    for k, v in got.items():
                        locks.setdefault(name, {}).setdefault(k, []).extend(v)
        variants = {}

        def med(got: list[dict[str, Any]], key: str) -> Any:
            return sorted(x[key] for x in got)[len(got) // 2]

        for name, got in rows.items():
            variants[name] = {
                "p50_median": med(got, "p50"), "p99_median": med(got, "p99"),
                "rps_median": med(got, "rps"),
                "cpu_ms_per_req_median": med(got, "server_cpu_ms_per_req"),
                "p99_all": [x["p99"] for x in got],
            }  # fmt: skip
        for name, got in locks.items():
            variants[name]["writer_lock_wait_ms"] = S.summary(got.get("wait_ms", []), 3)
            variants[name]["writer_lock_hold_ms"] = S.summary(got.get("hold_ms", []), 3)
        bare_p99 = variants["bare"]["p99_median"]
        for v in variants.values():
            v["p99_over_bare"] = S.ratio(v["p99_median"], bare_p99)
        open_loop = []
        for rate in OPEN_LOOP_RATES:
            for name in ("bare", "async", "async_no_autocheckpoint", "async_all"):
                url = f"http://127.0.0.1:{ports[name]}/sms"
                count = min(n, rate * 4)
                reqs = build_requests(url, "text", count, f"{name[:2]}o{rate}x", media_url)
                warm = build_requests(url, "text", 5 * 20, f"{name[:2]}o{rate}w", media_url)
                res = S.http_load(ports[name], "/sms", reqs, 20, warmup=warm, budget_s=budget_s,
                                  rate=rate)  # fmt: skip
                open_loop.append({"rate": rate, "server": name, **S.summary(res.latencies_ms),
                                  "rps": res.rps})  # fmt: skip
        for rate in OPEN_LOOP_RATES:
            b = next(x for x in open_loop if (x["rate"], x["server"]) == (rate, "bare"))
            for x in open_loop:
                if x["rate"] == rate:
                    x["p99_over_bare"] = S.ratio(x.get("p99"), b.get("p99"))
        return {"repeats": repeats, "variants": variants, "open_loop_20_connections": open_loop}
    finally:
        for proc in started:
            proc.stop()


def lock_stats(proc: S.Proc, path: Path) -> dict[str, list[float]]:
    """Ask a lock_stats server for its writer-lock figures since the last call (SIGUSR1)."""
    path.unlink(missing_ok=True)
    os.kill(proc.pid, signal.SIGUSR1)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if path.exists():
            try:
                return dict(json.loads(path.read_text()))
            except json.JSONDecodeError:
                pass  # being written
        time.sleep(0.05)
    return {}


def render_whatif(w: dict[str, Any]) -> str:
    lines = [
        f"\nwhat-if (proposed src changes as patches), text, 20 senders closed loop, median of {w['repeats']} interleaved runs"
    ]
    lines.append(S.table(["server", "p50", "p99", "p99/bare p99", "req/s", "cpu ms/req", "p99 per run"],
                         [[k, v["p50_median"], v["p99_median"], v["p99_over_bare"], v["rps_median"],
                           v["cpu_ms_per_req_median"], " ".join(str(x) for x in v["p99_all"])]
                          for k, v in w["variants"].items()]))  # fmt: skip
    lines.append("\nSQLite writer lock per transaction (queue send; same runs): wait / hold, ms")
    lines.append(S.table(["server", "transactions", "wait p50", "wait p99", "wait max", "hold p50", "hold p99", "hold max"],
                         [[k, v["writer_lock_wait_ms"].get("n"), v["writer_lock_wait_ms"].get("p50"),
                           v["writer_lock_wait_ms"].get("p99"), v["writer_lock_wait_ms"].get("max"),
                           v["writer_lock_hold_ms"].get("p50"), v["writer_lock_hold_ms"].get("p99"),
                           v["writer_lock_hold_ms"].get("max")]
                          for k, v in w["variants"].items() if "writer_lock_wait_ms" in v]))  # fmt: skip
    lines.append(
        "\nopen loop (requests due at a fixed rate, latency from when due), 20 connections"
    )
    lines.append(S.table(["rate req/s", "server", "n", "p50", "p95", "p99", "max", "p99/bare p99"],
                         [[x["rate"], x["server"], x.get("n"), x.get("p50"), x.get("p95"), x.get("p99"),
                           x.get("max"), x.get("p99_over_bare")] for x in w["open_loop_20_connections"]]))  # fmt: skip
    return "\n".join(lines)


def render_profile(prof: dict[str, Any]) -> str:
    if "error" in prof:
        return f"webhook profile: {prof['error']}"
    lines = []
    for mode, title in (("on_cpu", "on-CPU samples (where the server's CPU goes)"),
                        ("wall_idle", "request threads incl. waiting (--idle: where a request's time goes)")):  # fmt: skip
        m = prof[mode]
        lines.append(f"\nasync webhook server, text, {prof['concurrency']} senders, {title}: "
                     f"{m['samples']} samples; run under py-spy: p50 {m['p50']} p99 {m['p99']} ms, "
                     f"{m['rps']} req/s, {m['server_cpu_ms_per_req']} server CPU ms/req")  # fmt: skip
        lines.append(S.table(["component (outermost frame wins)", "share"],
                             [[k, f"{v['share'] * 100:.1f}%"] for k, v in m["categories"].items()]))  # fmt: skip
        lines.append("top frames, self (leaf):")
        lines += [f"  {x['share'] * 100:5.1f}%  {x['frame']}" for x in m["top_leaf"][:10]]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--concurrency", default="1,20,50")
    parser.add_argument("--budget-s", type=float, default=90.0, help="per run")
    parser.add_argument("--wrk-duration", type=int, default=5)
    parser.add_argument(
        "--webhook-processes",
        type=int,
        default=2,
        help="webhook server processes on the async port, as qila dev starts (QILA_WEBHOOK_PROCESSES)",
    )
    parser.add_argument("--no-wrk", action="store_true")
    parser.add_argument("--kinds", default="text,screenshot")
    parser.add_argument("--repeats", type=int, default=3,
                        help="extra interleaved bare/async text runs at 20 senders (noise of the ratio)")  # fmt: skip
    parser.add_argument("--profile", choices=["auto", "always", "never"], default="auto")
    args = parser.parse_args()
    args.n = max(10, min(args.n, 20_000))
    levels = [max(1, min(int(c), 200)) for c in args.concurrency.split(",")]
    kinds = args.kinds.split(",")
    machine = S.machine()
    machine["busy_processes_at_start"] = S.busy_processes()

    work = S.scratch_dir("qila-bench-ack-")
    image = work / "screenshot.jpg"
    image.write_bytes(screenshot_jpeg())
    ports = {name: S.free_port() for name in (*SERVERS, "media")}
    media_url = f"http://127.0.0.1:{ports['media']}/media"
    procs: dict[str, S.Proc] = {}

    def env_for(name: str) -> dict[str, str]:
        return S.clean_env(
            QILA_STATE_DIR=str(work / name),
            QILA_WEBHOOK_PORT=str(ports[name]),
            QILA_LOG_LEVEL="INFO",
        )

    argvs = {
        "bare": [S.PYTHON, str(S.BENCH / "_servers.py"), "bare", str(ports["bare"])],
        "media": [S.PYTHON, str(S.BENCH / "_servers.py"), "media", str(ports["media"]), str(image)],
        "async": [S.PYTHON, "-m", "qila.cli", "webhook-server"],
        "sync": [S.PYTHON, str(S.BENCH / "_servers.py"), "sync", str(ports["sync"])],
    }
    runs: list[dict[str, Any]] = []
    wrk_runs: list[dict[str, Any]] = []
    repeats: list[dict[str, Any]] = []
    profile: dict[str, Any] | None = None
    try:
        for name, argv in argvs.items():
            procs[name] = S.spawn(name, argv, env_for(name), work / f"{name}.log")
        # The local stack runs QILA_WEBHOOK_PROCESSES webhook servers on one port (SO_REUSEPORT).
        for extra in range(1, args.webhook_processes):
            procs["async"].siblings.append(
                S.spawn(
                    f"async{extra}", argvs["async"], env_for("async"), work / f"async{extra}.log"
                )
            )
        for name in SERVERS:
            S.wait_http(f"http://127.0.0.1:{ports[name]}/health", timeout=120, proc=procs[name])
        S.wait_http(f"{media_url}/x.jpg", proc=procs["media"])
        S.settle(list(procs.values()))
        print(f"servers up: {ports}; screenshot {image.stat().st_size} bytes; logs in {work}")

        for kind in kinds:
            for conc in levels:
                for name in SERVERS:
                    n = args.n
                    if name == "sync" and kind == "screenshot":
                        n = max(8, conc)
                    tag = f"{name[0]}{kind[0]}{conc}x"
                    row = measure(name, ports[name], procs[name], kind, conc, n, tag, media_url,
                                  args.budget_s)  # fmt: skip
                    runs.append(row)
                    print(
                        f"  {kind:10} c={conc:<3} {name:5} n={row['n']:<5} p50 {row.get('p50')} "
                        f"p99 {row.get('p99')} max {row.get('max')} ms  {row['rps']} req/s  "
                        f"cpu {row['server_cpu_ms_per_req']} ms/req  statuses {row['statuses']}",
                        flush=True,
                    )
                    if args.no_wrk or name == "sync":
                        continue
                    url = f"http://127.0.0.1:{ports[name]}/sms"
                    script = S.wrk_script(
                        build_requests(url, kind, 4000, tag + "k", media_url),
                        "/sms",
                        work / f"{tag}.lua",
                    )
                    measured = S.run_wrk(ports[name], script, conc, args.wrk_duration)
                    if measured is None:
                        args.no_wrk = True
                        print("  (wrk not installed: thread-pool generator only)")
                        continue
                    wrk_runs.append({"kind": kind, "concurrency": conc, "server": name,
                                     "generator": "wrk", **measured})  # fmt: skip
                    print(
                        f"  {'':10} {'':5} {'':5} wrk: n={measured.get('n')} p50 {measured.get('p50')} "
                        f"p99 {measured.get('p99')} max {measured.get('max')} ms  {measured.get('rps')} req/s",
                        flush=True,
                    )
        if "text" in kinds and 20 in levels:
            for r in range(max(0, min(args.repeats, 10))):
                pair = {}
                for name in ("bare", "async"):
                    row = measure(name, ports[name], procs[name], "text", 20, args.n,
                                  f"{name[0]}R{r}x", media_url, args.budget_s)  # fmt: skip
                    pair[name] = {k: row.get(k) for k in ("p50", "p95", "p99", "max", "rps")}
                pair["async_over_bare_p99"] = S.ratio(pair["async"]["p99"], pair["bare"]["p99"])
                repeats.append(pair)
                print(f"  repeat {r + 1}: text c=20 bare p99 {pair['bare']['p99']} async p99 "
                      f"{pair['async']['p99']} ms -> ratio {pair['async_over_bare_p99']}", flush=True)  # fmt: skip
    except BaseException:
        for proc in procs.values():
            proc.stop()
        raise

    def find(rows: list[dict[str, Any]], kind: str, conc: int, name: str) -> dict[str, Any] | None:
        return next(
            (r for r in rows if (r["kind"], r["concurrency"], r["server"]) == (kind, conc, name)),
            None,
        )

    comparisons = []
    for rows, gen in ((runs, "threads"), (wrk_runs, "wrk")):
        for kind in kinds:
            for conc in levels:
                a, b, s = (find(rows, kind, conc, x) for x in ("async", "bare", "sync"))
                if a is None or b is None:
                    continue
                comparisons.append(
                    {
                        "generator": gen,
                        "kind": kind,
                        "concurrency": conc,
                        "async_over_bare_p50": S.ratio(a.get("p50"), b.get("p50")),
                        "async_over_bare_p99": S.ratio(a.get("p99"), b.get("p99")),
                        "async_over_bare_rps": S.ratio(a.get("rps"), b.get("rps")),
                        "async_over_sync_p50": S.ratio(a.get("p50"), s.get("p50")) if s else None,
                        "async_over_sync_p99": S.ratio(a.get("p99"), s.get("p99")) if s else None,
                        "sync_over_async_p99": S.ratio(s.get("p99"), a.get("p99")) if s else None,
                    }
                )

    def c20(gen: str, kind: str) -> dict[str, Any] | None:
        return next((x for x in comparisons
                     if (x["generator"], x["kind"], x["concurrency"]) == (gen, kind, 20)), None)  # fmt: skip

    main_c20 = c20("threads", "text")
    missed = (
        main_c20 is not None and (main_c20["async_over_bare_p99"] or 0) > TARGET_ASYNC_OVER_BARE_P99
    )
    try:
        if args.profile == "always" or (args.profile == "auto" and missed):
            print("\nprofiling the async webhook server at 20 senders (py-spy) ...", flush=True)
            profile = profile_async(ports["async"], procs["async"], 20, args.n, media_url, work,
                                    args.budget_s)  # fmt: skip
            if "error" not in profile:
                print(
                    "what-if runs (proposed changes as patches) and open-loop rates ...", flush=True
                )
                profile["what_if"] = what_if(ports, procs, work, args.n, media_url,
                                             max(1, min(args.repeats, 5)), args.budget_s)  # fmt: skip
            text = render_profile(profile)
            if "what_if" in profile:
                text += "\n" + render_whatif(profile["what_if"])
            (S.RESULTS / "ack_profile.txt").parent.mkdir(parents=True, exist_ok=True)
            (S.RESULTS / "ack_profile.txt").write_text(text + "\n", encoding="utf-8")
    finally:
        for proc in procs.values():
            proc.stop()

    print("\nacknowledgement latency (ms), thread-pool generator, keep-alive connections")
    cols = [
        "kind",
        "conc",
        "server",
        "n",
        "p50",
        "p95",
        "p99",
        "max",
        "req/s",
        "cpu ms/req",
        "conc/rps ms",
        ">15s",
    ]
    print(S.table(cols, [[r["kind"], r["concurrency"], r["server"], r["n"], r.get("p50"), r.get("p95"),
                          r.get("p99"), r.get("max"), r["rps"], r["server_cpu_ms_per_req"],
                          r["littles_law_ms"], r["over_twilio_15s"]]
                         for r in runs]))  # fmt: skip
    if wrk_runs:
        print(f"\nsame servers, wrk ({args.wrk_duration} s per run, pre-signed requests)")
        print(S.table(["kind", "conc", "server", "n", "p50", "p95", "p99", "max", "req/s"],
                      [[r["kind"], r["concurrency"], r["server"], r.get("n"), r.get("p50"), r.get("p95"),
                        r.get("p99"), r.get("max"), r.get("rps")] for r in wrk_runs]))  # fmt: skip
    print("\nratios (same run)")
    print(S.table(["generator", "kind", "conc", "async/bare p50", "async/bare p99", "async/bare req/s",
                   "async/sync p50", "async/sync p99", "sync/async p99"],
                  [[c["generator"], c["kind"], c["concurrency"], c["async_over_bare_p50"],
                    c["async_over_bare_p99"], c["async_over_bare_rps"], c["async_over_sync_p50"],
                    c["async_over_sync_p99"], c["sync_over_async_p99"]]
                   for c in comparisons]))  # fmt: skip
    if repeats:
        ratios = sorted(r["async_over_bare_p99"] for r in repeats if r["async_over_bare_p99"])
        print(f"\nrepeated text c=20 bare/async pairs: async/bare p99 ratios {ratios}")
    if profile is not None:
        print(render_profile(profile))
        if "what_if" in profile:
            print(render_whatif(profile["what_if"]))

    targets = {}
    for gen in ("threads", "wrk"):
        for kind in kinds:
            c = c20(gen, kind)
            if c is None:
                continue
            v = c["async_over_bare_p99"]
            targets[f"{gen}_{kind}_c20_async_p99_within_1.5x_bare"] = {
                "ratio": v,
                "met": v is not None and v <= TARGET_ASYNC_OVER_BARE_P99,
            }
    if repeats:
        ratios = sorted(r["async_over_bare_p99"] for r in repeats if r["async_over_bare_p99"])
        if ratios:
            med = ratios[len(ratios) // 2]
            targets["threads_text_c20_async_p99_within_1.5x_bare_median_of_repeats"] = {
                "ratio": med,
                "met": med <= TARGET_ASYNC_OVER_BARE_P99,
            }
    for conc in levels:
        c = next((x for x in comparisons
                  if (x["generator"], x["kind"], x["concurrency"]) == ("threads", "screenshot", conc)), None)  # fmt: skip
        if c is not None and c["sync_over_async_p99"] is not None:
            targets[f"threads_screenshot_c{conc}_async_p99_20x_lower_than_sync"] = {
                "ratio": c["sync_over_async_p99"],
                "met": c["sync_over_async_p99"] >= TARGET_SYNC_OVER_ASYNC_P99_MEDIA,
            }
    print("\ntargets")
    for name, t in targets.items():
        print(f"  {name}: {S.verdict(t['met'])} (ratio {t['ratio']})")

    S.write_result(
        "ack",
        {
            "benchmark": "webhook acknowledgement latency over HTTP, async vs sync vs bare",
            "reported_generator": "threads (closed loop, one keep-alive http.client connection per sender)",
            "screenshot_bytes": image.stat().st_size,
            "runs": runs,
            "wrk_runs": wrk_runs,
            "repeats_text_c20": repeats,
            "comparisons": comparisons,
            "targets": targets,
            "profile": profile,
            "machine": machine,
            "loadavg_at_end": S.loadavg(),
            "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
