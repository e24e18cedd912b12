"""WSGI entry for gunicorn: ``gunicorn service.wsgi:app`` (settings from the environment)."""

from service import create_app

app = create_app(migrate=False)
