"""The local queue-outage fault: settings, window, control file, delegation."""

from __future__ import annotations

from pathlib import Path

import pytest

from qila.adapters.sqlite_queue import SqliteQueue
from qila.errors import ConfigError, QueueUnavailable
from qila.local.flaky_queue import is_configured, queue_down, wrap_from_env


def test_window_from_settings_then_up_again(tmp_path: Path) -> None:
    now = [1000.0]
    queue = wrap_from_env(SqliteQueue(tmp_path / "q.sqlite3"),
                          {"QILA_FAULT_QUEUE_DOWN_S": "5", "QILA_FAULT_QUEUE_DOWN_AFTER_S": "1"},
                          clock=lambda: now[0])  # fmt: skip
    queue.send("before")
    now[0] += 2
    for call in (lambda: queue.send("x"), queue.receive, queue.stats, queue.list_dead):
        with pytest.raises(QueueUnavailable):
            call()
    now[0] += 5
    queue.send("after")
    assert [m.body for m in queue.receive(max_messages=10)] == ["before", "after"]


def test_control_file_switches_the_outage_at_run_time(tmp_path: Path) -> None:
    control = tmp_path / "down"
    queue = wrap_from_env(
        SqliteQueue(tmp_path / "q.sqlite3"), {"QILA_FAULT_QUEUE_CONTROL": str(control)}
    )
    queue.send("up")
    queue_down(control, 60)
    with pytest.raises(QueueUnavailable, match="injected queue outage"):
        queue.send("down")
    queue_down(control, 0)
    queue.send("up again")
    assert queue.stats().visible == 2


def test_settings_are_validated_and_off_by_default(tmp_path: Path) -> None:
    assert not is_configured({})
    assert is_configured({"QILA_FAULT_QUEUE_CONTROL": "/tmp/x"})
    with pytest.raises(ConfigError, match="QILA_FAULT_QUEUE_DOWN_S"):
        wrap_from_env(SqliteQueue(tmp_path / "q.sqlite3"), {"QILA_FAULT_QUEUE_DOWN_S": "soon"})
