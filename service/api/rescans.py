"""Re-scans: re-check stored articles with the current ruleset and report what changed."""

from __future__ import annotations

import contextlib
from typing import Any

from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.common import SECURITY, authenticate, candor, require_json_body
from service.api.schemas import RescanIn, RescanOut
from service.errors import Problem
from storage import repo
from storage.models import Rescan
from workers import dispatch, engine

bp = Blueprint("rescans", __name__, url_prefix="/v1/rescans", description="Re-scans with the current ruleset")


def rescan_json(session: Any, rescan: Rescan) -> dict[str, Any]:
    changes = repo.rescan_changes(session, rescan.id)
    return {
        "id": rescan.id,
        "status": rescan.status,
        "ruleset": rescan.ruleset,
        "filters": rescan.filters,
        "total": rescan.total,
        "processed": rescan.processed,
        "changed": repo.count_rescan_changes(session, rescan.id),
        "changes": [
            {
                "article_id": article.id,
                "external_id": article.external_id,
                "previous_decision": change.previous_decision,
                "decision": change.decision,
            }
            for change, article in changes
        ],
        "status_url": url_for("rescans.RescanById", rescan_id=rescan.id, _external=True),
        "created_at": rescan.created_at,
        "finished_at": rescan.finished_at,
    }


bp.before_request(require_json_body)


@bp.route("")
class Rescans(MethodView):
    @bp.doc(security=SECURITY)
    @bp.arguments(RescanIn, location="json")
    @bp.response(202, RescanOut)
    def post(self, data: dict[str, Any]) -> Any:
        """Re-check your stored articles with the current ruleset.

        Only articles whose decision changes are sent again, as `verdict.changed` webhooks.
        """
        publisher = authenticate()
        app = candor()
        filters = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}
        with app.db.session() as session:
            rescan = repo.create_rescan(
                session, publisher_id=publisher.id, ruleset=engine.RULESET_VERSION, filters=filters
            )
            rescan_id = rescan.id
        # If the broker is down the sweeper starts it once it is back.
        with contextlib.suppress(dispatch.BrokerUnavailable):
            dispatch.enqueue_rescan(app.celery, rescan_id)
        with app.db.session() as session:
            started = repo.get_rescan(session, rescan_id)
            assert started is not None
            return (
                rescan_json(session, started),
                202,
                {"Location": url_for("rescans.RescanById", rescan_id=rescan_id)},
            )


@bp.route("/<string:rescan_id>")
class RescanById(MethodView):
    @bp.doc(security=SECURITY)
    @bp.response(200, RescanOut)
    @bp.alt_response(404, description="No such re-scan for this key")
    def get(self, rescan_id: str) -> Any:
        """A re-scan's progress and the articles whose decision it changed."""
        publisher = authenticate()
        with candor().db.session() as session:
            rescan = repo.get_rescan(session, rescan_id, publisher.id)
            if rescan is None:
                raise Problem(404, f"No re-scan {rescan_id!r} for this API key.")
            return rescan_json(session, rescan)
