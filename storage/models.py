"""SQLAlchemy 2 models. Portable between SQLite (default) and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class Publisher(Base):
    __tablename__ = "publishers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    callback_url: Mapped[str | None] = mapped_column(Text)
    webhook_secret: Mapped[str] = mapped_column(String(100))
    callback_disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    """Set when the endpoint answered 410 Gone; deliveries stop until a replay re-enables it."""
    policy: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    api_keys: Mapped[list[ApiKey]] = relationship(back_populates="publisher")


class ApiKey(Base):
    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    publisher_id: Mapped[str] = mapped_column(ForeignKey("publishers.id", ondelete="CASCADE"))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    """SHA-256 of the key: keys are 256-bit random tokens, so a fast hash is enough."""
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    publisher: Mapped[Publisher] = relationship(back_populates="api_keys")


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("publisher_id", "idempotency_key", name="uq_articles_idempotency"),
        Index("ix_articles_publisher_created", "publisher_id", "created_at", "id"),
        Index("ix_articles_status_updated", "status", "updated_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    publisher_id: Mapped[str] = mapped_column(ForeignKey("publishers.id", ondelete="CASCADE"))
    external_id: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(20))
    callback_url: Mapped[str | None] = mapped_column(Text)
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONType)
    content_type: Mapped[str] = mapped_column(String(50))
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)
    """The extracted text the checks read; every verdict offset indexes it."""
    status: Mapped[str] = mapped_column(String(20), default="queued")
    error: Mapped[str | None] = mapped_column(Text)
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    request_hash: Mapped[str | None] = mapped_column(String(64))
    enqueue_failed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    publisher: Mapped[Publisher] = relationship()
    verdicts: Mapped[list[Verdict]] = relationship(
        back_populates="article", order_by="Verdict.created_at", cascade="all, delete-orphan"
    )


class Verdict(Base):
    """One automated verdict. History is kept: a re-check adds a row, never overwrites."""

    __tablename__ = "verdicts"
    __table_args__ = (
        UniqueConstraint("article_id", "content_hash", "ruleset", name="uq_verdicts_idempotency"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    ruleset: Mapped[str] = mapped_column(String(40))
    decision: Mapped[str] = mapped_column(String(20), index=True)
    risk_disclosure_score: Mapped[float | None]
    overclaim_score: Mapped[float | None]
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    article: Mapped[Article] = relationship(back_populates="verdicts")


class Delivery(Base):
    """A webhook event for a publisher: an outbox row whose retry schedule lives here."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    webhook_id: Mapped[str] = mapped_column(String(64), unique=True)
    """Sent as ``webhook-id`` on every attempt so receivers can de-duplicate."""
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    publisher_id: Mapped[str] = mapped_column(ForeignKey("publishers.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[str | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    event_type: Mapped[str] = mapped_column(String(50))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)
    callback_url: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    """pending → delivered | dead | failed (no usable endpoint)."""
    attempts_count: Mapped[int] = mapped_column(Integer, default=0)
    schedule_step: Mapped[int] = mapped_column(Integer, default=0)
    """Index into the retry schedule; a replay starts it again."""
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    leased_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lease_token: Mapped[str | None] = mapped_column(String(32))
    """Set by the ``deliver`` task that is making the attempt, so a duplicate task stands aside."""
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    attempts: Mapped[list[DeliveryAttempt]] = relationship(
        back_populates="delivery", order_by="DeliveryAttempt.number", cascade="all, delete-orphan"
    )


class DeliveryAttempt(Base):
    __tablename__ = "delivery_attempts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    delivery_id: Mapped[str] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    duration_ms: Mapped[float | None]
    status_code: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(Text)

    delivery: Mapped[Delivery] = relationship(back_populates="attempts")


class User(Base):
    """A dashboard user (moderator or admin); publishers never sign in here."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20), default="moderator")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Decision(Base):
    """A moderator's decision on an article: the audit trail, never edited."""

    __tablename__ = "decisions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    verdict_id: Mapped[str | None] = mapped_column(ForeignKey("verdicts.id", ondelete="SET NULL"))
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(20))
    """approve | reject | override"""
    decision: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()


class Rescan(Base):
    """A re-check of stored articles with the current ruleset, worked in batches."""

    __tablename__ = "rescans"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    publisher_id: Mapped[str | None] = mapped_column(
        ForeignKey("publishers.id", ondelete="CASCADE"), index=True
    )
    """None for an operator's re-scan across all publishers."""
    filters: Mapped[dict[str, Any]] = mapped_column(JSONType)
    ruleset: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="queued")
    """queued → running → done"""
    total: Mapped[int] = mapped_column(Integer, default=0)
    processed: Mapped[int] = mapped_column(Integer, default=0)
    cursor_created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cursor_id: Mapped[str | None] = mapped_column(String(36))
    """The last article done: batches resume after it, so a repeated batch redoes nothing."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RescanChange(Base):
    """An article whose decision a re-scan changed (and about which the publisher is told)."""

    __tablename__ = "rescan_changes"
    __table_args__ = (UniqueConstraint("rescan_id", "article_id", name="uq_rescan_changes"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    rescan_id: Mapped[str] = mapped_column(ForeignKey("rescans.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    previous_decision: Mapped[str] = mapped_column(String(20))
    decision: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
