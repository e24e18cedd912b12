"""The sign-in throttle and password hashing."""

from __future__ import annotations

import logging

import pytest

from service.dashboard.auth import LoginThrottle, hash_password


@pytest.mark.parametrize("storage", ["memory://", "redis://127.0.0.1:1/0"])
def test_throttle_blocks_after_the_limit_even_without_redis(
    storage: str, caplog: pytest.LogCaptureFixture
) -> None:
    """An unreachable Redis falls back to counting in memory: throttling never switches off."""
    caplog.set_level(logging.ERROR, logger="service.dashboard.auth")
    throttle = LoginThrottle(storage, "3 per 15 minutes", "5 per 15 minutes")
    for _ in range(3):
        assert not throttle.blocked("Mod@Example.org", "10.0.0.1")
        throttle.failed("mod@example.org ", "10.0.0.1")
    assert throttle.blocked("MOD@example.org", "10.0.0.2")  # per e-mail, whatever the address
    assert not throttle.blocked("other@example.org", "10.0.0.1")
    throttle.failed("a@example.org", "10.0.0.1")
    throttle.failed("b@example.org", "10.0.0.1")
    assert throttle.blocked("c@example.org", "10.0.0.1")  # per address, whatever the e-mail
    throttle.succeeded("mod@example.org")
    assert not throttle.blocked("mod@example.org", "10.0.0.9")


def test_passwords_are_argon2_and_not_too_short() -> None:
    assert hash_password("long enough password").startswith("$argon2id$")
    with pytest.raises(ValueError):
        hash_password("short")
