"""Candor's web service: the app factory."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from celery import Celery
from flask import Flask

from config import Settings, load_settings
from storage.db import Database
from workers.broker import ensure_redis
from workers.celery_app import create_celery


@dataclass
class Candor:
    """What views need from the process: stored in ``app.extensions["candor"]``."""

    settings: Settings
    db: Database
    celery: Celery


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> Flask:
    """Build the Flask app; with no settings they are read from the environment."""
    settings = ensure_redis(settings or load_settings())
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=settings.secret_key,
        # Werkzeug answers 413 before reading a body this large. JSON may escape each
        # character as \uXXXX (6 bytes), so the envelope gets room for that; the view then
        # limits the article text itself exactly.
        MAX_CONTENT_LENGTH=settings.max_body_bytes * 6 + 64 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    if migrate:
        from storage.db import upgrade

        upgrade(settings.database_url)
    db = Database(settings.database_url)
    celery = create_celery(settings)
    app.extensions["candor"] = Candor(settings=settings, db=db, celery=celery)
    app.extensions["celery"] = celery

    from service import api, errors

    errors.init_app(app)
    api.init_app(app)

    from service import dashboard

    dashboard.init_app(app)
    return app
