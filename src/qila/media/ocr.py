"""The OCR port: image bytes in, text out. Engines are chosen by name with
:func:`build_ocr_engine`.

| name       | engine                                             | where                     |
|------------|----------------------------------------------------|---------------------------|
| "rapidocr" | RapidOCR (PP-OCR ONNX models shipped in the wheel) | local default, offline    |
| "textract" | Amazon Textract ``DetectDocumentText``             | AWS (injected boto3 client) |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

ENGINE_NAMES = ("rapidocr", "textract")


@dataclass(frozen=True)
class OcrResult:
    """Text read from one image.

    ``lines`` are in reading order (top to bottom, left to right); ``text`` is the lines
    joined with newlines; ``confidence`` is the mean line confidence in [0, 1] (0 when no
    text was found).
    """

    text: str
    lines: tuple[str, ...]
    confidence: float

    @classmethod
    def from_lines(cls, lines: list[tuple[str, float]]) -> OcrResult:
        kept = [(text.strip(), score) for text, score in lines if text.strip()]
        if not kept:
            return cls(text="", lines=(), confidence=0.0)
        texts = tuple(text for text, _ in kept)
        confidence = sum(score for _, score in kept) / len(kept)
        return cls(text="\n".join(texts), lines=texts, confidence=round(confidence, 4))


@runtime_checkable
class OcrEngine(Protocol):
    """Reads the text of one image.

    Implementations raise :class:`~qila.media.errors.UnreadableImage` when the bytes are not
    an image they can read, :class:`~qila.media.errors.OcrUnavailable` for failures worth
    retrying later and :class:`~qila.media.errors.OcrFailed` for other engine failures. An
    image without text is not an error: it gives an empty :class:`OcrResult`.
    """

    name: str

    def read_text(self, image_bytes: bytes) -> OcrResult: ...


def build_ocr_engine(name: str, *, textract_client: Any | None = None) -> OcrEngine:
    """The OCR engine called ``name`` ("rapidocr" or "textract").

    For "textract" pass a boto3 Textract client, or leave it out to create one from the
    environment's AWS configuration. Heavy models are loaded on first use, not here.
    """
    key = name.strip().lower()
    if key == "rapidocr":
        from qila.media.rapidocr_engine import RapidOcrEngine

        return RapidOcrEngine()
    if key == "textract":
        from qila.media.textract_engine import TextractOcrEngine

        if textract_client is None:
            import boto3

            textract_client = boto3.client("textract")
        return TextractOcrEngine(textract_client)
    raise ValueError(f"unknown OCR engine {name!r}; expected one of {', '.join(ENGINE_NAMES)}")
