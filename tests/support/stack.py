"""Start and stop real local servers for tests: the Qila stack and moto's SQS/DynamoDB server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qila.local.http import http_json as http_json  # shared with the CLI

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

# Variables that would leak a developer's configuration into a test.
CONFIG_PREFIXES = ("QILA_", "TWILIO_", "SQS_", "SUPABASE_", "DYNAMODB_")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clean_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(CONFIG_PREFIXES)}
    env.update(overrides)
    return env


def wait_http(url: str, timeout: float = 20.0, proc: subprocess.Popen[Any] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answered
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def stop_process(proc: subprocess.Popen[Any], timeout: float = 15.0) -> None:
    if proc.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    else:
        # The leader is gone; make sure nothing of its group survives.
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)


@dataclass
class Stack:
    env: dict[str, str]
    state_dir: Path
    webhook_port: int
    sandbox_port: int
    media_port: int

    @property
    def sandbox_url(self) -> str:
        return f"http://127.0.0.1:{self.sandbox_port}"

    @property
    def webhook_url(self) -> str:
        return f"http://127.0.0.1:{self.webhook_port}/sms"

    def qila(self, *args: str, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "qila"), *args], env=self.env, cwd=REPO, capture_output=True, text=True,
            timeout=timeout,
        )  # fmt: skip

    def send(self, text: str, sender: str = "whatsapp:+6591234567", **extra: Any) -> Any:
        return http_json(f"{self.sandbox_url}/api/send", {"from": sender, "body": text, **extra})

    def messages(self, **query: Any) -> list[dict[str, Any]]:
        from urllib.parse import urlencode

        return list(http_json(f"{self.sandbox_url}/api/messages?{urlencode(query)}")["messages"])

    def wait_reply(self, sender: str, after: int, timeout: float = 20.0) -> dict[str, Any] | None:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            found = self.messages(after=after, number=sender, direction="outbound-api",
                                  wait=min(left, 5))  # fmt: skip
            if found:
                return found[0]
        return None


def stack_env(state_dir: Path, **overrides: str) -> Stack:
    """A stack on free loopback ports with short timeouts (so retries happen within a test);
    ``overrides`` replace any of these settings or add others."""
    webhook, sandbox, media = free_port(), free_port(), free_port()
    settings = {
        "QILA_STATE_DIR": str(state_dir),
        "QILA_WEBHOOK_PORT": str(webhook),
        "QILA_SANDBOX_PORT": str(sandbox),
        "QILA_MEDIA_PORT": str(media),
        "QILA_PROCESSOR_TIMEOUT_S": "4",
        "QILA_VISIBILITY_TIMEOUT_S": "5",
        "QILA_TIME_GUARD_MS": "500",
        "PYTHONUNBUFFERED": "1",
    }
    env = clean_env(**{**settings, **overrides})
    return Stack(env, state_dir, webhook, sandbox, media)


@contextmanager
def running(
    stack: Stack, *roles: str, log_path: Path | None = None
) -> Iterator[dict[str, subprocess.Popen[Any]]]:
    """Run the given roles (default: the whole stack via ``qila dev``) until the block ends."""
    roles = roles or ("dev",)
    procs: dict[str, subprocess.Popen[Any]] = {}
    stack.state_dir.mkdir(parents=True, exist_ok=True)
    log_file = open(log_path or stack.state_dir / "stack.log", "ab")  # noqa: SIM115
    try:
        for role in roles:
            procs[role] = subprocess.Popen(
                [sys.executable, "-m", "qila.cli", role], env=stack.env, cwd=REPO,
                stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        if "dev" in roles or "sandbox" in roles:
            wait_http(f"{stack.sandbox_url}/api/health", proc=next(iter(procs.values())))
        if "dev" in roles or "webhook-server" in roles:
            wait_http(f"http://127.0.0.1:{stack.webhook_port}/health")
        if "dev" in roles or "worker" in roles:
            _wait_worker_ready(stack, procs)
        yield procs
    finally:
        for proc in procs.values():
            stop_process(proc)
        log_file.close()


def _wait_worker_ready(stack: Stack, procs: Mapping[str, subprocess.Popen[Any]]) -> None:
    log = stack.state_dir / "stack.log"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if log.exists() and b"worker polling" in log.read_bytes():
            return
        if any(p.poll() is not None for p in procs.values()):
            raise RuntimeError("a stack process exited during start-up:\n" + log.read_text())
        time.sleep(0.05)
    raise TimeoutError("worker did not start:\n" + (log.read_text() if log.exists() else ""))


@contextmanager
def moto_server(serial: bool = False) -> Iterator[str]:
    """moto's standalone server (the project's own, from the virtualenv) on a free port;
    ``serial`` answers one request at a time (see ``moto_serial.py``)."""
    port = free_port()
    if serial:
        command = [str(BIN / "python"), str(Path(__file__).with_name("moto_serial.py"))]
        command += ["127.0.0.1", str(port)]
    else:
        command = [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)]
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{url}/moto-api/", proc=proc, timeout=30)
        yield url
    finally:
        stop_process(proc)
