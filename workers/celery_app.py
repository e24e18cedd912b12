"""The Celery app, built from settings (never at import of this module)."""

from __future__ import annotations

from celery import Celery

from config import Settings

QUEUE = "candor"


def create_celery(settings: Settings) -> Celery:
    """A Celery app on the settings' Redis, tuned so no accepted work is lost.

    acks_late + reject_on_worker_lost: a task whose worker dies goes back to the queue.
    Hard time limit below the visibility timeout: Redis never re-delivers a task that is
    still running. No countdown/ETA anywhere: retries live in the database (outbox).
    """
    if settings.redis_url is None:
        raise RuntimeError("create_celery needs a Redis URL; start the embedded one first")
    app = Celery("candor", broker=settings.redis_url, include=["workers.tasks"])
    app.conf.update(
        task_default_queue=QUEUE,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_time_limit=settings.task_time_limit,
        task_soft_time_limit=max(1, settings.task_time_limit - 5),
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        broker_transport_options={
            "visibility_timeout": settings.visibility_timeout,
            "socket_connect_timeout": 2,
            "socket_timeout": 5,
        },
        broker_connection_retry_on_startup=True,
        task_publish_retry=True,
        task_publish_retry_policy={
            "max_retries": 2,
            "interval_start": 0,
            "interval_step": 0.2,
            "interval_max": 0.5,
        },
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        beat_schedule={
            "candor-sweep": {"task": "candor.sweep", "schedule": settings.sweep_interval_seconds},
        },
    )
    if settings.task_time_limit >= settings.visibility_timeout:
        raise ValueError("CANDOR_TASK_TIME_LIMIT must be below CANDOR_VISIBILITY_TIMEOUT")
    app.conf.candor_settings = settings
    return app
