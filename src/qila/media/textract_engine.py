"""OCR with Amazon Textract ``DetectDocumentText`` through an injected boto3 client."""

from __future__ import annotations

import logging
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from qila.media.errors import OcrFailed, OcrUnavailable, UnreadableImage
from qila.media.ocr import OcrResult

log = logging.getLogger(__name__)

#: Textract's synchronous limit for image bytes.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

_RETRYABLE = frozenset(
    {
        "ThrottlingException",
        "ProvisionedThroughputExceededException",
        "InternalServerError",
        "ServiceUnavailableException",
        "LimitExceededException",
        "RequestTimeoutException",
    }
)
_BAD_DOCUMENT = frozenset(
    {
        "InvalidParameterException",
        "UnsupportedDocumentException",
        "BadDocumentException",
        "DocumentTooLargeException",
    }
)


class TextractOcrEngine:
    """:class:`~qila.media.ocr.OcrEngine` backed by Textract (JPEG and PNG; other formats
    are converted to PNG first)."""

    name = "textract"

    def __init__(self, client: Any, *, min_confidence: float = 0.0) -> None:
        self._client = client
        self.min_confidence = min_confidence

    def read_text(self, image_bytes: bytes) -> OcrResult:
        document = _textract_ready(image_bytes)
        try:
            response = self._client.detect_document_text(Document={"Bytes": document})
        except ClientError as exc:
            error = exc.response.get("Error", {})
            code = str(error.get("Code", "Unknown"))
            status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
            log.warning("Textract refused the image: %s (HTTP %s)", code, status)
            if code in _RETRYABLE or status >= 500:
                raise OcrUnavailable(f"Textract unavailable: {code}") from exc
            if code in _BAD_DOCUMENT:
                raise UnreadableImage(f"Textract cannot read the image: {code}") from exc
            raise OcrFailed(f"Textract failed: {code}") from exc
        except BotoCoreError as exc:
            log.warning("Textract call failed: %s", type(exc).__name__)
            raise OcrUnavailable(f"Textract unreachable: {type(exc).__name__}") from exc
        return _result(response, self.min_confidence)


def _result(response: dict[str, Any], min_confidence: float) -> OcrResult:
    lines: list[tuple[str, float]] = []
    for block in response.get("Blocks", []):
        if block.get("BlockType") != "LINE":
            continue
        confidence = float(block.get("Confidence", 0.0)) / 100.0
        text = str(block.get("Text", ""))
        if text and confidence >= min_confidence:
            lines.append((text, confidence))
    return OcrResult.from_lines(lines)


def _textract_ready(image_bytes: bytes) -> bytes:
    """JPEG/PNG bytes as they are; other formats (WebP, GIF) converted to PNG. Too-large or
    undecodable input raises :class:`UnreadableImage` without calling Textract."""
    if image_bytes.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        document = image_bytes
    else:
        import io

        from qila.media.images import decode_image

        buf = io.BytesIO()
        decode_image(image_bytes).save(buf, format="PNG")
        document = buf.getvalue()
    if len(document) > MAX_DOCUMENT_BYTES:
        raise UnreadableImage(f"image larger than Textract's {MAX_DOCUMENT_BYTES}-byte limit")
    return document
