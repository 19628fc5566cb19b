"""Chaos run: the real local stack under Twilio failures, duplicate deliveries and worker kills.

Starts the sandbox, the webhook server and the worker as separate processes on 127.0.0.1, sends
signed WhatsApp messages through the sandbox (``POST /api/send``) from a thread pool, with a
share of Twilio calls failing transiently (sandbox faults), a share of deliveries duplicated
(``deliveries: 2``), and SIGKILLs the worker several times mid-batch (while a record is in the
send) and restarts it. Then it waits until the queue has drained and accounts for every message:

- replied: distinct messages with a reply in the sandbox's record (one sender number each);
- duplicate replies: messages answered more than once, split into those inside the crash
  window (the store's outcome says ``resent_after_crash``: an attempt was killed between
  "sending" and "completed") and all others;
- in the DLQ, with the reasons the store kept (what ``qila dlq list`` shows);
- lost: queued (webhook 200) but neither replied, nor in the DLQ, nor still pending.

Required: 0 lost and 0 duplicate replies outside the crash window.

Usage: ``python benchmarks/chaos.py [--messages 2000] [--kills 3] [--duplicate-share 0.1]
[--transient-rate 0.3]``. Prints a table and writes ``benchmarks/results/chaos.json``; exits 1
when a requirement is missed or the run hits its time limit.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.error
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stack import Proc, Stack, http_json, machine, make_stack, start_role, table

RESULTS = Path(__file__).resolve().parent / "results" / "chaos.json"

TEXTS = (
    "URGENT: your parcel is held at customs, pay the 2.99 fee at http://parcel-fee.top/pay",
    "DBS: your account is suspended. Verify within 24 hours at http://dbs-verify.xyz/login",
    "Hi mum, this is my new number. Can you transfer $500 today? I'll pay you back",
    "see you at lunch tomorrow?",
    "Congratulations! You won a $1000 voucher, claim now: bit.ly/claim-prize-now",
    "Your OTP is 482913. Do not share it with anyone.",
    "Part-time job: earn $300/day liking videos, contact our HR on Telegram",
    "The meeting moved to 3pm, room B",
)


@dataclass
class ChaosConfig:
    messages: int = 2000
    kills: int = 3
    duplicate_share: float = 0.10
    transient_rate: float = 0.30
    concurrency: int = 8
    pollers: int = 2
    seed: int = 20240917
    time_limit_s: float = 420.0
    visibility_timeout_s: int = 5
    processor_timeout_s: int = 4
    log_level: str = "INFO"
    state_dir: Path | None = None


@dataclass
class Kill:
    at_s: float
    completed_before: int
    in_send: int
    in_flight: int
    restart_s: float


@dataclass
class ChaosResult:
    config: dict[str, Any]
    sent: int = 0
    queued: int = 0
    not_queued: int = 0
    deliveries_duplicated: int = 0
    replied: int = 0
    duplicate_replies_in_crash_window: int = 0
    duplicate_replies_other: int = 0
    in_dlq: int = 0
    dlq_reasons: dict[str, int] = field(default_factory=dict)
    not_delivered_permanent: int = 0
    pending: int = 0
    lost: int = 0
    lost_sids: list[str] = field(default_factory=list)
    other_duplicate_sids: list[str] = field(default_factory=list)
    kills: list[Kill] = field(default_factory=list)
    send_errors: dict[str, int] = field(default_factory=dict)
    webhook_statuses: dict[str, int] = field(default_factory=dict)
    twilio_calls_refused: int = 0
    send_phase_s: float = 0.0
    drain_s: float = 0.0
    wall_s: float = 0.0
    timed_out: bool = False
    machine: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return (
            self.lost == 0
            and self.duplicate_replies_other == 0
            and not self.timed_out
            and self.sent > 0
        )

    def to_dict(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["ok"] = self.ok
        return doc


def sender_for(i: int) -> str:
    return f"whatsapp:+{6580000000 + i}"


def run_chaos(config: ChaosConfig) -> ChaosResult:
    """Run the whole scenario; every process it starts is stopped before it returns."""
    started = time.monotonic()
    deadline = started + config.time_limit_s
    result = ChaosResult(config={k: str(v) for k, v in asdict(config).items()}, machine=machine())
    owned_tmp = None
    if config.state_dir is None:
        owned_tmp = tempfile.TemporaryDirectory(prefix="qila-chaos-")
        state_dir = Path(owned_tmp.name) / "state"
    else:
        state_dir = config.state_dir
    stack = make_stack(
        state_dir,
        QILA_VISIBILITY_TIMEOUT_S=str(config.visibility_timeout_s),
        QILA_PROCESSOR_TIMEOUT_S=str(config.processor_timeout_s),
        QILA_TIME_GUARD_MS="1000",
        # A send must end well inside the lease, or a slow call looks like a crashed worker.
        QILA_TWILIO_TIMEOUT_S="2",
        QILA_BATCH_SIZE="10",
        QILA_WORKERS=str(config.pollers),
        QILA_FAULT_TRANSIENT_RATE=str(config.transient_rate),
        QILA_FAULT_SEED=str(config.seed),
        QILA_LOG_LEVEL=config.log_level,
    )
    worker_box: dict[str, Proc] = {}
    try:
        start_role(stack, "sandbox")
        start_role(stack, "webhook-server")
        worker_box["proc"] = start_role(stack, "worker", name="worker-0")
        _run(stack, config, result, worker_box, deadline)
    finally:
        for proc in list(stack.procs.values()):
            proc.stop()
        result.wall_s = round(time.monotonic() - started, 1)
        if owned_tmp is not None:
            owned_tmp.cleanup()
    return result


def _run(
    stack: Stack,
    config: ChaosConfig,
    result: ChaosResult,
    worker_box: dict[str, Proc],
    deadline: float,
) -> None:
    rng = random.Random(config.seed)
    n = config.messages
    duplicated = set(rng.sample(range(n), round(n * config.duplicate_share)))
    result.deliveries_duplicated = len(duplicated)
    outcomes: dict[int, dict[str, Any]] = {}
    lock = threading.Lock()
    progress = {"done": 0}

    def send_one(i: int) -> None:
        payload = {
            "from": sender_for(i),
            "body": f"{TEXTS[i % len(TEXTS)]} #{i}",
            "deliveries": 2 if i in duplicated else 1,
        }
        outcome: dict[str, Any]
        if time.monotonic() > deadline:
            outcome = {"error": "time limit"}
        else:
            try:
                outcome = http_json(f"{stack.sandbox_url}/api/send", payload, timeout=60)
            except (urllib.error.URLError, OSError, ValueError) as exc:
                outcome = {"error": type(exc).__name__}
        outcome["from"] = payload["from"]
        with lock:
            outcomes[i] = outcome
            progress["done"] += 1

    store_db = stack.state_dir / "store.sqlite3"
    queue_db = stack.state_dir / "queue.sqlite3"
    stop_killer = threading.Event()

    def killer() -> None:
        for k in range(1, config.kills + 1):
            target = n * k // (config.kills + 1)
            while _completed(store_db) < target:
                if stop_killer.wait(0.1) or time.monotonic() > deadline:
                    return
            # Mid-batch: wait (briefly) for a record to be inside its Twilio call.
            wait_until = time.monotonic() + 3
            while _in_send(store_db) == 0 and time.monotonic() < wait_until:
                time.sleep(0.002)
            in_send, in_flight = _in_send(store_db), _in_flight(queue_db)
            completed = _completed(store_db)
            proc = worker_box["proc"]
            os.killpg(proc.pid, signal.SIGKILL)
            proc.popen.wait(timeout=10)
            t_kill = time.monotonic()
            worker_box["proc"] = start_role(stack, "worker", name=f"worker-{k}")
            result.kills.append(
                Kill(
                    at_s=round(t_kill - t0, 2),
                    completed_before=completed,
                    in_send=in_send,
                    in_flight=in_flight,
                    restart_s=round(time.monotonic() - t_kill, 2),
                )
            )
            print(
                f"  kill {k}: SIGKILL worker at {t_kill - t0:.1f}s "
                f"({completed} answered, {in_send} in the send, {in_flight} in flight); "
                f"restarted in {result.kills[-1].restart_s:.1f}s",
                flush=True,
            )

    t0 = time.monotonic()
    kill_thread = threading.Thread(target=killer, daemon=True)
    kill_thread.start()
    with ThreadPoolExecutor(max_workers=config.concurrency) as pool:
        list(pool.map(send_one, range(n)))
    result.send_phase_s = round(time.monotonic() - t0, 1)
    print(f"  sent {n} messages in {result.send_phase_s:.1f}s", flush=True)

    # Drain: every kill done, then the queue empty (the poller moves exhausted messages to the
    # DLQ when they come up again, so "empty" includes that).
    while kill_thread.is_alive() and time.monotonic() < deadline:
        kill_thread.join(timeout=0.5)
    stop_killer.set()
    t_drain = time.monotonic()
    while _main_queue_size(queue_db) > 0 and time.monotonic() < deadline:
        time.sleep(0.2)
    result.drain_s = round(time.monotonic() - t_drain, 1)
    result.timed_out = time.monotonic() >= deadline
    _account(stack, result, outcomes)


def _account(stack: Stack, result: ChaosResult, outcomes: dict[int, dict[str, Any]]) -> None:
    from qila.adapters.sqlite_queue import SqliteQueue
    from qila.adapters.sqlite_store import SqliteStore
    from qila.dlq_cli import describe
    from qila.envelope import parse_job

    statuses: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    queued: dict[str, str] = {}  # sender -> MessageSid, for messages the webhook accepted
    for outcome in outcomes.values():
        if "error" in outcome:
            errors[outcome["error"]] += 1
            continue
        statuses[str(outcome["webhook_status"])] += 1
        if outcome["webhook_status"] == 200:
            queued[outcome["from"]] = outcome["sid"]
    result.sent = len(outcomes) - sum(errors.values())
    result.queued = len(queued)
    result.not_queued = result.sent - result.queued
    result.webhook_statuses = dict(statuses)
    result.send_errors = dict(errors)

    replies: Counter[str] = Counter()
    for message in _all_messages(stack.sandbox_url, "outbound-api"):
        replies[message["to"]] += 1
    sid_by_sender = queued
    replied = {sid_by_sender[to]: count for to, count in replies.items() if to in sid_by_sender}
    result.replied = len(replied)

    queue = SqliteQueue(stack.state_dir / "queue.sqlite3")
    store = SqliteStore(stack.state_dir / "store.sqlite3")
    try:
        for sid, count in replied.items():
            if count < 2:
                continue
            if any(r.outcome.get("resent_after_crash") for r in _records(store, sid)):
                result.duplicate_replies_in_crash_window += count - 1
            else:
                result.duplicate_replies_other += count - 1
                result.other_duplicate_sids.append(sid)
        dead: set[str] = set()
        reasons: Counter[str] = Counter()
        for letter in queue.list_dead(limit=1_000_000):
            row = describe(letter, store)
            if row.get("message_sid"):
                dead.add(_origin(row["message_sid"], letter.body))
            reasons[_reason_kind(str(row["reason"]))] += 1
        result.in_dlq = len(dead)
        result.dlq_reasons = dict(reasons)
        pending: set[str] = set()
        db = sqlite3.connect(queue.path)
        try:
            for (body,) in db.execute("SELECT body FROM messages WHERE queue = 'main'"):
                pending.add(_origin(parse_job(body).message_id, body))
        finally:
            db.close()
        result.pending = len(pending)
        lost = []
        for sid in queued.values():
            if sid in replied or sid in dead or sid in pending:
                continue
            if any(r.outcome.get("result") == "not_delivered" for r in _records(store, sid)):
                result.not_delivered_permanent += 1
                continue
            lost.append(sid)
        result.lost = len(lost)
        result.lost_sids = lost[:50]
    finally:
        queue.close()
        store.close()
    result.twilio_calls_refused = _count_log(stack, "transient failure; will retry")


def _origin(message_id: str, body: str) -> str:
    """The inbound MessageSid a queued job answers: itself, or the message whose multi-part
    window it closes (a scheduled "flush" job)."""
    try:
        trigger = json.loads(body).get("trigger")
    except (ValueError, AttributeError):
        trigger = None
    if isinstance(trigger, str) and trigger:
        return trigger
    return message_id.removeprefix("flush-")


def _records(store: Any, sid: str) -> list[Any]:
    """The store's processing records for a message and for the flush job that answers it."""
    return [r for r in (store.get(sid), store.get(f"flush-{sid}")) if r is not None]


def _reason_kind(reason: str) -> str:
    """Group DLQ reasons (they carry Twilio's status and code, not per-message details)."""
    return reason.split(" (", 1)[0][:120]


def _count_log(stack: Stack, message: str) -> int:
    total = 0
    for path in stack.state_dir.glob("worker-*.log"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if message in line:
                total += 1
    return total


def _all_messages(sandbox_url: str, direction: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    after = 0
    while True:
        page = http_json(f"{sandbox_url}/api/messages?after={after}&direction={direction}")[
            "messages"
        ]
        if not page:
            return found
        found.extend(page)
        after = max(m["seq"] for m in page)


def _scalar(path: Path, sql: str) -> int:
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return int(db.execute(sql).fetchone()[0] or 0)
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def _completed(store_db: Path) -> int:
    """Messages answered so far (a deferred part or a duplicate is completed without a reply)."""
    return _scalar(
        store_db,
        "SELECT COUNT(*) FROM processing WHERE status = 'completed'"
        " AND json_extract(outcome, '$.result') = 'replied'",
    )


def _in_send(store_db: Path) -> int:
    return _scalar(
        store_db,
        "SELECT COUNT(*) FROM processing WHERE status = 'in_progress' AND stage = 'sending'",
    )


def _in_flight(queue_db: Path) -> int:
    return _scalar(
        queue_db,
        f"SELECT COUNT(*) FROM messages WHERE queue = 'main' AND visible_at > {time.time()}",
    )


def _main_queue_size(queue_db: Path) -> int:
    return _scalar(queue_db, "SELECT COUNT(*) FROM messages WHERE queue = 'main'")


def render(result: ChaosResult) -> str:
    rows: list[tuple[str, Any]] = [
        ("sent", result.sent),
        ("queued (webhook 200)", result.queued),
        ("not queued (webhook non-200)", result.not_queued),
        ("deliveries duplicated", result.deliveries_duplicated),
        ("worker SIGKILLs", len(result.kills)),
        ("Twilio calls refused (transient)", result.twilio_calls_refused),
        ("replied (distinct messages)", result.replied),
        ("duplicate replies, crash window", result.duplicate_replies_in_crash_window),
        ("duplicate replies, other", result.duplicate_replies_other),
        ("in DLQ", result.in_dlq),
        ("not delivered (permanent)", result.not_delivered_permanent),
        ("still pending", result.pending),
        ("lost", result.lost),
    ]
    lines = [table(["chaos run", "count"], rows)]
    for reason, count in sorted(result.dlq_reasons.items(), key=lambda kv: -kv[1]):
        lines.append(f"  DLQ reason x{count}: {reason}")
    lines.append(
        f"send phase {result.send_phase_s:.1f}s, drain {result.drain_s:.1f}s, "
        f"wall {result.wall_s:.1f}s" + (" (TIME LIMIT REACHED)" if result.timed_out else "")
    )
    lines.append(
        "requirements: 0 lost, 0 duplicate replies outside the crash window: "
        + ("MET" if result.ok else "MISSED")
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--messages", type=int, default=2000, help="messages to send (max 20000)")
    parser.add_argument("--kills", type=int, default=3, help="worker SIGKILLs (max 20)")
    parser.add_argument("--duplicate-share", type=float, default=0.10)
    parser.add_argument("--transient-rate", type=float, default=0.30)
    parser.add_argument("--concurrency", type=int, default=8, help="sending threads (max 64)")
    parser.add_argument("--pollers", type=int, default=2, help="poller threads in the worker")
    parser.add_argument("--seed", type=int, default=20240917)
    parser.add_argument("--time-limit", type=float, default=420.0, help="seconds (max 1800)")
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--keep-state", type=Path, default=None, help="keep state and logs here")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    config = ChaosConfig(
        messages=max(1, min(args.messages, 20_000)),
        kills=max(0, min(args.kills, 20)),
        duplicate_share=min(max(args.duplicate_share, 0.0), 1.0),
        transient_rate=min(max(args.transient_rate, 0.0), 1.0),
        concurrency=max(1, min(args.concurrency, 64)),
        pollers=max(1, min(args.pollers, 16)),
        seed=args.seed,
        time_limit_s=max(10.0, min(args.time_limit, 1800.0)),
        log_level=args.log_level,
        state_dir=args.keep_state.resolve() if args.keep_state else None,
    )
    print(
        f"chaos run: {config.messages} messages, {config.kills} worker kills, "
        f"{config.duplicate_share:.0%} duplicated deliveries, "
        f"{config.transient_rate:.0%} transient Twilio failures",
        flush=True,
    )
    result = run_chaos(config)
    print()
    print(render(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result.to_dict(), indent=2, default=str) + "\n")
    print(f"wrote {args.out}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
