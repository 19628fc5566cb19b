"""`qila dlq` against SQS on moto's server, with messages dead-lettered by three failed receives
of the real worker (AWS mode: SQS queue, DynamoDB store, Twilio calls to the sandbox)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from tests.support.events import envelope
from tests.support.stack import Stack, http_json, running, stack_env

from qila.settings import LOCAL_ACCOUNT_SID, LOCAL_AUTH_TOKEN


@pytest.fixture
def aws_stack(moto_url: str, tmp_path: Path) -> Iterator[tuple[Stack, Any]]:
    sqs = boto3.client("sqs", region_name="us-east-1", endpoint_url=moto_url)
    ddb = boto3.client("dynamodb", region_name="us-east-1", endpoint_url=moto_url)
    name = f"qila-{uuid.uuid4().hex[:8]}"
    dlq_url = sqs.create_queue(QueueName=f"{name}-dlq")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    queue_url = sqs.create_queue(QueueName=name, Attributes={
        "VisibilityTimeout": "5",
        "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "3"}),
    })["QueueUrl"]  # fmt: skip
    ddb.create_table(TableName=name, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                     BillingMode="PAY_PER_REQUEST")  # fmt: skip
    stack = stack_env(
        tmp_path / "state",
        SQS_QUEUE_URL=queue_url, SQS_DLQ_URL=dlq_url, SQS_ENDPOINT_URL=moto_url,
        QILA_DYNAMODB_TABLE=name, DYNAMODB_ENDPOINT_URL=moto_url, AWS_DEFAULT_REGION="us-east-1",
        AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
        TWILIO_ACCOUNT_SID=LOCAL_ACCOUNT_SID, TWILIO_AUTH_TOKEN=LOCAL_AUTH_TOKEN,
        TWILIO_PHONE_NUMBER="whatsapp:+14155238886", QILA_MULTIPART_WINDOW_S="0",
        QILA_FAULT_TRANSIENT_RATE="1.0",
    )  # fmt: skip
    stack.env["TWILIO_API_URL"] = stack.sandbox_url
    yield stack, sqs


def wait_until(predicate: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    raise AssertionError("condition not met in time")


def test_dead_letters_are_listed_with_reasons_redriven_and_answered(
    aws_stack: tuple[Stack, Any],
) -> None:
    stack, sqs = aws_stack
    queue_url, dlq_url = stack.env["SQS_QUEUE_URL"], stack.env["SQS_DLQ_URL"]
    sqs.send_message(
        QueueUrl=queue_url,
        MessageBody=envelope(
            "SMdead1",
            "URGENT pay the fee at http://parcel-fee.top/pay",
            sender="whatsapp:+6570000001",
        ),
    )
    sqs.send_message(QueueUrl=queue_url, MessageBody="{this is not an envelope")

    def dead_count() -> int:
        attrs = sqs.get_queue_attributes(
            QueueUrl=dlq_url, AttributeNames=["ApproximateNumberOfMessages"]
        )
        return int(attrs["Attributes"]["ApproximateNumberOfMessages"])

    with running(stack, "sandbox", "worker"):  # every Twilio call fails with 429/500
        wait_until(lambda: dead_count() == 2, timeout=60)

        listing = stack.qila("dlq", "list")
        assert listing.returncode == 0, listing.stderr
        assert "2 dead letter(s)" in listing.stdout
        assert "TransientSendError: Twilio" in listing.stdout
        assert "malformed envelope: not JSON" in listing.stdout
        assert "whatsapp:+65****0001" in listing.stdout and "6570000001" not in listing.stdout
        rows = json.loads(stack.qila("dlq", "list", "--json").stdout)
        poison = next(r for r in rows if r["message_sid"] is None)
        good = next(r for r in rows if r["message_sid"] == "SMdead1")
        assert good["receives"] >= 1 and good["attempts"] == 3

        shown = json.loads(stack.qila("dlq", "show", good["id"]).stdout)
        assert json.loads(shown["body"])["messageId"] == "SMdead1"

        dry = stack.qila("dlq", "redrive", "--dry-run")
        assert "would redrive 2 message(s)" in dry.stdout and dead_count() == 2

        http_json(f"{stack.sandbox_url}/api/faults", {"transient_rate": 0.0})
        # moto has no message move task: the command says so and falls back.
        redrive = stack.qila("dlq", "redrive", good["id"])
        assert redrive.returncode == 0, redrive.stderr
        assert "redrove 1 message(s)" in redrive.stdout
        reply = stack.wait_reply("whatsapp:+6570000001", after=0, timeout=30)
        assert reply is not None and "parcel-fee.top" in reply["body"]

        purge = stack.qila("dlq", "purge", poison["id"])
        assert "deleted 1 dead letter(s)" in purge.stdout
        assert "the dead-letter queue is empty" in stack.qila("dlq", "list").stdout


def test_redrive_all_uses_the_move_task_and_falls_back_when_it_is_missing(
    aws_stack: tuple[Stack, Any],
) -> None:
    stack, sqs = aws_stack
    dlq_url = stack.env["SQS_DLQ_URL"]
    sqs.send_message(QueueUrl=dlq_url, MessageBody=envelope("SMx", "hello"),
                     MessageAttributes={"origin": {"DataType": "String", "StringValue": "test"}})  # fmt: skip
    result = stack.qila("dlq", "redrive")
    assert "falling back to receive/send/delete" in result.stderr
    assert "redrove 1 message(s)" in result.stdout
    moved = sqs.receive_message(QueueUrl=stack.env["SQS_QUEUE_URL"], MessageAttributeNames=["All"])[
        "Messages"
    ]
    assert moved[0]["MessageAttributes"]["origin"]["StringValue"] == "test"  # attributes kept


def test_move_task_path_with_stubber(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from qila import dlq_cli
    from qila.adapters.sqs_queue import SqsQueue

    client = boto3.client("sqs", region_name="us-east-1")
    queue = SqsQueue(
        client,
        "https://sqs.us-east-1.amazonaws.com/1/q",
        "https://sqs.us-east-1.amazonaws.com/1/q-dlq",
    )
    dlq_arn, main_arn = "arn:aws:sqs:us-east-1:1:q-dlq", "arn:aws:sqs:us-east-1:1:q"
    with Stubber(client) as stub:
        stub.add_response("receive_message", {"Messages": []})  # the listing before the move
        stub.add_response("receive_message", {"Messages": []})
        stub.add_response("get_queue_attributes", {"Attributes": {"QueueArn": dlq_arn}})
        stub.add_response("get_queue_attributes", {"Attributes": {"QueueArn": main_arn}})
        stub.add_response("start_message_move_task", {"TaskHandle": "task-1"},
                          {"SourceArn": dlq_arn, "DestinationArn": main_arn})  # fmt: skip
        for status, moved in (("RUNNING", 4), ("COMPLETED", 9)):
            stub.add_response("get_queue_attributes", {"Attributes": {"QueueArn": dlq_arn}})
            stub.add_response("list_message_move_tasks", {"Results": [{
                "Status": status, "ApproximateNumberOfMessagesMoved": moved,
                "ApproximateNumberOfMessagesToMove": 9, "SourceArn": dlq_arn}]})  # fmt: skip
        monkeypatch.setattr(dlq_cli, "_context", lambda: (queue, None))
        monkeypatch.setattr(dlq_cli.time, "sleep", lambda s: None)
        from qila.cli import main

        assert main(["dlq", "redrive"]) == 0
        stub.assert_no_pending_responses()
    out = capsys.readouterr().out
    assert "started SQS message move task task-1" in out
    assert "RUNNING: 4/9 moved" in out and "COMPLETED: 9/9 moved" in out
