"""A queue that is briefly unavailable: fault injection for the local runner.

:class:`FlakyQueue` wraps the local SQLite queue and raises
:class:`~qila.errors.QueueUnavailable` from every operation while an outage is on, as SQS does
when it throttles or cannot be reached. The webhook then answers 5xx (Twilio retries the
delivery) and the poller backs off; nothing is lost or acknowledged without being stored.

Two ways to cause an outage, both read by every process that builds the queue (the webhook
server, the worker and the ``qila dlq`` commands):

- ``QILA_FAULT_QUEUE_DOWN_S``: the queue is unavailable for this many seconds from the moment
  the process first builds it, after ``QILA_FAULT_QUEUE_DOWN_AFTER_S`` (default 0);
- ``QILA_FAULT_QUEUE_CONTROL``: the path of a control file, changeable at run time. While the
  file holds an epoch time in the future (see :func:`queue_down`), the queue is unavailable
  until then; a missing, empty or past value means it is up.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from qila.adapters.sqlite_queue import SqliteQueue
from qila.errors import ConfigError, QueueUnavailable
from qila.ports.queue import DeadLetter, QueueMessage, QueueStats

ENV_DOWN_S = "QILA_FAULT_QUEUE_DOWN_S"
ENV_DOWN_AFTER_S = "QILA_FAULT_QUEUE_DOWN_AFTER_S"
ENV_CONTROL = "QILA_FAULT_QUEUE_CONTROL"


def is_configured(env: Mapping[str, str] | None = None) -> bool:
    e = os.environ if env is None else env
    return any((e.get(name) or "").strip() for name in (ENV_DOWN_S, ENV_CONTROL))


class FlakyQueue:
    """Implements the ``Queue`` and ``DeadLetters`` ports by delegation, failing while down."""

    def __init__(
        self,
        inner: SqliteQueue,
        *,
        down_between: tuple[float, float] | None = None,
        control_file: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.inner = inner
        self.down_between = down_between
        self.control_file = control_file
        self.clock = clock

    @property
    def path(self) -> Path:
        return self.inner.path

    def outage(self) -> str | None:
        """Why the queue is down right now, or None when it is up."""
        now = self.clock()
        if self.down_between is not None and self.down_between[0] <= now < self.down_between[1]:
            return "injected queue outage (QILA_FAULT_QUEUE_DOWN_S)"
        if self.control_file is not None and now < _read_until(self.control_file):
            return f"injected queue outage (control file {self.control_file})"
        return None

    def _check(self, operation: str) -> None:
        reason = self.outage()
        if reason is not None:
            raise QueueUnavailable(f"queue {operation} refused: {reason}")

    # -- Queue port ----------------------------------------------------------------------
    def send(self, body: str, attributes: dict[str, str] | None = None, delay_s: float = 0) -> str:
        self._check("send")
        return self.inner.send(body, attributes, delay_s)

    def receive(
        self,
        max_messages: int = 10,
        wait_seconds: float = 0.0,
        visibility_timeout: int | None = None,
    ) -> list[QueueMessage]:
        self._check("receive")
        return self.inner.receive(max_messages, wait_seconds, visibility_timeout)

    def delete(self, receipt_handle: str) -> None:
        self._check("delete")
        self.inner.delete(receipt_handle)

    def change_visibility(self, receipt_handle: str, timeout_s: int) -> None:
        self._check("change_visibility")
        self.inner.change_visibility(receipt_handle, timeout_s)

    def stats(self) -> QueueStats:
        self._check("stats")
        return self.inner.stats()

    # -- DeadLetters port ----------------------------------------------------------------
    def list_dead(self, limit: int = 100) -> list[DeadLetter]:
        self._check("list_dead")
        return self.inner.list_dead(limit)

    def redrive(self, message_ids: list[str] | None = None) -> int:
        self._check("redrive")
        return self.inner.redrive(message_ids)

    def purge_dead(self, message_ids: list[str] | None = None) -> int:
        self._check("purge_dead")
        return self.inner.purge_dead(message_ids)

    def close(self) -> None:
        self.inner.close()


def wrap_from_env(
    inner: SqliteQueue,
    env: Mapping[str, str] | None = None,
    clock: Callable[[], float] = time.time,
) -> FlakyQueue:
    """Wrap ``inner`` as the ``QILA_FAULT_QUEUE_*`` settings say."""
    e = os.environ if env is None else env
    down_s = _seconds(e, ENV_DOWN_S)
    after_s = _seconds(e, ENV_DOWN_AFTER_S)
    window = None
    if down_s > 0:
        start = clock() + after_s
        window = (start, start + down_s)
    control = (e.get(ENV_CONTROL) or "").strip()
    return FlakyQueue(
        inner,
        down_between=window,
        control_file=Path(control) if control else None,
        clock=clock,
    )


def queue_down(control_file: Path | str, seconds: float) -> None:
    """Make every queue built with this control file unavailable for ``seconds`` from now
    (0 ends an outage)."""
    path = Path(control_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(f"{time.time() + seconds:.3f}\n" if seconds > 0 else "")
    os.replace(tmp, path)  # atomic: a reader never sees a half-written value


def _read_until(path: Path) -> float:
    try:
        raw = path.read_text().strip()
    except OSError:
        return 0.0
    try:
        return float(raw) if raw else 0.0
    except ValueError:
        return 0.0


def _seconds(env: Mapping[str, str], name: str) -> float:
    raw = (env.get(name) or "").strip()
    if not raw:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(name, f"must be a number of seconds, got {raw!r}") from None
    if value < 0:
        raise ConfigError(name, f"must not be negative, got {value}")
    return value
