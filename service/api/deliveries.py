"""The webhook delivery log and replay."""

from __future__ import annotations

import contextlib
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from service.api.common import SECURITY, authenticate, candor, decode_cursor, page
from service.api.schemas import DeliveryListArgs, DeliveryOut, DeliveryPage
from service.errors import Problem
from storage import repo
from workers import dispatch

bp = Blueprint("deliveries", __name__, url_prefix="/v1/deliveries", description="Webhook deliveries")


@bp.route("")
class Deliveries(MethodView):
    @bp.doc(security=SECURITY)
    @bp.arguments(DeliveryListArgs, location="query")
    @bp.response(200, DeliveryPage)
    def get(self, args: dict[str, Any]) -> Any:
        """Your webhook deliveries, newest first."""
        publisher = authenticate()
        limit = args["limit"]
        with candor().db.session() as session:
            rows = repo.list_deliveries(
                session,
                publisher_id=publisher.id,
                status=args.get("status"),
                article_id=args.get("article_id"),
                after=decode_cursor(args.get("cursor")),
                limit=limit + 1,
            )
            rows, next_cursor = page(rows, limit, lambda d: (d.created_at, d.id))
            return {"items": rows, "next_cursor": next_cursor}


@bp.route("/<string:delivery_id>/replay")
class Replay(MethodView):
    @bp.doc(security=SECURITY)
    @bp.response(202, DeliveryOut)
    @bp.alt_response(404, description="No such delivery for this key")
    def post(self, delivery_id: str) -> Any:
        """Send a delivery again from the start of the retry schedule (same webhook-id)."""
        publisher = authenticate()
        app = candor()
        with app.db.session() as session:
            delivery = repo.get_delivery(session, delivery_id, publisher.id)
            if delivery is None:
                raise Problem(404, f"No delivery {delivery_id!r} for this API key.")
            repo.replay_delivery(session, delivery)
        # Pending and due either way: if the broker is down the sweeper sends it later.
        with contextlib.suppress(dispatch.BrokerUnavailable):
            dispatch.enqueue_delivery(app.celery, delivery_id)
        return delivery
