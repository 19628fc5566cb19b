"""``qila check`` and ``qila eval``.

``register(subparsers)`` adds both commands to an argparse subparsers object; ``main()`` runs
them stand-alone (``python -m qila.analysis.cli check "text"``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from qila.analysis import build_analyzer, compose_reply
from qila.analysis.verdict import Content, ImageEvidence, Verdict

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
        for n, line in enumerate(stdin, 1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)["text"]
            except (ValueError, KeyError, TypeError):
                out.write(
                    json.dumps({"line": n, "error": "expected a JSON object with 'text'"}) + "\n"
                )
                continue
            verdict = analyzer.analyse(Content(text=str(text)))
            out.write(json.dumps(verdict.to_dict(), ensure_ascii=False) + "\n")
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
