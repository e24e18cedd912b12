"""Synchronous checks (editor preview) and the rule catalogue."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.common import SECURITY, authenticate, candor, check_text_field, require_json_body
from service.api.schemas import CheckIn, CheckOut
from service.errors import Problem
from workers import engine

bp = Blueprint("checks", __name__, url_prefix="/v1", description="Checks and rules")


@bp.route("/check")
class Check(MethodView):
    @bp.doc(security=SECURITY)
    @bp.arguments(CheckIn, location="json")
    @bp.response(200, CheckOut)
    def post(self, data: dict[str, Any]) -> Any:
        """Check one text now and return the verdict; nothing is stored."""
        publisher = authenticate()
        check_text_field("body", data["body"], candor().settings.max_body_bytes)
        policy = {**(publisher.policy or {}), **(data.get("policy") or {})}
        try:
            engine.validate_policy(policy)
        except (ValueError, TypeError) as exc:
            raise Problem(422, f"Invalid policy: {exc}", errors={"json": {"policy": [str(exc)]}}) from None
        try:
            outcome = engine.run_checks(
                data["body"], data["content_type"], title=data.get("title"), policy=policy
            )
        except engine.UnsupportedContentType as exc:
            raise Problem(415, str(exc), errors={"json": {"content_type": [str(exc)]}}) from None
        return {"text": outcome.text, "verdict": dict(outcome.verdict, duration_ms=outcome.duration_ms)}


bp.before_request(require_json_body)


@bp.route("/rules")
class Rules(MethodView):
    @bp.response(200)
    def get(self) -> Any:
        """The rule catalogue of the active ruleset, with its version (no key needed)."""
        return engine.rule_catalogue()
