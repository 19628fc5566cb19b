# Qila: `make dev` runs the local stack, `make test` runs everything CI runs.
# Both create the virtual environment and install what they need on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAM_VENV := .venv-sam
SAM_STAMP := $(SAM_VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: dev test setup lint typecheck pytest system-deps sam-venv validate-template sam-build deploy train eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "make: $(PYTHON) not found (Python 3.11+ is required)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==26.3"
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[media,train,dev]'
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
system-deps:
	@bash scripts/install_system_deps.sh

# SAM CLI lives in its own virtual environment: it pins its own versions of boto3 and friends.
sam-venv: $(SAM_STAMP)

$(SAM_STAMP): requirements/sam.txt
	$(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install --quiet --upgrade "pip==26.3"
	$(SAM_VENV)/bin/pip install --quiet -r requirements/sam.txt
	touch $@

dev: setup
	$(BIN)/qila dev

lint: setup
	$(BIN)/ruff check src tests benchmarks deploy
	$(BIN)/ruff format --check src tests benchmarks deploy

typecheck: setup
	$(BIN)/mypy

pytest: setup system-deps sam-venv
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile -p no:cacheprovider

test: lint typecheck pytest

validate-template: setup sam-venv
	bash scripts/validate_template.sh

sam-build: sam-venv
	bash scripts/sam_build.sh

deploy: sam-build
	$(SAM_VENV)/bin/sam deploy

train: setup
	$(BIN)/python -m qila.analysis.train

eval: setup
	$(BIN)/qila eval --write-readme README.md

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(SAM_VENV) .aws-sam .qila .pytest_cache .mypy_cache .ruff_cache
