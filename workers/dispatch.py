"""Sending tasks. Always called after the rows they name are committed."""

from __future__ import annotations

from celery import Celery

from workers.celery_app import QUEUE


class BrokerUnavailable(Exception):
    """The task could not be queued; the sweeper will queue it once the broker is back."""


def _send(app: Celery, name: str, arg: str) -> None:
    try:
        app.send_task(name, args=[arg], queue=QUEUE)
    except Exception as exc:  # kombu raises several types for a broker that is down
        raise BrokerUnavailable(str(exc)) from exc


def enqueue_moderation(app: Celery, article_id: str) -> None:
    _send(app, "candor.moderate", article_id)


def enqueue_delivery(app: Celery, delivery_id: str) -> None:
    _send(app, "candor.deliver", delivery_id)


def enqueue_rescan(app: Celery, rescan_id: str) -> None:
    _send(app, "candor.rescan", rescan_id)


def queue_length(app: Celery) -> int:
    """Messages waiting in the broker queue (for backpressure and /metrics)."""
    # A pooled connection: opening one per intake request cost more than the insert.
    with app.pool.acquire(block=True, timeout=5) as conn:
        client = conn.default_channel.client
        return int(client.llen(QUEUE))
