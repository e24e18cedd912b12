"""Synchronous check, rules, deliveries API, health and the OpenAPI document."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import Article
from tests.helpers import assert_problem


def test_check_is_synchronous_and_stores_nothing(client, publisher, db):
    response = client.post(
        "/v1/check",
        json={"body": "<p>This miracle stem cell cure has no side effects.</p>", "content_type": "text/html"},
        headers=publisher.auth,
    )
    assert response.status_code == 200
    body = response.get_json()
    verdict = body["verdict"]
    assert verdict["decision"] in ("needs_review", "reject")
    findings = [f for c in verdict["checks"] if c["check"] == "overclaim" for f in c["findings"]]
    assert findings, verdict
    for finding in findings:
        assert body["text"][finding["start"] : finding["end"]] == finding["quote"]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 0


def test_check_rejects_bad_input(client, publisher):
    assert_problem(
        client.post("/v1/check", json={"body": "x", "content_type": "image/png"}, headers=publisher.auth), 415
    )
    assert_problem(client.post("/v1/check", json={"content_type": "text/plain"}, headers=publisher.auth), 422)
    assert_problem(client.post("/v1/check", json={"body": "x"}), 401)


def test_rules_catalogue_is_served_with_version(client):
    body = client.get("/v1/rules").get_json()
    assert body["version"]
    assert body["rules"] and {"id", "check", "severity"} <= set(body["rules"][0])


def test_openapi_document_lists_the_api(client):
    spec = client.get("/openapi.json").get_json()
    for path in (
        "/v1/articles",
        "/v1/articles/{article_id}",
        "/v1/check",
        "/v1/rules",
        "/v1/deliveries",
        "/v1/deliveries/{delivery_id}/replay",
        "/healthz",
        "/readyz",
    ):
        assert path in spec["paths"], path
    assert "bearerAuth" in spec["components"]["securitySchemes"]


def test_health_readiness_and_metrics(client, publisher):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["checks"] == {"database": True, "broker": True}
    client.post("/v1/articles", json={"body": "b", "content_type": "text/plain"}, headers=publisher.auth)
    metrics = client.get("/metrics").get_data(as_text=True)
    assert 'candor_articles{status="queued"} 1.0' in metrics
    assert "candor_queue_length 1.0" in metrics


def test_deliveries_are_per_publisher(client, publisher, other_publisher):
    assert client.get("/v1/deliveries", headers=publisher.auth).get_json() == {
        "items": [],
        "next_cursor": None,
    }
    assert_problem(client.post("/v1/deliveries/unknown/replay", headers=publisher.auth), 404)
