"""Celery tasks: thin adapters that take ids and call workers.pipeline."""

from __future__ import annotations

import logging

from celery import Task, shared_task

from workers import dispatch, pipeline
from workers.runtime import database_of, settings_of

log = logging.getLogger(__name__)


@shared_task(name="candor.moderate", bind=True)
def moderate(self: Task, article_id: str) -> None:
    """Check one article, store the verdict, and send its webhook."""
    delivery_id = pipeline.moderate_article(database_of(self.app), settings_of(self.app), article_id)
    if delivery_id:
        _send_delivery(self, delivery_id)


@shared_task(name="candor.deliver", bind=True)
def deliver(self: Task, delivery_id: str) -> None:
    """One webhook attempt; the next one is scheduled in the database, not in the broker."""
    pipeline.attempt_delivery(database_of(self.app), settings_of(self.app), delivery_id)


@shared_task(name="candor.sweep", bind=True)
def sweep(self: Task) -> None:
    """Re-queue accepted-but-unfinished articles and due deliveries (run by beat)."""
    result = pipeline.sweep(database_of(self.app), settings_of(self.app))
    for article_id in result.articles:
        dispatch.enqueue_moderation(self.app, article_id)
    for delivery_id in result.deliveries:
        _send_delivery(self, delivery_id)
    for rescan_id in result.rescans:
        dispatch.enqueue_rescan(self.app, rescan_id)
    if result.articles or result.deliveries or result.rescans:
        log.info(
            "sweep queued %d articles, %d deliveries, %d re-scans",
            len(result.articles),
            len(result.deliveries),
            len(result.rescans),
        )


@shared_task(name="candor.rescan", bind=True)
def rescan(self: Task, rescan_id: str) -> None:
    """One batch of a re-scan; queues the next batch, so no task runs long."""
    batch = pipeline.run_rescan_batch(database_of(self.app), settings_of(self.app), rescan_id)
    for delivery_id in batch.delivery_ids:
        _send_delivery(self, delivery_id)
    if batch.more:
        dispatch.enqueue_rescan(self.app, rescan_id)


def _send_delivery(task: Task, delivery_id: str) -> None:
    try:
        dispatch.enqueue_delivery(task.app, delivery_id)
    except dispatch.BrokerUnavailable:
        # The row is leased, not lost: the next sweep after the lease sends it.
        log.warning("could not queue delivery %s; the sweep will retry", delivery_id)
