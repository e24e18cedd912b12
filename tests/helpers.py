"""Small helpers shared by tests (fixture articles written for the project, API calls)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
CONTENT_TYPES = {".html": "text/html", ".md": "text/markdown", ".txt": "text/plain"}


def fixture_articles() -> list[tuple[str, str, str]]:
    """(name, body, content_type) for each sample article in tests/fixtures/articles."""
    return [
        (p.stem, p.read_text(encoding="utf-8"), CONTENT_TYPES[p.suffix])
        for p in sorted(FIXTURES.iterdir())
        if p.suffix in CONTENT_TYPES
    ]


def submit(
    client: Any,
    auth: dict[str, str],
    body: str = "Stem cells cure arthritis.",
    *,
    content_type: str = "text/plain",
    key: str | None = None,
    **fields: Any,
) -> Any:
    headers = dict(auth)
    if key:
        headers["Idempotency-Key"] = key
    payload = {"body": body, "content_type": content_type, "title": fields.pop("title", "A title"), **fields}
    return client.post("/v1/articles", json=payload, headers=headers)


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body: dict[str, Any] = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"].startswith("https://candor.dev/problems/")
    assert body["title"] and body["detail"]
    return body
