"""Reading generated phone screenshots: OCR word accuracy, QR codes, bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from qila.analysis.verdict import ImageEvidence
from qila.media.errors import UnreadableImage
from qila.media.images import decode_image
from qila.media.ocr import OcrResult
from qila.media.qr import decode_qr
from qila.media.rapidocr_engine import RapidOcrEngine
from qila.media.reader import default_engine, read_image, read_image_file
from tests.media.imagegen import (
    PHISHING_URL,
    SCAM_CHATS,
    chat_screenshot,
    qr_image,
    to_bytes,
    word_accuracy,
)

MIN_WORD_ACCURACY = 0.95


@pytest.fixture(scope="module")
def engine() -> RapidOcrEngine:
    ocr = RapidOcrEngine()
    ocr.warm_up()
    return ocr


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("chat", [0, 1, 2, 3])
def test_screenshot_words_are_read(engine: RapidOcrEngine, theme: str, chat: int) -> None:
    shot = chat_screenshot(SCAM_CHATS[chat], theme, seed=chat)  # type: ignore[arg-type]

    evidence = read_image(shot.jpeg(quality=35), engine=engine, label="MediaUrl0")

    assert evidence.label == "MediaUrl0"
    accuracy = word_accuracy(shot.text, evidence.text)
    assert accuracy >= MIN_WORD_ACCURACY, f"{accuracy:.3f}\n{evidence.text}"


def test_key_scam_phrases_survive_ocr(engine: RapidOcrEngine) -> None:
    shot = chat_screenshot(SCAM_CHATS[1], "dark", seed=1)
    text = read_image(shot.jpeg(quality=35), engine=engine).text.lower()
    assert "account has been" in text
    assert "otp" in text
    assert "within 24 hours" in text


def test_lines_come_in_reading_order(engine: RapidOcrEngine) -> None:
    shot = chat_screenshot(["First message here", "Second message there", "Third one"])
    result = engine.read_text(shot.png())
    joined = " ".join(result.lines).lower()
    assert joined.index("first") < joined.index("second") < joined.index("third")
    assert 0.5 < result.confidence <= 1.0


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_qr_code_in_a_screenshot_is_decoded(engine: RapidOcrEngine, theme: str) -> None:
    shot = chat_screenshot(SCAM_CHATS[1][:3], theme, qr_payload=PHISHING_URL)  # type: ignore[arg-type]
    evidence = read_image(shot.jpeg(quality=35), engine=engine)
    assert evidence.qr_payloads == (PHISHING_URL,)


def test_screenshot_without_qr_has_no_payloads() -> None:
    assert decode_qr(chat_screenshot(SCAM_CHATS[5]).jpeg()) == ()


def test_several_qr_codes_are_all_returned_once() -> None:
    canvas = Image.new("RGB", (1200, 700), "white")
    canvas.paste(qr_image(PHISHING_URL, scale=6), (20, 20))
    canvas.paste(qr_image("https://example.org/pay", scale=6), (650, 20))
    canvas.paste(qr_image(PHISHING_URL, scale=4), (20, 420))
    payloads = decode_qr(to_bytes(canvas, "PNG"))
    assert sorted(payloads) == sorted([PHISHING_URL, "https://example.org/pay"])


def test_inverted_qr_code_is_decoded() -> None:
    inverted = Image.eval(qr_image(PHISHING_URL), lambda v: 255 - v)
    assert decode_qr(inverted) == (PHISHING_URL,)


def test_image_without_text_reads_as_empty(engine: RapidOcrEngine) -> None:
    blank = to_bytes(Image.new("RGB", (1080, 1920), (236, 229, 221)), "JPEG", quality=35)
    evidence = read_image(blank, engine=engine)
    assert evidence == ImageEvidence(text="", qr_payloads=(), label="image")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not an image at all",
        b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
        b"GIF89a" + b"\x01" * 20,
    ],
)
def test_unreadable_bytes_raise_unreadable_image(engine: RapidOcrEngine, data: bytes) -> None:
    with pytest.raises(UnreadableImage):
        read_image(data, engine=engine)


def test_truncated_jpeg_is_unreadable(engine: RapidOcrEngine) -> None:
    data = chat_screenshot(SCAM_CHATS[0]).jpeg()
    with pytest.raises(UnreadableImage):
        read_image(data[: len(data) // 3], engine=engine)


def test_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = to_bytes(Image.new("1", (12000, 12000)), "PNG")  # tiny file, 144 Mpx
    assert len(bomb) < 1_000_000
    with pytest.raises(UnreadableImage, match="too large"):
        decode_image(bomb)


def test_very_large_images_are_downscaled() -> None:
    wide = to_bytes(Image.new("RGB", (6000, 800), "white"), "PNG")
    assert max(decode_image(wide).size) == 4096


def test_transparent_png_is_flattened_onto_white() -> None:
    rgba = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    image = decode_image(to_bytes(rgba, "PNG"))
    assert image.mode == "RGB" and image.getpixel((5, 5)) == (255, 255, 255)


def test_exif_rotation_is_applied() -> None:
    portrait = Image.new("RGB", (300, 600), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise on display
    buf = io.BytesIO()
    portrait.save(buf, format="JPEG", exif=exif)
    assert decode_image(buf.getvalue()).size == (600, 300)


def test_read_image_file_labels_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "forwarded.png"
    path.write_bytes(to_bytes(qr_image(PHISHING_URL), "PNG"))
    evidence = read_image_file(path, engine=FixedEngine("from the engine"))
    assert evidence == ImageEvidence(
        text="from the engine", qr_payloads=(PHISHING_URL,), label="forwarded.png"
    )


def test_read_image_file_missing_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableImage, match="cannot read"):
        read_image_file(tmp_path / "missing.jpg", engine=FixedEngine(""))


def test_the_default_engine_is_created_once() -> None:
    assert default_engine() is default_engine()
    assert default_engine().name == "rapidocr"


class FixedEngine:
    """A stand-in OCR engine returning fixed text (the reader is under test, not OCR)."""

    name = "fixed"

    def __init__(self, text: str) -> None:
        self.text = text

    def read_text(self, image_bytes: bytes) -> OcrResult:
        return OcrResult.from_lines([(self.text, 1.0)])


def test_models_ship_inside_the_wheel() -> None:
    import rapidocr_onnxruntime

    models = Path(rapidocr_onnxruntime.__file__).parent / "models"
    names = {path.name for path in models.glob("*.onnx")}
    assert {"ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx"} <= names
