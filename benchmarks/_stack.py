"""Shared helpers for the benchmarks: start the real local stack on free ports, sign webhook
requests, generate HTTP load, summarise latencies, write results.

Everything binds to 127.0.0.1 and every wait is bounded.
"""

from __future__ import annotations

import atexit
import http.client
import itertools
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from qila.local.http import http_json as http_json  # shared with the CLI and tests

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"
RESULTS = BENCH / "results"
PYTHON = sys.executable

# Variables that would leak a developer's configuration into a benchmark.
CONFIG_PREFIXES = ("QILA_", "TWILIO_", "SQS_", "SUPABASE_", "DYNAMODB_")
TOKEN_FALLBACK = "qila-local-sandbox-auth-token-00"
ACCOUNT_SID = "AC" + "0" * 31 + "1"
QILA_NUMBER = "whatsapp:+14155238886"

SCAM_TEXT = (
    "URGENT: your parcel is held at customs. Pay the 2.99 fee within 24 hours at "
    "http://parcel-fee.top/pay or it will be returned."
)
# Texts the benchmarks send. The processor keeps a repeat cache (the same text from another
# sender is answered from it) and per-sender limits, so every message gets its own text
# (``unique_text``) and its own sender (``sender_number``) unless a benchmark measures those.
SCAM_TEXTS = (
    SCAM_TEXT,
    "DBS: your account is suspended. Verify within 24 hours at http://dbs-verify.xyz/login",
    "Hi mum, this is my new number. Can you transfer $500 today? I will pay you back",
    "Congratulations! You won a $1000 voucher, claim now: bit.ly/claim-prize-now",
    "Part-time job: earn $300/day liking videos, contact our HR on Telegram",
    "Your OTP is 482913. Do not share it with anyone. If you did not ask, call us now",
)
SCAM_CHAT = (
    "DBS Bank: Your account has been suspended due to unusual activity",
    "To restore access verify your identity within 24 hours",
    "Click the link below and enter your card number and OTP",
    "Is this real?",
    "Failure to verify will result in permanent closure of your account",
)


def unique_text(n: int, tag: str = "") -> str:
    """A realistic scam text made unique (not answered from the repeat cache)."""
    return f"{SCAM_TEXTS[n % len(SCAM_TEXTS)]} (ref {tag}{n})"


# -- numbers -------------------------------------------------------------------------------
def pct(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted sequence."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), int(-(-q * len(sorted_values) // 100))))
    return sorted_values[rank - 1]


def summary(values: Sequence[float], digits: int = 3) -> dict[str, Any]:
    data = sorted(values)
    if not data:
        return {"n": 0}
    return {
        "n": len(data),
        "p50": round(pct(data, 50), digits),
        "p95": round(pct(data, 95), digits),
        "p99": round(pct(data, 99), digits),
        "max": round(data[-1], digits),
        "mean": round(statistics.fmean(data), digits),
    }


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return round(a / b, 3)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    def cell(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:.3f}" if abs(v) < 100 else f"{v:.1f}"
        return "-" if v is None else str(v)

    body = [[cell(v) for v in row] for row in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in body)) if body else len(h) for i, h in enumerate(headers)
    ]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in body]
    return "\n".join(out)


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "loadavg_at_start": loadavg(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def busy_processes(min_cpu_pct: float = 20.0, sample_s: float = 0.5) -> list[dict[str, Any]]:
    """Processes (not ours) using the CPU right now: what else the load average is made of."""

    def ticks() -> dict[int, tuple[int, str]]:
        out = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                text = stat.read_text()
            except OSError:
                continue
            name = text[text.find("(") + 1 : text.rfind(")")]
            fields = text.rsplit(")", 1)[1].split()
            out[int(stat.parent.name)] = (int(fields[11]) + int(fields[12]), name)
        return out

    before = ticks()
    time.sleep(sample_s)
    after = ticks()
    busy = []
    for pid, (t, name) in after.items():
        if pid in before and pid != os.getpid():
            pct_cpu = 100 * (t - before[pid][0]) / _CLK / sample_s
            if pct_cpu >= min_cpu_pct:
                busy.append({"pid": pid, "name": name, "cpu_pct": round(pct_cpu)})
    return sorted(busy, key=lambda b: -b["cpu_pct"])


def write_result(name: str, doc: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {path.relative_to(REPO)}")
    return path


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("MET" if ok else "MISSED")


# -- processes -----------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clean_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(CONFIG_PREFIXES)}
    src = str(REPO / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONUNBUFFERED"] = "1"
    env.update(overrides)
    return env


def wait_http(url: str, timeout: float = 30.0, proc: Proc | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.popen.poll() is not None:
            raise RuntimeError(f"{proc.name} exited with {proc.popen.returncode} before {url}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


_CLK = os.sysconf("SC_CLK_TCK")


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen[bytes]
    rusage: Any = None
    cpu_at_mark: float = 0.0
    split_at_mark: tuple[float, float] = (0.0, 0.0)
    # Processes serving the same port (SO_REUSEPORT) counted together with this one.
    siblings: list[Proc] = field(default_factory=list)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def cpu_s(self) -> float:
        """User + system CPU seconds of the process (all its threads, and its siblings)."""
        user, system = self.cpu_split()
        return user + system

    def cpu_split(self) -> tuple[float, float]:
        """(user, system) CPU seconds so far, siblings included."""
        user = system = 0.0
        for pid in [self.pid, *(p.pid for p in self.siblings)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return float("nan"), float("nan")
            user += int(fields[11]) / _CLK
            system += int(fields[12]) / _CLK
        return user, system

    def mark(self) -> None:
        self.cpu_at_mark = self.cpu_s()
        self.split_at_mark = self.cpu_split()

    def sys_share_since_mark(self) -> float | None:
        """Share of the CPU since mark() spent in the kernel (syscalls: sockets, file writes)."""
        u0, s0 = self.split_at_mark
        u1, s1 = self.cpu_split()
        total = (u1 - u0) + (s1 - s0)
        return round((s1 - s0) / total, 3) if total > 0 else None

    def cpu_since_mark(self) -> float:
        return round(self.cpu_s() - self.cpu_at_mark, 2)

    def rss_peak_mb(self) -> float | None:
        """VmHWM of the live process (the same figure getrusage's ru_maxrss reports)."""
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
        except OSError:
            pass
        return None

    def stop(self, timeout: float = 20.0) -> None:
        """SIGTERM, then reap with wait4 to keep the child's resource usage (ru_maxrss)."""
        for sibling in self.siblings:
            sibling.stop(timeout)
        if self.popen.returncode is not None:
            return
        with suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.rusage = usage
                self.popen.returncode = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.05)
        else:
            os.killpg(self.pid, signal.SIGKILL)
            _, status, usage = os.wait4(self.pid, 0)
            self.rusage = usage
            self.popen.returncode = os.waitstatus_to_exitcode(status)
        with suppress(ProcessLookupError, PermissionError):  # nothing of its session survives
            os.killpg(self.pid, signal.SIGKILL)

    def maxrss_mb(self) -> float | None:
        return round(self.rusage.ru_maxrss / 1024, 1) if self.rusage is not None else None


def spawn(name: str, argv: list[str], env: dict[str, str], log_path: Path) -> Proc:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        popen = subprocess.Popen(
            argv,
            env=env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return Proc(name, popen)


@dataclass
class Stack:
    env: dict[str, str]
    state_dir: Path
    webhook_port: int
    sandbox_port: int
    media_port: int
    procs: dict[str, Proc] = field(default_factory=dict)

    @property
    def sandbox_url(self) -> str:
        return f"http://127.0.0.1:{self.sandbox_port}"

    @property
    def webhook_url(self) -> str:
        return f"http://127.0.0.1:{self.webhook_port}/sms"

    def log_path(self, role: str) -> Path:
        return self.state_dir / f"{role}.log"

    def log_lines(self, role: str) -> Iterator[dict[str, Any]]:
        path = self.log_path(role)
        if not path.exists():
            return
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("{"):
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue


def _keep() -> bool:
    return os.environ.get("QILA_BENCH_KEEP") == "1"


def scratch_dir(prefix: str, base: str | None = None) -> Path:
    """A fresh directory for one benchmark's state and logs, removed when the benchmark exits,
    unless ``QILA_BENCH_KEEP=1`` asks to keep it for reading the logs."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
    if not _keep():
        atexit.register(shutil.rmtree, path, True)
    return path


def drop_databases(state_dir: Path) -> None:
    """Delete a finished stack's SQLite files, the bulk of its directory (a throughput run
    leaves hundreds of megabytes): a benchmark that runs several stacks would otherwise hold
    them all until it exits. Logs and profiles stay until then."""
    if not _keep():
        for path in state_dir.glob("*.sqlite3*"):
            path.unlink(missing_ok=True)


def make_stack(state_dir: Path, **overrides: str) -> Stack:
    if state_dir.exists():
        shutil.rmtree(state_dir)
    state_dir.mkdir(parents=True)
    webhook, sandbox, media = free_port(), free_port(), free_port()
    env = clean_env(
        QILA_STATE_DIR=str(state_dir),
        QILA_WEBHOOK_PORT=str(webhook),
        QILA_SANDBOX_PORT=str(sandbox),
        QILA_MEDIA_PORT=str(media),
        **overrides,
    )
    return Stack(env, state_dir, webhook, sandbox, media)


def start_role(
    stack: Stack, role: str, name: str | None = None, argv: list[str] | None = None
) -> Proc:
    name = name or role
    proc = spawn(name, argv or [PYTHON, "-m", "qila.cli", role], stack.env, stack.log_path(name))
    stack.procs[name] = proc
    if role == "sandbox":
        wait_http(f"{stack.sandbox_url}/api/health", proc=proc)
    elif role == "webhook-server":
        wait_http(f"http://127.0.0.1:{stack.webhook_port}/health", proc=proc)
    elif role == "worker":
        deadline = time.monotonic() + 60
        log = stack.log_path(name)
        while b"worker polling" not in (log.read_bytes() if log.exists() else b""):
            if proc.popen.poll() is not None:
                raise RuntimeError(f"{name} exited during start-up:\n{log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} did not start within 60 s")
            time.sleep(0.05)
    return proc


def settle(procs: Sequence[Proc], timeout_s: float = 20.0, quiet_cpu_s: float = 0.03) -> float:
    """Wait until the processes are idle (less than ``quiet_cpu_s`` CPU in 0.25 s together),
    e.g. after the worker's OCR model warm-up thread; returns the seconds waited."""
    t0 = time.monotonic()
    last = sum(p.cpu_s() for p in procs)
    while time.monotonic() - t0 < timeout_s:
        time.sleep(0.25)
        now = sum(p.cpu_s() for p in procs)
        if now - last < quiet_cpu_s:
            break
        last = now
    return round(time.monotonic() - t0, 2)


@contextmanager
def running(stack: Stack, *roles: str) -> Iterator[Stack]:
    try:
        for role in roles:
            start_role(stack, role)
        yield stack
    finally:
        for proc in stack.procs.values():
            proc.stop()


# -- signed webhook requests ---------------------------------------------------------------
def auth_token() -> str:
    try:
        from qila.settings import LOCAL_AUTH_TOKEN
    except ImportError:
        return TOKEN_FALLBACK
    return LOCAL_AUTH_TOKEN


def twilio_fields(
    sid: str, sender: str, body: str, media: Sequence[tuple[str, str]] = ()
) -> dict[str, str]:
    digits = sender.split("+", 1)[-1]
    fields = {
        "SmsMessageSid": sid,
        "NumMedia": str(len(media)),
        "ProfileName": "Bench",
        "MessageType": "image" if media else "text",
        "SmsSid": sid,
        "WaId": digits,
        "SmsStatus": "received",
        "Body": body,
        "To": QILA_NUMBER,
        "NumSegments": "1",
        "ReferralNumMedia": "0",
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": sender,
        "ApiVersion": "2010-04-01",
    }
    for i, (url, ctype) in enumerate(media):
        fields[f"MediaUrl{i}"] = url
        fields[f"MediaContentType{i}"] = ctype
    return fields


def signed_request(url: str, fields: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    from qila.signature import compute_signature

    signature = compute_signature(auth_token(), url, {k: [v] for k, v in fields.items()})
    body = urlencode(list(fields.items())).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": signature,
        "User-Agent": "TwilioProxy/1.1",
    }
    return body, headers


def sid(prefix: str, n: int, tag: str = "") -> str:
    core = f"{tag}{n}".encode().hex()
    return (prefix + core.rjust(32, "0"))[:34]


def sender_number(n: int) -> str:
    return f"whatsapp:+659{n:07d}"


# -- load generation -----------------------------------------------------------------------
@dataclass
class LoadResult:
    latencies_ms: list[float]
    statuses: Counter[int]
    errors: Counter[str]
    wall_s: float
    sent: int

    @property
    def rps(self) -> float:
        return round(self.sent / self.wall_s, 1) if self.wall_s else 0.0


def http_load(
    port: int,
    path: str,
    requests: Sequence[tuple[bytes, dict[str, str]]],
    concurrency: int,
    *,
    warmup: Sequence[tuple[bytes, dict[str, str]]] = (),
    budget_s: float = 120.0,
    timeout_s: float = 300.0,
    rate: float | None = None,
) -> LoadResult:
    """Closed-loop load: ``concurrency`` threads, each with one keep-alive connection, send the
    requests in order until all are sent or the budget runs out. Warm-up requests (one round
    per connection) go first over the same connections and are not measured.

    With ``rate`` (requests/s) the load is open loop: request i is due at start + i/rate, the
    next free connection sends it, and its latency counts from when it was due (so a slow
    server is not hidden by senders waiting: no coordinated omission)."""
    counter = itertools.count()
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    errors: Counter[str] = Counter()
    lock = threading.Lock()
    ready = threading.Barrier(concurrency + 1)
    go = threading.Event()
    start: list[float] = [0.0]
    per_conn = len(warmup) // concurrency

    def post(conn: http.client.HTTPConnection, body: bytes, headers: dict[str, str]) -> int:
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status

    def worker(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout_s)
        try:
            for body, headers in warmup[k * per_conn : (k + 1) * per_conn]:
                try:
                    post(conn, body, headers)
                except (OSError, http.client.HTTPException):
                    conn.close()
            ready.wait(timeout=600)
            go.wait(timeout=600)
            deadline = start[0] + budget_s
            local: list[float] = []
            local_status: Counter[int] = Counter()
            while (i := next(counter)) < len(requests) and time.perf_counter() < deadline:
                body, headers = requests[i]
                t0 = time.perf_counter()
                if rate:
                    due = start[0] + i / rate
                    if due > t0:
                        time.sleep(due - t0)
                    t0 = due
                try:
                    status = post(conn, body, headers)
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    with lock:
                        errors[type(exc).__name__] += 1
                    continue
                local.append((time.perf_counter() - t0) * 1000)
                local_status[status] += 1
            with lock:
                latencies.extend(local)
                statuses.update(local_status)
        finally:
            conn.close()

    threads = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(concurrency)]
    for t in threads:
        t.start()
    ready.wait(timeout=600)
    start[0] = t0 = time.perf_counter()
    go.set()
    for t in threads:
        t.join(timeout=budget_s + timeout_s + 30)
    wall = time.perf_counter() - t0
    return LoadResult(latencies, statuses, errors, wall, len(latencies))


# -- wrk -------------------------------------------------------------------------------------
WRK_DONE = """
done = function(summary, latency, requests)
  io.write(string.format("QILA_WRK %d %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def _lua_str(data: bytes | str) -> str:
    text = data.decode() if isinstance(data, bytes) else data
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk_script(requests: Sequence[tuple[bytes, dict[str, str]]], path: str, out: Path) -> Path:
    """A wrk Lua script cycling through pre-signed requests; thread k of T starts at k."""
    lines = ["local reqs = {"]
    for body, headers in requests:
        hdr = ", ".join(f"[{_lua_str(k)}]={_lua_str(v)}" for k, v in headers.items())
        lines.append(f"  {{{_lua_str(body)}, {{{hdr}}}}},")
    lines.append("}")
    lines.append(
        """
local counter = 0
local threads = {}
setup = function(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
local i, step = 0, 1
init = function(args)
  i = tid or 0
  step = tonumber(args[1]) or 1
end
request = function()
  local r = reqs[(i % #reqs) + 1]
  i = i + step
  return wrk.format("POST", "__PATH__", r[2], r[1])
end
""".replace("__PATH__", path)
    )
    lines.append(WRK_DONE)
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def run_wrk(
    port: int, script: Path, concurrency: int, duration_s: int, timeout_s: int = 30
) -> dict[str, Any] | None:
    exe = shutil.which("wrk")
    if exe is None:
        return None
    threads = min(2, concurrency)
    argv = [
        exe, f"-t{threads}", f"-c{concurrency}", f"-d{duration_s}s", f"--timeout={timeout_s}s",
        "-s", str(script), f"http://127.0.0.1:{port}", "--", str(threads),
    ]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, text=True, timeout=duration_s + 60)
    match = re.search(r"QILA_WRK (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", done.stdout)
    if not match:
        return {"error": (done.stdout + done.stderr)[-500:]}
    n, dur_us, p50, p95, p99, mx, bad_status, sock_err = (int(g) for g in match.groups())
    return {
        "n": n,
        "rps": round(n / (dur_us / 1e6), 1),
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "max": mx / 1000,
        "non_2xx": bad_status,
        "socket_errors": sock_err,
    }


# -- profiling with py-spy ---------------------------------------------------------------------
def pyspy_exe() -> str | None:
    """py-spy from $QILA_BENCH_PYSPY, PATH, or beside this interpreter (``pip install py-spy``)."""
    for candidate in (
        os.environ.get("QILA_BENCH_PYSPY"),
        shutil.which("py-spy"),
        str(Path(PYTHON).parent / "py-spy"),
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@dataclass
class PySpy:
    popen: subprocess.Popen[bytes]
    out: Path

    def stop(self, timeout_s: float = 30.0) -> Path | None:
        """SIGINT makes py-spy write its samples; bounded wait, then kill."""
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGINT)
        try:
            self.popen.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(timeout=5)
        return self.out if self.out.exists() and self.out.stat().st_size else None


def pyspy_attach(
    pid: int,
    out: Path,
    *,
    rate: int = 200,
    idle: bool = False,
    threads: bool = False,
    nonblocking: bool = True,
) -> PySpy | None:
    """Sample a running process (all its threads) into a collapsed-stack file until stop().
    ``nonblocking``: read the stacks without pausing the process (far less slowdown of a
    process with many threads; a sample is occasionally inconsistent)."""
    exe = pyspy_exe()
    if exe is None:
        return None
    argv = [exe, "record", "--pid", str(pid), "--rate", str(rate), "--format", "raw",
            "--full-filenames", "--output", str(out)]  # fmt: skip
    if idle:
        argv.append("--idle")
    if threads:
        argv.append("--threads")
    if nonblocking:
        argv.append("--nonblocking")
    log = open(out.with_suffix(".log"), "ab")  # noqa: SIM115 - closed with the process
    popen = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    log.close()
    time.sleep(0.5)  # attached before the load starts
    if popen.poll() is not None:
        return None
    return PySpy(popen, out)


def read_stacks(path: Path) -> list[tuple[list[str], int]]:
    """py-spy's raw (collapsed) format: ``frame;frame;...;leaf COUNT``, root first."""
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            out.append((stack.split(";"), int(count)))
    return out


def frame_path(frame: str) -> str:
    """``function (path:line)`` -> path."""
    inner = frame[frame.rfind("(") + 1 : -1] if frame.endswith(")") else ""
    return inner.rsplit(":", 1)[0]


def frame_short(frame: str, line: bool = False) -> str:
    func = frame.split(" (", 1)[0]
    inner = frame[frame.rfind("(") + 1 : -1] if frame.endswith(")") else ""
    path, _, lineno = inner.rpartition(":")
    for marker in ("/site-packages/", "/src/", "/lib/python3.11/", "/lib/python3."):
        if marker in path:
            path = path.split(marker, 1)[1]
            if marker == "/lib/python3.":
                path = path.split("/", 1)[-1]
            break
    return f"{func} ({path}:{lineno})" if line else f"{func} ({path})"


WAIT_LEAVES = ("Condition.wait (", "Event.wait (", "sleep (", "select (", "_wait_for_signal (")


def drop_waits(stacks: list[tuple[list[str], int]]) -> list[tuple[list[str], int]]:
    """py-spy counts some timed waits (Event.wait with a timeout) as active: drop samples
    whose leaf is a wait or sleep (not CPU)."""
    return [(f, n) for f, n in stacks if not f[-1].startswith(WAIT_LEAVES)]


def categorise(
    stacks: list[tuple[list[str], int]],
    rules: Sequence[tuple[str, Sequence[str]]],
    fallback: Sequence[tuple[str, Sequence[str]]] = (),
    default: str = "other",
) -> dict[str, Any]:
    """Exclusive breakdown of samples by component.

    A sample goes to the ``rules`` category of its OUTERMOST matching frame (JSON encoded
    inside logging counts as logging, HTTP inside the Twilio SDK as Twilio); samples with no
    such frame go to the ``fallback`` category of their INNERMOST matching frame (orchestration
    code: processor, HTTP server plumbing), else to ``default``. Patterns are substrings of the
    frame, ``function (path:line)``. Also the top leaf frames (with line) and inclusive frames."""
    total = sum(n for _, n in stacks)
    by_cat: Counter[str] = Counter()
    leaves: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()

    def match(frame: str, table_: Sequence[tuple[str, Sequence[str]]]) -> str | None:
        return next((name for name, pats in table_ if any(p in frame for p in pats)), None)

    for frames, n in stacks:
        category = next((c for f in frames if (c := match(f, rules))), None)
        if category is None:
            category = next((c for f in reversed(frames) if (c := match(f, fallback))), default)
        by_cat[category] += n
        leaves[frame_short(frames[-1], line=True)] += n
        for frame in {frame_short(f) for f in frames}:
            inclusive[frame] += n

    def share(c: Counter[str], k: int) -> list[dict[str, Any]]:
        return [
            {"frame": f, "samples": v, "share": round(v / total, 4)} for f, v in c.most_common(k)
        ]

    return {
        "samples": total,
        "categories": {
            k: {"samples": v, "share": round(v / total, 4) if total else 0.0}
            for k, v in by_cat.most_common()
        },
        "top_leaf": share(leaves, 15),
        "top_inclusive": share(inclusive, 25),
    }


def inclusive_share(stacks: list[tuple[list[str], int]], patterns: Sequence[str]) -> float:
    """Share of samples with any frame whose path contains one of ``patterns``."""
    total = sum(n for _, n in stacks) or 1
    hit = sum(
        n for frames, n in stacks if any(any(p in frame_path(f) for p in patterns) for f in frames)
    )
    return round(hit / total, 4)
