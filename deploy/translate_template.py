"""Translate the SAM template into plain CloudFormation JSON, offline.

Uses aws-sam-translator (the library behind the ``AWS::Serverless`` transform) with no AWS call:
managed policies are referenced by ARN in the template, so no IAM lookup is needed, and the
region comes from ``--region`` (default us-east-1). The output is what cfn-lint checks in
scripts/validate_template.sh, after the transform, where SAM's own linter stops.

    python deploy/translate_template.py template.yaml -o build/template.cfn.json
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

# Properties that point at local code; ``sam package`` replaces them with S3 locations, and the
# translator only accepts those, so they are stood in for by s3://local/<path> here.
_LOCAL_CODE_PROPERTIES = {
    "AWS::Serverless::Function": "CodeUri",
    "AWS::Serverless::LayerVersion": "ContentUri",
    "AWS::Serverless::Api": "DefinitionUri",
    "AWS::Serverless::StateMachine": "DefinitionUri",
}


def _stand_in_local_code(template: dict[str, Any]) -> None:
    for resource in (template.get("Resources") or {}).values():
        prop = _LOCAL_CODE_PROPERTIES.get(resource.get("Type", ""))
        properties = resource.get("Properties") or {}
        value = properties.get(prop) if prop else None
        if isinstance(value, str) and not value.startswith("s3://"):
            properties[prop] = "s3://local/" + (value.strip("./") or "root")


def translate(template_path: Path, region: str = "us-east-1") -> dict[str, Any]:
    """Return the CloudFormation template SAM's transform makes of ``template_path``."""
    import boto3
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.parser.parser import Parser
    from samtranslator.sdk.parameter import SamParameterValues
    from samtranslator.translator.translator import Translator
    from samtranslator.yaml_helper import yaml_parse

    logging.getLogger("samtranslator").setLevel(logging.ERROR)
    sam_template = yaml_parse(template_path.read_text(encoding="utf-8"))
    _stand_in_local_code(sam_template)
    parameters = SamParameterValues({})
    # A session with only a region: the translator reads the region and partition from it.
    session = boto3.session.Session(region_name=region)
    parameters.add_pseudo_parameter_values(session)
    translator = Translator(None, Parser(), boto_session=session)
    try:
        result: dict[str, Any] = translator.translate(
            sam_template,
            parameter_values=parameters.parameter_values,
            get_managed_policy_map=dict,
        )
    except InvalidDocumentException as exc:
        causes = "; ".join(str(cause) for cause in exc.causes)
        raise SystemExit(f"SAM transform failed: {causes}") from exc
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Translate a SAM template to CloudFormation JSON")
    parser.add_argument("template", type=Path)
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args(argv)
    text = json.dumps(translate(args.template, args.region), indent=2, sort_keys=True)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
