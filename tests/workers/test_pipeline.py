"""End to end on real parts: API → Redis → Celery worker → verdict → signed webhook on loopback."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from storage import repo
from storage.models import Delivery, DeliveryAttempt, Publisher, Verdict
from tests.conftest import wait_for
from tests.helpers import fixture_articles, submit
from workers import dispatch, pipeline


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def deliveries(db) -> list[Delivery]:
    with db.session() as session:
        return list(session.scalars(select(Delivery).order_by(Delivery.created_at)))


@pytest.mark.parametrize(("name", "body", "content_type"), fixture_articles(), ids=lambda v: str(v)[:20])
def test_sample_article_arrives_as_signed_webhook(
    client, publisher, receiver, celery_worker, name, body, content_type
):
    response = submit(client, publisher.auth, body, content_type=content_type, external_id=name)
    assert response.status_code == 202
    article_id = response.get_json()["id"]
    event = wait_for(lambda: receiver.verified_events("verdict.created"))[0]
    assert event.headers["webhook-id"].startswith("msg_")
    data = event.payload["data"]
    assert data["article_id"] == article_id and data["external_id"] == name
    verdict = data["verdict"]
    assert verdict["decision"] in ("approve", "needs_review", "reject")
    stored = client.get(f"/v1/articles/{article_id}", headers=publisher.auth).get_json()
    assert stored["status"] == "done" and stored["verdict"]["verdict_id"] == verdict["verdict_id"]


def test_decisions_for_project_samples(client, publisher, receiver, celery_worker):
    """The clinic page is not approved; the gardening piece is not a treatment and not rejected."""
    decisions = {}
    for name, body, content_type in fixture_articles():
        submit(client, publisher.auth, body, content_type=content_type, external_id=name)
    events = wait_for(lambda: len(receiver.verified_events()) >= len(fixture_articles()) and receiver.events)
    for event in events:
        decisions[event.payload["data"]["external_id"]] = event.payload["data"]["verdict"]["decision"]
    assert decisions["clinic_page"] != "approve"
    assert decisions["gardening"] == "approve"
    assert decisions["transplant_news"] != "reject"


def test_html_text_is_extracted_and_offsets_index_it(client, publisher, receiver, celery_worker, db):
    body = dict((n, b) for n, b, _ in fixture_articles())["clinic_page"]
    article_id = submit(client, publisher.auth, body, content_type="text/html").get_json()["id"]
    wait_for(lambda: receiver.verified_events())
    with db.session() as session:
        article = repo.get_article(session, article_id)
        verdict = repo.latest_verdict(session, article_id)
        text = article.text
    assert "window.tracking" not in text and "Ten foods for joints" not in text
    findings = [f for c in verdict.payload["checks"] if c["check"] == "overclaim" for f in c["findings"]]
    assert findings
    for finding in findings:
        assert text[finding["start"] : finding["end"]] == finding["quote"]


def test_task_run_twice_gives_one_verdict_and_one_delivery(
    client, publisher, receiver, celery_app, celery_worker, db
):
    article_id = submit(client, publisher.auth, key="twice").get_json()["id"]
    wait_for(lambda: receiver.verified_events())
    dispatch.enqueue_moderation(celery_app, article_id)
    dispatch.enqueue_moderation(celery_app, article_id)
    wait_for(lambda: dispatch.queue_length(celery_app) == 0)
    submit(client, publisher.auth, key="twice")
    wait_for(lambda: dispatch.queue_length(celery_app) == 0)
    assert count(db, Verdict) == 1 and count(db, Delivery) == 1
    assert len(receiver.events) == 1


def test_500_then_200_retries_with_same_webhook_id(client, publisher, receiver, celery_worker, beat, db):
    receiver.responses = [500]
    submit(client, publisher.auth)
    wait_for(lambda: len(receiver.events) >= 2)
    first, second = receiver.events[:2]
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert first.verified and second.verified
    wait_for(lambda: deliveries(db)[0].status == "delivered")
    delivery = deliveries(db)[0]
    assert delivery.attempts_count == 2 and delivery.last_status_code == 200
    with db.session() as session:
        codes = list(session.scalars(select(DeliveryAttempt.status_code).order_by(DeliveryAttempt.number)))
    assert codes == [500, 200]


def test_receiver_down_past_last_try_goes_dead_then_replay_delivers(
    client, publisher, receiver, celery_app, celery_worker, beat, db
):
    receiver.stop()  # connection refused on every try
    submit(client, publisher.auth)
    wait_for(lambda: deliveries(db) and deliveries(db)[0].status == "dead", timeout=30)
    dead = deliveries(db)[0]
    assert dead.attempts_count == 3 and "Connect" in (dead.last_error or "")
    receiver.start()  # back on the same port
    response = client.post(f"/v1/deliveries/{dead.id}/replay", headers=publisher.auth)
    assert response.status_code == 202 and response.get_json()["status"] == "pending"
    wait_for(lambda: deliveries(db)[0].status == "delivered")
    assert receiver.events[0].headers["webhook-id"] == dead.webhook_id and receiver.events[0].verified
    listed = client.get("/v1/deliveries?status=delivered", headers=publisher.auth).get_json()["items"]
    assert [d["id"] for d in listed] == [dead.id] and listed[0]["attempts"] == 4


def test_410_disables_the_endpoint(client, publisher, receiver, celery_worker, beat, db):
    receiver.default_status = 410
    submit(client, publisher.auth, "one")
    wait_for(lambda: deliveries(db) and deliveries(db)[0].status == "failed")
    with db.session() as session:
        assert session.get(Publisher, publisher.publisher_id).callback_disabled is True
    submit(client, publisher.auth, "two")
    wait_for(lambda: len(deliveries(db)) == 2 and deliveries(db)[1].status == "failed")
    assert len(receiver.events) == 1  # the second verdict was not sent to a gone endpoint


def test_redirect_is_not_followed(client, publisher, receiver, celery_worker, db):
    receiver.responses = [302]
    receiver.extra_headers = {"Location": "http://127.0.0.1:9/elsewhere"}
    submit(client, publisher.auth)
    wait_for(lambda: deliveries(db) and deliveries(db)[0].attempts_count == 1)
    delivery = deliveries(db)[0]
    assert delivery.status == "pending" and "redirect" in delivery.last_error
    assert len(receiver.events) == 1


def test_retry_after_is_honoured(client, publisher, receiver, app, db):
    """A 503 with Retry-After: 120 moves the next try past the 5 s schedule step."""
    candor = app.extensions["candor"]
    settings = candor.settings.with_overrides(retry_schedule=(0, 5, 600))
    receiver.responses = [503, 503]
    receiver.extra_headers = {"Retry-After": "120"}
    submit(client, publisher.auth)
    article_id = client.get("/v1/articles", headers=publisher.auth).get_json()["items"][0]["id"]
    delivery_id = pipeline.moderate_article(candor.db, settings, article_id)
    before = datetime.now(UTC)
    outcome = pipeline.attempt_delivery(candor.db, settings, delivery_id)
    assert outcome is not None and outcome.status == "pending" and outcome.status_code == 503
    wait = (deliveries(db)[0].next_attempt_at - before).total_seconds()
    assert 115 < wait < 125
    receiver.extra_headers = {"Retry-After": "99999"}
    with db.session() as session:
        session.get(Delivery, delivery_id).next_attempt_at = datetime.now(UTC)
    pipeline.attempt_delivery(candor.db, settings, delivery_id)
    wait = (deliveries(db)[0].next_attempt_at - datetime.now(UTC)).total_seconds()
    assert 590 < wait <= 600  # capped at the schedule's longest step


def test_callback_refused_at_delivery_when_not_allowlisted(
    client, publisher, receiver, celery_worker, app, db
):
    settings = app.extensions["candor"].settings.with_overrides(callback_allowlist=())
    submit(client, publisher.auth)
    wait_for(lambda: deliveries(db) and deliveries(db)[0].attempts_count == 1)
    receiver.events.clear()
    with db.session() as session:
        repo.replay_delivery(session, session.get(Delivery, deliveries(db)[0].id))
    outcome = pipeline.attempt_delivery(app.extensions["candor"].db, settings, deliveries(db)[0].id)
    assert outcome is not None and "loopback" in (outcome.error or "")
    assert receiver.events == []


def test_shared_seed_articles_flow_through(client, publisher, receiver, celery_worker, shared_seeds):
    """The five real seed articles (beside the repo in CI only) come back as signed verdicts."""
    paths = sorted(shared_seeds.glob("*.txt"))
    assert len(paths) == 5
    ids = {
        submit(client, publisher.auth, p.read_text(encoding="utf-8"), external_id=p.stem).get_json()["id"]
        for p in paths
    }
    events = wait_for(lambda: len(receiver.verified_events()) == 5 and receiver.verified_events(), timeout=60)
    assert {e.payload["data"]["article_id"] for e in events} == ids
    for event in events:
        verdict = event.payload["data"]["verdict"]
        assert verdict["decision"] in ("approve", "needs_review", "reject")
        assert verdict["ruleset"]


def test_another_publisher_cannot_replay_or_list_deliveries(
    client, publisher, other_publisher, receiver, celery_worker, db
):
    submit(client, publisher.auth)
    wait_for(lambda: deliveries(db) and deliveries(db)[0].status == "delivered")
    delivery_id = deliveries(db)[0].id
    response = client.post(f"/v1/deliveries/{delivery_id}/replay", headers=other_publisher.auth)
    assert response.status_code == 404
    assert client.get("/v1/deliveries", headers=other_publisher.auth).get_json()["items"] == []
    assert [d["id"] for d in client.get("/v1/deliveries", headers=publisher.auth).get_json()["items"]] == [
        delivery_id
    ]


def test_delivery_connects_to_the_checked_address_with_the_original_host(receiver):
    """A name is resolved once, checked, and the POST goes to that address (no rebinding gap)."""
    from workers.webhooks import post_webhook

    receiver.secret = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    url = f"http://localhost:{receiver.port}/hooks"
    result = post_webhook(
        url,
        secret=receiver.secret,
        webhook_id="msg_pin",
        payload={"type": "t", "data": {}},
        timeout=2,
        allowlist=("localhost",),
    )
    assert result.ok, result.error
    event = receiver.events[0]
    assert event.verified and event.headers["host"] == f"localhost:{receiver.port}"
    refused = post_webhook(url, secret=receiver.secret, webhook_id="msg_pin2", payload={}, timeout=2)
    assert refused.status_code is None and "loopback" in refused.error
    assert len(receiver.events) == 1
