"""Callback URL safety: Candor must not be turned into a probe of private networks (SSRF).

Checked when a URL is registered and again before every delivery, since DNS can change.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints are link-local already, but name them so the reason is clear.
METADATA_ADDRESSES = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}


class UnsafeCallback(ValueError):
    """The callback URL is malformed, unresolvable or points at a refused address."""


def _allowed(ip: IPAddress, host: str, allowlist: Iterable[str]) -> bool:
    for entry in allowlist:
        if entry.lower() == host.lower():
            return True
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def refused_reason(ip: IPAddress) -> str | None:
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private:
        return "a private address"
    if ip.is_multicast or ip.is_reserved or ip.is_unspecified:
        return "a reserved address"
    return None


def check_callback_url(url: str, allowlist: Iterable[str] = ()) -> list[IPAddress]:
    """Return the addresses ``url`` resolves to, or raise ``UnsafeCallback`` saying why not."""
    allowlist = tuple(allowlist)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeCallback(f"not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise UnsafeCallback("callback URL must use http or https")
    host = parts.hostname
    if not host:
        raise UnsafeCallback("callback URL has no host")
    if parts.username or parts.password:
        raise UnsafeCallback("callback URL must not carry credentials")
    try:
        infos = socket.getaddrinfo(
            host, port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM
        )
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeCallback(f"callback host {host!r} does not resolve: {exc}") from None
    addresses: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        reason = refused_reason(ip)
        if reason and not _allowed(ip, host, allowlist):
            raise UnsafeCallback(
                f"callback host {host!r} resolves to {ip}, {reason}; "
                "add it to CANDOR_CALLBACK_ALLOWLIST to allow it"
            )
        addresses.append(ip)
    return addresses
