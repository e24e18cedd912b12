"""storage.review on the real database: queue order, filters, counts, pages, decisions, stats."""

from __future__ import annotations

from datetime import timedelta

import pytest

from service.dashboard.auth import hash_password
from storage import repo, review
from storage.db import Database
from storage.models import Publisher, utcnow
from tests.service.dashboard.conftest import finding, make_article


@pytest.fixture
def two_publishers(db: Database) -> tuple[str, str]:
    with db.session() as s:
        a = repo.create_publisher(s, "Alpha News", None).publisher_id
        b = repo.create_publisher(s, "Beta Wellness", None).publisher_id
    return a, b


@pytest.fixture
def user_id(db: Database) -> str:
    with db.session() as s:
        user, _ = review.upsert_user(s, "Reviewer@Example.org ", hash_password("long enough pw"), "admin")
        return user.id


def _seed(db: Database, a: str, b: str) -> dict[str, str]:
    now = utcnow()
    t = "Stem cells cure everything, studies show."
    cure = [finding(t, "cure everything", "OC-CURE", "cure")]
    unsourced = [finding(t, "studies show", "OC_UNSOURCED", "unsourced_evidence")]
    return {
        "old_approve": make_article(
            db, a, "fine", title="Old approved", decision="approve", created_at=now - timedelta(days=10)
        ),
        "old_review": make_article(
            db,
            b,
            t,
            title="Old review",
            findings=cure,
            created_at=now - timedelta(days=5),
            url="https://beta.example/old",
        ),
        "new_review": make_article(
            db, a, t, title="New review 100%", findings=unsourced, created_at=now - timedelta(days=1)
        ),
        "reject": make_article(
            db,
            b,
            t,
            title="Rejected",
            decision="reject",
            findings=cure + unsourced,
            created_at=now - timedelta(days=3),
        ),
    }


def _titles(db: Database, filters: review.QueueFilters, **kw: int) -> list[str | None]:
    with db.session() as s:
        return [r.title for r in review.review_queue(s, filters, **kw).rows]


def test_queue_puts_open_reviews_first_then_oldest(db: Database, two_publishers: tuple[str, str]) -> None:
    _seed(db, *two_publishers)
    assert _titles(db, review.QueueFilters()) == ["Old review", "New review 100%", "Old approved", "Rejected"]


def test_a_decision_takes_an_article_out_of_the_open_group(
    db: Database, two_publishers: tuple[str, str], user_id: str
) -> None:
    ids = _seed(db, *two_publishers)
    with db.session() as s:
        review.record_decision(
            s,
            article_id=ids["old_review"],
            user_id=user_id,
            action="approve",
            decision="approve",
            note="checked",
        )
    assert _titles(db, review.QueueFilters())[0] == "New review 100%"
    assert _titles(db, review.QueueFilters(state="open")) == ["New review 100%"]
    assert _titles(db, review.QueueFilters(state="decided")) == ["Old review"]
    with db.session() as s:
        page = review.review_queue(s, review.QueueFilters())
        row = next(r for r in page.rows if r.title == "Old review")
        assert (row.human_decision, row.human_action, row.is_open) == ("approve", "approve", False)
        assert page.counts == {
            "needs_review": 2,
            "approve": 1,
            "reject": 1,
            "unchecked": 0,
            "open": 1,
            "all": 4,
        }


def test_queue_filters(db: Database, two_publishers: tuple[str, str]) -> None:
    a, b = two_publishers
    _seed(db, a, b)
    now = utcnow()
    assert _titles(db, review.QueueFilters(publisher_id=b)) == ["Old review", "Rejected"]
    assert _titles(db, review.QueueFilters(decision="reject")) == ["Rejected"]
    assert _titles(db, review.QueueFilters(rule="OC-CURE")) == ["Old review", "Rejected"]
    # "_" is a LIKE wildcard: it must match only itself.
    assert _titles(db, review.QueueFilters(rule="OC_UNSOURCED")) == ["New review 100%", "Rejected"]
    assert _titles(db, review.QueueFilters(rule="OC-UNSOURCED")) == []
    assert _titles(db, review.QueueFilters(q="BETA.example")) == ["Old review"]
    assert _titles(db, review.QueueFilters(q="100%")) == ["New review 100%"]
    assert _titles(db, review.QueueFilters(since=now - timedelta(days=4))) == ["New review 100%", "Rejected"]
    assert _titles(db, review.QueueFilters(until=now - timedelta(days=4))) == ["Old review", "Old approved"]
    with db.session() as s:
        counts = review.queue_counts(s, review.QueueFilters(publisher_id=b, decision="reject"))
    # Counts ignore the decision filter (they label the decision links) but keep the others.
    assert counts["all"] == 2 and counts["needs_review"] == 1 and counts["reject"] == 1


def test_queue_pagination_and_latest_verdict(db: Database, two_publishers: tuple[str, str]) -> None:
    a, _ = two_publishers
    now = utcnow()
    ids = [
        make_article(
            db,
            a,
            f"text {i}",
            title=f"A{i:02d}",
            decision="approve",
            created_at=now - timedelta(hours=30 - i),
        )
        for i in range(7)
    ]
    # A newer verdict (a re-scan) decides where the article sits.
    with db.session() as s:
        article = repo.get_article(s, ids[6])
        assert article is not None
        payload = {"decision": "needs_review", "scores": {}, "checks": []}
        repo.add_verdict(s, article, "test.2", payload)
    with db.session() as s:
        first = review.review_queue(s, review.QueueFilters(), page=1, per_page=3)
        last = review.review_queue(s, review.QueueFilters(), page=3, per_page=3)
    assert (first.total, first.pages) == (7, 3)
    assert [r.title for r in first.rows] == ["A06", "A00", "A01"]
    assert first.rows[0].ruleset == "test.2"
    assert [r.title for r in last.rows] == ["A05"]


def test_unchecked_articles_are_listed(db: Database, two_publishers: tuple[str, str]) -> None:
    with db.session() as s:
        repo.create_article(
            s,
            publisher_id=two_publishers[0],
            body="x",
            content_type="text/plain",
            request_hash="h",
            title="Queued one",
        )
    with db.session() as s:
        page = review.review_queue(s, review.QueueFilters())
    assert [(r.title, r.decision, r.status) for r in page.rows] == [("Queued one", None, "queued")]
    assert page.counts["unchecked"] == 1


def test_users_are_case_insensitive_and_upserted(db: Database, user_id: str) -> None:
    with db.session() as s:
        user = review.get_user_by_email(s, "REVIEWER@example.org")
        assert user is not None and user.id == user_id and user.email == "reviewer@example.org"
        again, created = review.upsert_user(
            s, "reviewer@example.org", hash_password("another password"), "moderator"
        )
        assert not created and again.id == user_id and again.role == "moderator"
        with pytest.raises(ValueError):
            review.upsert_user(s, "x@example.org", "h", "publisher")


def test_decisions_and_article_detail(db: Database, two_publishers: tuple[str, str], user_id: str) -> None:
    ids = _seed(db, *two_publishers)
    with db.session() as s:
        first = review.record_decision(
            s,
            article_id=ids["reject"],
            user_id=user_id,
            action="override",
            decision="approve",
            note="fine on reading",
        )
        review.record_decision(
            s,
            article_id=ids["reject"],
            user_id=user_id,
            action="reject",
            decision="reject",
            note="changed my mind",
        )
        with pytest.raises(ValueError):
            review.record_decision(
                s, article_id=ids["reject"], user_id=user_id, action="delete", decision="x", note="n"
            )
    with db.session() as s:
        detail = review.article_detail(s, ids["reject"])
        assert detail is not None and detail.latest is not None
        assert [d.note for d in detail.decisions] == ["changed my mind", "fine on reading"]
        assert first.verdict_id == detail.latest.id
        assert detail.decisions[0].user.email == "reviewer@example.org"
        assert review.article_detail(s, "no-such-id") is None


def test_deliveries_page_and_replay(db: Database, two_publishers: tuple[str, str]) -> None:
    a, b = two_publishers
    ids = _seed(db, a, b)
    with db.session() as s:
        pub_a = s.get(Publisher, a)
        pub_b = s.get(Publisher, b)
        assert pub_a is not None and pub_b is not None
        pub_a.callback_url = "http://127.0.0.1:9/hooks"
        d1, _ = repo.create_delivery(
            s,
            publisher=pub_a,
            dedup_key="k1",
            event_type="verdict.created",
            data={"n": 1},
            article_id=ids["new_review"],
        )
        d1.status, d1.attempts_count, d1.last_error = "dead", 10, "HTTP 500"
        repo.create_delivery(s, publisher=pub_b, dedup_key="k2", event_type="decision.made", data={"n": 2})
        d1_id = d1.id
    with db.session() as s:
        page = review.deliveries_page(s)
        assert page.total == 2 and page.counts == {"pending": 0, "delivered": 0, "dead": 1, "failed": 1}
        dead = review.deliveries_page(s, status="dead")
        assert [(r.publisher_name, r.article_title) for r in dead.rows] == [("Alpha News", "New review 100%")]
        assert review.deliveries_page(s, event_type="decision.made").rows[0].publisher_name == "Beta Wellness"
        assert review.deliveries_page(s, publisher_id=b).total == 1
    with db.session() as s:
        replayed = review.replay_delivery(s, d1_id, timedelta(seconds=60))
        assert replayed is not None and replayed.status == "pending" and replayed.leased_until is not None
        assert review.replay_delivery(s, "nope", timedelta(seconds=1)) is None


def test_stats(db: Database, two_publishers: tuple[str, str], user_id: str) -> None:
    ids = _seed(db, *two_publishers)
    with db.session() as s:
        review.record_decision(
            s, article_id=ids["old_review"], user_id=user_id, action="reject", decision="reject", note="n"
        )
        review.record_decision(
            s, article_id=ids["new_review"], user_id=user_id, action="approve", decision="approve", note="n"
        )
    with db.session() as s:
        days = review.moderator_decisions_per_day(s, days=30)
        assert len(days) == 30 and days[-1].counts == {"reject": 1, "approve": 1}
        verdicts = review.verdicts_per_day(s, days=30)
        assert sum(d.total for d in verdicts) == 4
        assert review.top_rules(s) == [("OC-CURE", 2), ("OC_UNSOURCED", 2)]
        assert review.per_publisher(s) == [
            ("Alpha News", {"approve": 1, "needs_review": 1}),
            ("Beta Wellness", {"needs_review": 1, "reject": 1}),
        ]
        assert review.known_rules(s) == ["OC-CURE", "OC_UNSOURCED"]
