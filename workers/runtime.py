"""Per-process state for tasks: the settings and one Database, found from the Celery app."""

from __future__ import annotations

import os
import threading

from celery import Celery

from config import Settings
from storage.db import Database

_lock = threading.Lock()
_databases: dict[tuple[int, str], Database] = {}


def settings_of(app: Celery) -> Settings:
    settings: Settings = app.conf.candor_settings
    return settings


def database_of(app: Celery) -> Database:
    """One engine per (process, URL): a forked pool child must not reuse its parent's sockets."""
    url = settings_of(app).database_url
    key = (os.getpid(), url)
    with _lock:
        db = _databases.get(key)
        if db is None:
            db = _databases[key] = Database(url)
        return db
