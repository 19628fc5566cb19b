"""`sam build` without Docker (runs only where .venv-sam is installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAM = ROOT / ".venv-sam" / "bin" / "sam"
LAMBDA_UNZIPPED_LIMIT = 250 * 1024 * 1024


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@pytest.mark.slow
@pytest.mark.skipif(not SAM.exists(), reason=".venv-sam not installed (requirements/sam.txt)")
def test_sam_build_without_docker(tmp_path: Path) -> None:
    build_dir = tmp_path / "build"
    env = {**os.environ, "QILA_SAM_BUILD_DIR": str(build_dir), "DOCKER_HOST": "unix:///nonexistent"}
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "sam_build.sh"), "--no-cached"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "Build Succeeded" in result.stdout

    webhook = build_dir / "WebhookFunction"
    processor = build_dir / "ProcessorFunction"
    layer = build_dir / "DependenciesLayer"
    assert (webhook / "webhook_handler" / "handler.py").is_file()
    assert (processor / "background_processor" / "handler.py").is_file()
    assert (layer / "python" / "twilio").is_dir()
    assert (layer / "python" / "aws_lambda_powertools").is_dir()
    # Screenshots on the Textract path: image decoding and QR codes.
    assert (layer / "python" / "PIL").is_dir()
    assert list((layer / "python").glob("zxingcpp*"))

    layer_size = tree_size(layer)
    for function in (webhook, processor):
        assert tree_size(function) + layer_size < LAMBDA_UNZIPPED_LIMIT
    # The webhook ships only the modules it imports.
    assert tree_size(webhook) < 1024 * 1024
    assert not (webhook / "background_processor").exists()
    assert not [p for p in webhook.rglob("*") if "__pycache__" in p.parts]
    # The local runner and sandbox never ship to Lambda.
    assert not (processor / "qila" / "local").exists()
    # Dev files stay out of the processor package.
    assert not [p for p in processor.rglob("*") if p.suffix == ".pyc" or "tests" in p.parts]

    # The staged webhook code imports on its own (its PyPI deps come from this venv here).
    check = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import webhook_handler.handler as h, qila;"
        "assert qila.__file__.startswith(sys.argv[1]), qila.__file__;"
        "assert callable(h.lambda_handler)"
    )
    imported = subprocess.run(
        [sys.executable, "-c", check, str(webhook)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert imported.returncode == 0, imported.stderr
    shutil.rmtree(build_dir, ignore_errors=True)
