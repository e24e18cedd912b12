"""Article intake and lookup."""

from __future__ import annotations

import json
from typing import Any

from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.common import (
    SECURITY,
    authenticate,
    candor,
    check_text_field,
    decode_cursor,
    page,
    require_json_body,
)
from service.api.schemas import Accepted, ArticleIn, ArticleListArgs, ArticleOut, ArticlePage
from service.errors import Problem
from storage import repo
from storage.models import Article
from workers import dispatch
from workers.callback_safety import UnsafeCallback, check_callback_url
from workers.engine import SUPPORTED_CONTENT_TYPES
from workers.pipeline import verdict_document

bp = Blueprint("articles", __name__, url_prefix="/v1/articles", description="Submit and read articles")

RETRY_AFTER_SECONDS = 5


def _media_type(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def article_json(session: Any, article: Article) -> dict[str, Any]:
    verdict = repo.latest_verdict(session, article.id)
    return {
        "id": article.id,
        "external_id": article.external_id,
        "title": article.title,
        "url": article.url,
        "language": article.language,
        "content_type": article.content_type,
        "status": article.status,
        "error": article.error,
        "metadata_": article.metadata_,
        "created_at": article.created_at,
        "updated_at": article.updated_at,
        "decision": verdict.decision if verdict else None,
        "verdict": verdict_document(article, verdict) if verdict else None,
        "verdicts": article.verdicts,
    }


def _backpressure() -> None:
    """503 before storing anything when the queue is already longer than we can promise to work off."""
    app = candor()
    try:
        waiting = dispatch.queue_length(app.celery)
    except Exception:
        return  # broker down: store anyway, the enqueue below answers 503 and the sweeper catches up
    if waiting >= app.settings.queue_max_length:
        raise Problem(
            503,
            f"{waiting} articles are waiting to be checked; try again shortly.",
            slug="queue-full",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )


@bp.route("")
class Articles(MethodView):
    @bp.doc(security=SECURITY)
    @bp.arguments(ArticleIn, location="json")
    @bp.response(202, Accepted)
    @bp.alt_response(409, description="Idempotency-Key reused with a different body")
    @bp.alt_response(413, description="Body over the size limit")
    @bp.alt_response(415, description="Not JSON, not UTF-8, or an unsupported content_type")
    @bp.alt_response(
        503, description="Queue full (nothing stored) or broker down (stored, will be processed)"
    )
    def post(self, data: dict[str, Any]) -> Any:
        """Submit an article for checking.

        The article is stored before it is queued. Send an `Idempotency-Key` header to make
        retries safe: the same key and body return the same article; a different body is 409.
        """
        from flask import request

        publisher = authenticate()
        app = candor()
        content_type = _media_type(data["content_type"])
        if content_type not in SUPPORTED_CONTENT_TYPES:
            raise Problem(
                415,
                f"content_type {data['content_type']!r} is not supported; use one of "
                + ", ".join(SUPPORTED_CONTENT_TYPES)
                + ".",
                errors={"json": {"content_type": ["Unsupported content type."]}},
            )
        for name in ("body", "title", "external_id"):
            if isinstance(data.get(name), str):
                check_text_field(name, data[name], app.settings.max_body_bytes)
        if data.get("callback_url"):
            try:
                check_callback_url(data["callback_url"], app.settings.callback_allowlist)
            except UnsafeCallback as exc:
                raise Problem(422, str(exc), errors={"json": {"callback_url": [str(exc)]}}) from None
        key = request.headers.get("Idempotency-Key")
        if key is not None and not (0 < len(key) <= 200):
            raise Problem(400, "Idempotency-Key must be 1 to 200 characters.")
        _backpressure()
        request_hash = repo.sha256_hex(json.dumps(data, sort_keys=True, default=str))
        with app.db.session() as session:
            try:
                article, created = repo.create_article(
                    session,
                    publisher_id=publisher.id,
                    body=data["body"],
                    content_type=content_type,
                    request_hash=request_hash,
                    idempotency_key=key,
                    external_id=data.get("external_id"),
                    title=data.get("title"),
                    url=data.get("url"),
                    language=data.get("language"),
                    callback_url=data.get("callback_url"),
                    metadata_=data.get("metadata"),
                )
            except repo.IdempotencyConflict as exc:
                raise Problem(
                    409,
                    "This Idempotency-Key was used with a different request body.",
                    slug="idempotency-conflict",
                    article_id=exc.article_id,
                ) from None
            article_id, status, needs_enqueue = article.id, article.status, created or article.enqueue_failed
        status_url = url_for("articles.ArticleById", article_id=article_id, _external=True)
        body = {"id": article_id, "status": status, "status_url": status_url}
        if needs_enqueue:
            try:
                dispatch.enqueue_moderation(app.celery, article_id)
            except dispatch.BrokerUnavailable:
                with app.db.session() as session:
                    repo.mark_enqueue_failed(session, article_id)
                raise Problem(
                    503,
                    "The queue is unreachable. The article is stored and will be checked when it is back; "
                    "retrying with the same Idempotency-Key is safe.",
                    slug="broker-unavailable",
                    headers={"Retry-After": str(RETRY_AFTER_SECONDS), "Location": status_url},
                    article_id=article_id,
                    status_url=status_url,
                ) from None
        headers = {"Location": status_url}
        if not created:
            headers["Idempotent-Replayed"] = "true"
        return body, 202, headers

    @bp.doc(security=SECURITY)
    @bp.arguments(ArticleListArgs, location="query")
    @bp.response(200, ArticlePage)
    def get(self, args: dict[str, Any]) -> Any:
        """List your articles, newest first, with filters and cursor pagination."""
        publisher = authenticate()
        limit = args["limit"]
        with candor().db.session() as session:
            rows = repo.list_articles(
                session,
                publisher_id=publisher.id,
                status=args.get("status"),
                decision=args.get("decision"),
                since=args.get("since"),
                after=decode_cursor(args.get("cursor")),
                limit=limit + 1,
            )
            rows, next_cursor = page(rows, limit, lambda a: (a.created_at, a.id))
            return {"items": [article_json(session, a) for a in rows], "next_cursor": next_cursor}


bp.before_request(require_json_body)


@bp.route("/<string:article_id>")
class ArticleById(MethodView):
    @bp.doc(security=SECURITY)
    @bp.response(200, ArticleOut)
    @bp.alt_response(404, description="No such article for this key")
    def get(self, article_id: str) -> Any:
        """An article, its status and its latest verdict."""
        publisher = authenticate()
        with candor().db.session() as session:
            article = repo.get_article(session, article_id, publisher.id)
            if article is None:
                raise Problem(404, f"No article {article_id!r} for this API key.")
            return article_json(session, article)
