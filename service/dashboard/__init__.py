"""The moderators' dashboard: server-rendered pages under /dashboard, signed in with a session."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask

LOGIN_LIMIT_PER_EMAIL = "5 per 15 minutes"
LOGIN_LIMIT_PER_ADDRESS = "50 per 15 minutes"


def init_app(app: Flask) -> None:
    """Register the dashboard blueprint and its sign-in throttle on ``app``.

    CSRF is per form (flask-wtf ``FlaskForm``), not app-wide, so the JSON API under /v1
    keeps working with API keys alone.
    """
    from service.dashboard.auth import LoginThrottle
    from service.dashboard.views import bp

    settings = app.extensions["candor"].settings
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = settings.secret_key
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=12)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 12 * 3600)
    app.extensions["candor_login_throttle"] = LoginThrottle(
        app.config.get("DASHBOARD_LOGIN_LIMIT_STORAGE") or settings.redis_url or "memory://",
        app.config.get("DASHBOARD_LOGIN_LIMIT_PER_EMAIL", LOGIN_LIMIT_PER_EMAIL),
        app.config.get("DASHBOARD_LOGIN_LIMIT_PER_ADDRESS", LOGIN_LIMIT_PER_ADDRESS),
    )
    app.register_blueprint(bp)
