"""One signed webhook POST, per the Standard Webhooks spec (https://www.standardwebhooks.com)."""

from __future__ import annotations

import json
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from standardwebhooks import Webhook

from workers.callback_safety import IPAddress, UnsafeCallback, check_callback_url

USER_AGENT = "Candor-Webhooks/1"


@dataclass(frozen=True)
class AttemptResult:
    status_code: int | None
    error: str | None
    duration_ms: float
    retry_after: float | None = None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


def encode_payload(payload: dict[str, Any]) -> str:
    return json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def sign(secret: str, webhook_id: str, timestamp: datetime, body: str) -> dict[str, str]:
    """The three Standard Webhooks headers for one attempt."""
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": Webhook(secret).sign(webhook_id, timestamp, body),
    }


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


@cache
def _tls_context() -> ssl.SSLContext:
    """One verified TLS context per process. Building it loads the CA bundle, which cost about 45 ms
    per delivery when every attempt built its own client from scratch; contexts are safe to share."""
    return httpx.create_ssl_context(trust_env=False)


def _post_pinned(
    url: str, addresses: list[IPAddress], body: bytes, headers: dict[str, str], timeout: float
) -> httpx.Response:
    """POST to the addresses that were checked, not to a fresh lookup of the name.

    Connecting to the checked IP (with the original Host header and TLS server name) closes
    the DNS-rebinding gap between the safety check and the connection.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc_host = parts.netloc.rsplit("@", 1)[-1]
    last_error: httpx.HTTPError | None = None
    with httpx.Client(
        timeout=timeout, follow_redirects=False, trust_env=False, verify=_tls_context()
    ) as client:
        for ip in dict.fromkeys(addresses):  # unique, in resolver order
            literal = f"[{ip}]" if ip.version == 6 else str(ip)
            pinned = urlunsplit(parts._replace(netloc=literal + (f":{parts.port}" if parts.port else "")))
            try:
                return client.post(
                    pinned,
                    content=body,
                    headers={**headers, "host": netloc_host},
                    extensions={"sni_hostname": host} if parts.scheme == "https" else {},
                )
            except httpx.ConnectError as exc:
                last_error = exc  # try the next address, as a browser would
    assert last_error is not None
    raise last_error


def post_webhook(
    url: str,
    *,
    secret: str,
    webhook_id: str,
    payload: dict[str, Any],
    timeout: float,
    allowlist: tuple[str, ...] = (),
) -> AttemptResult:
    """Make exactly one attempt; redirects are failures, never followed."""
    started = time.perf_counter()
    try:
        addresses = check_callback_url(url, allowlist)
    except UnsafeCallback as exc:
        return AttemptResult(None, f"refused: {exc}", 0.0)
    body = encode_payload(payload)
    headers = sign(secret, webhook_id, datetime.now(UTC), body)
    headers.update({"content-type": "application/json", "user-agent": USER_AGENT})
    try:
        response = _post_pinned(url, addresses, body.encode("utf-8"), headers, timeout)
    except httpx.HTTPError as exc:
        elapsed = (time.perf_counter() - started) * 1000
        return AttemptResult(None, f"{type(exc).__name__}: {exc}", elapsed)
    elapsed = (time.perf_counter() - started) * 1000
    error = None
    if not 200 <= response.status_code < 300:
        error = f"HTTP {response.status_code}"
        if 300 <= response.status_code < 400:
            error += " (redirects are not followed)"
    return AttemptResult(
        response.status_code, error, elapsed, parse_retry_after(response.headers.get("retry-after"))
    )
