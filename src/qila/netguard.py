"""Which network addresses outbound fetches may reach.

A fetch of a URL that came from outside (a media redirect, a link in a message) must not be
turned against the machine or its private network (SSRF): loopback, private, link-local
(including the cloud metadata address 169.254.169.254), multicast, reserved and unspecified
addresses are refused, for IPv4 and IPv6 alike, including IPv4 addresses embedded in IPv6
(IPv4-mapped ``::ffff:a.b.c.d``, 6to4 ``2002::/16``, NAT64 ``64:ff9b::/96``).

    policy = AddressPolicy()
    policy.check_host("example.com")        # resolves; every address must be allowed
    policy.check_address("10.0.0.1")        # raises BlockedAddressError

A host is allowed only if *all* its resolved addresses are. Resolution is injectable so
tests never need DNS.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str], Iterable[str]]

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class NetGuardError(Exception):
    """Base of the address-policy errors."""


class BlockedAddressError(NetGuardError):
    """The host or address is not allowed by the policy. ``reason`` says why."""

    def __init__(self, host: str, address: str | None, reason: str) -> None:
        where = f"{host} ({address})" if address and address != host else host
        super().__init__(f"{where}: {reason}")
        self.host = host
        self.address = address
        self.reason = reason


class HostResolutionError(NetGuardError):
    """The host name could not be resolved (may be temporary)."""

    def __init__(self, host: str, detail: str) -> None:
        super().__init__(f"cannot resolve {host}: {detail}")
        self.host = host


def system_resolver(host: str) -> list[str]:
    """Every address ``host`` resolves to, via the system resolver (``getaddrinfo``)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise HostResolutionError(host, str(exc)) from exc
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        if address not in addresses:
            addresses.append(address)
    return addresses


def parse_address(value: str) -> IPAddress | None:
    """``value`` as an IP address (brackets and IPv6 zone ids allowed), or None."""
    text = value.strip().strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class AddressPolicy:
    """Outbound address rules. The default refuses every non-public address.

    ``allow_loopback`` / ``allow_private`` relax the rules for local development;
    ``allowed_networks`` lets specific networks through whatever their kind (e.g. a test
    server's subnet). ``resolver`` maps a host name to its addresses.
    """

    allow_loopback: bool = False
    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()
    resolver: Resolver = field(default=system_resolver, compare=False, repr=False)

    @classmethod
    def local(cls, resolver: Resolver = system_resolver) -> AddressPolicy:
        """Loopback allowed (local sandbox on 127.0.0.1); everything else as strict."""
        return cls(allow_loopback=True, resolver=resolver)

    def problem(self, address: IPAddress) -> str | None:
        """Why ``address`` is refused, or None if it is allowed."""
        if any(address in net for net in self.allowed_networks):
            return None
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            return self.problem(address.ipv4_mapped)
        for embedded in _embedded_ipv4(address):
            reason = self.problem(embedded)
            if reason is not None:
                return f"embeds {embedded}: {reason}"
        if address.is_unspecified:
            return "unspecified address"
        if address.is_loopback:
            return None if self.allow_loopback else "loopback address"
        if address.is_link_local:
            return "link-local address"
        if address.is_multicast:
            return "multicast address"
        if address.is_reserved:
            return "reserved address"
        if address.is_private or not address.is_global:
            if self.allow_private:
                return None
            return "private address" if address.is_private else "non-public address"
        return None

    def is_allowed(self, address: str | IPAddress) -> bool:
        parsed = parse_address(address) if isinstance(address, str) else address
        return parsed is not None and self.problem(parsed) is None

    def check_address(self, address: str | IPAddress, host: str | None = None) -> IPAddress:
        """Return the parsed address, or raise :class:`BlockedAddressError`."""
        parsed = parse_address(address) if isinstance(address, str) else address
        label = host or str(address)
        if parsed is None:
            raise BlockedAddressError(label, str(address), "not an IP address")
        reason = self.problem(parsed)
        if reason is not None:
            raise BlockedAddressError(label, str(parsed), reason)
        return parsed

    def check_host(self, host: str) -> tuple[IPAddress, ...]:
        """Resolve ``host`` (or parse it if it is an IP literal) and check every address.

        Returns the allowed addresses. Raises :class:`BlockedAddressError` if any address is
        refused or the host resolves to nothing, :class:`HostResolutionError` if it cannot
        be resolved.
        """
        name = host.strip().rstrip(".").lower()
        if not name:
            raise BlockedAddressError(host, None, "empty host")
        literal = parse_address(name)
        if literal is not None:
            return (self.check_address(literal, host=host),)
        try:
            resolved = list(self.resolver(name))
        except NetGuardError:
            raise
        except OSError as exc:
            raise HostResolutionError(name, str(exc)) from exc
        if not resolved:
            raise BlockedAddressError(name, None, "resolves to no address")
        return tuple(self.check_address(address, host=name) for address in resolved)


def _embedded_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses carried inside a (non-mapped) IPv6 address: 6to4 and NAT64."""
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    found: list[ipaddress.IPv4Address] = []
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address in _NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found
