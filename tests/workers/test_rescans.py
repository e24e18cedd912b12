"""Re-scans on real parts: only changed decisions are re-sent, as verdict.changed."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import func, select

from service.cli import main
from storage import repo
from storage.models import Article, Verdict
from tests.conftest import wait_for
from tests.helpers import assert_problem, submit
from workers import engine

OLD_RULESET = "1999.1.1"


def checked_article(client, publisher, receiver, body: str) -> str:
    article_id = submit(client, publisher.auth, body).get_json()["id"]
    wait_for(lambda: any(e.payload["data"]["article_id"] == article_id for e in receiver.verified_events()))
    return article_id


def pretend_old_ruleset_said(db, article_id: str, decision: str) -> str:
    """Turn the current verdict into one from an older ruleset that decided otherwise."""
    with db.session() as session:
        verdict = repo.latest_verdict(session, article_id)
        verdict.ruleset, verdict.decision = OLD_RULESET, decision
        verdict.payload = {**verdict.payload, "ruleset": OLD_RULESET, "decision": decision}
        return verdict.decision


def test_rescan_with_unchanged_rules_sends_nothing(client, publisher, receiver, celery_worker, db):
    checked_article(client, publisher, receiver, "Our stem cells cure arthritis.")
    before = len(receiver.events)
    response = client.post("/v1/rescans", json={}, headers=publisher.auth)
    assert response.status_code == 202
    rescan = response.get_json()
    assert rescan["total"] == 1 and rescan["ruleset"] == engine.RULESET_VERSION
    done = wait_for(
        lambda: (
            (r := client.get(f"/v1/rescans/{rescan['id']}", headers=publisher.auth).get_json())["status"]
            == "done"
            and r
        )
    )
    assert done["processed"] == 1 and done["changed"] == 0 and done["changes"] == []
    assert len(receiver.events) == before


def test_rescan_reports_and_notifies_changed_decisions(client, publisher, receiver, celery_worker, db):
    changed_id = checked_article(
        client, publisher, receiver, "Our stem cells cure arthritis with no side effects."
    )
    same_id = checked_article(client, publisher, receiver, "A balanced note about garden peas.")
    with db.session() as session:
        current = repo.latest_verdict(session, changed_id).decision
    assert current != "approve"
    pretend_old_ruleset_said(db, changed_id, "approve")
    response = client.post("/v1/rescans", json={}, headers=publisher.auth)
    rescan_id = response.get_json()["id"]
    event = wait_for(lambda: receiver.verified_events("verdict.changed"))[0]
    assert event.payload["data"]["article_id"] == changed_id
    assert event.payload["data"]["previous_decision"] == "approve"
    assert event.payload["data"]["verdict"]["decision"] == current
    done = wait_for(
        lambda: (
            (r := client.get(f"/v1/rescans/{rescan_id}", headers=publisher.auth).get_json())["status"]
            == "done"
            and r
        )
    )
    assert done["total"] == 2 and done["processed"] == 2 and done["changed"] == 1
    assert done["changes"] == [
        {"article_id": changed_id, "external_id": None, "previous_decision": "approve", "decision": current}
    ]
    with db.session() as session:
        # History kept: the old verdict stays beside the new one.
        assert (
            session.scalar(select(func.count()).select_from(Verdict).where(Verdict.article_id == changed_id))
            == 2
        )
        assert (
            session.scalar(select(func.count()).select_from(Verdict).where(Verdict.article_id == same_id))
            == 1
        )
    # A second re-scan finds nothing new to say.
    second = client.post("/v1/rescans", json={}, headers=publisher.auth).get_json()["id"]
    wait_for(
        lambda: client.get(f"/v1/rescans/{second}", headers=publisher.auth).get_json()["status"] == "done"
    )
    assert len(receiver.verified_events("verdict.changed")) == 1


def test_rescan_filters_and_tenancy(client, publisher, other_publisher, receiver, celery_worker, db):
    checked_article(client, publisher, receiver, "Our stem cells cure arthritis.")
    decision = client.get("/v1/articles", headers=publisher.auth).get_json()["items"][0]["decision"]
    other = next(d for d in ("approve", "needs_review", "reject") if d != decision)
    assert (
        client.post("/v1/rescans", json={"decision": other}, headers=publisher.auth).get_json()["total"] == 0
    )
    assert (
        client.post("/v1/rescans", json={"decision": decision}, headers=publisher.auth).get_json()["total"]
        == 1
    )
    rescan_id = client.post("/v1/rescans", json={}, headers=publisher.auth).get_json()["id"]
    assert_problem(client.get(f"/v1/rescans/{rescan_id}", headers=other_publisher.auth), 404)
    assert client.post("/v1/rescans", json={}, headers=other_publisher.auth).get_json()["total"] == 0
    assert_problem(client.post("/v1/rescans", json={"decision": "maybe"}, headers=publisher.auth), 422)
    assert_problem(
        client.post("/v1/rescans", json={"since": "2026-01-01T00:00:00"}, headers=publisher.auth), 422
    )


def test_cli_rescan_runs_in_batches_across_publishers(
    settings, db, publisher, other_publisher, monkeypatch, app
):
    candor = app.extensions["candor"]
    from workers import pipeline

    ids = []
    for pub in (publisher, other_publisher):
        for i in range(3):
            with db.session() as session:
                article, _ = repo.create_article(
                    session,
                    publisher_id=pub.publisher_id,
                    body=f"Stem cells cure lupus, case {i}.",
                    content_type="text/plain",
                    request_hash=str(i),
                )
                ids.append(article.id)
            pipeline.moderate_article(candor.db, settings, article.id)
    pretend_old_ruleset_said(db, ids[0], "approve")
    monkeypatch.setattr(pipeline, "RESCAN_BATCH", 2)
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    result = CliRunner().invoke(main, ["rescan"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["total"] == 6 and summary["processed"] == 6 and summary["changed"] == 1
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Article).where(Article.status == "done")) == 6
