"""deploy/stage_function.py: what each Lambda function ships."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_stage() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "stage_function", ROOT / "deploy" / "stage_function.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


stage = load_stage()


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def src(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    write(
        root,
        {
            "webhook_handler/__init__.py": "",
            "webhook_handler/handler.py": (
                "import json\nfrom qila import settings\nfrom qila.queue import sqs\n\n"
                "def lambda_handler(event, context):\n"
                "    from qila.signature import check\n    return check\n"
            ),
            "qila/__init__.py": "",
            "qila/settings.py": "from . import errors\n",
            "qila/errors.py": "",
            "qila/signature.py": "from .errors import *\n",
            "qila/queue/__init__.py": "",
            "qila/queue/sqs.py": "import boto3\nfrom ..errors import X\n",
            "qila/queue/sqlite.py": "import sqlite3\n",
            "qila/analysis/__init__.py": "",
            "qila/analysis/text.py": "import qila.analysis\n",
            "qila/analysis/data/top.txt": "example.com\n",
            "qila/analysis/__pycache__/text.cpython-311.pyc": "x",
            "background_processor/__init__.py": "",
            "background_processor/handler.py": "from qila.analysis import text\n",
        },
    )
    return root


def relative(out: Path) -> set[str]:
    return {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}


def test_closure_ships_only_what_the_webhook_imports(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    count, _ = stage.stage(src, out, ["webhook_handler.handler"], [])
    assert relative(out) == {
        "webhook_handler/__init__.py",
        "webhook_handler/handler.py",
        "qila/__init__.py",
        "qila/settings.py",
        "qila/errors.py",
        "qila/signature.py",
        "qila/queue/__init__.py",
        "qila/queue/sqs.py",
    }
    assert count == 8


def test_package_ships_modules_and_data_without_bytecode(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    stage.stage(src, out, [], ["qila", "background_processor"])
    files = relative(out)
    assert "qila/analysis/data/top.txt" in files
    assert "qila/queue/sqlite.py" in files
    assert "background_processor/handler.py" in files
    assert not [f for f in files if "__pycache__" in f or f.endswith(".pyc")]


def test_missing_entry_fails_clearly(src: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match=r"webhook_handler\.nope"):
        stage.stage(src, tmp_path / "out", ["webhook_handler.nope"], [])


def test_excluded_packages_and_modules_are_left_out(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    stage.stage(src, out, [], ["qila"], ["qila.queue", "qila.signature"])
    files = relative(out)
    assert not [f for f in files if f.startswith("qila/queue/")]
    assert "qila/signature.py" not in files
    assert "qila/settings.py" in files and "qila/analysis/data/top.txt" in files
