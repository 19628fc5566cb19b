"""Errors raised by the media package (download, image decoding, OCR).

They extend Qila's tree so the processor can decide by kind alone:

    QilaError
    └── MediaError
        ├── MediaRefused          (PermanentError) never fetched or kept: wrong host or
        │   │                     scheme, blocked address, too many redirects, refused by
        │   │                     the server (401/403/4xx)
        │   ├── MediaTooLarge     larger than the size cap (aborted while streaming)
        │   └── UnsupportedMediaType  not an image type Qila can read (audio, video, PDF...)
        ├── MediaTransientError   (TransientError) worth retrying later: 5xx, 429,
        │   │                     timeouts, connection errors, DNS failures
        │   ├── MediaNotReady     Twilio still answered 404 after the short retries
        │   └── OcrUnavailable    the OCR service was throttled, down or unreachable
        ├── UnreadableImage       (PermanentError) the bytes are not a decodable image,
        │                         or the OCR service rejected the document
        └── OcrFailed             (PermanentError) the OCR engine failed for a reason a
                                  retry cannot fix (access denied, bad configuration)
"""

from __future__ import annotations

from qila.errors import PermanentError, QilaError, TransientError


class MediaError(QilaError):
    """Base of every media error."""


class MediaRefused(MediaError, PermanentError):
    """The media was refused by policy or by the server; retrying cannot help."""


class MediaTooLarge(MediaRefused):
    """The media is larger than the configured cap."""

    def __init__(self, limit: int, seen: int | None = None) -> None:
        detail = f"at least {seen} bytes" if seen is not None else "declared too large"
        super().__init__(f"media exceeds the {limit}-byte cap ({detail})")
        self.limit = limit
        self.seen = seen


class UnsupportedMediaType(MediaRefused):
    """The media is not an image type Qila reads (e.g. audio, video, PDF)."""

    def __init__(self, content_type: str) -> None:
        super().__init__(f"unsupported media type {content_type!r}")
        self.content_type = content_type


class MediaTransientError(MediaError, TransientError):
    """A failure that may go away on retry (5xx, 429, timeout, connection error)."""


class MediaNotReady(MediaTransientError):
    """Twilio answered 404 for the media after the short retries: not stored yet."""


class OcrUnavailable(MediaTransientError):
    """The OCR service was throttled, failing or unreachable."""


class UnreadableImage(MediaError, PermanentError):
    """The bytes are not a readable image (corrupt, truncated, unknown format, too many
    pixels), or the OCR service rejected the document."""


class OcrFailed(MediaError, PermanentError):
    """The OCR engine failed for a reason a retry cannot fix."""
