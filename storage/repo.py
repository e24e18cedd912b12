"""Data access: every query the API, workers, CLI and dashboard make goes through here.

Functions take a ``Session`` and leave committing to the caller (``Database.session``),
so one unit of work can span several calls.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import (
    ApiKey,
    Article,
    Delivery,
    DeliveryAttempt,
    Publisher,
    Rescan,
    RescanChange,
    Verdict,
    new_id,
    utcnow,
)

ARTICLE_STATUSES = ("queued", "checking", "done", "failed")
DELIVERY_STATUSES = ("pending", "delivered", "dead", "failed")


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


# --- publishers and keys -------------------------------------------------------------


@dataclass(frozen=True)
class NewPublisher:
    publisher_id: str
    api_key: str
    webhook_secret: str


def create_publisher(
    session: Session, name: str, callback_url: str | None, policy: dict[str, Any] | None = None
) -> NewPublisher:
    """Create a publisher with one API key; the key is returned once and only its hash kept."""
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    publisher = Publisher(name=name, callback_url=callback_url, webhook_secret=secret, policy=policy)
    session.add(publisher)
    session.flush()
    api_key = add_api_key(session, publisher.id)
    return NewPublisher(publisher.id, api_key, secret)


def add_api_key(session: Session, publisher_id: str) -> str:
    key = "cnd_" + secrets.token_urlsafe(32)
    session.add(ApiKey(publisher_id=publisher_id, key_hash=sha256_hex(key), prefix=key[:12]))
    session.flush()
    return key


def publisher_for_key(session: Session, api_key: str) -> Publisher | None:
    stmt = (
        select(Publisher)
        .join(ApiKey, ApiKey.publisher_id == Publisher.id)
        .where(ApiKey.key_hash == sha256_hex(api_key), ApiKey.revoked_at.is_(None))
    )
    return session.scalars(stmt).first()


def list_publishers(session: Session) -> list[Publisher]:
    return list(session.scalars(select(Publisher).order_by(Publisher.name)))


# --- articles --------------------------------------------------------------------------


class IdempotencyConflict(Exception):
    """The Idempotency-Key was used before with a different request body."""

    def __init__(self, article_id: str) -> None:
        super().__init__(article_id)
        self.article_id = article_id


def find_by_idempotency_key(session: Session, publisher_id: str, key: str) -> Article | None:
    stmt = select(Article).where(Article.publisher_id == publisher_id, Article.idempotency_key == key)
    return session.scalars(stmt).first()


def create_article(
    session: Session,
    *,
    publisher_id: str,
    body: str,
    content_type: str,
    request_hash: str,
    idempotency_key: str | None = None,
    **fields: Any,
) -> tuple[Article, bool]:
    """Insert an article, or return the one already stored under the same Idempotency-Key.

    Returns ``(article, created)``; raises ``IdempotencyConflict`` when the key was used
    with a different request. The unique constraint settles concurrent duplicates.
    """
    if idempotency_key:
        existing = find_by_idempotency_key(session, publisher_id, idempotency_key)
        if existing is not None:
            if existing.request_hash != request_hash:
                raise IdempotencyConflict(existing.id)
            return existing, False
    article = Article(
        id=new_id(),
        publisher_id=publisher_id,
        body=body,
        content_type=content_type,
        content_hash=sha256_hex(body),
        request_hash=request_hash,
        idempotency_key=idempotency_key,
        status="queued",
        **fields,
    )
    if idempotency_key:
        try:
            with session.begin_nested():
                session.add(article)
        except IntegrityError:
            existing = find_by_idempotency_key(session, publisher_id, idempotency_key)
            if existing is None:
                raise
            if existing.request_hash != request_hash:
                raise IdempotencyConflict(existing.id) from None
            return existing, False
    else:
        session.add(article)
    session.flush()
    return article, True


def get_article(session: Session, article_id: str, publisher_id: str | None = None) -> Article | None:
    """Fetch one article; with ``publisher_id`` another publisher's article is invisible."""
    article = session.get(Article, article_id)
    if article is None or (publisher_id is not None and article.publisher_id != publisher_id):
        return None
    return article


def latest_verdict(session: Session, article_id: str) -> Verdict | None:
    stmt = (
        select(Verdict)
        .where(Verdict.article_id == article_id)
        .order_by(Verdict.created_at.desc(), Verdict.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def _article_filters(
    stmt: Any,
    *,
    publisher_id: str | None,
    status: str | None = None,
    decision: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    after: tuple[datetime, str] | None = None,
) -> Any:
    if publisher_id is not None:
        stmt = stmt.where(Article.publisher_id == publisher_id)
    if status:
        stmt = stmt.where(Article.status == status)
    if since:
        stmt = stmt.where(Article.created_at >= since)
    if until:
        stmt = stmt.where(Article.created_at <= until)
    if decision:
        latest = (
            select(Verdict.article_id, func.max(Verdict.created_at).label("at"))
            .group_by(Verdict.article_id)
            .subquery()
        )
        stmt = (
            stmt.join(latest, latest.c.article_id == Article.id)
            .join(Verdict, and_(Verdict.article_id == Article.id, Verdict.created_at == latest.c.at))
            .where(Verdict.decision == decision)
        )
    if after:
        at, last_id = after
        stmt = stmt.where(or_(Article.created_at < at, and_(Article.created_at == at, Article.id < last_id)))
    return stmt


def list_articles(session: Session, *, limit: int = 50, **filters: Any) -> list[Article]:
    """Newest first, keyset-paginated on (created_at, id) so pages stay stable under inserts.

    Filters: publisher_id (required, None for all), status, decision (of the latest
    verdict), since, until, after (a cursor).
    """
    stmt = _article_filters(select(Article), **filters)
    stmt = stmt.order_by(Article.created_at.desc(), Article.id.desc()).limit(limit)
    return list(session.scalars(stmt))


def article_keys(session: Session, *, limit: int, **filters: Any) -> list[tuple[str, datetime]]:
    """Like ``list_articles`` but only (id, created_at): no bodies loaded for batch work."""
    stmt = _article_filters(select(Article.id, Article.created_at), **filters)
    stmt = stmt.order_by(Article.created_at.desc(), Article.id.desc()).limit(limit)
    return [(row_id, at) for row_id, at in session.execute(stmt).tuples()]


def count_articles(session: Session, **filters: Any) -> int:
    stmt = _article_filters(select(Article.id), **filters)
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def mark_enqueue_failed(session: Session, article_id: str) -> None:
    session.execute(update(Article).where(Article.id == article_id).values(enqueue_failed=True))


def claim_article(session: Session, article_id: str) -> Article | None:
    """Mark an article as being checked; None when it no longer exists."""
    article = session.get(Article, article_id)
    if article is None:
        return None
    if article.status != "done":
        article.status = "checking"
        article.enqueue_failed = False
    session.flush()
    return article


def stale_articles(session: Session, older_than: timedelta, limit: int = 500) -> list[str]:
    """Articles accepted but not finished: the enqueue failed, or they sat too long."""
    cutoff = utcnow() - older_than
    stmt = (
        select(Article.id)
        .where(
            Article.status.in_(("queued", "checking")),
            or_(Article.enqueue_failed.is_(True), Article.updated_at < cutoff),
        )
        .order_by(Article.updated_at)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def touch_articles(session: Session, ids: list[str]) -> None:
    if ids:
        session.execute(
            update(Article).where(Article.id.in_(ids)).values(updated_at=utcnow(), enqueue_failed=False)
        )


# --- verdicts --------------------------------------------------------------------------


def find_verdict(session: Session, article_id: str, content_hash: str, ruleset: str) -> Verdict | None:
    stmt = select(Verdict).where(
        Verdict.article_id == article_id, Verdict.content_hash == content_hash, Verdict.ruleset == ruleset
    )
    return session.scalars(stmt).first()


def add_verdict(session: Session, article: Article, ruleset: str, payload: dict[str, Any]) -> Verdict:
    """Insert the verdict unless (article, content hash, ruleset) already has one; return the stored one."""
    scores = payload.get("scores", {})
    verdict = Verdict(
        id=new_id(),
        article_id=article.id,
        content_hash=article.content_hash,
        ruleset=ruleset,
        decision=payload["decision"],
        risk_disclosure_score=scores.get("risk_disclosure"),
        overclaim_score=scores.get("overclaim"),
        payload=payload,
    )
    try:
        with session.begin_nested():
            session.add(verdict)
    except IntegrityError:
        existing = find_verdict(session, article.id, article.content_hash, ruleset)
        if existing is None:
            raise
        return existing
    return verdict


# --- deliveries (the outbox) -------------------------------------------------------------


def create_delivery(
    session: Session,
    *,
    publisher: Publisher,
    dedup_key: str,
    event_type: str,
    data: dict[str, Any],
    article_id: str | None = None,
    callback_url: str | None = None,
) -> tuple[Delivery, bool]:
    """Queue a webhook event once per ``dedup_key``; a second call returns the first row.

    Returns ``(delivery, created)``: only the caller that created the row sends it at once.
    """
    existing = session.scalars(select(Delivery).where(Delivery.dedup_key == dedup_key)).first()
    if existing is not None:
        return existing, False
    now = utcnow()
    url = callback_url or publisher.callback_url
    delivery = Delivery(
        id=new_id(),
        webhook_id="msg_" + secrets.token_hex(12),
        dedup_key=dedup_key,
        publisher_id=publisher.id,
        article_id=article_id,
        event_type=event_type,
        payload={"type": event_type, "timestamp": now.isoformat(), "data": data},
        callback_url=url,
        status="pending" if url else "failed",
        last_error=None if url else "publisher has no callback URL",
        next_attempt_at=now if url else None,
    )
    try:
        with session.begin_nested():
            session.add(delivery)
    except IntegrityError:
        existing = session.scalars(select(Delivery).where(Delivery.dedup_key == dedup_key)).first()
        if existing is None:
            raise
        return existing, False
    return delivery, True


def get_delivery(session: Session, delivery_id: str, publisher_id: str | None = None) -> Delivery | None:
    delivery = session.get(Delivery, delivery_id)
    if delivery is None or (publisher_id is not None and delivery.publisher_id != publisher_id):
        return None
    return delivery


def list_deliveries(
    session: Session,
    *,
    publisher_id: str | None,
    status: str | None = None,
    article_id: str | None = None,
    after: tuple[datetime, str] | None = None,
    limit: int = 50,
) -> list[Delivery]:
    stmt = select(Delivery)
    if publisher_id is not None:
        stmt = stmt.where(Delivery.publisher_id == publisher_id)
    if status:
        stmt = stmt.where(Delivery.status == status)
    if article_id:
        stmt = stmt.where(Delivery.article_id == article_id)
    if after:
        at, last_id = after
        stmt = stmt.where(
            or_(Delivery.created_at < at, and_(Delivery.created_at == at, Delivery.id < last_id))
        )
    stmt = stmt.order_by(Delivery.created_at.desc(), Delivery.id.desc()).limit(limit)
    return list(session.scalars(stmt))


def lease_due_deliveries(session: Session, lease: timedelta, limit: int = 200) -> list[str]:
    """Take the deliveries whose next attempt is due and not already leased to a worker.

    The lease makes the sweep safe to run while a ``deliver`` task is in flight: a task lost
    with a killed worker simply lets its lease expire and the next sweep sends it again.
    """
    now = utcnow()
    stmt = (
        select(Delivery.id)
        .where(
            Delivery.status == "pending",
            Delivery.next_attempt_at <= now,
            or_(Delivery.leased_until.is_(None), Delivery.leased_until < now),
        )
        .order_by(Delivery.next_attempt_at)
        .limit(limit)
    )
    ids = list(session.scalars(stmt))
    if ids:
        session.execute(
            update(Delivery).where(Delivery.id.in_(ids)).values(leased_until=now + lease, lease_token=None)
        )
    return ids


def lease_delivery(session: Session, delivery_id: str, lease: timedelta) -> None:
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(leased_until=utcnow() + lease, lease_token=None)
    )


def claim_attempt(session: Session, delivery_id: str, lease: timedelta) -> str | None:
    """Take the right to make the next attempt; None when another task holds it or nothing is due.

    One atomic UPDATE, so two ``deliver`` tasks for the same row never both POST.
    """
    now = utcnow()
    token = secrets.token_hex(16)
    result = session.execute(
        update(Delivery)
        .where(
            Delivery.id == delivery_id,
            Delivery.status == "pending",
            Delivery.next_attempt_at <= now + timedelta(seconds=1),
            or_(Delivery.lease_token.is_(None), Delivery.leased_until.is_(None), Delivery.leased_until < now),
        )
        .values(lease_token=token, leased_until=now + lease)
        .execution_options(synchronize_session=False)
    )
    return token if result.rowcount == 1 else None  # type: ignore[attr-defined]


def record_attempt(
    session: Session,
    delivery: Delivery,
    *,
    started_at: datetime,
    duration_ms: float,
    status_code: int | None,
    error: str | None,
) -> DeliveryAttempt:
    delivery.attempts_count += 1
    attempt = DeliveryAttempt(
        delivery_id=delivery.id,
        number=delivery.attempts_count,
        started_at=started_at,
        duration_ms=duration_ms,
        status_code=status_code,
        error=error,
    )
    session.add(attempt)
    delivery.last_status_code = status_code
    delivery.last_error = error
    delivery.leased_until = None
    delivery.lease_token = None
    return attempt


def replay_delivery(session: Session, delivery: Delivery) -> Delivery:
    """Send a delivery again from the start of the schedule, whatever its state."""
    delivery.status = "pending"
    delivery.delivered_at = None
    delivery.schedule_step = 0
    delivery.next_attempt_at = utcnow()
    delivery.leased_until = None
    delivery.lease_token = None
    publisher = session.get(Publisher, delivery.publisher_id)
    if publisher is not None and publisher.callback_disabled:
        # An explicit replay is the publisher saying the endpoint is back.
        publisher.callback_disabled = False
    if not delivery.callback_url and publisher is not None:
        delivery.callback_url = publisher.callback_url
    session.flush()
    return delivery


# --- re-scans --------------------------------------------------------------------------

RESCAN_FILTERS = ("since", "until", "decision")


def _rescan_filters(rescan: Rescan, after: tuple[datetime, str] | None = None) -> dict[str, Any]:
    filters = rescan.filters
    return {
        "publisher_id": rescan.publisher_id,
        "status": "done",
        "decision": filters.get("decision"),
        "since": datetime.fromisoformat(filters["since"]) if filters.get("since") else None,
        # Articles newer than the re-scan are checked with the new ruleset anyway.
        "until": datetime.fromisoformat(filters["until"]) if filters.get("until") else rescan.created_at,
        "after": after,
    }


def create_rescan(
    session: Session, *, publisher_id: str | None, ruleset: str, filters: dict[str, Any]
) -> Rescan:
    """Record a re-scan with the number of articles it will look at."""
    rescan = Rescan(id=new_id(), publisher_id=publisher_id, ruleset=ruleset, filters=filters, status="queued")
    rescan.created_at = utcnow()
    session.add(rescan)
    session.flush()
    rescan.total = count_articles(session, **_rescan_filters(rescan))
    return rescan


def get_rescan(session: Session, rescan_id: str, publisher_id: str | None = None) -> Rescan | None:
    rescan = session.get(Rescan, rescan_id)
    if rescan is None or (publisher_id is not None and rescan.publisher_id != publisher_id):
        return None
    return rescan


def next_rescan_batch(
    session: Session, rescan: Rescan, limit: int, max_bytes: int | None = None
) -> list[tuple[str, datetime]]:
    """(id, created_at) of the next articles after the re-scan's cursor, newest first.

    With ``max_bytes`` the batch ends once its bodies add up to that much (at least one).
    """
    after = (
        (rescan.cursor_created_at, rescan.cursor_id)
        if rescan.cursor_created_at and rescan.cursor_id
        else None
    )
    filters = _rescan_filters(rescan, after)
    if max_bytes is None:
        return article_keys(session, limit=limit, **filters)
    stmt = _article_filters(select(Article.id, Article.created_at, func.length(Article.body)), **filters)
    stmt = stmt.order_by(Article.created_at.desc(), Article.id.desc()).limit(limit)
    keys: list[tuple[str, datetime]] = []
    total = 0
    for row_id, at, size in session.execute(stmt).tuples():
        if keys and total + (size or 0) > max_bytes:
            break
        keys.append((row_id, at))
        total += size or 0
    return keys


def articles_without_verdict(session: Session, ids: list[str], ruleset: str) -> list[Article]:
    """The articles among ``ids`` with no verdict under ``ruleset`` for their current content."""
    if not ids:
        return []
    has_verdict = (
        select(Verdict.id)
        .where(
            Verdict.article_id == Article.id,
            Verdict.content_hash == Article.content_hash,
            Verdict.ruleset == ruleset,
        )
        .exists()
    )
    return list(session.scalars(select(Article).where(Article.id.in_(ids), ~has_verdict)))


def record_rescan_change(
    session: Session, rescan_id: str, article_id: str, previous_decision: str, decision: str
) -> None:
    exists = session.scalar(
        select(RescanChange.id).where(
            RescanChange.rescan_id == rescan_id, RescanChange.article_id == article_id
        )
    )
    if exists is None:
        session.add(
            RescanChange(
                rescan_id=rescan_id,
                article_id=article_id,
                previous_decision=previous_decision,
                decision=decision,
            )
        )


def rescan_changes(session: Session, rescan_id: str, limit: int = 1000) -> list[tuple[RescanChange, Article]]:
    stmt = (
        select(RescanChange, Article)
        .join(Article, Article.id == RescanChange.article_id)
        .where(RescanChange.rescan_id == rescan_id)
        .order_by(RescanChange.created_at, RescanChange.id)
        .limit(limit)
    )
    return [(change, article) for change, article in session.execute(stmt).tuples()]


def count_rescan_changes(session: Session, rescan_id: str) -> int:
    return session.scalar(select(func.count()).where(RescanChange.rescan_id == rescan_id)) or 0


def stale_rescans(session: Session, older_than: timedelta) -> list[str]:
    cutoff = utcnow() - older_than
    stmt = select(Rescan.id).where(Rescan.status.in_(("queued", "running")), Rescan.updated_at < cutoff)
    ids = list(session.scalars(stmt))
    if ids:
        session.execute(update(Rescan).where(Rescan.id.in_(ids)).values(updated_at=utcnow()))
    return ids
