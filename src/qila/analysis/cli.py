"""``qila check`` and ``qila eval``.

``register(subparsers)`` adds both commands to an argparse subparsers object; ``main()`` runs
them stand-alone (``python -m qila.analysis.cli check "text"``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

from qila.analysis import build_analyzer, compose_reply
from qila.analysis.verdict import Analyzer, Content, ImageEvidence, Verdict

_DEFAULT_MODERN = Path(__file__).resolve().parents[3] / "tests" / "analysis" / "modern_cases.jsonl"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser("check", help="check a message for scam signs")
    check.add_argument("text", nargs="?", help="the message text")
    check.add_argument("--json", action="store_true", help="print the verdict as JSON")
    check.add_argument(
        "--jsonl",
        action="store_true",
        help="read JSON lines with a 'text' field from stdin, write one verdict per line",
    )
    check.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes for --jsonl (default: one per CPU; 1 checks in this process)",
    )
    check.add_argument("--image", type=Path, help="check a screenshot or photo (OCR and QR)")
    check.add_argument("--language", choices=("en", "id", "ms"), help="reply language")
    check.set_defaults(func=cmd_check)

    ev = subparsers.add_parser("eval", help="measure the analyser on the labelled datasets")
    ev.add_argument("--datasets", type=Path, default=None, help="datasets folder")
    ev.add_argument("--modern", type=Path, default=_DEFAULT_MODERN, help="hand-written cases")
    ev.add_argument("--no-cross", action="store_true", help="skip the cross-dataset retraining")
    ev.add_argument("--write-readme", type=Path, help="write the table between eval markers")
    ev.set_defaults(func=cmd_eval)


def _print_verdict(verdict: Verdict, as_json: bool, language: str | None, out: TextIO) -> None:
    if as_json:
        out.write(json.dumps(verdict.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.write(compose_reply(verdict, language) + "\n")


_BLOCK = 2000  # lines handed to the worker processes at a time (output keeps input order)
_analyzer: Analyzer | None = None  # each worker process's own analyser


def _verdict_line(numbered: tuple[int, str]) -> str:
    """One output line for one input line: the verdict, or the error naming the line."""
    n, line = numbered
    assert _analyzer is not None
    try:
        text = json.loads(line)["text"]
    except (ValueError, KeyError, TypeError):
        return json.dumps({"line": n, "error": "expected a JSON object with 'text'"}) + "\n"
    verdict = _analyzer.analyse(Content(text=str(text)))
    return json.dumps(verdict.to_dict(), ensure_ascii=False) + "\n"


def _start_worker() -> None:
    global _analyzer
    if _analyzer is None:
        _analyzer = build_analyzer()


def _check_jsonl(analyzer: Analyzer, stdin: TextIO, out: TextIO, workers: int) -> None:
    """Verdicts for JSON lines, in input order; blocks of lines go to a process pool when there
    is more than one CPU (the analysis is pure Python, so threads would not help)."""
    global _analyzer
    _analyzer = analyzer
    numbered = ((n, line) for n, line in enumerate(stdin, 1) if line.strip())
    if workers == 1:
        out.writelines(map(_verdict_line, numbered))
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker) as pool:
        while block := list(itertools.islice(numbered, _BLOCK)):
            out.writelines(pool.map(_verdict_line, block, chunksize=100))


def _image_content(path: Path) -> Content:
    try:
        from qila.media.reader import read_image_file
    except ImportError as exc:
        raise SystemExit(f"qila check --image: image reading is not available ({exc})") from exc
    evidence: ImageEvidence = read_image_file(path)
    return Content(images=(evidence,))


def cmd_check(args: argparse.Namespace, out: TextIO = sys.stdout, stdin: TextIO = sys.stdin) -> int:
    analyzer = build_analyzer()
    if args.jsonl:
        workers = args.workers if args.workers is not None else (os.cpu_count() or 1)
        _check_jsonl(analyzer, stdin, out, max(1, workers))
        return 0
    if args.image is not None:
        if not args.image.exists():
            print(f"qila check: no such file: {args.image}", file=sys.stderr)
            return 2
        content = _image_content(args.image)
        if args.text:
            content = Content(text=args.text, images=content.images)
    elif args.text is not None:
        content = Content(text=args.text)
    else:
        print("qila check: give a TEXT, --image FILE or --jsonl", file=sys.stderr)
        return 2
    _print_verdict(analyzer.analyse(content), args.json, args.language, out)
    return 0


def cmd_eval(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    from qila.analysis.evaluate import (
        CROSS_DATASETS,
        evaluate,
        evaluate_links,
        markdown,
        write_readme,
    )

    rows, meta = evaluate(args.datasets, args.modern, () if args.no_cross else CROSS_DATASETS)
    links = evaluate_links(args.datasets)
    table = (
        markdown(rows)
        + "\n\nLink features alone (a message that is just the URL; 2,000 sampled per set):\n\n"
        + links
    )
    out.write(meta + "\n\n" + table + "\n")
    if args.write_readme:
        write_readme(args.write_readme, table, meta)
        out.write(f"wrote the table into {args.write_readme}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qila")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
