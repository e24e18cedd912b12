"""The dashboard in headless Chromium against the real app, worker and webhook receiver."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from storage import repo, review
from storage.db import Database
from storage.models import Decision, Delivery, utcnow
from tests.conftest import wait_for
from tests.service.dashboard.conftest import BrowserPage, Moderator, finding, make_article

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLINIC_TEXT = (
    "Knee pain, solved\n\n"
    "Our stem cell injections cure arthritis and regrow cartilage with no side effects. "
    "Studies show that nine in ten patients are pain-free within a month. "
    "This game changer is available now at our clinic.\n\n"
    "Possible harms include infection and swelling at the injection site. "
    "Ask your doctor whether a clinical trial would suit you."
)


def clinic_findings() -> list[dict[str, Any]]:
    t = CLINIC_TEXT
    return [
        finding(t, "cure arthritis", "OC-CURE", "cure"),
        # Overlaps the cure finding's tail: both must stay visible, nested.
        finding(t, "arthritis and regrow cartilage", "OC-UNAPPROVED", "unapproved_indication", "medium"),
        finding(t, "no side effects", "OC-SAFETY", "safety"),
        finding(t, "Studies show", "OC-UNSOURCED", "unsourced_evidence", "medium"),
        finding(t, "game changer", "OC-HYPE", "hype", "low"),
    ]


def clinic_elements() -> list[dict[str, Any]]:
    t = CLINIC_TEXT
    q = "infection and swelling at the injection site"
    return [
        {
            "element": "harms",
            "present": True,
            "evidence": [{"start": t.index(q), "end": t.index(q) + len(q), "quote": q}],
        },
        {"element": "regulatory_status", "present": False, "evidence": []},
    ]


def test_sign_in_rejects_bad_password_then_throttles(page: BrowserPage, moderator: Moderator) -> None:
    response = page.goto("/dashboard/")
    assert response is not None
    assert "/dashboard/login" in page.page.url
    assert "default-src 'none'" in response.headers["content-security-policy"]

    page.sign_in(moderator.email, "wrong password!")
    assert "/dashboard/login" in page.page.url
    assert "Wrong e-mail or password." in page.page.inner_text("main")

    for _ in range(4):
        page.sign_in(moderator.email, "still wrong!!")
    # Five failures: now even the right password is refused for a while.
    page.sign_in(moderator.email, moderator.password)
    assert "Too many failed sign-ins" in page.page.inner_text("main")
    assert page.page.locator("nav[aria-label=Main]").count() == 0


def test_moderator_reviews_overrides_and_replays(
    page: BrowserPage,
    moderator: Moderator,
    publisher: Any,
    receiver: Any,
    celery_worker: Any,
    db: Database,
    artifacts: Path,
) -> None:
    approved = make_article(
        db,
        publisher.publisher_id,
        "A calm and sourced piece.",
        title="Older approved piece",
        decision="approve",
        created_at=utcnow() - timedelta(days=2),
    )
    article_id = make_article(
        db,
        publisher.publisher_id,
        CLINIC_TEXT,
        title="Knee pain, solved",
        url="https://clinic.example/knees",
        findings=clinic_findings(),
        elements=clinic_elements(),
        decision="needs_review",
    )

    page.sign_in(moderator.email, moderator.password)
    assert page.page.url.endswith("/dashboard/")
    rows = page.page.locator("table.queue tbody tr")
    # needs_review comes first even though the approved article is older.
    assert "Knee pain, solved" in rows.nth(0).inner_text()
    assert "Older approved piece" in rows.nth(1).inner_text()
    assert "1 awaiting review" in page.page.inner_text(".counts")

    page.page.click("text=Knee pain, solved")
    page.page.wait_for_url(f"**/dashboard/articles/{article_id}")
    marks = page.page.locator("#article-text mark[data-rule]")
    rules = set(marks.evaluate_all("els => els.map(e => e.dataset.rule)"))
    assert rules == {"OC-CURE", "OC-UNAPPROVED", "OC-SAFETY", "OC-UNSOURCED", "OC-HYPE"}
    cure = page.page.locator("#finding-0")
    assert cure.get_attribute("data-category") == "cure"
    assert cure.inner_text() == "cure "  # the rest of "cure arthritis" sits in the nested overlap
    overlap = page.page.locator('#article-text mark[data-rule="OC-CURE"] mark[data-rule="OC-UNAPPROVED"]')
    assert overlap.inner_text() == "arthritis"
    assert page.page.locator('#article-text mark[data-rule="OC-SAFETY"]').inner_text() == "no side effects"
    # Findings list links to the marks; following one targets the mark in the text.
    page.page.click('#findings a[href="#finding-2"]')
    assert page.page.evaluate("location.hash") == "#finding-2"
    assert page.page.locator("#finding-2:target").count() == 1
    # Disclosure checklist links to its evidence.
    assert (
        page.page.locator(".checklist .present a.evidence-link").get_attribute("href") == "#evidence-harms-0"
    )
    assert page.page.locator("#evidence-harms-0").inner_text().startswith("infection and swelling")
    page.page.evaluate("window.scrollTo(0, 0)")
    page.page.screenshot(path=str(artifacts / "article-synthetic.png"), full_page=True)

    # Override without a note is refused; with a note it is recorded.
    page.page.check("input[name=action][value=override]")
    page.page.select_option("select[name=override_decision]", "reject")
    with page.page.expect_navigation():
        page.page.click("text=Record decision")
    assert "A note is required." in page.page.inner_text(".decide")
    page.page.check("input[name=action][value=override]")
    page.page.select_option("select[name=override_decision]", "reject")
    page.page.fill("textarea[name=note]", "Promises a cure <b>and</b> denies side effects.")
    with page.page.expect_navigation():
        page.page.click("text=Record decision")
    entry = page.page.locator(".audit-entry").first
    assert moderator.email in entry.inner_text()
    assert "override" in entry.inner_text()
    assert entry.locator(".note").inner_text() == "Promises a cure <b>and</b> denies side effects."
    assert "reject" in page.page.inner_text("#moderator-decision")

    with db.session() as session:
        decision = session.scalars(select(Decision).where(Decision.article_id == article_id)).one()
        assert (decision.user_id, decision.action, decision.decision) == (moderator.id, "override", "reject")

    events = wait_for(lambda: receiver.verified_events("decision.made"))
    assert len(events) == 1
    data = events[0].payload["data"]
    assert data["article_id"] == article_id
    assert data["decision"]["decision"] == "reject"
    assert data["decision"]["action"] == "override"
    assert data["decision"]["note"] == "Promises a cure <b>and</b> denies side effects."
    first_webhook_id = events[0].headers["webhook-id"]

    # The deliveries page shows it delivered; a replay sends the same event again.
    page.goto("/dashboard/deliveries?event=decision.made")
    row = page.page.locator("table.deliveries tbody tr").first
    wait_for(lambda: _delivered(db, article_id))
    page.page.reload()
    assert "delivered" in row.inner_text()
    assert row.locator(".attempts").inner_text() == "1"
    with page.page.expect_navigation():
        row.locator("button", has_text="Replay").click()
    assert "Delivery queued for replay." in page.page.inner_text(".flashes")
    wait_for(lambda: len(receiver.verified_events("decision.made")) == 2)
    assert receiver.verified_events("decision.made")[1].headers["webhook-id"] == first_webhook_id
    wait_for(lambda: _attempts(db, article_id) == 2)
    page.page.reload()
    assert page.page.locator("table.deliveries tbody tr").first.locator(".attempts").inner_text() == "2"
    assert approved  # the older article stayed in the queue, after the one awaiting review
    assert not page.dialogs
    assert not [m for m in page.console_errors if "Content Security Policy" in m]


def _delivered(db: Database, article_id: str) -> bool:
    with db.session() as session:
        d = session.scalars(
            select(Delivery).where(Delivery.article_id == article_id, Delivery.event_type == "decision.made")
        ).one()
        return d.status == "delivered"


def _attempts(db: Database, article_id: str) -> int:
    with db.session() as session:
        d = session.scalars(
            select(Delivery).where(Delivery.article_id == article_id, Delivery.event_type == "decision.made")
        ).one()
        return d.attempts_count


HOSTILE = (
    'Miracle cure! <script>window.__pwned = "script"; alert("xss")</script> '
    "<img src=x onerror=\"window.__pwned = 'img'; alert(1)\"> "
    '"><svg onload="window.__pwned=\'svg\'"></svg> and </mark><b>bold</b> end.'
)


def test_hostile_article_renders_as_text(
    page: BrowserPage, moderator: Moderator, other_publisher: Any, db: Database, artifacts: Path
) -> None:
    findings = [
        finding(HOSTILE, "Miracle cure", "OC-CURE", "cure"),
        # A finding whose span covers the payload and crosses into the next text.
        finding(HOSTILE, '<img src=x onerror="window.__pwned', "OC-HYPE", "hype", "low"),
        {
            **finding(HOSTILE, "end", "OC-<x>", 'cat"><script>', "high"),
            "message": "<script>alert(2)</script>",
        },
    ]
    article_id = make_article(
        db,
        other_publisher.publisher_id,
        HOSTILE,
        title='<img src=x onerror="alert(3)">Title',
        findings=findings,
        body="<p>" + HOSTILE + '</p><iframe src="javascript:alert(4)"></iframe>',
        content_type="text/html",
        url='javascript:alert("url")',
    )
    page.sign_in(moderator.email, moderator.password)
    response = page.goto(f"/dashboard/articles/{article_id}")
    assert response is not None and response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.page.locator("details.original summary").click()
    page.page.wait_for_timeout(200)

    assert page.page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    text = page.page.locator("#article-text")
    assert text.inner_text() == HOSTILE
    assert text.locator("script, img, svg, b, iframe").count() == 0
    assert page.page.locator("main script, main img, main iframe").count() == 0
    assert HOSTILE in page.page.locator("details.original pre").inner_text()
    assert page.page.locator("h1").inner_text() == '<img src=x onerror="alert(3)">Title'
    assert page.page.locator('#article-text mark[data-rule="OC-<x>"]').inner_text() == "end"
    page.page.screenshot(path=str(artifacts / "hostile-article.png"), full_page=True)
    # The queue escapes the same fields.
    page.goto("/dashboard/")
    assert page.page.locator("table.queue img").count() == 0
    assert page.page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []


def test_engine_verdict_is_highlighted_where_the_rules_matched(
    page: BrowserPage,
    moderator: Moderator,
    other_publisher: Any,
    db: Database,
    settings: Any,
    artifacts: Path,
) -> None:
    from service.demo import DEMO_ARTICLES
    from workers import pipeline

    demo = next(a for a in DEMO_ARTICLES if a.external_id == "demo-01-clinic-knee")
    with db.session() as session:
        article, _ = repo.create_article(
            session,
            publisher_id=other_publisher.publisher_id,
            body=demo.body,
            content_type=demo.content_type,
            request_hash="demo",
            title=demo.title,
            url=demo.url,
            external_id=demo.external_id,
        )
        article_id = article.id
    pipeline.moderate_article(db, settings, article_id)
    with db.session() as session:
        stored = repo.get_article(session, article_id)
        verdict = repo.latest_verdict(session, article_id)
        assert stored is not None and stored.text and verdict is not None
        text = stored.text
        findings = next(c for c in verdict.payload["checks"] if c["check"] == "overclaim")["findings"]
    assert findings, "the engine found nothing in the clinic page"

    page.sign_in(moderator.email, moderator.password)
    page.goto(f"/dashboard/articles/{article_id}")
    assert page.page.locator("#article-text").inner_text() == text
    for i, f in enumerate(findings):
        mark = page.page.locator(f"#finding-{i}")
        assert mark.get_attribute("data-rule") == f["rule"]
        assert mark.get_attribute("data-category") == f["category"]
        # The first piece of each mark starts exactly where the rule matched.
        assert text[f["start"] : f["end"]].startswith(mark.inner_text())
    page.page.screenshot(path=str(artifacts / "article-page.png"), full_page=True)
    # Keyboard: focus the last finding's link, press Enter, and the mark is the target.
    last = len(findings) - 1
    page.page.focus(f'#findings a[href="#finding-{last}"]')
    page.page.keyboard.press("Enter")
    assert page.page.evaluate("location.hash") == f"#finding-{last}"
    assert page.page.locator(f"#finding-{last}:target").count() == 1


def test_stats_page_draws_charts(
    page: BrowserPage, moderator: Moderator, publisher: Any, db: Database
) -> None:
    article_id = make_article(
        db, publisher.publisher_id, CLINIC_TEXT, title="Knee", findings=clinic_findings()
    )
    page.sign_in(moderator.email, moderator.password)
    page.goto("/dashboard/stats")
    assert page.page.locator("svg.chart").count() == 3
    assert "No moderator decisions in the last 30 days." in page.page.inner_text("main")
    with db.session() as session:
        review.record_decision(
            session, article_id=article_id, user_id=moderator.id, action="reject", decision="reject", note="n"
        )
    page.page.reload()
    charts = page.page.locator("svg.chart")
    assert charts.count() == 4
    assert page.page.locator("svg.chart rect.series-reject").count() == 1
    assert page.page.locator("svg.chart rect.series-findings").count() == 5
    assert page.page.locator("svg.chart rect.series-needs_review").count() >= 2
