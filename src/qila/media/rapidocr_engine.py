"""Offline OCR with RapidOCR (PP-OCRv4 detection and recognition models run by ONNX Runtime).

The models ship inside the ``rapidocr-onnxruntime`` wheel; nothing is downloaded. The model
is loaded once, on first use, and shared by every call (thread-safe loading).

Tuned for phone screenshots:
- detection runs on a copy scaled to ``det_max_side`` (fast), recognition on crops of the
  full-resolution image (accurate);
- dark-theme screenshots (low mean brightness) are inverted first;
- the direction classifier is skipped (screenshots are upright);
- spaces the recogniser drops between English words are restored from the line image
  (see :mod:`qila.media.spacing`).
"""

from __future__ import annotations

import logging
import math
import threading
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

from qila.media.errors import OcrFailed
from qila.media.images import decode_image
from qila.media.ocr import OcrResult
from qila.media.spacing import fix_digit_confusions, ink_gaps, respace

log = logging.getLogger(__name__)

#: Height the recogniser resizes each line crop to, and its output stride in pixels.
_REC_HEIGHT = 48
_REC_STRIDE = 8


class RapidOcrEngine:
    """:class:`~qila.media.ocr.OcrEngine` backed by RapidOCR (``rapidocr_onnxruntime``)."""

    name = "rapidocr"

    def __init__(
        self,
        *,
        det_max_side: int = 960,
        det_min_side: int = 480,
        min_line_score: float = 0.5,
        dark_mean: float = 110.0,
        threads: int | None = None,
    ) -> None:
        self.det_max_side = det_max_side
        self.det_min_side = det_min_side
        self.min_line_score = min_line_score
        self.dark_mean = dark_mean
        self.threads = threads
        self._model: Any | None = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the model now (e.g. at cold start) instead of on the first image."""
        self._load()

    def read_text(self, image_bytes: bytes) -> OcrResult:
        return self.read_pil(decode_image(image_bytes))

    def read_pil(self, image: Image.Image) -> OcrResult:
        """Read an already decoded image (any mode; converted to RGB)."""
        rgb = np.asarray(image.convert("RGB"))
        if float(rgb.mean()) < self.dark_mean:
            rgb = 255 - rgb
        bgr = np.ascontiguousarray(rgb[:, :, ::-1])
        model = self._load()
        try:
            return self._read(model, bgr)
        except Exception as exc:  # the vendor pipeline raises plain exceptions
            raise OcrFailed(f"RapidOCR failed: {exc}") from exc

    def _read(self, model: Any, bgr: NDArray[np.uint8]) -> OcrResult:
        scale = self._det_scale(bgr.shape[0], bgr.shape[1])
        small: Any = bgr
        if scale < 1.0:
            size = (max(1, round(bgr.shape[1] * scale)), max(1, round(bgr.shape[0] * scale)))
            small = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
        boxes, _ = model.text_det(small)
        if boxes is None or len(boxes) == 0:
            return OcrResult.from_lines([])
        boxes = model.sorted_boxes((np.asarray(boxes) / scale).astype(np.float32))
        crops: list[NDArray[np.uint8]] = model.get_crop_img_list(bgr, boxes)
        recognised, _ = model.text_rec(crops, True)
        lines: list[tuple[str, float]] = []
        for crop, (text, score, info) in zip(crops, recognised, strict=True):
            if float(score) < self.min_line_score:
                continue
            lines.append((fix_digit_confusions(_spaced(crop, text, info)), float(score)))
        return OcrResult.from_lines(lines)

    def _det_scale(self, height: int, width: int) -> float:
        """Scale for the detection copy: longest side near ``det_max_side``, but the
        shortest side not below ``det_min_side`` so text in tall screenshots stays legible."""
        scale = max(self.det_max_side / max(height, width), self.det_min_side / min(height, width))
        return min(1.0, scale)

    def _load(self) -> Any:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._create_model()
        return self._model

    def _create_model(self) -> Any:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OcrFailed(
                "rapidocr-onnxruntime is not installed (pip install 'qila[media]')"
            ) from exc
        options: dict[str, Any] = {
            # Detection gets a pre-scaled copy; "min" with a small limit stops RapidOCR from
            # resizing it again (its "max" mode ignores the configured limit).
            "det_limit_side_len": 32,
            "det_limit_type": "min",
            "print_verbose": False,
        }
        if self.threads is not None:
            options["intra_op_num_threads"] = self.threads
        log.info("loading RapidOCR models")
        try:
            return RapidOCR(**options)
        except Exception as exc:
            raise OcrFailed(f"could not load the RapidOCR models: {exc}") from exc


def _spaced(crop: NDArray[np.uint8], text: str, info: Any) -> str:
    """Restore word spaces in ``text`` using the recogniser's character positions."""
    try:
        _, words, columns, _, _ = info
    except (TypeError, ValueError):
        return str(text)
    chars = [char for word in words for char in word]
    cols = [col for word in columns for col in word]
    if len(chars) < 2 or len(chars) != len(cols):
        return str(text)
    height, width = crop.shape[:2]
    resized_width = math.ceil(_REC_HEIGHT * width / height)
    scale = width / resized_width
    centres = [(col * _REC_STRIDE + _REC_STRIDE / 2) * scale for col in cols]
    return respace(chars, centres, ink_gaps(crop))
