"""The webhook's cold start is the user's wait: it must import nothing heavy."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support.events import rest_event, sign, twilio_form
from tests.support.stack import clean_env

HEAVY = ("twilio", "boto3", "botocore", "requests", "numpy", "PIL", "onnxruntime", "sklearn",
         "qila.analysis", "qila.media", "qila.processor", "aws_lambda_powertools", "urllib.request")  # fmt: skip

PROBE = """
import json, sys
from webhook_handler.handler import lambda_handler
event = json.loads(sys.stdin.read())
response = lambda_handler(event, {})
loaded = sorted(m for m in sys.modules if m.split(".")[0] in %r or m in %r)
print(json.dumps({"status": response["statusCode"], "loaded": loaded}))
"""


def test_the_webhook_handles_a_message_without_importing_anything_heavy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    form = twilio_form()
    event = rest_event(form, signature=sign("http://127.0.0.1:3000/sms", form))
    roots = tuple({m.split(".")[0] for m in HEAVY})
    result = subprocess.run([sys.executable, "-c", PROBE % (roots, HEAVY)], input=json.dumps(event),
                            capture_output=True, text=True, timeout=60,
                            env=clean_env(QILA_STATE_DIR=str(tmp_path)))  # fmt: skip
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout.strip().splitlines()[-1])
    assert doc["status"] == 200
    assert [m for m in doc["loaded"] if m.startswith(HEAVY) or m in HEAVY] == []
