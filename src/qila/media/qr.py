"""Decode QR codes (QR, Micro QR, rMQR) in an image with zxing-cpp."""

from __future__ import annotations

import logging

import zxingcpp
from PIL import Image

from qila.media.images import decode_image

log = logging.getLogger(__name__)

_QR_FORMATS = zxingcpp.BarcodeFormats(
    [
        zxingcpp.BarcodeFormat.QRCode,
        zxingcpp.BarcodeFormat.MicroQRCode,
        zxingcpp.BarcodeFormat.RMQRCode,
    ]
)


def decode_qr(image: Image.Image | bytes) -> tuple[str, ...]:
    """The payloads of every QR code in ``image``, in reading order, without duplicates.

    Accepts a decoded Pillow image or raw image bytes (raw bytes that are not an image raise
    :class:`~qila.media.errors.UnreadableImage`). Light-on-dark and rotated codes are found.
    An image without codes gives an empty tuple.
    """
    picture = decode_image(image) if isinstance(image, bytes) else image.convert("RGB")
    try:
        barcodes = zxingcpp.read_barcodes(picture, formats=_QR_FORMATS)
    except (RuntimeError, ValueError) as exc:
        log.warning("QR decoding failed: %s", exc)
        return ()
    barcodes.sort(key=lambda code: (code.position.top_left.y, code.position.top_left.x))
    payloads: list[str] = []
    for code in barcodes:
        text = code.text
        if text and text not in payloads:
            payloads.append(text)
    return tuple(payloads)
