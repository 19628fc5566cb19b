"""Decode untrusted image bytes into a bounded RGB Pillow image."""

from __future__ import annotations

import io
import logging
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from qila.media.errors import UnreadableImage

log = logging.getLogger(__name__)

#: Formats a forwarded screenshot or photo may arrive in.
READABLE_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP")
#: Refuse images that would decode to more pixels than this (decompression bombs).
MAX_PIXELS = 40_000_000
#: Longest side kept after decoding; larger images are downscaled (aspect kept).
MAX_SIDE = 4096


def decode_image(
    data: bytes, *, max_pixels: int = MAX_PIXELS, max_side: int = MAX_SIDE
) -> Image.Image:
    """Decode ``data`` into an upright RGB image no longer than ``max_side`` on any side.

    Raises :class:`UnreadableImage` for empty, corrupt, truncated or unsupported data and for
    images with more than ``max_pixels`` pixels. Animated images yield their first frame.
    """
    if not data:
        raise UnreadableImage("empty image data")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=READABLE_FORMATS)
            width, height = image.size
            if width * height > max_pixels:
                raise UnreadableImage(f"image too large to decode ({width}x{height} pixels)")
            image.load()
            upright = ImageOps.exif_transpose(image) or image
            rgb = _to_rgb(upright)
    except UnreadableImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnreadableImage("image too large to decode (decompression bomb guard)") from exc
    except UnidentifiedImageError as exc:
        raise UnreadableImage("not a recognised image format") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise UnreadableImage(f"corrupt or truncated image: {exc}") from exc
    if max(rgb.size) > max_side:
        rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        log.debug("downscaled image from %dx%d to %dx%d", width, height, *rgb.size)
    return rgb


def _to_rgb(image: Image.Image) -> Image.Image:
    """Flatten transparency onto white (screenshots with alpha) and convert to RGB."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")
