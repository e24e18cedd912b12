"""Dashboard fixtures: stored articles with known verdicts, a moderator, and a real browser.

The browser is Debian's Chromium driven by Playwright; the app is served for real by
Werkzeug on 127.0.0.1. Nothing is mocked: the tests use the same database, Redis, Celery
worker and webhook receiver fixtures as the rest of the suite (tests/conftest.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from service.dashboard.auth import hash_password
from storage import repo, review
from storage.db import Database

CHROMIUM = os.environ.get("CANDOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
PASSWORD = "correct horse battery"


def make_article(
    db: Database,
    publisher_id: str,
    text: str,
    *,
    title: str = "An article",
    findings: list[dict[str, Any]] | None = None,
    elements: list[dict[str, Any]] | None = None,
    decision: str = "needs_review",
    body: str | None = None,
    content_type: str = "text/plain",
    url: str | None = None,
    created_at: datetime | None = None,
    ruleset: str = "test.1",
) -> str:
    """Store an article and one verdict with exactly these findings (offsets index ``text``)."""
    payload = {
        "ruleset": ruleset,
        "decision": decision,
        "scores": {"risk_disclosure": 0.25, "overclaim": 0.75},
        "applicable": True,
        "checks": [
            {"check": "risk_disclosure", "status": "fail", "score": 0.25, "elements": elements or []},
            {"check": "overclaim", "status": "fail", "score": 0.75, "findings": findings or []},
        ],
    }
    with db.session() as session:
        fields: dict[str, Any] = {"title": title, "url": url, "external_id": f"ext-{title[:20]}"}
        article, _ = repo.create_article(
            session,
            publisher_id=publisher_id,
            body=body if body is not None else text,
            content_type=content_type,
            request_hash=repo.sha256_hex(text + title),
            **fields,
        )
        article.text, article.status = text, "done"
        if created_at is not None:
            article.created_at = created_at
        session.flush()
        verdict = repo.add_verdict(session, article, ruleset, payload)
        if created_at is not None:
            verdict.created_at = created_at
        return article.id


def finding(
    text: str, quote: str, rule: str, category: str, severity: str = "high", nth: int = 0
) -> dict[str, Any]:
    """A finding for the ``nth`` occurrence of ``quote`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return {
        "rule": rule,
        "category": category,
        "severity": severity,
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "message": f"{rule} message",
        "suggestion": f"{rule} suggestion",
        "hedged": False,
    }


@dataclass(frozen=True)
class Moderator:
    id: str
    email: str
    password: str = PASSWORD


@pytest.fixture
def moderator(db: Database) -> Moderator:
    with db.session() as session:
        user, _ = review.upsert_user(session, "mod@example.org", hash_password(PASSWORD), "moderator")
    return Moderator(user.id, user.email)


# --- the real app over HTTP and a real browser -----------------------------------------------


@pytest.fixture
def live_server(app: Any) -> Iterator[str]:
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            f"BROWSER TESTS SKIPPED: no Chromium at {CHROMIUM}. "
            "Install Debian's package (apt-get install chromium) or set CANDOR_CHROMIUM; "
            ".ci/run installs it so CI always runs them."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class BrowserPage:
    page: Any
    base: str
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def goto(self, path: str) -> Any:
        return self.page.goto(self.base + path)

    def sign_in(self, email: str, password: str) -> Any:
        self.goto("/dashboard/login")
        self.page.fill("input[name=email]", email)
        self.page.fill("input[name=password]", password)
        with self.page.expect_navigation():
            self.page.click("button[type=submit]")
        return self.page


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[BrowserPage]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(10_000)
    pw_page = context.new_page()
    wrapper = BrowserPage(pw_page, live_server)

    def on_dialog(dialog: Any) -> None:
        wrapper.dialogs.append(dialog.message)
        dialog.dismiss()

    pw_page.on("dialog", on_dialog)
    pw_page.on("console", lambda m: wrapper.console_errors.append(m.text) if m.type == "error" else None)
    yield wrapper
    context.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
