"""The queue contract: every implementation behaves like SQS (run against moto's real server
for SQS and against a real SQLite file for the embedded queue)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from qila.adapters.sqlite_queue import SqliteQueue
from qila.adapters.sqs_queue import SqsQueue, make_sqs_client
from qila.errors import QueueUnavailable
from qila.ports.queue import QueueMessage

VISIBILITY = 1  # seconds; short so redelivery can be observed


@dataclass
class QueueUnderTest:
    queue: Any
    reopen: Callable[[], Any]  # a new client on the same queue (a process restart)


@pytest.fixture(params=["sqlite", "sqs"])
def subject(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[QueueUnderTest]:
    if request.param == "sqlite":
        path = tmp_path / "queue.sqlite3"

        def make() -> SqliteQueue:
            return SqliteQueue(path, visibility_timeout_s=VISIBILITY, max_receives=3)

        yield QueueUnderTest(make(), make)
        return
    moto_url = request.getfixturevalue("moto_url")
    client = make_sqs_client("us-east-1", moto_url)
    name = f"qila-{uuid.uuid4().hex[:8]}"
    dlq_url = client.create_queue(
        QueueName=f"{name}-dlq", Attributes={"MessageRetentionPeriod": "1209600"}
    )["QueueUrl"]
    dlq_arn = client.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])[
        "Attributes"
    ]["QueueArn"]
    url = client.create_queue(
        QueueName=name,
        Attributes={
            "VisibilityTimeout": str(VISIBILITY),
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "3"}),
        },
    )["QueueUrl"]

    def make_sqs() -> SqsQueue:
        return SqsQueue(make_sqs_client("us-east-1", moto_url), url, dlq_url)

    yield QueueUnderTest(make_sqs(), make_sqs)


def receive_until(queue: Any, count: int, timeout: float = 5.0) -> list[QueueMessage]:
    got: list[QueueMessage] = []
    deadline = time.monotonic() + timeout
    while len(got) < count and time.monotonic() < deadline:
        got += queue.receive(max_messages=count - len(got), wait_seconds=0.2)
    return got


def test_send_then_receive_returns_the_body_once(subject: QueueUnderTest) -> None:
    q = subject.queue
    message_id = q.send('{"hello": "world"}')
    got = receive_until(q, 1)
    assert [m.body for m in got] == ['{"hello": "world"}']
    assert got[0].message_id == message_id and got[0].receive_count == 1
    assert q.receive(max_messages=10, wait_seconds=0) == []  # hidden while in flight


def test_attributes_travel_with_the_message(subject: QueueUnderTest) -> None:
    subject.queue.send("x", {"kind": "test"})
    (m,) = receive_until(subject.queue, 1)
    assert m.attributes == {"kind": "test"}


def test_deleted_messages_do_not_come_back(subject: QueueUnderTest) -> None:
    q = subject.queue
    q.send("a")
    (m,) = receive_until(q, 1)
    q.delete(m.receipt_handle)
    time.sleep(VISIBILITY + 0.3)
    assert q.receive(max_messages=10, wait_seconds=0.2) == []


def test_unacknowledged_messages_reappear_with_a_higher_receive_count(
    subject: QueueUnderTest,
) -> None:
    q = subject.queue
    q.send("retry me")
    (first,) = receive_until(q, 1)
    (second,) = receive_until(q, 1, timeout=VISIBILITY + 4)
    assert second.body == "retry me" and second.receive_count == 2
    assert second.receipt_handle != first.receipt_handle


def test_change_visibility_zero_makes_it_visible_at_once(subject: QueueUnderTest) -> None:
    q = subject.queue
    q.send("now")
    (m,) = receive_until(q, 1)
    q.change_visibility(m.receipt_handle, 0)
    (again,) = receive_until(q, 1, timeout=2)
    assert again.body == "now"


def test_after_three_receives_the_message_goes_to_the_dlq(subject: QueueUnderTest) -> None:
    q = subject.queue
    q.send("poison")
    q.send("good")
    counts = []
    for _ in range(3):
        batch = receive_until(q, 2, timeout=VISIBILITY + 4)
        for m in batch:
            if m.body == "poison":
                counts.append(m.receive_count)
            else:
                q.delete(m.receipt_handle)
    assert counts == [1, 2, 3]
    time.sleep(VISIBILITY + 0.3)
    assert q.receive(max_messages=10, wait_seconds=0.5) == []  # moved, not delivered a 4th time
    dead = q.list_dead()
    assert [d.body for d in dead] == ["poison"]
    assert q.stats().dead == 1


def test_redrive_brings_dead_letters_back_and_purge_removes_them(subject: QueueUnderTest) -> None:
    q = subject.queue
    for body in ("one", "two"):
        q.send(body)
    for _ in range(3):
        receive_until(q, 2, timeout=VISIBILITY + 4)
    time.sleep(VISIBILITY + 0.3)
    assert q.receive(max_messages=10, wait_seconds=0.5) == []
    dead = q.list_dead()
    assert sorted(d.body for d in dead) == ["one", "two"]
    one = next(d for d in dead if d.body == "one")
    assert q.redrive([one.message_id]) == 1
    (back,) = receive_until(q, 1)
    assert back.body == "one" and back.receive_count == 1
    assert q.purge_dead() == 1
    assert q.list_dead() == []


def test_messages_survive_a_restart(subject: QueueUnderTest) -> None:
    subject.queue.send("durable")
    if hasattr(subject.queue, "close"):
        subject.queue.close()
    fresh = subject.reopen()
    (m,) = receive_until(fresh, 1)
    assert m.body == "durable"


def test_stats_count_visible_and_in_flight(subject: QueueUnderTest) -> None:
    q = subject.queue
    for i in range(3):
        q.send(str(i))
    receive_until(q, 1)
    stats = q.stats()
    assert (stats.visible, stats.in_flight, stats.dead) == (2, 1, 0)


def test_sqlite_retention_drops_expired_messages(tmp_path: Path) -> None:
    q = SqliteQueue(tmp_path / "q.sqlite3", retention_s=0)
    q.send("stale")
    time.sleep(1.1)  # the expiry sweep runs at most once a second
    assert q.receive(max_messages=10, wait_seconds=0.1) == []


def test_sqlite_concurrent_senders_lose_nothing(tmp_path: Path) -> None:
    import threading

    q = SqliteQueue(tmp_path / "q.sqlite3")

    def send_many(prefix: str) -> None:
        for i in range(100):
            q.send(f"{prefix}{i}")

    threads = [threading.Thread(target=send_many, args=(p,)) for p in "abcd"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    bodies: set[str] = set()
    while batch := q.receive(max_messages=50):
        bodies |= {m.body for m in batch}
    assert len(bodies) == 400


def test_unreachable_sqs_raises_queue_unavailable() -> None:
    from tests.support.stack import free_port

    client = make_sqs_client("us-east-1", f"http://127.0.0.1:{free_port()}", max_attempts=1)
    q = SqsQueue(client, "http://127.0.0.1:1/000000000000/nowhere")
    with pytest.raises(QueueUnavailable):
        q.send("lost?")
