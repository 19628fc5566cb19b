"""Fault injection for the local sandbox: how Twilio misbehaves on a bad day.

Set from the environment at start (documented in the README) and changeable at run time
through the sandbox's ``/api/faults`` endpoint:

- ``QILA_FAULT_TRANSIENT_RATE``  share (0-1) of Messages API calls answered 429 or 500
- ``QILA_FAULT_LATENCY_MS``      added latency on every Messages API call
- ``QILA_FAULT_TIMEOUT_RATE``    share of calls that hang for ``QILA_FAULT_TIMEOUT_S`` (default 30)
- ``QILA_FAULT_PERMANENT``       ``number=code`` pairs, comma-separated, answered with that
                                  Twilio error for good (e.g. ``whatsapp:+15550001111=21211``)
- ``QILA_FAULT_MEDIA_NOT_READY`` how many 404s each media URL answers before its content
- ``QILA_FAULT_SEED``            random seed, for repeatable runs
"""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from qila.errors import ConfigError


@dataclass
class Faults:
    transient_rate: float = 0.0
    latency_ms: float = 0.0
    timeout_rate: float = 0.0
    timeout_s: float = 30.0
    permanent: dict[str, int] = field(default_factory=dict)
    media_not_ready: int = 0
    seed: int | None = None

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self._lock = threading.Lock()

    def roll(self) -> float:
        with self._lock:
            return self._random.random()

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if not k.startswith("_")}

    def update(self, changes: Mapping[str, Any]) -> None:
        for name in ("transient_rate", "timeout_rate"):
            if name in changes:
                setattr(self, name, _share(name, changes[name]))
        for name in ("latency_ms", "timeout_s"):
            if name in changes:
                setattr(self, name, max(0.0, float(changes[name])))
        if "media_not_ready" in changes:
            self.media_not_ready = max(0, int(changes["media_not_ready"]))
        if "permanent" in changes:
            value = changes["permanent"]
            self.permanent = (
                parse_permanent("permanent", value)
                if isinstance(value, str)
                else {str(k): int(v) for k, v in dict(value).items()}
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Faults:
        e = os.environ if env is None else env

        def number(name: str, default: float) -> float:
            raw = (e.get(name) or "").strip()
            if not raw:
                return default
            try:
                return float(raw)
            except ValueError:
                raise ConfigError(name, f"must be a number, got {raw!r}") from None

        seed_raw = (e.get("QILA_FAULT_SEED") or "").strip()
        return cls(
            transient_rate=_share(
                "QILA_FAULT_TRANSIENT_RATE", number("QILA_FAULT_TRANSIENT_RATE", 0)
            ),
            latency_ms=max(0.0, number("QILA_FAULT_LATENCY_MS", 0)),
            timeout_rate=_share("QILA_FAULT_TIMEOUT_RATE", number("QILA_FAULT_TIMEOUT_RATE", 0)),
            timeout_s=max(0.0, number("QILA_FAULT_TIMEOUT_S", 30)),
            permanent=parse_permanent("QILA_FAULT_PERMANENT", e.get("QILA_FAULT_PERMANENT") or ""),
            media_not_ready=int(number("QILA_FAULT_MEDIA_NOT_READY", 0)),
            seed=int(seed_raw) if seed_raw.lstrip("-").isdigit() else None,
        )


def _share(name: str, value: Any) -> float:
    share = float(value)
    if not 0.0 <= share <= 1.0:
        raise ConfigError(name, f"must be between 0 and 1, got {share}")
    return share


def parse_permanent(name: str, raw: str) -> dict[str, int]:
    result: dict[str, int] = {}
    for pair in filter(None, (p.strip() for p in raw.split(","))):
        number, sep, code = pair.rpartition("=")
        if not sep or not number or not code.strip().isdigit():
            raise ConfigError(name, f"expected number=code pairs, got {pair!r}")
        result[number.strip()] = int(code)
    return result
