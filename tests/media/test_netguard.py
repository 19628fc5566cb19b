"""AddressPolicy: which addresses outbound fetches may reach."""

from __future__ import annotations

import ipaddress

import pytest

from qila.netguard import (
    AddressPolicy,
    BlockedAddressError,
    HostResolutionError,
    parse_address,
    system_resolver,
)

PUBLIC = ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
BLOCKED = {
    "127.0.0.1": "loopback",
    "127.8.9.10": "loopback",
    "::1": "loopback",
    "::ffff:127.0.0.1": "loopback",
    "10.0.0.1": "private",
    "172.16.5.4": "private",
    "192.168.0.10": "private",
    "fc00::1": "private",
    "fd12:3456::1": "private",
    "::ffff:10.0.0.1": "private",
    "169.254.169.254": "link-local",
    "fe80::1": "link-local",
    "::ffff:169.254.169.254": "link-local",
    "224.0.0.1": "multicast",
    "ff02::1": "multicast",
    "240.0.0.1": "reserved",
    "0.0.0.0": "unspecified",
    "::": "unspecified",
    "100.64.0.1": "non-public",
    "2002:7f00:1::": "loopback",  # 6to4 wrapping 127.0.0.1
    "64:ff9b::a00:1": "private",  # NAT64 wrapping 10.0.0.1
}


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address: str) -> None:
    assert AddressPolicy().is_allowed(address)
    assert str(AddressPolicy().check_address(address)) == str(ipaddress.ip_address(address))


@pytest.mark.parametrize(("address", "reason"), sorted(BLOCKED.items()))
def test_non_public_addresses_are_refused(address: str, reason: str) -> None:
    policy = AddressPolicy()
    assert not policy.is_allowed(address)
    with pytest.raises(BlockedAddressError, match=reason) as info:
        policy.check_address(address)
    assert info.value.reason.endswith(f"{reason} address")


def test_local_policy_allows_loopback_only() -> None:
    policy = AddressPolicy.local()
    assert policy.is_allowed("127.0.0.1") and policy.is_allowed("::1")
    assert not policy.is_allowed("10.0.0.1")
    assert not policy.is_allowed("169.254.169.254")


def test_allow_private_and_explicit_networks() -> None:
    assert AddressPolicy(allow_private=True).is_allowed("192.168.1.1")
    assert not AddressPolicy(allow_private=True).is_allowed("127.0.0.1")
    narrow = AddressPolicy(allowed_networks=(ipaddress.ip_network("10.9.0.0/16"),))
    assert narrow.is_allowed("10.9.1.2")
    assert not narrow.is_allowed("10.8.1.2")


def test_check_host_requires_every_resolved_address_to_be_allowed() -> None:
    answers = {
        "good.example": ["93.184.216.34", "2606:4700::1"],
        "mixed.example": ["93.184.216.34", "10.0.0.5"],
        "empty.example": [],
    }
    policy = AddressPolicy(resolver=answers.__getitem__)
    assert [str(a) for a in policy.check_host("GOOD.example.")] == [
        "93.184.216.34",
        "2606:4700::1",
    ]
    with pytest.raises(BlockedAddressError, match="private") as info:
        policy.check_host("mixed.example")
    assert info.value.host == "mixed.example" and info.value.address == "10.0.0.5"
    with pytest.raises(BlockedAddressError, match="no address"):
        policy.check_host("empty.example")


def test_ip_literals_are_checked_without_resolving() -> None:
    def resolver(host: str) -> list[str]:
        raise AssertionError(f"resolved {host}")

    policy = AddressPolicy(resolver=resolver)
    with pytest.raises(BlockedAddressError):
        policy.check_host("[::1]")
    assert [str(a) for a in policy.check_host("8.8.8.8")] == ["8.8.8.8"]


def test_resolver_failures_are_resolution_errors() -> None:
    def broken(host: str) -> list[str]:
        raise OSError("temporary failure in name resolution")

    with pytest.raises(HostResolutionError):
        AddressPolicy(resolver=broken).check_host("example.com")


def test_system_resolver_resolves_localhost_and_reports_unknown_names() -> None:
    assert "127.0.0.1" in system_resolver("localhost") or "::1" in system_resolver("localhost")
    with pytest.raises(HostResolutionError):
        system_resolver("no-such-host.invalid")
    with pytest.raises(BlockedAddressError, match="loopback"):
        AddressPolicy().check_host("localhost")


def test_parse_address() -> None:
    assert parse_address("[fe80::1%eth0]") == ipaddress.ip_address("fe80::1")
    assert parse_address("example.com") is None


def test_policy_is_frozen_and_comparable() -> None:
    assert AddressPolicy() == AddressPolicy()
    with pytest.raises(AttributeError):
        AddressPolicy().allow_loopback = True  # type: ignore[misc]
