"""Gathering the content of a job: the text, and what can be read from its images.

Two steps, so the repeat cache can answer before any OCR runs: :meth:`fetch` downloads the
images (and fingerprints them), :meth:`read` runs OCR and QR decoding. Audio, video and
documents are listed as media Qila cannot check. A transient download or OCR failure
propagates, so the record is retried; a refused or unreadable image is counted and the rest
of the message is still checked.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from qila.analysis.verdict import Content, ImageEvidence
from qila.envelope import Job
from qila.settings import Settings

log = logging.getLogger("qila.processor.content")


@dataclass
class Fetched:
    job: Job
    images: list[tuple[str, bytes]] = field(default_factory=list)  # (label, data)
    unsupported: list[str] = field(default_factory=list)
    unreadable: int = 0

    @property
    def digests(self) -> list[str]:
        return [hashlib.sha256(data).hexdigest() for _, data in self.images]


class TextOnlyGatherer:
    """Content from the message text; media are listed as not checkable."""

    def fetch(self, job: Job) -> Fetched:
        return Fetched(job, unsupported=[m.content_type or "unknown" for m in job.media])

    def read(self, fetched: Fetched) -> Content:
        return Content(text=fetched.job.body, unsupported_media=tuple(fetched.unsupported))


class MediaGatherer:
    def __init__(self, downloader: Any, engine_factory: Callable[[], Any]) -> None:
        self.downloader = downloader
        self._engine_factory = engine_factory
        self._engine: Any = None
        self._engine_lock = threading.Lock()

    def fetch(self, job: Job) -> Fetched:
        from qila.media.download import is_supported_image
        from qila.media.errors import MediaRefused, UnsupportedMediaType

        fetched = Fetched(job)
        for index, media in enumerate(job.media, start=1):
            if not is_supported_image(media.content_type):
                fetched.unsupported.append(media.content_type or "unknown")
                continue
            try:
                download = self.downloader.fetch(media.url, media.content_type)
            except UnsupportedMediaType as exc:
                fetched.unsupported.append(exc.content_type)
                continue
            except MediaRefused as exc:
                log.warning("media refused", extra={"media_index": index, "reason": str(exc)})
                fetched.unreadable += 1
                continue
            fetched.images.append((f"image {index}", download.data))
        return fetched

    def read(self, fetched: Fetched) -> Content:
        from qila.media.errors import UnreadableImage
        from qila.media.reader import read_image

        images: list[ImageEvidence] = []
        unreadable = fetched.unreadable
        for label, data in fetched.images:
            try:
                images.append(read_image(data, self.ocr(), label=label))
            except UnreadableImage as exc:
                log.info("image unreadable", extra={"image": label, "reason": str(exc)})
                unreadable += 1
        return Content(
            text=fetched.job.body,
            images=tuple(images),
            unsupported_media=tuple(fetched.unsupported),
            unreadable_images=unreadable,
        )

    def ocr(self) -> Any:
        """The OCR engine, created on first use (models load once per process)."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = self._engine_factory()
            return self._engine

    def warm_up(self) -> None:
        """Load the OCR model now rather than on the first screenshot (local worker start)."""
        engine = self.ocr()
        if hasattr(engine, "warm_up"):
            engine.warm_up()


def build_gatherer(settings: Settings) -> MediaGatherer:
    import requests

    from qila.media.download import MediaDownloader, MediaPolicy
    from qila.media.ocr import build_ocr_engine

    if settings.is_local:
        # The sandbox serves media on loopback: its API port, then a redirect to its CDN port.
        policy = MediaPolicy.local(
            ports=(settings.sandbox_port, settings.media_port),
            hosts=("127.0.0.1", "localhost"),
            max_bytes=settings.media_max_bytes,
        )
    else:
        policy = MediaPolicy(max_bytes=settings.media_max_bytes)
    downloader = MediaDownloader(
        requests.Session(), settings.account_sid, settings.auth_token, policy
    )

    def engine() -> Any:
        client = None
        if settings.ocr_engine == "textract":
            import boto3

            client = boto3.client("textract", region_name=settings.aws_region)
        return build_ocr_engine(settings.ocr_engine, textract_client=client)

    return MediaGatherer(downloader, engine)
