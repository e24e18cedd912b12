"""What the tasks do, without Celery: moderate an article, attempt a delivery, sweep.

Each function is idempotent and takes ids, so a task that runs twice (acks_late after a
lost worker, a sweep re-queue) changes nothing the second time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from config import Settings
from storage import repo
from storage.db import Database
from storage.models import Article, Delivery, Publisher, Verdict, utcnow
from workers import engine
from workers.webhooks import AttemptResult, post_webhook

log = logging.getLogger(__name__)

VERDICT_CREATED = "verdict.created"
DECISION_MADE = "decision.made"
VERDICT_CHANGED = "verdict.changed"


def delivery_lease(settings: Settings) -> timedelta:
    """How long a queued ``deliver`` task owns its row before a sweep may send it again."""
    return timedelta(seconds=settings.webhook_timeout + settings.task_time_limit)


def verdict_document(article: Article, verdict: Verdict) -> dict[str, Any]:
    """The verdict as stored and sent: the engine's JSON plus ids and timestamps."""
    doc = dict(verdict.payload)
    doc["article_id"] = article.id
    doc["verdict_id"] = verdict.id
    doc["created_at"] = verdict.created_at.isoformat()
    return doc


def event_data(article: Article, **extra: Any) -> dict[str, Any]:
    return {"article_id": article.id, "external_id": article.external_id, **extra}


def ensure_verdict(db: Database, article_id: str) -> str | None:
    """Give the article a verdict under the current ruleset, unless it has one (idempotent).

    Returns the verdict id; None when the article is gone or the engine failed on it (the article is marked failed).
    """
    with db.session() as session:
        article = repo.claim_article(session, article_id)
        if article is None:
            log.warning("article %s does not exist", article_id)
            return None
        body, content_type, title = article.body, article.content_type, article.title
        policy = article.publisher.policy
        existing = repo.find_verdict(session, article.id, article.content_hash, engine.RULESET_VERSION)
    if existing is not None:
        with db.session() as session:
            done = repo.get_article(session, article_id)
            if done is not None:
                done.status, done.error = "done", None
        return existing.id
    try:
        outcome = engine.run_checks(body, content_type, title=title, policy=policy)
    except Exception as exc:
        # A crash of the engine on one input is a bug to see, not a retry loop.
        log.exception("engine failed on article %s", article_id)
        with db.session() as session:
            failed = repo.get_article(session, article_id)
            if failed is not None:
                failed.status, failed.error = "failed", f"{type(exc).__name__}: {exc}"
        return None
    with db.session() as session:
        article = repo.get_article(session, article_id)
        if article is None:
            return None
        payload = dict(outcome.verdict, duration_ms=outcome.duration_ms)
        verdict = repo.add_verdict(session, article, outcome.ruleset, payload)
        article.text = outcome.text
        article.status, article.error = "done", None
        return verdict.id


def moderate_article(db: Database, settings: Settings, article_id: str) -> str | None:
    """Check one article and store its verdict and webhook; returns a delivery id to send now."""
    verdict_id = ensure_verdict(db, article_id)
    if verdict_id is None:
        return None
    with db.session() as session:
        article = repo.get_article(session, article_id)
        verdict = session.get(Verdict, verdict_id)
        if article is None or verdict is None:
            return None
        return _queue_event(
            session,
            settings,
            article.publisher,
            dedup_key=f"verdict:{verdict.id}",
            event_type=VERDICT_CREATED,
            data=event_data(article, verdict=verdict_document(article, verdict)),
            article=article,
        )


def _queue_event(
    session: Session,
    settings: Settings,
    publisher: Publisher,
    *,
    dedup_key: str,
    event_type: str,
    data: dict[str, Any],
    article: Article | None,
) -> str | None:
    """Store the event once; the id to send now, or None (already stored, or not sendable)."""
    delivery, created = repo.create_delivery(
        session,
        publisher=publisher,
        dedup_key=dedup_key,
        event_type=event_type,
        data=data,
        article_id=article.id if article else None,
        callback_url=article.callback_url if article else None,
    )
    if not created:
        return None  # whoever created it sends it; the sweeper covers a send that failed
    if delivery.status == "pending" and publisher.callback_disabled:
        delivery.status, delivery.last_error = "failed", "endpoint disabled after HTTP 410; replay to resume"
    if delivery.status != "pending":
        return None
    repo.lease_delivery(session, delivery.id, delivery_lease(settings))
    return delivery.id


def queue_event(
    session: Session,
    settings: Settings,
    *,
    publisher_id: str,
    dedup_key: str,
    event_type: str,
    data: dict[str, Any],
    article_id: str | None = None,
) -> str | None:
    """Store a webhook event (e.g. a moderator's decision) in the caller's transaction.

    Written in the same transaction as the decision, so a crash cannot keep one without
    the other. Returns the delivery id to send once the caller has committed.
    """
    publisher = session.get(Publisher, publisher_id)
    if publisher is None:
        raise LookupError(publisher_id)
    article = repo.get_article(session, article_id) if article_id else None
    return _queue_event(
        session, settings, publisher, dedup_key=dedup_key, event_type=event_type, data=data, article=article
    )


RESCAN_BATCH = 100
RESCAN_BATCH_BYTES = 8 * 1024 * 1024
"""A batch stops early past this much article text, to stay well inside the task time limit."""


@dataclass(frozen=True)
class RescanBatch:
    delivery_ids: list[str]
    more: bool


def run_rescan_batch(
    db: Database, settings: Settings, rescan_id: str, batch: int | None = None
) -> RescanBatch:
    """Re-check the next batch of a re-scan and move its cursor; repeating a batch is harmless.

    The verdicts, the changes, their webhooks and the cursor are written in one
    transaction, so a batch is done entirely or not at all.
    """
    batch = batch or RESCAN_BATCH
    with db.session() as session:
        rescan = repo.get_rescan(session, rescan_id)
        if rescan is None or rescan.status == "done":
            return RescanBatch([], more=False)
        rescan.status = "running"
        keys = repo.next_rescan_batch(session, rescan, batch, max_bytes=RESCAN_BATCH_BYTES)
        ids = [article_id for article_id, _ in keys]
        todo = repo.articles_without_verdict(session, ids, engine.RULESET_VERSION)
        inputs = [(a.id, a.body, a.content_type, a.title, a.publisher.policy) for a in todo]
    outcomes: dict[str, engine.CheckOutcome] = {}
    failures: dict[str, str] = {}
    for article_id, body, content_type, title, policy in inputs:
        try:
            outcomes[article_id] = engine.run_checks(body, content_type, title=title, policy=policy)
        except Exception as exc:
            log.exception("engine failed on article %s", article_id)
            failures[article_id] = f"{type(exc).__name__}: {exc}"
    deliveries: list[str] = []
    with db.session() as session:
        for article_id, error in failures.items():
            failed = repo.get_article(session, article_id)
            if failed is not None:
                failed.status, failed.error = "failed", error
        for article_id, outcome in outcomes.items():
            delivery_id = _store_rescanned(session, settings, rescan_id, article_id, outcome)
            if delivery_id:
                deliveries.append(delivery_id)
        rescan = repo.get_rescan(session, rescan_id)
        if rescan is None:
            return RescanBatch(deliveries, more=False)
        if keys:
            rescan.cursor_id, rescan.cursor_created_at = keys[-1]
            rescan.processed += len(keys)
        if not keys:
            rescan.status, rescan.finished_at = "done", utcnow()
        return RescanBatch(deliveries, more=rescan.status != "done")


def _store_rescanned(
    session: Session, settings: Settings, rescan_id: str, article_id: str, outcome: engine.CheckOutcome
) -> str | None:
    """Add the new verdict; record and announce the change when the decision moved."""
    article = repo.get_article(session, article_id)
    if article is None:
        return None
    previous = repo.latest_verdict(session, article_id)
    verdict = repo.add_verdict(
        session, article, outcome.ruleset, dict(outcome.verdict, duration_ms=outcome.duration_ms)
    )
    article.text = outcome.text
    if previous is None or previous.id == verdict.id or previous.decision == verdict.decision:
        return None
    repo.record_rescan_change(session, rescan_id, article_id, previous.decision, verdict.decision)
    return _queue_event(
        session,
        settings,
        article.publisher,
        dedup_key=f"changed:{verdict.id}",
        event_type=VERDICT_CHANGED,
        data=event_data(
            article, previous_decision=previous.decision, verdict=verdict_document(article, verdict)
        ),
        article=article,
    )


@dataclass(frozen=True)
class AttemptOutcome:
    status: str
    status_code: int | None = None
    error: str | None = None


def attempt_delivery(db: Database, settings: Settings, delivery_id: str) -> AttemptOutcome | None:
    """Make one attempt of a due delivery and schedule the next one; None when nothing was due."""
    with db.session() as session:
        token = repo.claim_attempt(session, delivery_id, delivery_lease(settings))
    if token is None:
        return None  # not due, finished, or another task is making this attempt
    with db.session() as session:
        delivery = repo.get_delivery(session, delivery_id)
        if delivery is None:
            return None
        now = utcnow()
        publisher = session.get(Publisher, delivery.publisher_id)
        assert publisher is not None
        if publisher.callback_disabled:
            delivery.status = "failed"
            delivery.last_error = "endpoint disabled after HTTP 410; replay to resume"
            return AttemptOutcome("failed", error=delivery.last_error)
        url, secret, webhook_id, payload = (
            delivery.callback_url or publisher.callback_url,
            publisher.webhook_secret,
            delivery.webhook_id,
            delivery.payload,
        )
    result_error: str | None
    result: AttemptResult | None
    if not url:
        result_error, result = "publisher has no callback URL", None
    else:
        result = post_webhook(
            url,
            secret=secret,
            webhook_id=webhook_id,
            payload=payload,
            timeout=settings.webhook_timeout,
            allowlist=settings.callback_allowlist,
        )
        result_error = result.error
    with db.session() as session:
        delivery = repo.get_delivery(session, delivery_id)
        if delivery is None or delivery.status != "pending" or delivery.lease_token != token:
            return None  # replayed or taken over meanwhile; the new owner records its own attempt
        repo.record_attempt(
            session,
            delivery,
            started_at=now,
            duration_ms=result.duration_ms if result else 0.0,
            status_code=result.status_code if result else None,
            error=result_error,
        )
        if result is not None and result.ok:
            delivery.status, delivery.delivered_at, delivery.next_attempt_at = "delivered", utcnow(), None
        elif result is not None and result.gone:
            publisher = session.get(Publisher, delivery.publisher_id)
            if publisher is not None:
                publisher.callback_disabled = True
            delivery.status, delivery.next_attempt_at = "failed", None
            delivery.last_error = "HTTP 410 Gone: endpoint disabled; replay to resume"
        else:
            _schedule_retry(settings, delivery, result.retry_after if result else None)
        return AttemptOutcome(delivery.status, delivery.last_status_code, delivery.last_error)


def _schedule_retry(settings: Settings, delivery: Delivery, retry_after: float | None) -> None:
    schedule = settings.retry_schedule
    step = delivery.schedule_step + 1
    if step >= len(schedule):
        delivery.status, delivery.next_attempt_at = "dead", None
        return
    delay = float(schedule[step])
    if retry_after is not None:
        # Honour the receiver's Retry-After, but never beyond the longest step of our schedule.
        delay = min(max(delay, retry_after), float(max(schedule)))
    delivery.schedule_step = step
    delivery.next_attempt_at = utcnow() + timedelta(seconds=delay)


@dataclass(frozen=True)
class SweepResult:
    articles: list[str]
    deliveries: list[str]
    rescans: list[str]


def sweep(db: Database, settings: Settings) -> SweepResult:
    """Find accepted-but-unfinished articles and due deliveries; the caller queues them."""
    with db.session() as session:
        articles = repo.stale_articles(session, timedelta(seconds=settings.stale_after_seconds))
        repo.touch_articles(session, articles)
        deliveries = repo.lease_due_deliveries(session, delivery_lease(settings))
        # A batch runs well inside the task time limit; one idle for longer lost its task.
        rescans = repo.stale_rescans(session, timedelta(seconds=settings.task_time_limit * 2))
    return SweepResult(articles, deliveries, rescans)
