"""Copy the published domain lists the link analyser needs into the package data folder.

Run ``python -m qila.analysis.build_lists [--datasets PATH]`` after the shared datasets change.
Only the domain column of the Tranco list is kept; the other lists are copied as they are.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from qila.analysis.datasets import default_datasets_dir

DATA_DIR = Path(__file__).parent / "data"
COPIED = (
    "free_file_hosts.txt",
    "free_subdomain_hosts.txt",
    "self_service_creation_platform_domains.txt",
    "url_shorteners.txt",
)


def _clean(lines: list[str]) -> list[str]:
    out = sorted({ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#")})
    return out


SHIPPED_TOP = 40000  # ranks beyond this stay out, so the evaluation has popular sites it never saw


def build(datasets: Path, top_n: int = SHIPPED_TOP) -> None:
    src = datasets / "sublime_domain_lists"
    for name in COPIED:
        lines = (src / name).read_text(encoding="utf-8").splitlines()
        (DATA_DIR / name).write_text("\n".join(_clean(lines)) + "\n", encoding="utf-8")
    with (src / "tranco_top_50k.csv").open(encoding="utf-8", newline="") as fh:
        domains = [row[1].strip().lower() for row in csv.reader(fh) if len(row) == 2][:top_n]
    (DATA_DIR / "top_domains.txt").write_text("\n".join(domains) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", type=Path, default=default_datasets_dir())
    args = parser.parse_args(argv)
    build(args.datasets)


if __name__ == "__main__":
    main()
