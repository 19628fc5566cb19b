"""Optional online link checks, off by default: expanding redirects and Google Safe Browsing.

Settings (read by the caller, e.g. with ``OnlineSettings.from_env``):

- ``QILA_EXPAND_LINKS=1``: follow redirects of links (HEAD, GET if HEAD is refused), at most
  ``MAX_HOPS`` hops, never to private, loopback, link-local or otherwise non-public addresses:
  every hop's host is resolved and every address checked, and the connection goes to the
  checked address (no second lookup).
- ``QILA_SAFE_BROWSING_KEY``: Google Safe Browsing v4 API key; lookups are off without it.
- ``QILA_SAFE_BROWSING_URL``: the API base URL (default Google's; overridable for tests).

Only the standard library is used; nothing here runs unless a caller builds it.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import socket
import ssl
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from qila.analysis.analyzer import ScamAnalyzer
from qila.analysis.links import LinkHit, check_url, host_of
from qila.analysis.model import packaged_model

MAX_HOPS = 4
DEFAULT_TIMEOUT = 3.0
SAFE_BROWSING_URL = "https://safebrowsing.googleapis.com"
_REDIRECTS = (301, 302, 303, 307, 308)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[IPAddress], bool]
Resolver = Callable[[str, int], list[str]]


class OnlineCheckError(Exception):
    """An online check could not be completed (timeout, refused address, bad answer)."""


def public_only(address: IPAddress) -> bool:
    """The default policy: only globally routable unicast addresses."""
    return address.is_global and not address.is_multicast


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise OnlineCheckError(f"cannot resolve {host}") from exc
    return sorted({str(info[4][0]) for info in infos})


@dataclass(frozen=True)
class OnlineSettings:
    expand_links: bool = False
    safe_browsing_key: str | None = None
    safe_browsing_url: str = SAFE_BROWSING_URL
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> OnlineSettings:
        raw = env.get("QILA_EXPAND_LINKS", "0").strip().lower()
        if raw not in ("0", "1", "true", "false", "yes", "no", ""):
            raise ValueError(f"QILA_EXPAND_LINKS must be 0 or 1, not {raw!r}")
        key = env.get("QILA_SAFE_BROWSING_KEY", "").strip() or None
        url = env.get("QILA_SAFE_BROWSING_URL", "").strip() or SAFE_BROWSING_URL
        if not url.startswith(("http://", "https://")):
            raise ValueError("QILA_SAFE_BROWSING_URL must be an http(s) URL")
        return cls(raw in ("1", "true", "yes"), key, url.rstrip("/"))

    @property
    def enabled(self) -> bool:
        return self.expand_links or self.safe_browsing_key is not None


# --- redirects ------------------------------------------------------------------------------


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Expansion:
    start: str
    hops: tuple[str, ...] = ()  # every URL visited after the start
    stopped: str | None = None  # why the chain ended early, if it did

    @property
    def final(self) -> str:
        return self.hops[-1] if self.hops else self.start


@dataclass
class LinkExpander:
    timeout: float = DEFAULT_TIMEOUT
    max_hops: int = MAX_HOPS
    policy: AddressPolicy = public_only
    resolver: Resolver = system_resolver

    def _address(self, host: str, port: int) -> str:
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            addresses = [ipaddress.ip_address(a.split("%")[0]) for a in self.resolver(host, port)]
        if not addresses:
            raise OnlineCheckError(f"no address for {host}")
        refused = [a for a in addresses if not self.policy(a)]
        if refused:
            raise OnlineCheckError(f"refused non-public address {refused[0]} for {host}")
        return str(addresses[0])

    def _location(self, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise OnlineCheckError(f"not a web link: {url}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = self._address(parts.hostname, port)
        cls = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        for method in ("HEAD", "GET"):
            conn = cls(parts.hostname, port, address, self.timeout)
            try:
                conn.request(method, path, headers={"User-Agent": "qila-link-check/1"})
                response = conn.getresponse()
                status, location = response.status, response.getheader("Location")
            except (OSError, http.client.HTTPException) as exc:
                raise OnlineCheckError(f"{method} {url} failed: {exc}") from exc
            finally:
                conn.close()
            if method == "HEAD" and status in (405, 501):
                continue
            return urljoin(url, location) if status in _REDIRECTS and location else None
        return None

    def expand(self, url: str) -> Expansion:
        current = url if "://" in url else "http://" + url
        hops: list[str] = []
        for _ in range(self.max_hops + 1):
            try:
                nxt = self._location(current)
            except OnlineCheckError as exc:
                return Expansion(url, tuple(hops), str(exc))
            if nxt is None:
                return Expansion(url, tuple(hops))
            if len(hops) >= self.max_hops:
                return Expansion(url, tuple(hops), "too many redirects")
            hops.append(nxt)
            current = nxt
        return Expansion(url, tuple(hops), "too many redirects")


# --- Safe Browsing --------------------------------------------------------------------------


@dataclass
class SafeBrowsing:
    api_key: str
    base_url: str = SAFE_BROWSING_URL
    timeout: float = DEFAULT_TIMEOUT

    def matches(self, urls: Sequence[str]) -> dict[str, str]:
        """``{url: threat type}`` for the URLs Google lists as dangerous."""
        if not urls:
            return {}
        body = {
            "client": {"clientId": "qila", "clientVersion": "1"},
            "threatInfo": {
                "threatTypes": [
                    "MALWARE",
                    "SOCIAL_ENGINEERING",
                    "UNWANTED_SOFTWARE",
                    "POTENTIALLY_HARMFUL_APPLICATION",
                ],
                "platformTypes": ["ANY_PLATFORM"],
                "threatEntryTypes": ["URL"],
                "threatEntries": [{"url": u} for u in urls],
            },
        }
        request = urllib.request.Request(
            f"{self.base_url}/v4/threatMatches:find?key={self.api_key}",
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read() or b"{}")
        except (OSError, ValueError) as exc:
            raise OnlineCheckError(f"Safe Browsing lookup failed: {exc}") from exc
        found: dict[str, str] = {}
        for match in answer.get("matches", []):
            url = match.get("threat", {}).get("url")
            if url:
                found[url] = str(match.get("threatType", "THREAT"))
        return found


# --- putting it together ---------------------------------------------------------------------


@dataclass
class OnlineLinkChecker:
    """Extra link findings for the analyser; failures are ignored (offline result stands)."""

    expander: LinkExpander | None = None
    safe_browsing: SafeBrowsing | None = None
    errors: list[str] = field(default_factory=list)

    def __call__(self, urls: Sequence[str]) -> list[LinkHit]:
        hits: list[LinkHit] = []
        to_look_up = list(urls)
        if self.expander is not None:
            for url in urls:
                expansion = self.expander.expand(url)
                if expansion.stopped:
                    self.errors.append(expansion.stopped)
                if not expansion.hops:
                    continue
                final = expansion.final
                host = host_of(final)
                hits.append(LinkHit("link.redirects", 5, host, url))
                hits.extend(
                    LinkHit(h.code, h.weight, h.evidence, url, h.brand)
                    for h in check_url(final)
                    if h.weight > 0
                )
                to_look_up.append(final)
        if self.safe_browsing is not None:
            try:
                listed = self.safe_browsing.matches(to_look_up)
            except OnlineCheckError as exc:
                self.errors.append(str(exc))
                listed = {}
            hits.extend(LinkHit("link.flagged_online", 80, host_of(u), u) for u in listed)
        return hits


def build_online_analyzer(
    settings: OnlineSettings, policy: AddressPolicy = public_only
) -> ScamAnalyzer:
    """The default analyser plus the online checks the settings turn on."""
    expander = LinkExpander(settings.timeout, policy=policy) if settings.expand_links else None
    safe = (
        SafeBrowsing(settings.safe_browsing_key, settings.safe_browsing_url, settings.timeout)
        if settings.safe_browsing_key
        else None
    )
    checker = OnlineLinkChecker(expander, safe) if settings.enabled else None
    return ScamAnalyzer(packaged_model(), online=checker)
