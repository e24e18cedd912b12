"""The webhook sender's TLS setup (workers/webhooks.py)."""

from __future__ import annotations

import ssl

from workers.webhooks import _tls_context


def test_one_verifying_tls_context_is_shared_by_every_delivery() -> None:
    ctx = _tls_context()
    assert ctx is _tls_context()  # built once: loading the CA bundle per delivery cost ~45 ms
    assert ctx.verify_mode == ssl.CERT_REQUIRED
    assert ctx.check_hostname is True
