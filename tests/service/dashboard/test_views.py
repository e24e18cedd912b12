"""Dashboard views through Flask's test client, and the `user` and `demo` commands."""

from __future__ import annotations

import re
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from service.dashboard.cli import DEMO_EMAIL, DEMO_PASSWORD, demo_command, user_command
from storage import review
from storage.db import Database
from storage.models import Article, Decision, Verdict
from tests.service.dashboard.conftest import Moderator, make_article

PAGES = ["/dashboard/", "/dashboard/deliveries", "/dashboard/stats", "/dashboard/articles/x"]


def csrf(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert match, "no CSRF token in the page"
    return match.group(1)


def sign_in(client: Any, email: str, password: str, next_: str = "") -> Any:
    token = csrf(client.get("/dashboard/login").get_data(as_text=True))
    return client.post(
        "/dashboard/login", data={"email": email, "password": password, "csrf_token": token, "next": next_}
    )


@pytest.mark.parametrize("path", PAGES)
def test_pages_need_a_session(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/dashboard/login?next=")


def test_a_publisher_api_key_never_opens_the_dashboard(
    client: Any, other_publisher: Any, moderator: Moderator, db: Database
) -> None:
    article_id = make_article(db, other_publisher.publisher_id, "text", title="Secret title")
    for path in [*PAGES, f"/dashboard/articles/{article_id}"]:
        response = client.get(path, headers=other_publisher.auth)
        assert response.status_code == 401, path
        assert "Secret title" not in response.get_data(as_text=True)
    # Not even next to a valid session: an Authorization header is refused outright.
    assert sign_in(client, moderator.email, moderator.password).status_code == 302
    assert client.get("/dashboard/", headers=other_publisher.auth).status_code == 401
    assert client.get("/dashboard/").status_code == 200


def test_security_headers(client: Any) -> None:
    response = client.get("/dashboard/login")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert 'style="' not in response.get_data(as_text=True)


def test_sign_in_and_out(client: Any, moderator: Moderator) -> None:
    response = sign_in(client, moderator.email.upper(), "wrong password")
    assert response.status_code == 401
    assert "Wrong e-mail or password." in response.get_data(as_text=True)
    response = sign_in(client, moderator.email.upper(), moderator.password, next_="/dashboard/stats")
    assert response.headers["Location"] == "/dashboard/stats"
    page = client.get("/dashboard/stats")
    assert page.status_code == 200 and moderator.email in page.get_data(as_text=True)
    # Logout is a POST with a CSRF token; a GET does nothing.
    assert client.get("/dashboard/logout").status_code == 405
    assert client.post("/dashboard/logout").status_code == 302
    assert client.get("/dashboard/").status_code == 200
    client.post("/dashboard/logout", data={"csrf_token": csrf(page.get_data(as_text=True))})
    assert client.get("/dashboard/").status_code == 302


def test_sign_in_never_redirects_off_site(app: Any, moderator: Moderator) -> None:
    for target in ["https://evil.example/", "//evil.example/", "/v1/articles", "/dashboard\\@evil"]:
        response = sign_in(app.test_client(), moderator.email, moderator.password, next_=target)
        assert response.headers["Location"] == "/dashboard/", target


def test_sign_in_form_needs_its_csrf_token(client: Any, moderator: Moderator) -> None:
    response = client.post(
        "/dashboard/login", data={"email": moderator.email, "password": moderator.password}
    )
    assert response.status_code == 400
    assert client.get("/dashboard/").status_code == 302


def test_decisions_need_csrf_a_note_and_an_override_target(
    client: Any, other_publisher: Any, moderator: Moderator, db: Database
) -> None:
    article_id = make_article(db, other_publisher.publisher_id, "Stem cells cure it.", title="T")
    sign_in(client, moderator.email, moderator.password)
    page = client.get(f"/dashboard/articles/{article_id}").get_data(as_text=True)
    url = f"/dashboard/articles/{article_id}/decisions"

    assert client.post(url, data={"action": "approve", "note": "ok"}).status_code == 400
    response = client.post(url, data={"action": "approve", "note": "", "csrf_token": csrf(page)})
    assert response.status_code == 400 and "A note is required." in response.get_data(as_text=True)
    response = client.post(url, data={"action": "override", "note": "because", "csrf_token": csrf(page)})
    assert response.status_code == 400
    assert "Choose the decision that replaces" in response.get_data(as_text=True)
    with db.session() as s:
        assert s.scalar(select(func.count(Decision.id))) == 0

    response = client.post(url, data={"action": "approve", "note": "reads fine", "csrf_token": csrf(page)})
    assert response.status_code == 302
    with db.session() as s:
        decision = s.scalars(select(Decision)).one()
        assert (decision.action, decision.decision, decision.note) == ("approve", "approve", "reads fine")
    # The publisher has no callback URL: the event is stored as failed, visible on the page.
    html = client.get(f"/dashboard/articles/{article_id}").get_data(as_text=True)
    assert "decision.made" in html and "publisher has no callback URL" in html
    assert (
        client.post(
            "/dashboard/articles/nope/decisions",
            data={"csrf_token": csrf(page), "action": "approve", "note": "x y z"},
        ).status_code
        == 404
    )


def test_queue_filters_from_the_query_string(
    client: Any, other_publisher: Any, moderator: Moderator, db: Database
) -> None:
    make_article(db, other_publisher.publisher_id, "a", title="Needs a look")
    make_article(db, other_publisher.publisher_id, "b", title="All fine", decision="approve")
    sign_in(client, moderator.email, moderator.password)
    html = client.get("/dashboard/?decision=approve&since=bad-date&page=x").get_data(as_text=True)
    assert "All fine" in html and "Needs a look" not in html
    html = client.get("/dashboard/?q=look").get_data(as_text=True)
    assert "Needs a look" in html and "All fine" not in html
    assert client.get("/dashboard/articles/does-not-exist").status_code == 404


def test_user_create_reads_the_password_from_stdin(
    db: Database, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    runner = CliRunner()
    result = runner.invoke(
        user_command, ["create", "Admin@Example.org", "--role", "admin"], input="a long password\n"
    )
    assert result.exit_code == 0, result.output
    assert "created admin admin@example.org" in result.output
    result = runner.invoke(user_command, ["create", "admin@example.org"], input="short\n")
    assert result.exit_code != 0 and "at least" in result.output
    result = runner.invoke(user_command, ["create", "admin@example.org", "--role", "publisher"], input="x\n")
    assert result.exit_code != 0
    with db.session() as s:
        user = review.get_user_by_email(s, "admin@example.org")
        assert user is not None and user.role == "admin" and user.password_hash.startswith("$argon2")


def test_demo_loads_checked_articles_once(
    db: Database, settings: Any, monkeypatch: pytest.MonkeyPatch, app: Any
) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("CANDOR_VAR_DIR", str(settings.var_dir))
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(demo_command, [])
        assert result.exit_code == 0, result.output
        assert DEMO_PASSWORD in result.output
    with db.session() as s:
        assert s.scalar(select(func.count(Article.id))) == 12
        assert s.scalar(select(func.count(Verdict.id))) == 12
        # The demo shows a range: not every article gets the same decision.
        assert len(set(s.scalars(select(Verdict.decision)))) >= 2
    client = app.test_client()
    assert sign_in(client, DEMO_EMAIL, DEMO_PASSWORD).status_code == 302
    html = client.get("/dashboard/").get_data(as_text=True)
    assert "12 articles" in html


def test_article_page_shows_older_verdicts_and_the_next_article_to_review(
    client: Any, other_publisher: Any, moderator: Moderator, db: Database
) -> None:
    from storage import repo

    first = make_article(db, other_publisher.publisher_id, "one", title="First")
    second = make_article(db, other_publisher.publisher_id, "two", title="Second")
    with db.session() as s:
        article = repo.get_article(s, first)
        assert article is not None
        old = repo.latest_verdict(s, first)
        assert old is not None
        old_id = old.id
        repo.add_verdict(s, article, "test.2", {"decision": "approve", "scores": {}, "checks": []})
    sign_in(client, moderator.email, moderator.password)
    html = client.get(f"/dashboard/articles/{first}").get_data(as_text=True)
    assert "older verdict" not in html and "ruleset test.1" in html and f"verdict={old_id}" in html
    assert f'class="next-open" href="/dashboard/articles/{second}"' in html
    html = client.get(f"/dashboard/articles/{first}?verdict={old_id}").get_data(as_text=True)
    assert "You are looking at an older verdict" in html
    html = client.get(f"/dashboard/articles/{second}").get_data(as_text=True)
    assert "next-open" not in html  # "first" is approved now: nothing else awaits review


def test_a_malformed_verdict_payload_still_renders(
    client: Any, other_publisher: Any, moderator: Moderator, db: Database
) -> None:
    from storage import repo

    article_id = make_article(db, other_publisher.publisher_id, "Some text here.", title="Odd")
    with db.session() as s:
        article = repo.get_article(s, article_id)
        assert article is not None
        payload = {
            "decision": "needs_review",
            "scores": {},
            "checks": [
                {
                    "check": "overclaim",
                    "findings": [{"rule": 5, "start": "x"}, "junk", {}, {"start": 0, "end": 4}],
                },
                {
                    "check": "risk_disclosure",
                    "elements": [{"element": "harms", "evidence": [{"start": 0, "end": 10**6}]}],
                },
            ],
        }
        repo.add_verdict(s, article, "test.odd", payload)
    sign_in(client, moderator.email, moderator.password)
    response = client.get(f"/dashboard/articles/{article_id}")
    assert response.status_code == 200
    assert '<mark id="finding-2"' in response.get_data(as_text=True)  # non-objects are dropped first
    assert client.get("/dashboard/").status_code == 200
    assert client.get("/dashboard/stats").status_code == 200


def test_article_page_shows_each_findings_rewrite(
    client: Any, other_publisher: Any, moderator: Moderator, db: Database
) -> None:
    from workers.checks import check

    text = "Our groundbreaking stem cell injections cure knee arthritis."
    findings = check(text).to_dict()["checks"][1]["findings"]
    cure = next(f for f in findings if f["category"] == "cure")
    assert cure["rewrite"] == "Our groundbreaking stem cell injections may help with knee arthritis."
    article_id = make_article(db, other_publisher.publisher_id, text, findings=findings)
    sign_in(client, moderator.email, moderator.password)
    html = client.get(f"/dashboard/articles/{article_id}").get_data(as_text=True)
    assert 'class="rewrite"' in html
    assert "Our groundbreaking stem cell injections may help with knee arthritis." in html
    assert "Our stem cell injections cure knee arthritis." in html  # the hype word deleted
