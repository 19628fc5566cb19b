"""template.yaml: the numbers from the design, least privilege, and an offline lint."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"
BIN = Path(sys.executable).parent


def load_module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    parsed: dict[str, Any] = yaml_parse(TEMPLATE.read_text(encoding="utf-8"))
    return parsed


@pytest.fixture(scope="module")
def translated() -> dict[str, Any]:
    translator = load_module("translate_template", ROOT / "deploy" / "translate_template.py")
    result: dict[str, Any] = translator.translate(TEMPLATE)
    return result


def resources(template: dict[str, Any], type_: str) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == type_}


def props(template: dict[str, Any], logical_id: str) -> dict[str, Any]:
    result: dict[str, Any] = template["Resources"][logical_id]["Properties"]
    return result


def function_setting(template: dict[str, Any], logical_id: str, name: str) -> Any:
    own = props(template, logical_id)
    return own[name] if name in own else template["Globals"]["Function"][name]


# ------------------------------------------------------------------ queue and retries
def test_queue_redrives_to_dlq_after_three_receives(template: dict[str, Any]) -> None:
    policy = props(template, "Queue")["RedrivePolicy"]
    assert policy["maxReceiveCount"] == 3
    assert policy["deadLetterTargetArn"] == {"Fn::GetAtt": ["DeadLetterQueue", "Arn"]}


def test_dlq_keeps_messages_fourteen_days(template: dict[str, Any]) -> None:
    assert props(template, "DeadLetterQueue")["MessageRetentionPeriod"] == 1209600


def test_visibility_timeout_outlasts_processor(template: dict[str, Any]) -> None:
    timeout = props(template, "ProcessorFunction")["Timeout"]
    assert timeout == 300
    visibility = props(template, "Queue")["VisibilityTimeout"]
    assert visibility == 360
    assert visibility > timeout


def test_webhook_answers_before_twilio_gives_up(template: dict[str, Any]) -> None:
    assert props(template, "WebhookFunction")["Timeout"] < 15


def test_queues_are_encrypted(template: dict[str, Any]) -> None:
    for queue in resources(template, "AWS::SQS::Queue").values():
        assert queue["Properties"]["SqsManagedSseEnabled"] is True


def test_processor_reports_partial_batch_failures(template: dict[str, Any]) -> None:
    events = props(template, "ProcessorFunction")["Events"]
    [sqs] = [e["Properties"] for e in events.values() if e["Type"] == "SQS"]
    assert sqs["Queue"] == {"Fn::GetAtt": ["Queue", "Arn"]}
    assert sqs["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert sqs["BatchSize"] == {"Ref": "ProcessorBatchSize"}
    assert sqs["MaximumBatchingWindowInSeconds"] == {"Ref": "ProcessorMaxBatchingWindowSeconds"}
    assert sqs["ScalingConfig"]["MaximumConcurrency"] == {"Ref": "ProcessorMaxConcurrency"}
    parameters = template["Parameters"]
    assert 1 <= parameters["ProcessorBatchSize"]["Default"] <= 10
    assert parameters["ProcessorMaxConcurrency"]["MinValue"] >= 2  # the SQS trigger minimum


def test_webhook_is_post_sms_on_a_rest_api(template: dict[str, Any]) -> None:
    assert props(template, "WebhookFunction")["Handler"] == "webhook_handler.handler.lambda_handler"
    assert (
        props(template, "ProcessorFunction")["Handler"]
        == "background_processor.handler.lambda_handler"
    )
    [api_event] = props(template, "WebhookFunction")["Events"].values()
    assert api_event["Type"] == "Api"
    assert api_event["Properties"]["Path"] == "/sms"
    assert api_event["Properties"]["Method"].lower() == "post"
    assert api_event["Properties"]["RestApiId"] == {"Ref": "Api"}
    assert template["Resources"]["Api"]["Type"] == "AWS::Serverless::Api"
    url = template["Outputs"]["WebhookUrl"]["Value"]["Fn::Sub"]
    assert url == "https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}/sms"


@pytest.mark.parametrize("logical_id", ["WebhookFunction", "ProcessorFunction"])
def test_runtime_is_a_supported_python(template: dict[str, Any], logical_id: str) -> None:
    runtime = function_setting(template, logical_id, "Runtime")
    match = re.fullmatch(r"python3\.(\d+)", runtime)
    assert match and int(match.group(1)) >= 11
    layer = props(template, "DependenciesLayer")
    assert runtime in layer["CompatibleRuntimes"]
    assert template["Resources"]["DependenciesLayer"]["Metadata"]["BuildMethod"] == runtime
    arch = function_setting(template, logical_id, "Architectures")
    assert arch == layer["CompatibleArchitectures"]
    assert template["Resources"]["DependenciesLayer"]["Metadata"]["BuildArchitecture"] == arch[0]


def test_table_matches_the_store(template: dict[str, Any]) -> None:
    table = props(template, "Table")
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert table["AttributeDefinitions"] == [{"AttributeName": "pk", "AttributeType": "S"}]
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
    assert table["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True


# ------------------------------------------------------------------ alarms and dashboard
def alarms_on(template: dict[str, Any], metric: str, **dimension: Any) -> list[dict[str, Any]]:
    found = []
    for alarm in resources(template, "AWS::CloudWatch::Alarm").values():
        p = alarm["Properties"]
        dims = {d["Name"]: d["Value"] for d in p.get("Dimensions", [])}
        if p["MetricName"] == metric and all(dims.get(k) == v for k, v in dimension.items()):
            found.append(p)
    return found


def fires_when(alarm: dict[str, Any], value: float) -> bool:
    threshold = alarm["Threshold"]
    return {
        "GreaterThanThreshold": value > threshold,
        "GreaterThanOrEqualToThreshold": value >= threshold,
        "LessThanThreshold": value < threshold,
        "LessThanOrEqualToThreshold": value <= threshold,
    }[alarm["ComparisonOperator"]]


def test_queue_depth_alarm_above_100(template: dict[str, Any]) -> None:
    queue_name = {"Fn::GetAtt": ["Queue", "QueueName"]}
    [alarm] = alarms_on(template, "ApproximateNumberOfMessagesVisible", QueueName=queue_name)
    assert not fires_when(alarm, 100) and fires_when(alarm, 101)


def test_dlq_alarm_on_any_message(template: dict[str, Any]) -> None:
    dlq_name = {"Fn::GetAtt": ["DeadLetterQueue", "QueueName"]}
    [alarm] = alarms_on(template, "ApproximateNumberOfMessagesVisible", QueueName=dlq_name)
    assert not fires_when(alarm, 0) and fires_when(alarm, 1)


def test_oldest_message_age_alarm(template: dict[str, Any]) -> None:
    [alarm] = alarms_on(template, "ApproximateAgeOfOldestMessage")
    assert fires_when(alarm, 301) and not fires_when(alarm, 60)


@pytest.mark.parametrize("logical_id", ["WebhookFunction", "ProcessorFunction"])
def test_errors_alarm_more_than_5_in_5_minutes(template: dict[str, Any], logical_id: str) -> None:
    [alarm] = alarms_on(template, "Errors", FunctionName={"Ref": logical_id})
    assert alarm["Statistic"] == "Sum"
    assert alarm["Period"] * alarm["EvaluationPeriods"] == 300
    assert not fires_when(alarm, 5) and fires_when(alarm, 6)
    [throttles] = alarms_on(template, "Throttles", FunctionName={"Ref": logical_id})
    assert fires_when(throttles, 1)


def test_every_alarm_notifies_the_topic(template: dict[str, Any]) -> None:
    alarms = resources(template, "AWS::CloudWatch::Alarm")
    assert len(alarms) >= 7
    for alarm in alarms.values():
        assert {"Ref": "AlarmTopic"} in alarm["Properties"]["AlarmActions"]
    subscription = template["Resources"]["AlarmEmailSubscription"]
    assert subscription["Condition"] == "HasAlarmEmail"
    assert subscription["Properties"]["Endpoint"] == {"Ref": "AlarmEmail"}


def test_dashboard_body_is_json_with_the_metrics(template: dict[str, Any]) -> None:
    body, variables = props(template, "Dashboard")["DashboardBody"]["Fn::Sub"]
    names = set(re.findall(r"\$\{([^}]+)\}", body))
    assert names <= {*variables, "AWS::Region", "AWS::StackName", "Stage"} | {
        "WebhookFunction",
        "ProcessorFunction",
    }
    substituted = re.sub(r"\$\{[^}]+\}", "x", body)
    dashboard = json.loads(substituted)
    text = json.dumps(dashboard)
    for metric in (
        "ApproximateNumberOfMessagesVisible",
        "ApproximateAgeOfOldestMessage",
        "Invocations",
        "Errors",
        "Duration",
        "MessagesQueued",
        "Verdicts",
        "ReplyFailures",
    ):
        assert metric in text, metric
    assert "{Qila,Level,service}" in text
    assert "${DlqName}" in body and "${QueueName}" in body


def test_outputs(template: dict[str, Any]) -> None:
    assert {"WebhookUrl", "QueueUrl", "DeadLetterQueueUrl", "DashboardUrl", "TableName"} <= set(
        template["Outputs"]
    )


# ------------------------------------------------------------------ after the SAM transform
REQUIRED_ENV = {
    "TWILIO_ACCOUNT_SID",
    "TWILIO_PHONE_NUMBER",
    "TWILIO_AUTH_TOKEN_PARAMETER",
    "SQS_QUEUE_URL",
    "SQS_DLQ_URL",
    "QILA_DYNAMODB_TABLE",
    "QILA_OCR_ENGINE",
    "QILA_LOG_LEVEL",
    "POWERTOOLS_SERVICE_NAME",
    "POWERTOOLS_METRICS_NAMESPACE",
}


@pytest.mark.parametrize("logical_id", ["WebhookFunction", "ProcessorFunction"])
def test_functions_get_their_settings(translated: dict[str, Any], logical_id: str) -> None:
    variables = props(translated, logical_id)["Environment"]["Variables"]
    assert set(variables) >= REQUIRED_ENV
    assert "TWILIO_AUTH_TOKEN" not in variables  # the token itself never sits in the environment
    assert variables["QILA_OCR_ENGINE"] == "textract"
    assert variables["POWERTOOLS_METRICS_NAMESPACE"] == "Qila"


def role_actions(translated: dict[str, Any], logical_id: str) -> dict[str, list[Any]]:
    """action -> resources it is allowed on, for the inline policies of a function's role."""
    role = props(translated, f"{logical_id}Role")
    allowed: dict[str, list[Any]] = {}
    for policy in role.get("Policies", []):
        for statement in policy["PolicyDocument"]["Statement"]:
            if statement["Effect"] != "Allow":
                continue
            actions = statement["Action"]
            for action in [actions] if isinstance(actions, str) else actions:
                allowed.setdefault(action.lower(), []).append(statement["Resource"])
    return allowed


def test_webhook_role_only_queues_and_reads_the_token(translated: dict[str, Any]) -> None:
    actions = role_actions(translated, "WebhookFunction")
    assert actions["sqs:sendmessage"] == [{"Fn::GetAtt": ["Queue", "Arn"]}]
    assert "ssm:getparameter" in actions
    assert not [a for a in actions if a.startswith(("dynamodb:", "textract:", "s3:"))]
    assert not [a for a in actions if a.endswith("*")]


def test_processor_role_is_scoped(translated: dict[str, Any]) -> None:
    actions = role_actions(translated, "ProcessorFunction")
    for action in (
        "dynamodb:getitem",
        "dynamodb:putitem",
        "dynamodb:updateitem",
        "textract:detectdocumenttext",
        "ssm:getparameter",
        "kms:decrypt",
    ):
        assert action in actions, action
    # Only what the DynamoDB store calls on the processor's path.
    for unused in ("dynamodb:scan", "dynamodb:deleteitem", "dynamodb:query"):
        assert unused not in actions, unused
    assert actions["dynamodb:getitem"] == [{"Fn::GetAtt": ["Table", "Arn"]}]
    # Sending only to its own queue: the delayed flush of a multi-part forward.
    assert actions["sqs:sendmessage"] == [{"Fn::GetAtt": ["Queue", "Arn"]}]
    assert not [a for a in actions if a.endswith("*")]
    # Polling the queue comes from the managed policy SAM attaches for the SQS event.
    managed = props(translated, "ProcessorFunctionRole")["ManagedPolicyArns"]
    assert any(str(arn).endswith("/AWSLambdaSQSQueueExecutionRole") for arn in managed)


def test_token_decryption_is_limited_to_ssm_and_the_parameter(translated: dict[str, Any]) -> None:
    for logical_id in ("WebhookFunction", "ProcessorFunction"):
        role = props(translated, f"{logical_id}Role")
        statements = [
            s
            for policy in role["Policies"]
            for s in policy["PolicyDocument"]["Statement"]
            if s["Action"] == "kms:Decrypt"
        ]
        [statement] = statements
        condition = statement["Condition"]["StringEquals"]
        assert condition["kms:ViaService"] == {"Fn::Sub": "ssm.${AWS::Region}.amazonaws.com"}
        assert "TwilioAuthTokenParameterName" in json.dumps(
            condition["kms:EncryptionContext:PARAMETER_ARN"]
        )


def test_event_source_mapping_after_transform(translated: dict[str, Any]) -> None:
    [mapping] = resources(translated, "AWS::Lambda::EventSourceMapping").values()
    assert mapping["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert mapping["Properties"]["FunctionName"] == {"Ref": "ProcessorFunction"}


def run_cfn_lint(path: Path) -> subprocess.CompletedProcess[str]:
    cfn_lint = BIN / "cfn-lint"
    assert cfn_lint.exists(), f"{cfn_lint} missing: install the dev extras"
    return subprocess.run(
        [str(cfn_lint), "--format", "parseable", "--", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cfn_lint_is_clean_before_and_after_the_transform(
    translated: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "template.cfn.json"
    out.write_text(json.dumps(translated), encoding="utf-8")
    for path in (TEMPLATE, out):
        result = run_cfn_lint(path)
        assert result.returncode == 0, result.stdout + result.stderr


def test_cfn_lint_catches_a_broken_template(translated: dict[str, Any], tmp_path: Path) -> None:
    broken = json.loads(json.dumps(translated))
    broken["Resources"]["Queue"]["Properties"]["VisibilityTimeout"] = 99999  # max is 43200
    broken["Resources"]["ProcessorFunction"]["Properties"]["Runtime"] = "python2.7"
    out = tmp_path / "broken.json"
    out.write_text(json.dumps(broken), encoding="utf-8")
    result = run_cfn_lint(out)
    assert result.returncode != 0
    assert "VisibilityTimeout" in result.stdout or "43200" in result.stdout
    assert "python2.7" in result.stdout


def test_validate_script(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    assert bash is not None
    result = subprocess.run(
        [bash, str(ROOT / "scripts" / "validate_template.sh")],
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QILA_VENV": str(BIN.parent)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "template.yaml: valid" in result.stdout
