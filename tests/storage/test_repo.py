"""The data-access layer on the real database (SQLite, or PostgreSQL with DATABASE_URL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import repo
from storage.models import Delivery


@pytest.fixture
def pub(db):
    with db.session() as session:
        return repo.create_publisher(session, "P", "http://127.0.0.1:9/h")


def make_article(db, pub, body="text", key=None):
    with db.session() as session:
        article, created = repo.create_article(
            session,
            publisher_id=pub.publisher_id,
            body=body,
            content_type="text/plain",
            request_hash=repo.sha256_hex(body),
            idempotency_key=key,
        )
        return article, created


def test_api_key_is_stored_hashed_and_found(db, pub):
    with db.session() as session:
        found = repo.publisher_for_key(session, pub.api_key)
        assert found is not None and found.id == pub.publisher_id
        assert repo.publisher_for_key(session, pub.api_key + "x") is None
        stored = found.api_keys[0]
        assert stored.key_hash == repo.sha256_hex(pub.api_key) and pub.api_key not in stored.key_hash


def test_idempotency_key_returns_first_or_conflicts(db, pub):
    first, created = make_article(db, pub, "a", key="k")
    again, created_again = make_article(db, pub, "a", key="k")
    assert created and not created_again and again.id == first.id
    with pytest.raises(repo.IdempotencyConflict) as info:
        make_article(db, pub, "b", key="k")
    assert info.value.article_id == first.id


def test_verdict_is_stored_once_per_content_and_ruleset(db, pub):
    article, _ = make_article(db, pub)
    payload = {"decision": "approve", "scores": {"risk_disclosure": 1.0, "overclaim": 0.0}}
    with db.session() as session:
        a = session.merge(article)
        first = repo.add_verdict(session, a, "r1", payload)
    with db.session() as session:
        a = session.merge(article)
        second = repo.add_verdict(session, a, "r1", {**payload, "decision": "reject"})
        third = repo.add_verdict(session, a, "r2", payload)
    assert second.id == first.id and second.decision == "approve"
    assert third.id != first.id


def test_delivery_dedup_and_single_claim(db, pub):
    with db.session() as session:
        publisher = repo.publisher_for_key(session, pub.api_key)
        d1, created1 = repo.create_delivery(
            session, publisher=publisher, dedup_key="x", event_type="t", data={}
        )
        d2, created2 = repo.create_delivery(
            session, publisher=publisher, dedup_key="x", event_type="t", data={}
        )
        assert created1 and not created2 and d1.id == d2.id
        assert d1.payload["type"] == "t" and d1.status == "pending"
    lease = timedelta(seconds=60)
    with db.session() as session:
        first = repo.claim_attempt(session, d1.id, lease)
    with db.session() as session:
        second = repo.claim_attempt(session, d1.id, lease)
    assert first is not None and second is None
    with db.session() as session:
        # An expired claim (a worker died mid-attempt) can be taken over.
        session.get(Delivery, d1.id).leased_until = datetime.now(UTC) - timedelta(seconds=1)
    with db.session() as session:
        assert repo.claim_attempt(session, d1.id, lease) not in (None, first)


def test_due_deliveries_are_leased_once(db, pub):
    with db.session() as session:
        publisher = repo.publisher_for_key(session, pub.api_key)
        delivery, _ = repo.create_delivery(
            session, publisher=publisher, dedup_key="y", event_type="t", data={}
        )
    with db.session() as session:
        assert repo.lease_due_deliveries(session, timedelta(seconds=30)) == [delivery.id]
    with db.session() as session:
        assert repo.lease_due_deliveries(session, timedelta(seconds=30)) == []


def test_stale_articles_include_failed_enqueues(db, pub):
    article, _ = make_article(db, pub)
    with db.session() as session:
        assert repo.stale_articles(session, timedelta(minutes=5)) == []
        repo.mark_enqueue_failed(session, article.id)
    with db.session() as session:
        assert repo.stale_articles(session, timedelta(minutes=5)) == [article.id]
        repo.touch_articles(session, [article.id])
    with db.session() as session:
        assert repo.stale_articles(session, timedelta(minutes=5)) == []
        assert repo.stale_articles(session, timedelta(seconds=-1)) == [article.id]
