#!/usr/bin/env bash
# Validate template.yaml offline (no AWS credentials, no network):
#   1. sam validate --lint          (SAM CLI from .venv-sam, if installed)
#   2. SAM transform -> CloudFormation JSON with aws-sam-translator (project venv)
#   3. cfn-lint on the template and on the transformed JSON (project venv); cfn-lint skips
#      resources SAM generates, so step 3 is what checks the roles, permissions and mappings.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${QILA_VENV:-$ROOT/.venv}"
SAM_VENV="${QILA_SAM_VENV:-$ROOT/.venv-sam}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
export SAM_CLI_TELEMETRY=0

if [[ -x "$SAM_VENV/bin/sam" ]]; then
  echo "== sam validate --lint"
  "$SAM_VENV/bin/sam" validate --lint --template-file template.yaml
else
  echo "== sam validate skipped: $SAM_VENV/bin/sam not found (python3.11 -m venv .venv-sam && .venv-sam/bin/pip install -r requirements/sam.txt)"
fi

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
echo "== SAM transform -> $OUT/template.cfn.json"
"$VENV/bin/python" deploy/translate_template.py template.yaml -o "$OUT/template.cfn.json"

echo "== cfn-lint template.yaml"
"$VENV/bin/cfn-lint" -- template.yaml
echo "== cfn-lint (after transform)"
"$VENV/bin/cfn-lint" -- "$OUT/template.cfn.json"
echo "template.yaml: valid"
