"""Intake API on the real app and database: statuses, idempotency, tenancy, pagination."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import Article
from tests.helpers import assert_problem, submit


def count_articles(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Article))


def test_submit_returns_202_with_status_url(client, publisher, db):
    response = submit(client, publisher.auth, external_id="cms-1")
    assert response.status_code == 202
    body = response.get_json()
    assert body["status"] == "queued"
    assert body["status_url"].endswith(f"/v1/articles/{body['id']}")
    assert response.headers["Location"] == body["status_url"]
    got = client.get(f"/v1/articles/{body['id']}", headers=publisher.auth).get_json()
    assert got["external_id"] == "cms-1" and got["status"] == "queued" and got["verdict"] is None


def test_idempotency_key_same_body_same_article(client, publisher, db):
    first = submit(client, publisher.auth, key="k-1")
    second = submit(client, publisher.auth, key="k-1")
    assert first.status_code == second.status_code == 202
    assert first.get_json()["id"] == second.get_json()["id"]
    assert second.headers["Idempotent-Replayed"] == "true"
    assert count_articles(db) == 1


def test_idempotency_key_different_body_conflicts(client, publisher, db):
    first = submit(client, publisher.auth, key="k-2")
    problem = assert_problem(submit(client, publisher.auth, "Another text.", key="k-2"), 409)
    assert problem["article_id"] == first.get_json()["id"]
    assert count_articles(db) == 1


def test_same_key_for_two_publishers_is_two_articles(client, publisher, other_publisher, db):
    a = submit(client, publisher.auth, key="shared").get_json()["id"]
    b = submit(client, other_publisher.auth, key="shared").get_json()["id"]
    assert a != b and count_articles(db) == 2


def test_missing_and_bad_keys_are_401(client, publisher):
    assert_problem(submit(client, {}), 401)
    response = submit(client, {"Authorization": "Bearer cnd_not-a-key"})
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert_problem(client.get("/v1/articles", headers={"Authorization": "Basic abc"}), 401)


def test_unknown_article_is_404(client, publisher):
    assert_problem(client.get("/v1/articles/nope", headers=publisher.auth), 404)
    assert_problem(client.get("/v1/nothing-here"), 404)


def test_tenant_isolation(client, publisher, other_publisher):
    mine = submit(client, publisher.auth).get_json()["id"]
    assert_problem(client.get(f"/v1/articles/{mine}", headers=other_publisher.auth), 404)
    listed = client.get("/v1/articles", headers=other_publisher.auth).get_json()
    assert listed["items"] == []
    own = client.get("/v1/articles", headers=publisher.auth).get_json()
    assert [a["id"] for a in own["items"]] == [mine]


def test_oversized_body_is_413_and_not_stored(client, publisher, db, app):
    limit = app.extensions["candor"].settings.max_body_bytes
    problem = assert_problem(submit(client, publisher.auth, "x" * (limit + 1)), 413)
    assert problem["limit"] == limit
    assert count_articles(db) == 0
    assert submit(client, publisher.auth, "é" * (limit // 2)).status_code == 202


def test_request_over_transport_limit_is_413(client, publisher, app):
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = client.post(
        "/v1/articles",
        data=b"{" + b" " * (limit + 10) + b"}",
        headers={**publisher.auth, "Content-Type": "application/json"},
    )
    assert_problem(response, 413)


def test_wrong_request_content_type_is_415(client, publisher):
    response = client.post(
        "/v1/articles",
        data="body=hello",
        headers={**publisher.auth, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_problem(response, 415)


def test_undecodable_body_is_415(client, publisher, db):
    raw = b'{"body": "caf\xe9", "content_type": "text/plain"}'
    response = client.post(
        "/v1/articles", data=raw, headers={**publisher.auth, "Content-Type": "application/json"}
    )
    assert "UTF-8" in assert_problem(response, 415)["detail"]
    latin1 = client.post(
        "/v1/articles",
        data=raw,
        headers={**publisher.auth, "Content-Type": "application/json; charset=latin-1"},
    )
    assert_problem(latin1, 415)
    assert count_articles(db) == 0


def test_lone_surrogate_and_nul_are_415(client, publisher, db):
    raw = b'{"body": "bad \\ud800 text", "content_type": "text/plain"}'
    response = client.post(
        "/v1/articles", data=raw, headers={**publisher.auth, "Content-Type": "application/json"}
    )
    assert_problem(response, 415)
    assert_problem(submit(client, publisher.auth, "nul\x00byte"), 415)
    assert count_articles(db) == 0


def test_unsupported_article_content_type_is_415(client, publisher):
    problem = assert_problem(submit(client, publisher.auth, content_type="application/pdf"), 415)
    assert "content_type" in problem["errors"]["json"]


def test_malformed_json_is_400(client, publisher):
    response = client.post(
        "/v1/articles", data=b'{"body": ', headers={**publisher.auth, "Content-Type": "application/json"}
    )
    assert_problem(response, 400)


def test_missing_fields_are_422_with_field_errors(client, publisher):
    response = client.post("/v1/articles", json={"title": 3}, headers=publisher.auth)
    errors = assert_problem(response, 422)["errors"]["json"]
    assert set(errors) >= {"body", "content_type", "title"}


def test_private_callback_url_is_422(client, publisher, db):
    for url in ("http://10.1.2.3/hook", "http://169.254.169.254/latest", "ftp://example.org/x"):
        problem = assert_problem(submit(client, publisher.auth, callback_url=url), 422)
        assert "callback_url" in problem["errors"]["json"]
    assert count_articles(db) == 0


def test_unresolvable_callback_url_is_422(client, publisher):
    problem = assert_problem(
        submit(client, publisher.auth, callback_url="http://no-such-host.invalid/x"), 422
    )
    assert "does not resolve" in problem["detail"]


def test_list_filters_and_cursor_pagination(client, publisher):
    ids = [submit(client, publisher.auth, f"Article {i}").get_json()["id"] for i in range(5)]
    seen, cursor, pages = [], None, 0
    while True:
        query = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/v1/articles", query_string=query, headers=publisher.auth).get_json()
        seen += [a["id"] for a in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert pages == 3 and sorted(seen) == sorted(ids) and len(set(seen)) == 5
    queued = client.get("/v1/articles?status=queued", headers=publisher.auth).get_json()
    assert len(queued["items"]) == 5
    assert client.get("/v1/articles?status=done", headers=publisher.auth).get_json()["items"] == []
    assert_problem(client.get("/v1/articles?status=bogus", headers=publisher.auth), 422)
    assert_problem(client.get("/v1/articles?cursor=%%%", headers=publisher.auth), 400)


def test_backpressure_answers_503_and_stores_nothing(app, client, publisher, db):
    candor = app.extensions["candor"]
    app.extensions["candor"] = type(candor)(
        settings=candor.settings.with_overrides(queue_max_length=1), db=candor.db, celery=candor.celery
    )
    assert submit(client, publisher.auth).status_code == 202  # one task now waits (no worker)
    response = submit(client, publisher.auth, "second")
    assert assert_problem(response, 503)["type"].endswith("queue-full")
    assert response.headers["Retry-After"] == "5"
    assert count_articles(db) == 1
