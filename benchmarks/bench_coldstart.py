"""Cold start: import time of each Lambda handler module in a fresh interpreter, and package size.

Usage: ``python benchmarks/bench_coldstart.py [--runs 7]``

For each target, ``runs`` fresh interpreters each run ``python -X importtime -c '<code>'``;
the cumulative import time of the top-level module is parsed from the importtime report, and
the wall time of the whole interpreter (start-up included) is measured around it. Medians are
reported. ``qila.processor.handler+build`` also calls ``processor()``, which builds settings,
store, Twilio client, analyser and content gatherer (what the first invocation pays).

When ``.aws-sam/build`` exists (built by ``scripts/sam_build.sh`` when ``.venv-sam`` exists)
the unzipped size of each built function and layer is reported, else "not built".
Writes ``benchmarks/results/coldstart.json``. Target: webhook module import <= 150 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _stack as S

TARGET_WEBHOOK_IMPORT_MS = 150.0

TARGETS = {
    "webhook_handler.handler": ("webhook_handler.handler", "import webhook_handler.handler"),
    "background_processor.handler": (
        "background_processor.handler",
        "import background_processor.handler",
    ),
    "qila.processor.handler+build": (
        "qila.processor.handler",
        "import qila.processor.handler as h; h.processor()",
    ),
    "python -c pass (interpreter floor)": (None, "pass"),
}
HEAVY_MODULES = ("xml.sax", "twilio", "requests", "qila.analysis", "qila.media", "numpy", "boto3")
_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def import_ms(report: str, module: str) -> float | None:
    """Cumulative microseconds of ``module`` in a -X importtime report, in ms."""
    for match in _LINE.finditer(report):
        if match.group(4) == module:
            return int(match.group(2)) / 1000
    return None


def measure(code: str, module: str | None, env: dict[str, str]) -> tuple[float | None, float]:
    t0 = time.perf_counter()
    done = subprocess.run(
        [S.PYTHON, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=S.REPO,
        timeout=300,
    )
    wall = (time.perf_counter() - t0) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{code!r} failed:\n{done.stderr[-2000:]}")
    return (import_ms(done.stderr, module) if module else None), wall


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def sam_sizes() -> dict[str, object]:
    build = S.REPO / ".aws-sam" / "build"
    note = None
    if (
        not build.is_dir()
        and (S.REPO / ".venv-sam").is_dir()
        and (S.REPO / "scripts/sam_build.sh").exists()
    ):
        done = subprocess.run(
            ["bash", "scripts/sam_build.sh"],
            cwd=S.REPO,
            capture_output=True,
            text=True,
            timeout=900,
        )
        note = f"scripts/sam_build.sh exit {done.returncode}"
    if not build.is_dir():
        return {"status": "not built", "note": note or "no .aws-sam/build and no .venv-sam"}
    sizes = {p.name: round(dir_size(p) / 1e6, 2) for p in sorted(build.iterdir()) if p.is_dir()}
    return {"status": "built", "unzipped_mb": sizes, "note": note}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    state = S.scratch_dir("qila-bench-cold-")
    env = S.clean_env(QILA_STATE_DIR=str(state), PYTHONDONTWRITEBYTECODE="0")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    results: dict[str, dict[str, object]] = {}
    for name, (module, code) in TARGETS.items():
        measure(code, module, env)  # compile .pyc files first; not counted
        imports, walls = [], []
        for _ in range(args.runs):
            imp, wall = measure(code, module, env)
            walls.append(wall)
            if imp is not None:
                imports.append(imp)
        results[name] = {
            "code": code,
            "import_ms_median": round(statistics.median(imports), 1) if imports else None,
            "import_ms_all": [round(x, 1) for x in imports],
            "wall_ms_median": round(statistics.median(walls), 1),
            "wall_ms_all": [round(x, 1) for x in walls],
        }
    # What the webhook module pulls in, biggest first (one extra run).
    done = subprocess.run(
        [S.PYTHON, "-X", "importtime", "-c", TARGETS["webhook_handler.handler"][1]],
        capture_output=True, text=True, env=env, cwd=S.REPO, timeout=120,
    )  # fmt: skip
    top = sorted(
        ((int(m.group(2)) / 1000, m.group(4)) for m in _LINE.finditer(done.stderr)), reverse=True
    )[:12]
    # The webhook path must not pull in what only the processor needs (DESIGN: dependency rules).
    imported = {m.group(4) for m in _LINE.finditer(done.stderr)}
    heavy = {name: name in imported for name in HEAVY_MODULES}
    sizes = sam_sizes()

    print(f"cold start, median of {args.runs} fresh interpreters (python -X importtime)")
    print(S.table(["target", "import ms (cumulative)", "wall ms (python -c)"],
                  [[n, r["import_ms_median"], r["wall_ms_median"]] for n, r in results.items()]))  # fmt: skip
    print("\nwebhook_handler.handler: largest cumulative imports (ms)")
    for ms, mod in top:
        print(f"  {ms:8.1f}  {mod}")
    print("\nwebhook_handler.handler imports (should all be False): "
          + ", ".join(f"{k}={v}" for k, v in heavy.items()))  # fmt: skip
    print(f"\npackage sizes: {sizes}")
    webhook = results["webhook_handler.handler"]["import_ms_median"]
    met = webhook is not None and webhook <= TARGET_WEBHOOK_IMPORT_MS  # type: ignore[operator]
    print(
        f"target webhook module import <= {TARGET_WEBHOOK_IMPORT_MS} ms: {S.verdict(met)} ({webhook} ms)"
    )
    S.write_result(
        "coldstart",
        {
            "benchmark": "handler module import time in a fresh interpreter, and package sizes",
            "runs": args.runs,
            "results": results,
            "webhook_top_imports_ms": [{"module": m, "cumulative_ms": ms} for ms, m in top],
            "webhook_imports_heavy_modules": heavy,
            "package_sizes": sizes,
            "target": {"webhook_import_ms_max": TARGET_WEBHOOK_IMPORT_MS, "met": met},
            "machine": S.machine(),
            "env": {"PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE")},
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
