"""Read an image into :class:`~qila.analysis.verdict.ImageEvidence`: OCR text and QR codes."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from qila.analysis.verdict import ImageEvidence
from qila.media.errors import UnreadableImage
from qila.media.images import decode_image
from qila.media.ocr import OcrEngine, build_ocr_engine
from qila.media.qr import decode_qr

log = logging.getLogger(__name__)

#: Files larger than this are not read by :func:`read_image_file`.
MAX_FILE_BYTES = 25 * 1024 * 1024

_default_engine: OcrEngine | None = None
_default_lock = threading.Lock()


def default_engine() -> OcrEngine:
    """The process-wide local OCR engine (RapidOCR), created on first use and then reused."""
    global _default_engine
    if _default_engine is None:
        with _default_lock:
            if _default_engine is None:
                _default_engine = build_ocr_engine("rapidocr")
    return _default_engine


def read_image(data: bytes, engine: OcrEngine | None = None, label: str = "image") -> ImageEvidence:
    """OCR text and QR payloads of one image.

    Raises :class:`~qila.media.errors.UnreadableImage` when ``data`` is not a readable image
    (corrupt, truncated, unknown format, too many pixels). OCR engine failures surface as the
    engine's :class:`~qila.media.errors.MediaError` subclasses.
    """
    image = decode_image(data)
    payloads = decode_qr(image)
    result = (engine or default_engine()).read_text(data)
    log.debug(
        "read %s: %d lines, %d QR codes, confidence %.2f",
        label,
        len(result.lines),
        len(payloads),
        result.confidence,
    )
    return ImageEvidence(text=result.text, qr_payloads=payloads, label=label)


def read_image_file(
    path: str | Path, engine: OcrEngine | None = None, label: str | None = None
) -> ImageEvidence:
    """:func:`read_image` on a file; ``label`` defaults to the file name."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableImage(f"{file.name} is larger than {MAX_FILE_BYTES} bytes")
        data = file.read_bytes()
    except OSError as exc:
        raise UnreadableImage(f"cannot read {file}: {exc.strerror or exc}") from exc
    return read_image(data, engine=engine, label=label or file.name)
