"""Time in one place, so tests and the local runner can reason about it."""

from __future__ import annotations

import datetime as dt
import time


def now() -> float:
    """Seconds since the epoch (wall clock)."""
    return time.time()


def utc_iso(ts: float | None = None) -> str:
    moment = dt.datetime.fromtimestamp(now() if ts is None else ts, tz=dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
