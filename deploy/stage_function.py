"""Stage the code of one Lambda function into a SAM build artifacts directory.

SAM calls this through ``deploy/Makefile`` (``BuildMethod: makefile``) so that each function
ships only what it runs:

* ``--closure MODULE`` copies MODULE and every module of the project that it imports,
  directly or indirectly (found by reading the ``import`` statements, including the ones inside
  functions), plus the ``__init__.py`` of every package on the way. This keeps the webhook
  function to the few files it needs.
* ``--package NAME`` copies a whole package: its modules and its data files.
* ``--exclude MODULE`` leaves a module or package out (the local runner and sandbox never
  ship to Lambda).

Dependencies from PyPI are not copied: they come from the shared layer. Caches, bytecode and
tests are never copied.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

SKIP_DIRS = {"__pycache__", "tests", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


def local_packages(src: Path) -> set[str]:
    """Top-level packages that live under ``src``."""
    return {p.name for p in src.iterdir() if (p / "__init__.py").is_file()}


def module_path(src: Path, name: str) -> Path | None:
    """The file that defines module ``name`` under ``src``, if any."""
    base = src.joinpath(*name.split("."))
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    candidate = base.with_suffix(".py")
    return candidate if candidate.is_file() else None


def imported_names(path: Path, name: str) -> set[str]:
    """Every module name an import statement in ``path`` may refer to."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                anchor = parts[: len(parts) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base:
                found.add(base)
            # ``from pkg import name`` may import the submodule ``pkg.name``.
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def closure(src: Path, entries: Iterable[str]) -> set[Path]:
    """Files of the modules reachable from ``entries`` through imports of local modules."""
    tops = local_packages(src)
    seen: set[str] = set()
    files: set[Path] = set()
    pending = list(entries)
    while pending:
        name = pending.pop()
        if name in seen or name.split(".")[0] not in tops:
            continue
        seen.add(name)
        path = module_path(src, name)
        if path is None:
            continue
        files.add(path)
        parts = name.split(".")
        pending.extend(".".join(parts[:i]) for i in range(1, len(parts)))
        pending.extend(imported_names(path, name))
    return files


def package_files(src: Path, package: str) -> set[Path]:
    root = src / package
    if not (root / "__init__.py").is_file():
        raise SystemExit(f"stage_function: package {package!r} not found under {src}")
    return {
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix not in SKIP_SUFFIXES
        and not SKIP_DIRS.intersection(p.relative_to(src).parts)
    }


def stage(
    src: Path, out: Path, closures: list[str], packages: list[str], excludes: Iterable[str] = ()
) -> tuple[int, int]:
    files: set[Path] = set()
    for entry in closures:
        if module_path(src, entry) is None:
            raise SystemExit(f"stage_function: module {entry!r} not found under {src}")
        files |= closure(src, [entry])
    for package in packages:
        files |= package_files(src, package)
    for excluded in excludes:
        base = src.joinpath(*excluded.split("."))
        files = {f for f in files if f != base.with_suffix(".py") and base not in f.parents}
    size = 0
    for path in sorted(files):
        target = out / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        size += path.stat().st_size
    return len(files), size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, required=True, help="the src/ directory")
    parser.add_argument("--out", type=Path, required=True, help="the artifacts directory")
    parser.add_argument("--closure", action="append", default=[], metavar="MODULE")
    parser.add_argument("--package", action="append", default=[], metavar="NAME")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="MODULE",
        help="leave out this module or package (e.g. the local runner)",
    )
    args = parser.parse_args(argv)
    if not args.closure and not args.package:
        parser.error("give at least one --closure or --package")
    count, size = stage(args.src.resolve(), args.out, args.closure, args.package, args.exclude)
    print(f"stage_function: {count} files, {size} bytes -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
