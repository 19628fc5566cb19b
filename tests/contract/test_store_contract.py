"""The store contract, against a real SQLite file and DynamoDB on moto's server."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qila.adapters.dynamodb_store import DynamoDbStore, make_dynamodb_client
from qila.adapters.sqlite_store import SqliteStore
from qila.errors import StoreUnavailable
from qila.ports.store import ClaimState


@pytest.fixture(params=["sqlite", "dynamodb"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "sqlite":
        yield SqliteStore(tmp_path / "store.sqlite3")
        return
    client = make_dynamodb_client("us-east-1", request.getfixturevalue("moto_serial_url"))
    table = f"qila-{uuid.uuid4().hex[:8]}"
    client.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    yield DynamoDbStore(client, table)


def test_first_claim_is_new_and_a_live_claim_is_busy(store: Any) -> None:
    assert store.claim("SM1", lease_s=60).state is ClaimState.NEW
    assert store.claim("SM1", lease_s=60).state is ClaimState.BUSY


def test_completed_messages_are_done_for_good(store: Any) -> None:
    store.claim("SM2", lease_s=60)
    store.mark_stage("SM2", "sending")
    store.complete("SM2", {"result": "replied", "reply_sid": "SMr"})
    assert store.claim("SM2", lease_s=60).state is ClaimState.DONE
    store.release("SM2", "late failure")  # must not reopen a completed claim
    record = store.get("SM2")
    assert record.status == "completed" and record.outcome["reply_sid"] == "SMr"


def test_a_released_claim_is_taken_over_with_its_reason(store: Any) -> None:
    store.claim("SM3", lease_s=60)
    store.release("SM3", "TransientSendError: Twilio 500")
    claim = store.claim("SM3", lease_s=60)
    assert claim.state is ClaimState.TAKEN_OVER and claim.attempts == 2
    assert claim.last_error == "TransientSendError: Twilio 500"
    assert store.get("SM3").last_error == "TransientSendError: Twilio 500"


def test_an_expired_lease_is_taken_over_and_reports_the_stage_it_reached(store: Any) -> None:
    store.claim("SM4", lease_s=0.2)
    store.mark_stage("SM4", "sending")
    time.sleep(0.3)  # the worker "crashed" mid-send
    claim = store.claim("SM4", lease_s=60)
    assert claim.state is ClaimState.TAKEN_OVER and claim.previous_stage == "sending"


def test_only_one_of_many_concurrent_claims_wins(store: Any) -> None:
    results: list[ClaimState] = []
    lock = threading.Lock()

    def claim() -> None:
        state = store.claim("SM5", lease_s=60).state
        with lock:
            results.append(state)

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(ClaimState.NEW) == 1 and results.count(ClaimState.BUSY) == 7


def test_check_records_are_kept_newest_first(store: Any) -> None:
    store.record_check({"level": "likely_scam", "n": 1})
    store.record_check({"level": "no_red_flags", "n": 2})
    assert [r["n"] for r in store.recent_checks(10)] == [2, 1]
    assert store.get("unknown") is None


def test_unreachable_dynamodb_raises_store_unavailable() -> None:
    from tests.support.stack import free_port

    client = make_dynamodb_client("us-east-1", f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreUnavailable):
        DynamoDbStore(client, "t").claim("SM", lease_s=1)


def test_kv_put_get_and_expiry(store: Any) -> None:
    store.kv_put("user#abc", {"language": "ms"}, ttl_s=60)
    assert store.kv_get("user#abc") == {"language": "ms"}
    store.kv_put("user#abc", {"language": "id"}, ttl_s=60)
    assert store.kv_get("user#abc") == {"language": "id"}
    store.kv_put("gone", {"x": 1}, ttl_s=-1)  # already expired
    assert store.kv_get("gone") is None
    assert store.kv_get("never-set") is None


def test_kv_put_if_absent_wins_once(store: Any) -> None:
    assert store.kv_put_if_absent("once#1", {"a": 1}, ttl_s=60) is True
    assert store.kv_put_if_absent("once#1", {"a": 2}, ttl_s=60) is False
    assert store.kv_get("once#1") == {"a": 1}
    store.kv_put("once#2", {"a": 1}, ttl_s=-1)
    assert store.kv_put_if_absent("once#2", {"a": 3}, ttl_s=60) is True  # expired counts as absent


def test_kv_incr_counts_atomically(store: Any) -> None:
    results: list[int] = []
    lock = threading.Lock()

    def bump() -> None:
        for _ in range(5):
            n = store.kv_incr("usage#x", ttl_s=60)
            with lock:
                results.append(n)

    threads = [threading.Thread(target=bump) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == list(range(1, 21))
    assert store.kv_incr("usage#x", ttl_s=60, amount=0) == 20


def test_kv_append_keeps_order_and_every_item(store: Any) -> None:
    assert store.kv_append("parts#s", {"sid": "SM1"}, ttl_s=60) == [{"sid": "SM1"}]
    assert store.kv_append("parts#s", {"sid": "SM2"}, ttl_s=60) == [{"sid": "SM1"}, {"sid": "SM2"}]
    assert store.kv_get("parts#s") == {"items": [{"sid": "SM1"}, {"sid": "SM2"}]}
