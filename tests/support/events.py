"""Complete API Gateway and SQS events, as AWS sends them, for handler tests."""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import urlencode

from qila.signature import compute_signature

TOKEN = "qila-local-sandbox-auth-token-00"


def twilio_form(
    sid: str = "SM" + "a" * 32, body: str = "Is this a scam?", **extra: str
) -> list[tuple[str, str]]:
    fields = {
        "SmsMessageSid": sid, "NumMedia": "0", "ProfileName": "Ana", "MessageType": "text",
        "SmsSid": sid, "WaId": "6591234567", "SmsStatus": "received", "Body": body,
        "To": "whatsapp:+14155238886", "NumSegments": "1", "ReferralNumMedia": "0",
        "MessageSid": sid, "AccountSid": "AC" + "0" * 31 + "1", "From": "whatsapp:+6591234567",
        "ApiVersion": "2010-04-01",
    }  # fmt: skip
    fields.update(extra)
    return list(fields.items())


def sign(url: str, form: list[tuple[str, str]], token: str = TOKEN) -> str:
    params: dict[str, list[str]] = {}
    for k, v in form:
        params.setdefault(k, []).append(v)
    return compute_signature(token, url, params)


def rest_event(
    form: list[tuple[str, str]], *, host: str = "abc123.execute-api.us-east-1.amazonaws.com",
    path: str = "/sms", stage: str = "prod", signature: str | None = None,
    base64_body: bool = False, header_case: str = "canonical",
) -> dict[str, Any]:  # fmt: skip
    """An API Gateway REST API (v1) proxy event."""
    body = urlencode(form)
    headers = {
        "Host": host,
        "Content-Type": "application/x-www-form-urlencoded",
        "User-Agent": "TwilioProxy/1.1",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Port": "443",
    }
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    if header_case == "lower":
        headers = {k.lower(): v for k, v in headers.items()}
    return {
        "resource": path,
        "path": path,
        "httpMethod": "POST",
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": path,
            "httpMethod": "POST",
            "path": f"/{stage}{path}",
            "stage": stage,
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "identity": {"sourceIp": "54.172.60.1"},
        },
        "body": base64.b64encode(body.encode()).decode() if base64_body else body,
        "isBase64Encoded": base64_body,
    }


def http_api_event(
    form: list[tuple[str, str]], *, host: str = "xyz789.execute-api.us-east-1.amazonaws.com",
    raw_path: str = "/sms", signature: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """An API Gateway HTTP API (v2) event: lower-case headers, base64 form body."""
    headers = {"host": host, "content-type": "application/x-www-form-urlencoded"}
    if signature is not None:
        headers["x-twilio-signature"] = signature
    return {
        "version": "2.0",
        "routeKey": "POST /sms",
        "rawPath": raw_path,
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "domainName": host,
            "http": {
                "method": "POST",
                "path": raw_path,
                "protocol": "HTTP/1.1",
                "sourceIp": "54.172.60.1",
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "stage": "$default",
        },
        "body": base64.b64encode(urlencode(form).encode()).decode(),
        "isBase64Encoded": True,
    }


def sqs_event(*bodies: str, receive_count: int = 1) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": f"msg-{i}",
                "receiptHandle": f"handle-{i}",
                "body": body,
                "attributes": {
                    "ApproximateReceiveCount": str(receive_count),
                    "SentTimestamp": "1764288000000",
                },
                "messageAttributes": {},
                "md5OfBody": "",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:qila-queue",
                "awsRegion": "us-east-1",
            }
            for i, body in enumerate(bodies)
        ]
    }


def envelope(sid: str, body: str, sender: str = "whatsapp:+6591234567") -> str:
    return json.dumps({"version": 1, "messageId": sid, "from": sender, "to": "whatsapp:+14155238886",
                       "body": body, "numMedia": 0, "media": []})  # fmt: skip
