"""The chaos run (``benchmarks/chaos.py``) at a small scale: the real stack processes, 30%
transient Twilio failures, 10% duplicate deliveries and two SIGKILLs of the worker mid-batch."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def load_chaos() -> ModuleType:
    spec = importlib.util.spec_from_file_location("qila_bench_chaos", BENCH / "chaos.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_small_chaos_run_loses_nothing_and_never_answers_twice_outside_the_crash_window(
    tmp_path: Path,
) -> None:
    chaos = load_chaos()
    config = chaos.ChaosConfig(
        messages=150, kills=2, seed=7, time_limit_s=150, state_dir=tmp_path / "state"
    )
    result = chaos.run_chaos(config)
    summary = chaos.render(result)

    assert not result.timed_out, summary
    assert result.sent == 150 and result.queued == 150, summary
    assert result.deliveries_duplicated == 15
    assert len(result.kills) == 2 and all(k.in_flight > 0 for k in result.kills), summary
    assert result.twilio_calls_refused > 0, summary  # the faults really happened
    assert result.lost == 0, summary
    assert result.duplicate_replies_other == 0, summary
    assert result.pending == 0, summary
    # Every queued message is accounted for: answered, or in the DLQ with a recorded reason.
    assert result.replied + result.in_dlq >= result.queued, summary
    assert sum(result.dlq_reasons.values()) == result.in_dlq, summary
    # Each worker incarnation wrote its own log: the kills and restarts really happened.
    assert len(list((tmp_path / "state").glob("worker-*.log"))) == 3
