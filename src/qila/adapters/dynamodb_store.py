"""The store port on DynamoDB: one table, partition key ``pk`` (S), TTL on ``expires_at``.

Items: ``msg#<MessageSid>`` (idempotency claim) and ``check#<id>`` (check records).
Claims are single conditional writes, so two workers can never both own a message.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from decimal import Decimal
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from qila.errors import StoreUnavailable
from qila.ports.store import Claim, ClaimState, ProcessingRecord


def make_dynamodb_client(region: str, endpoint_url: str | None = None) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(
        connect_timeout=2, read_timeout=5, retries={"mode": "standard", "total_max_attempts": 3}
    )
    return boto3.client("dynamodb", region_name=region, endpoint_url=endpoint_url, config=config)


class DynamoDbStore:
    def __init__(self, client: Any, table: str, *, ttl_s: int = 7 * 86400) -> None:
        self.client = client
        self.table = table
        self.ttl_s = ttl_s

    def claim(self, key: str, lease_s: float) -> Claim:
        now = time.time()
        try:
            response = self.client.update_item(
                TableName=self.table,
                Key={"pk": {"S": f"msg#{key}"}},
                UpdateExpression=(
                    "SET #s = :ip, lease_until = :lease, updated_at = :now, expires_at = :exp,"
                    " stage = if_not_exists(stage, :claimed) ADD attempts :one"
                ),
                ConditionExpression=(
                    "attribute_not_exists(pk) OR (#s <> :done AND (#s = :failed OR lease_until < :now))"
                ),
                ExpressionAttributeNames={"#s": "status"},
                ExpressionAttributeValues={
                    ":ip": {"S": "in_progress"},
                    ":done": {"S": "completed"},
                    ":failed": {"S": "failed"},
                    ":claimed": {"S": "claimed"},
                    ":lease": {"N": _num(now + lease_s)},
                    ":now": {"N": _num(now)},
                    ":exp": {"N": str(int(now + self.ttl_s))},
                    ":one": {"N": "1"},
                },
                ReturnValues="ALL_OLD",
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                raise StoreUnavailable(f"DynamoDB claim failed: {exc}") from exc
            record = self.get(key)
            if record is not None and record.status == "completed":
                return Claim(ClaimState.DONE, attempts=record.attempts, previous_stage=record.stage)
            return Claim(
                ClaimState.BUSY,
                attempts=record.attempts if record else 0,
                previous_stage=record.stage if record else None,
            )
        except BotoCoreError as exc:
            raise StoreUnavailable(f"DynamoDB claim failed: {exc}") from exc
        old = response.get("Attributes")
        if not old:
            return Claim(ClaimState.NEW, attempts=1)
        return Claim(
            ClaimState.TAKEN_OVER,
            attempts=int(old.get("attempts", {}).get("N", "0")) + 1,
            previous_stage=old.get("stage", {}).get("S"),
            last_error=old.get("last_error", {}).get("S"),
        )

    def mark_stage(self, key: str, stage: str) -> None:
        self._update(key, "SET stage = :st, updated_at = :now", {":st": {"S": stage}})

    def complete(self, key: str, outcome: dict[str, Any]) -> None:
        now = time.time()
        self._update(
            key,
            "SET #s = :done, stage = :done, lease_until = :zero, outcome = :out, expires_at = :exp,"
            " updated_at = :now",
            {
                ":done": {"S": "completed"},
                ":zero": {"N": "0"},
                ":out": {"S": json.dumps(outcome, default=str)},
                ":exp": {"N": str(int(now + self.ttl_s))},
            },
            names={"#s": "status"},
        )

    def release(self, key: str, error: str) -> None:
        # A claim completed meanwhile has nothing to release.
        with contextlib.suppress(_ConditionFailed):
            self._update(
                key,
                "SET #s = :failed, lease_until = :zero, last_error = :err, updated_at = :now",
                {
                    ":failed": {"S": "failed"},
                    ":zero": {"N": "0"},
                    ":err": {"S": error[:1000]},
                    ":done": {"S": "completed"},
                },
                names={"#s": "status"},
                condition="#s <> :done",
            )

    def get(self, key: str) -> ProcessingRecord | None:
        try:
            item = self.client.get_item(
                TableName=self.table, Key={"pk": {"S": f"msg#{key}"}}, ConsistentRead=True
            ).get("Item")
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"DynamoDB read failed: {exc}") from exc
        if not item:
            return None
        return ProcessingRecord(
            key=key,
            status=item["status"]["S"],
            stage=item.get("stage", {}).get("S"),
            attempts=int(item.get("attempts", {}).get("N", "0")),
            last_error=item.get("last_error", {}).get("S"),
            outcome=json.loads(item.get("outcome", {}).get("S", "{}")),
            updated_at=float(item.get("updated_at", {}).get("N", "0")),
        )

    def record_check(self, record: dict[str, Any]) -> None:
        now = time.time()
        try:
            self.client.put_item(
                TableName=self.table,
                Item={
                    "pk": {"S": f"check#{uuid.uuid4()}"},
                    "kind": {"S": "check"},
                    "created_at": {"N": _num(now)},
                    "expires_at": {"N": str(int(now + self.ttl_s))},
                    "record": {"S": json.dumps(record, default=str, ensure_ascii=False)},
                },
            )
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"DynamoDB write failed: {exc}") from exc

    def recent_checks(self, limit: int = 20) -> list[dict[str, Any]]:
        """Operator view only: a filtered scan (fine for the dashboard's small pages)."""
        try:
            items: list[dict[str, Any]] = []
            kwargs: dict[str, Any] = {
                "TableName": self.table,
                "FilterExpression": "kind = :c",
                "ExpressionAttributeValues": {":c": {"S": "check"}},
            }
            while True:
                page = self.client.scan(**kwargs)
                items.extend(page.get("Items", []))
                if "LastEvaluatedKey" not in page or len(items) >= 1000:
                    break
                kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"DynamoDB scan failed: {exc}") from exc
        items.sort(key=lambda i: float(i["created_at"]["N"]), reverse=True)
        return [json.loads(i["record"]["S"]) for i in items[:limit]]

    # -- keyed records ---------------------------------------------------------------------
    # Items ``kv#<key>`` hold a JSON document in ``value`` (or a number in ``n`` for counters).
    # DynamoDB's TTL deletes lazily, so reads also compare ``expires_at`` with the clock.

    def kv_get(self, key: str) -> dict[str, Any] | None:
        item = self._kv_item(key)
        if item is None:
            return None
        if "n" in item:
            return {"n": int(item["n"]["N"])}
        return dict(json.loads(item["value"]["S"]))

    def kv_put(self, key: str, value: dict[str, Any], ttl_s: int) -> None:
        try:
            self.client.put_item(TableName=self.table, Item=self._kv_doc(key, value, ttl_s))
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"DynamoDB write failed: {exc}") from exc

    def kv_put_if_absent(self, key: str, value: dict[str, Any], ttl_s: int) -> bool:
        try:
            self.client.put_item(
                TableName=self.table,
                Item=self._kv_doc(key, value, ttl_s),
                ConditionExpression="attribute_not_exists(pk) OR expires_at < :now",
                ExpressionAttributeValues={":now": {"N": str(int(time.time()))}},
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return False
            raise StoreUnavailable(f"DynamoDB write failed: {exc}") from exc
        except BotoCoreError as exc:
            raise StoreUnavailable(f"DynamoDB write failed: {exc}") from exc
        return True

    def kv_incr(self, key: str, ttl_s: int, amount: int = 1) -> int:
        now = int(time.time())
        try:
            response = self.client.update_item(
                TableName=self.table,
                Key={"pk": {"S": f"kv#{key}"}},
                UpdateExpression="SET expires_at = if_not_exists(expires_at, :exp) ADD n :amount",
                ExpressionAttributeValues={
                    ":exp": {"N": str(now + ttl_s)},
                    ":amount": {"N": str(amount)},
                },
                ReturnValues="ALL_NEW",
            )
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"DynamoDB update failed: {exc}") from exc
        attributes = response["Attributes"]
        if int(attributes["expires_at"]["N"]) < now:
            # An expired counter that TTL has not deleted yet: start it again.
            self.kv_put_counter(key, amount, ttl_s)
            return amount
        return int(attributes["n"]["N"])

    def kv_put_counter(self, key: str, value: int, ttl_s: int) -> None:
        try:
            self.client.put_item(
                TableName=self.table,
                Item={
                    "pk": {"S": f"kv#{key}"},
                    "n": {"N": str(value)},
                    "expires_at": {"N": str(int(time.time()) + ttl_s)},
                },
            )
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"DynamoDB write failed: {exc}") from exc

    def kv_append(self, key: str, item: dict[str, Any], ttl_s: int) -> list[dict[str, Any]]:
        now = int(time.time())
        try:
            response = self.client.update_item(
                TableName=self.table,
                Key={"pk": {"S": f"kv#{key}"}},
                UpdateExpression="SET #items = list_append(if_not_exists(#items, :empty), :new),"
                " expires_at = :exp",
                ExpressionAttributeNames={"#items": "items"},
                ExpressionAttributeValues={
                    ":empty": {"L": []},
                    ":new": {"L": [{"S": json.dumps(item, default=str)}]},
                    ":exp": {"N": str(now + ttl_s)},
                },
                ReturnValues="ALL_NEW",
            )
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"DynamoDB update failed: {exc}") from exc
        return [json.loads(v["S"]) for v in response["Attributes"]["items"]["L"]]

    def _kv_item(self, key: str) -> dict[str, Any] | None:
        try:
            item = self.client.get_item(
                TableName=self.table, Key={"pk": {"S": f"kv#{key}"}}, ConsistentRead=True
            ).get("Item")
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable(f"DynamoDB read failed: {exc}") from exc
        if not item or int(item.get("expires_at", {}).get("N", "0")) < time.time():
            return None
        if "items" in item:
            return {
                "value": {
                    "S": json.dumps({"items": [json.loads(v["S"]) for v in item["items"]["L"]]})
                }
            }
        return dict(item)

    @staticmethod
    def _kv_doc(key: str, value: dict[str, Any], ttl_s: int) -> dict[str, Any]:
        return {
            "pk": {"S": f"kv#{key}"},
            "value": {"S": json.dumps(value, default=str, ensure_ascii=False)},
            "expires_at": {"N": str(int(time.time()) + ttl_s)},
        }

    def _update(
        self,
        key: str,
        expression: str,
        values: dict[str, Any],
        *,
        names: dict[str, str] | None = None,
        condition: str | None = None,
    ) -> None:
        kwargs: dict[str, Any] = {
            "TableName": self.table,
            "Key": {"pk": {"S": f"msg#{key}"}},
            "UpdateExpression": expression,
            "ExpressionAttributeValues": {**values, ":now": {"N": _num(time.time())}},
        }
        if names:
            kwargs["ExpressionAttributeNames"] = names
        if condition:
            kwargs["ConditionExpression"] = condition
        try:
            self.client.update_item(**kwargs)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise _ConditionFailed() from exc
            raise StoreUnavailable(f"DynamoDB update failed: {exc}") from exc
        except BotoCoreError as exc:
            raise StoreUnavailable(f"DynamoDB update failed: {exc}") from exc


class _ConditionFailed(Exception):
    pass


def _num(value: float) -> str:
    return str(Decimal(str(round(value, 3))))
