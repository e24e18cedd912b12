"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Gauge, generate_latest
from sqlalchemy import func, select

from service.api.common import candor
from storage.models import Article, Delivery
from workers import dispatch

bp = Blueprint("health", __name__, url_prefix="/", description="Health and metrics")


@bp.route("healthz")
class Healthz(MethodView):
    @bp.response(200)
    def get(self) -> Any:
        """The process is up."""
        return {"status": "ok"}


def _broker_ok() -> bool:
    try:
        dispatch.queue_length(candor().celery)
        return True
    except Exception:
        return False


@bp.route("readyz")
class Readyz(MethodView):
    @bp.response(200)
    @bp.alt_response(503, description="Database or broker unreachable")
    def get(self) -> Any:
        """The database and the broker are reachable."""
        checks = {"database": candor().db.ping(), "broker": _broker_ok()}
        ok = all(checks.values())
        return {"status": "ok" if ok else "unavailable", "checks": checks}, 200 if ok else 503


@bp.route("metrics")
class Metrics(MethodView):
    @bp.doc(responses={200: {"description": "Prometheus text format"}})
    def get(self) -> Response:
        """Prometheus metrics read from the database and broker at scrape time.

        Read at scrape time rather than counted in-process, so the figures are right with
        any number of gunicorn and Celery processes.
        """
        registry = CollectorRegistry()
        articles = Gauge("candor_articles", "Stored articles by status", ["status"], registry=registry)
        deliveries = Gauge("candor_deliveries", "Webhook deliveries by status", ["status"], registry=registry)
        queue = Gauge("candor_queue_length", "Tasks waiting in the broker", registry=registry)
        with candor().db.session() as session:
            for status, count in session.execute(
                select(Article.status, func.count()).group_by(Article.status)
            ):
                articles.labels(status).set(count)
            for status, count in session.execute(
                select(Delivery.status, func.count()).group_by(Delivery.status)
            ):
                deliveries.labels(status).set(count)
        try:
            queue.set(dispatch.queue_length(candor().celery))
        except Exception:
            queue.set(float("nan"))
        return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)
