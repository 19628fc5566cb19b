#!/usr/bin/env bash
# Build the Lambda functions and the dependencies layer with SAM CLI, without Docker, and print
# the unzipped size of each artifact (Lambda's limit: 250 MB for a function and its layers).
#   scripts/sam_build.sh [extra sam build arguments]
# Needs .venv-sam (python3.11 -m venv .venv-sam && .venv-sam/bin/pip install -r requirements/sam.txt)
# and a python3.12 interpreter (the Runtime): on PATH, or installed by pyenv.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SAM_VENV="${QILA_SAM_VENV:-$ROOT/.venv-sam}"
BUILD_DIR="${QILA_SAM_BUILD_DIR:-$ROOT/.aws-sam/build}"
RUNTIME_PYTHON="python3.12"
export SAM_CLI_TELEMETRY=0
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"

if [[ ! -x "$SAM_VENV/bin/sam" ]]; then
  echo "sam_build: $SAM_VENV/bin/sam not found; install it with:" >&2
  echo "  python3.11 -m venv .venv-sam && .venv-sam/bin/pip install -r requirements/sam.txt" >&2
  exit 2
fi

# SAM pip-installs the layer with an interpreter matching the runtime, found on PATH.
if ! command -v "$RUNTIME_PYTHON" >/dev/null 2>&1 || ! "$RUNTIME_PYTHON" -V >/dev/null 2>&1; then
  found=""
  for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin; do
    if [[ -x "$dir/$RUNTIME_PYTHON" ]]; then found="$dir"; fi
  done
  if [[ -z "$found" ]]; then
    echo "sam_build: $RUNTIME_PYTHON not found (needed to build the python3.12 layer)" >&2
    exit 2
  fi
  export PATH="$found:$PATH"
fi
# The SAM venv comes after the runtime python, so its python3.11 does not shadow it.
export PATH="$PATH:$SAM_VENV/bin"

"$SAM_VENV/bin/sam" build --template-file template.yaml --build-dir "$BUILD_DIR" "$@"

echo "== unzipped sizes (bytes)"
du -sb "$BUILD_DIR"/*/ | sort -n
