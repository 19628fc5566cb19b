"""``qila check`` and ``qila eval`` as a person runs them."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from qila.analysis import cli
from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.evaluate import END, START, Tally, write_readme


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="qila")
    cli.register(root.add_subparsers(dest="command", required=True))
    return root


def run(argv: list[str], stdin: str = "") -> str:
    args = parser().parse_args(argv)
    out = io.StringIO()
    if args.command == "check":
        assert cli.cmd_check(args, out=out, stdin=io.StringIO(stdin)) == 0
    else:
        assert cli.cmd_eval(args, out=out) == 0
    return out.getvalue()


def test_check_prints_the_whatsapp_reply() -> None:
    out = run(["check", "DBS: your account is locked. Unlock at http://dbs-sg.top/login now"])
    assert out.startswith("*Likely scam*\n• The link goes to a look-alike of DBS (dbs-sg.top)")
    assert "Qila checks for common scam signs" in out


def test_check_json() -> None:
    data = json.loads(run(["check", "Your OTP is 123456. Do not share it with anyone.", "--json"]))
    assert data["level"] == "no_red_flags"
    assert data["language"] == "en"


def test_check_language_option() -> None:
    out = run(["check", "Pay the customs fee at bit.ly/abc today", "--language", "ms"])
    assert out.startswith("*Mencurigakan*") or out.startswith("*Kemungkinan penipuan*")


def test_check_jsonl() -> None:
    lines = [
        json.dumps({"text": "Hi Mum, this is my new number, can you send money"}),
        json.dumps({"text": "see you at 5"}),
        "not json",
    ]
    out = run(["check", "--jsonl"], stdin="\n".join(lines) + "\n").splitlines()
    assert [json.loads(line).get("level") for line in out] == [
        "likely_scam",
        "no_red_flags",
        None,
    ]
    assert json.loads(out[2]) == {"line": 3, "error": "expected a JSON object with 'text'"}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_check_jsonl_answers_every_line_in_order(workers: str) -> None:
    # Throughput (30,000 lines) is measured by benchmarks/bench_analysis.py. 4,500 lines span
    # several blocks of the worker pool, with a bad line in the middle of the second.
    texts = ["Your parcel is held, pay the fee at parcel-fee.top/pay", "ok lah see you"] * 2250
    lines = [json.dumps({"text": t}) + "\n" for t in texts]
    lines.insert(2500, "{not json\n")
    out = run(["check", "--jsonl", "--workers", workers], stdin="".join(lines)).splitlines()
    assert len(out) == 4501
    assert json.loads(out[2500]) == {"line": 2501, "error": "expected a JSON object with 'text'"}
    levels = [json.loads(line)["level"] for line in out[:2500] + out[2501:]]
    assert levels[0::2] == ["likely_scam"] * 2250
    assert levels[1::2] == ["no_red_flags"] * 2250


def test_check_image_missing_reader_is_a_clear_error(tmp_path: Path) -> None:
    image = tmp_path / "shot.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    code = (
        "import sys; sys.modules['qila.media.reader'] = None\n"
        "from qila.analysis.cli import main\n"
        f"main(['check', '--image', {str(image)!r}])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert "image reading is not available" in result.stderr


def test_check_image_uses_the_media_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from qila.analysis import ImageEvidence

    fake = types.ModuleType("qila.media.reader")

    def read_image_file(path: Path) -> ImageEvidence:
        return ImageEvidence(text="", qr_payloads=("http://dbs-sg.top/login",), label=path.name)

    fake.read_image_file = read_image_file  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "qila.media.reader", fake)
    image = tmp_path / "qr.png"
    image.write_bytes(b"png")
    out = run(["check", "--image", str(image)])
    assert "• The QR code goes to a look-alike of DBS (dbs-sg.top)" in out


def test_module_main_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "qila.analysis.cli", "check", "--json", "bit.ly/abc pay fee now"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["signals"][0]["code"]


def test_tally_row_and_readme_markers(tmp_path: Path) -> None:
    tally = Tally("demo")
    for flagged in (True, True, True, False):
        tally.add("scam", flagged)
    for flagged in (True, False, False, False, False):
        tally.add("legitimate", flagged)
    assert tally.row()[:6] == ["demo", "4", "75.0%", "75.0%", "5", "20.0%"]
    negatives_only = Tally("ham")
    negatives_only.add("legitimate", True)
    assert negatives_only.row()[2:4] == ["-", "-"]
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{START}\nold\n{END}\n\nafter\n", encoding="utf-8")
    write_readme(readme, "| table |", "meta")
    text = readme.read_text(encoding="utf-8")
    assert text == f"# Title\n\n{START}\nmeta\n\n| table |\n{END}\n\nafter\n"


def test_check_image_with_the_real_reader(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    image_mod = pytest.importorskip("PIL.Image")
    np = pytest.importorskip("numpy")
    pytest.importorskip("qila.media.reader")
    barcode = zxingcpp.create_barcode("http://dbs-sg.top/login", zxingcpp.BarcodeFormat.QRCode)
    path = tmp_path / "qr.png"
    image_mod.fromarray(np.array(barcode.to_image(scale=8))).save(path)
    out = run(["check", "--image", str(path), "--json"])
    data = json.loads(out)
    assert data["level"] == "likely_scam"
    assert data["reasons"][0] == "The QR code goes to a look-alike of DBS (dbs-sg.top)"


def test_eval_names_each_batch_after_its_folder(
    tmp_path: Path, fixed_analyzer: ScamAnalyzer
) -> None:
    """A batch kept outside the suite (measured/blind18) leaves a gap in the numbers: the rows
    after it keep their batches' own numbers."""
    from qila.analysis.evaluate import blind_rows

    scam = {
        "text": "Your parcel is held, pay the customs fee at http://parcel-fee.top/x",
        "label": "scam",
    }
    legit = {"text": "see you at 7 at the usual place", "label": "legitimate"}
    for name in ("blind", "blind17", "blind19"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "scams.jsonl").write_text(json.dumps(scam | {"text": scam["text"] + name}) + "\n")
        (folder / "legit.jsonl").write_text(
            json.dumps(legit | {"text": legit["text"] + name}) + "\n"
        )
    rows = blind_rows(fixed_analyzer, tmp_path)
    names = [row[0] for row in rows]
    assert names[:3] == ["independent batch 1", "independent batch 17", "independent batch 19"]
    assert names[3] == "independent (all)" and rows[3][1] == "3"
