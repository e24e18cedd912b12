"""marshmallow schemas: the API's edge, used for parsing requests and documenting responses."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from workers.engine import SUPPORTED_CONTENT_TYPES

ARTICLE_STATUSES = ("queued", "checking", "done", "failed")
DECISIONS = ("approve", "needs_review", "reject")
DELIVERY_STATUSES = ("pending", "delivered", "dead", "failed")


class ArticleIn(Schema):
    external_id = fields.String(validate=validate.Length(max=200), metadata={"description": "Your id"})
    title = fields.String(validate=validate.Length(max=2000))
    body = fields.String(required=True, metadata={"description": "The article: plain text, HTML or Markdown"})
    content_type = fields.String(
        required=True, metadata={"description": "One of " + ", ".join(SUPPORTED_CONTENT_TYPES)}
    )
    url = fields.Url(validate=validate.Length(max=2000))
    language = fields.String(validate=validate.Length(max=20))
    callback_url = fields.Url(
        schemes={"http", "https"},
        require_tld=False,
        validate=validate.Length(max=2000),
        metadata={"description": "Overrides the publisher's callback URL for this article"},
    )
    metadata = fields.Dict(keys=fields.String(), metadata={"description": "Kept and returned as is"})


class Accepted(Schema):
    id = fields.String()
    status = fields.String()
    status_url = fields.String()


class VerdictSummary(Schema):
    id = fields.String()
    ruleset = fields.String()
    decision = fields.String()
    created_at = fields.DateTime()


class ArticleOut(Schema):
    id = fields.String()
    external_id = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    language = fields.String(allow_none=True)
    content_type = fields.String()
    status = fields.String()
    error = fields.String(allow_none=True)
    metadata = fields.Dict(attribute="metadata_", allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    decision = fields.String(allow_none=True)
    verdict = fields.Dict(allow_none=True, metadata={"description": "The latest verdict (DESIGN §3)"})
    verdicts = fields.List(fields.Nested(VerdictSummary), metadata={"description": "Verdict history"})


class ArticleListArgs(Schema):
    status = fields.String(validate=validate.OneOf(ARTICLE_STATUSES))
    decision = fields.String(validate=validate.OneOf(DECISIONS))
    since = fields.AwareDateTime(default_timezone=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = fields.String()


class ArticlePage(Schema):
    items = fields.List(fields.Nested(ArticleOut))
    next_cursor = fields.String(allow_none=True)


class CheckIn(Schema):
    body = fields.String(required=True)
    content_type = fields.String(load_default="text/plain")
    title = fields.String(validate=validate.Length(max=2000))
    policy = fields.Dict(metadata={"description": "Threshold overrides for this check only"})


class CheckOut(Schema):
    text = fields.String(metadata={"description": "The extracted text the offsets index"})
    verdict = fields.Dict()


class DeliveryOut(Schema):
    id = fields.String()
    webhook_id = fields.String()
    article_id = fields.String(allow_none=True)
    event_type = fields.String()
    status = fields.String()
    attempts = fields.Integer(attribute="attempts_count")
    next_attempt_at = fields.DateTime(allow_none=True)
    last_status_code = fields.Integer(allow_none=True)
    last_error = fields.String(allow_none=True)
    created_at = fields.DateTime()
    delivered_at = fields.DateTime(allow_none=True)


class DeliveryListArgs(Schema):
    status = fields.String(validate=validate.OneOf(DELIVERY_STATUSES))
    article_id = fields.String()
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = fields.String()


class DeliveryPage(Schema):
    items = fields.List(fields.Nested(DeliveryOut))
    next_cursor = fields.String(allow_none=True)


class Problem(Schema):
    type = fields.String()
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    errors = fields.Dict()


class RescanIn(Schema):
    since = fields.AwareDateTime(metadata={"description": "Only articles submitted at or after this time"})
    until = fields.AwareDateTime(metadata={"description": "Only articles submitted at or before this time"})
    decision = fields.String(validate=validate.OneOf(DECISIONS), metadata={"description": "Current decision"})


class RescanChange(Schema):
    article_id = fields.String()
    external_id = fields.String(allow_none=True)
    previous_decision = fields.String()
    decision = fields.String()


class RescanOut(Schema):
    id = fields.String()
    status = fields.String(metadata={"description": "queued, running or done"})
    ruleset = fields.String()
    filters = fields.Dict()
    total = fields.Integer()
    processed = fields.Integer()
    changed = fields.Integer()
    changes = fields.List(fields.Nested(RescanChange), metadata={"description": "The first 1,000 changes"})
    status_url = fields.String()
    created_at = fields.DateTime()
    finished_at = fields.DateTime(allow_none=True)
