"""Entry module for ``celery -A workers.worker worker|beat`` (reads settings from the environment)."""

from config import load_settings
from workers.celery_app import create_celery

celery = create_celery(load_settings())
