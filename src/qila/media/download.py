"""Fetch media a person sent (Twilio ``MediaUrlN``) safely.

- The first URL must use an allowed scheme (https in production) and an allowed host
  (``api.twilio.com``, ``*.twilio.com``); anything else is refused and never requested.
- Basic auth (account SID, auth token) goes with the first request only. Redirects are
  followed by hand, at most ``max_redirects`` hops, *without* credentials: the signed CDN
  URL Twilio redirects to never sees them.
- Every hop is checked before it is requested: scheme, port, no user info, and every address
  the host resolves to must pass the :class:`~qila.netguard.AddressPolicy`; after connecting,
  the peer address is checked again (DNS rebinding).
- The body is streamed and aborted as soon as it passes the size cap; the content type is
  checked before the body is read.
- Twilio answers 404 for a moment after a message arrives: 404s are retried a few times with
  a short backoff, then reported as :class:`MediaNotReady`.

Errors (see :mod:`qila.media.errors`): :class:`MediaRefused` and its subclasses are
permanent; :class:`MediaTransientError` and :class:`MediaNotReady` are worth retrying.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NoReturn
from urllib.parse import SplitResult, urljoin, urlsplit

import requests

from qila.media.errors import (
    MediaError,
    MediaNotReady,
    MediaRefused,
    MediaTooLarge,
    MediaTransientError,
    UnsupportedMediaType,
)
from qila.netguard import AddressPolicy, BlockedAddressError, HostResolutionError, parse_address

log = logging.getLogger(__name__)

TWILIO_MEDIA_HOSTS = ("api.twilio.com", "*.twilio.com")
#: Media types Qila reads (OCR and QR codes).
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif"})
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CHUNK = 64 * 1024


def media_type(content_type: str | None) -> str:
    """The bare, lower-case media type of a Content-Type value ("" if missing)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def is_supported_image(content_type: str | None) -> bool:
    """Whether Qila can read media of this Content-Type (e.g. ``MediaContentType0``)."""
    return media_type(content_type) in IMAGE_TYPES


def host_matches(host: str, patterns: Iterable[str]) -> bool:
    """``host`` equals a pattern, or is a subdomain of a ``*.domain`` pattern."""
    name = host.lower().rstrip(".")
    for pattern in patterns:
        pat = pattern.lower().rstrip(".")
        if pat.startswith("*."):
            if name.endswith(pat[1:]) and len(name) > len(pat) - 1:
                return True
        elif name == pat:
            return True
    return False


@dataclass(frozen=True)
class MediaPolicy:
    """Where media may be fetched from and how much of it.

    The default is the production policy: https only, port 443, first host Twilio's, every
    hop to a public address. :meth:`local` is the development variant for the sandbox on
    127.0.0.1.
    """

    first_hosts: tuple[str, ...] = TWILIO_MEDIA_HOSTS
    schemes: frozenset[str] = frozenset({"https"})
    ports: frozenset[int] | None = frozenset({443})
    address_policy: AddressPolicy = field(default_factory=AddressPolicy)
    allowed_types: frozenset[str] = IMAGE_TYPES
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 3
    connect_timeout: float = 3.05
    read_timeout: float = 10.0
    total_timeout: float = 25.0
    not_ready_delays: tuple[float, ...] = (0.5, 1.0)

    @classmethod
    def local(
        cls,
        ports: Iterable[int],
        *,
        hosts: tuple[str, ...] = ("127.0.0.1",),
        address_policy: AddressPolicy | None = None,
        **overrides: object,
    ) -> MediaPolicy:
        """Development policy: http or https to ``hosts`` (127.0.0.1) on the given ports."""
        return cls(
            first_hosts=hosts,
            schemes=frozenset({"http", "https"}),
            ports=frozenset(ports),
            address_policy=address_policy or AddressPolicy.local(),
            **overrides,  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class DownloadedMedia:
    """A fetched media file. ``host`` is where the body came from (after redirects)."""

    data: bytes
    content_type: str
    host: str
    redirects: int = 0


class _NotFound(Exception):
    """Internal: a hop answered 404 (media not stored yet)."""


class MediaDownloader:
    """Downloads Twilio media with an injected :class:`requests.Session`."""

    def __init__(
        self,
        session: requests.Session,
        account_sid: str,
        auth_token: str,
        policy: MediaPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._session = session
        self._auth = (account_sid, auth_token)
        self.policy = policy or MediaPolicy()
        self._sleep = sleep
        self._clock = clock

    def fetch(self, url: str, content_type: str | None = None) -> DownloadedMedia:
        """Download the media at ``url`` (a Twilio ``MediaUrlN``).

        ``content_type`` is the type Twilio announced (``MediaContentTypeN``); if it is not
        an allowed type, nothing is requested.
        """
        if content_type is not None and media_type(content_type) not in self.policy.allowed_types:
            log.info("media refused before download: unsupported type %s", media_type(content_type))
            raise UnsupportedMediaType(media_type(content_type))
        self._check_url(url, first=True)
        delays = self.policy.not_ready_delays
        for attempt in range(len(delays) + 1):
            try:
                return self._follow(url)
            except _NotFound:
                if attempt == len(delays):
                    break
                log.info("media not ready (404), retrying in %.1fs", delays[attempt])
                self._sleep(delays[attempt])
        raise MediaNotReady(f"media still not found after {len(delays) + 1} attempts")

    # -- one chain of hops ------------------------------------------------------------------

    def _follow(self, url: str) -> DownloadedMedia:
        current = url
        started = self._clock()
        for hop in range(self.policy.max_redirects + 1):
            parts = self._check_url(current, first=hop == 0)
            response = self._send(current, with_auth=hop == 0)
            try:
                self._check_peer(response, parts)
                status = response.status_code
                if status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        self._refuse(f"redirect {status} without a Location from {parts.hostname}")
                    current = urljoin(current, location)
                    log.debug(
                        "media redirect %d from %s to %s", status, parts.hostname, _origin(current)
                    )
                    continue
                self._check_status(status, parts)
                return self._read_body(response, parts, hop, started)
            finally:
                response.close()
        self._refuse(f"more than {self.policy.max_redirects} redirects")

    def _send(self, url: str, *, with_auth: bool) -> requests.Response:
        request = requests.Request(
            "GET", url, auth=self._auth if with_auth else None, headers={"Accept": "image/*"}
        )
        prepared = self._session.prepare_request(request)
        if not with_auth:
            # Session-level auth, .netrc and cookies must not follow a redirect either.
            for header in ("Authorization", "Proxy-Authorization", "Cookie"):
                prepared.headers.pop(header, None)
        try:
            return self._session.send(
                prepared,
                allow_redirects=False,
                stream=True,
                timeout=(self.policy.connect_timeout, self.policy.read_timeout),
            )
        except requests.Timeout as exc:
            raise MediaTransientError(f"timed out fetching media from {_origin(url)}") from exc
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.InvalidSchema,
            requests.exceptions.MissingSchema,
        ) as exc:
            raise MediaRefused(f"invalid media URL for {_origin(url)}") from exc
        except requests.RequestException as exc:
            raise MediaTransientError(
                f"could not fetch media from {_origin(url)}: {type(exc).__name__}"
            ) from exc

    def _read_body(
        self, response: requests.Response, parts: SplitResult, hops: int, started: float
    ) -> DownloadedMedia:
        ctype = media_type(response.headers.get("Content-Type"))
        if ctype not in self.policy.allowed_types:
            log.info("media refused: unsupported type %r from %s", ctype, parts.hostname)
            raise UnsupportedMediaType(ctype)
        limit = self.policy.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            log.info("media refused: declared %s bytes > cap %d", declared, limit)
            raise MediaTooLarge(limit, int(declared))
        chunks: list[bytes] = []
        total = 0
        try:
            for chunk in response.iter_content(chunk_size=_CHUNK):
                total += len(chunk)
                if total > limit:
                    log.info("media aborted: more than %d bytes from %s", limit, parts.hostname)
                    raise MediaTooLarge(limit, total)
                if self._clock() - started > self.policy.total_timeout:
                    raise MediaTransientError("media download took too long")
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise MediaTransientError(
                f"media download from {parts.hostname} broke off: {type(exc).__name__}"
            ) from exc
        log.info("media downloaded: %d bytes of %s from %s", total, ctype, parts.hostname)
        return DownloadedMedia(
            data=b"".join(chunks), content_type=ctype, host=parts.hostname or "", redirects=hops
        )

    # -- checks -----------------------------------------------------------------------------

    def _check_url(self, url: str, *, first: bool) -> SplitResult:
        """Scheme, host, port and addresses of one hop; raises :class:`MediaRefused`."""
        if any(ch.isspace() or ch == "\\" for ch in url):
            self._refuse("media URL contains whitespace or backslashes")
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            self._refuse("media URL cannot be parsed")
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").rstrip(".")
        if scheme not in self.policy.schemes:
            self._refuse(f"scheme {scheme!r} not allowed for {host or 'media'}")
        if not host:
            self._refuse("media URL has no host")
        if parts.username is not None or parts.password is not None:
            self._refuse(f"media URL for {host} carries user info")
        effective_port = port if port is not None else _DEFAULT_PORTS.get(scheme)
        if self.policy.ports is not None and effective_port not in self.policy.ports:
            self._refuse(f"port {effective_port} not allowed for {host}")
        if first and not host_matches(host, self.policy.first_hosts):
            self._refuse(f"host {host} is not an allowed media host")
        try:
            self.policy.address_policy.check_host(host)
        except BlockedAddressError as exc:
            self._refuse(f"blocked address: {exc}")
        except HostResolutionError as exc:
            raise MediaTransientError(str(exc)) from exc
        return parts

    def _check_peer(self, response: requests.Response, parts: SplitResult) -> None:
        """Refuse a response whose connection went to a blocked address."""
        peer = _peer_address(response)
        if peer is None:
            return
        try:
            self.policy.address_policy.check_address(peer, host=parts.hostname)
        except BlockedAddressError as exc:
            self._refuse(f"connected to a blocked address: {exc}")

    def _check_status(self, status: int, parts: SplitResult) -> None:
        host = parts.hostname
        if status == 200:
            return
        if status == 404:
            raise _NotFound
        if status in (408, 425, 429) or status >= 500:
            log.warning("media fetch from %s answered %d", host, status)
            raise MediaTransientError(f"media host {host} answered {status}")
        self._refuse(f"media host {host} answered {status}")

    @staticmethod
    def _refuse(reason: str) -> NoReturn:
        log.warning("media refused: %s", reason)
        raise MediaRefused(reason)


def _origin(url: str) -> str:
    """scheme://host[:port] of a URL, for logs (no path, query or credentials)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")
    except ValueError:
        return "<unparsable url>"


def _peer_address(response: requests.Response) -> str | None:
    """The IP address the response's connection is connected to, when it can be known.

    Looks at the pooled connection's socket, or (when the server closes the connection
    after the response) the socket behind the response's file object.
    """
    raw = response.raw
    connection = getattr(raw, "connection", None)
    sockets = [
        getattr(connection, "sock", None),
        getattr(
            getattr(getattr(getattr(raw, "_fp", None), "fp", None), "raw", None), "_sock", None
        ),
    ]
    for sock in sockets:
        if sock is None:
            continue
        try:
            peer = sock.getpeername()
        except (OSError, AttributeError):
            continue
        address = str(peer[0]) if isinstance(peer, tuple) and peer else ""
        if parse_address(address) is not None:
            return address
    return None


__all__ = [
    "IMAGE_TYPES",
    "TWILIO_MEDIA_HOSTS",
    "DownloadedMedia",
    "MediaDownloader",
    "MediaError",
    "MediaPolicy",
    "is_supported_image",
    "media_type",
]
