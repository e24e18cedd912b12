"""Dashboard pages: sign-in, review queue, article, decisions, deliveries, stats."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from service.dashboard import auth, charts
from service.dashboard.forms import DecisionForm, LoginForm, PostForm
from service.dashboard.highlight import evidence_spans, finding_spans, highlight
from storage import repo, review
from workers import dispatch, engine, pipeline

log = logging.getLogger(__name__)

bp = Blueprint(
    "dashboard",
    __name__,
    url_prefix="/dashboard",
    template_folder="templates",
    static_folder="static",
)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)

CATEGORY_LABELS = {
    "cure": "Cure, reversal, guarantees",
    "safety": "Safety claims",
    "hype": "Hype words",
    "unsourced_evidence": "Unsourced evidence",
    "causal_unhedged": "Unhedged causal claims",
    "unapproved_indication": "Unapproved indication",
    "promotion": "Self-promotion",
}
ELEMENT_LABELS = {
    "harms": "Harms and side effects",
    "evidence_status": "Status of the evidence",
    "regulatory_status": "Regulatory status",
    "professional_advice": "Advice to consult a clinician",
    "cost": "Cost and coverage",
    "alternatives": "Alternatives",
}
DECISION_SERIES = ["approve", "needs_review", "reject"]
PER_PAGE = 25


def _candor() -> Any:
    return current_app.extensions["candor"]


@bp.before_request
def _authenticate() -> Any:
    # The dashboard is for people with a session; a publisher's API key never opens it.
    if request.headers.get("Authorization"):
        return render_template(
            "dashboard/error.html",
            code=401,
            message="API keys do not give access to the dashboard. Sign in instead.",
        ), 401
    if request.endpoint == "dashboard.static":
        return None
    g.dashboard_user = auth.load_user(_candor().db)
    return None


@bp.after_request
def _security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    if request.endpoint != "dashboard.static":
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(HTTPException)
def _error_page(error: HTTPException) -> Any:
    code = error.code or 500
    if code == 400 and "CSRF" in (error.description or ""):
        message = "The form expired or was sent from elsewhere. Reload the page and try again."
    else:
        message = error.description or error.name
    return render_template("dashboard/error.html", code=code, message=message), code


@bp.app_template_filter("when")
def _when(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


@bp.app_template_filter("score")
def _score(value: Any) -> str:
    # Payloads from older rulesets may lack a score: show a dash, never fail the page.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "—"
    return f"{value:.2f}"


@bp.context_processor
def _globals() -> dict[str, Any]:
    return {
        "user": auth.current_user(),
        "logout_form": PostForm(),
        "category_labels": CATEGORY_LABELS,
        "element_labels": ELEMENT_LABELS,
    }


# --- sign-in -----------------------------------------------------------------------------


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/dashboard") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("dashboard.queue")


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
        if auth.current_user() is not None:
            return redirect(_safe_next(form.next.data))
        return render_template("dashboard/login.html", form=form)
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            flash("The sign-in form expired. Please try again.", "error")
        return render_template("dashboard/login.html", form=form), 400
    email, password = str(form.email.data), str(form.password.data)
    address = request.remote_addr or "unknown"
    limiter = auth.throttle()
    if limiter.blocked(email, address):
        flash("Too many failed sign-ins. Wait a few minutes and try again.", "error")
        return render_template("dashboard/login.html", form=form), 429
    user = auth.authenticate(_candor().db, email, password)
    if user is None:
        limiter.failed(email, address)
        log.info("dashboard sign-in failed for %s from %s", review.normalise_email(email), address)
        flash("Wrong e-mail or password.", "error")
        return render_template("dashboard/login.html", form=form), 401
    limiter.succeeded(email)
    auth.login_user(user)
    return redirect(_safe_next(form.next.data))


@bp.route("/logout", methods=["POST"])
def logout() -> Any:
    form = PostForm()
    if form.validate_on_submit():
        auth.logout_user()
        flash("Signed out.", "info")
    return redirect(url_for("dashboard.login"))


# --- queue -------------------------------------------------------------------------------


def _date_arg(name: str) -> date | None:
    raw = request.args.get(name, "").strip()
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _start_of(day: date | None) -> datetime | None:
    return datetime.combine(day, datetime.min.time(), tzinfo=UTC) if day else None


def _page_arg() -> int:
    try:
        return max(1, int(request.args.get("page", "1")))
    except ValueError:
        return 1


@bp.route("/")
@auth.login_required
def queue() -> Any:
    args = request.args
    since, until = _date_arg("since"), _date_arg("until")
    decision = args.get("decision") or None
    state = args.get("state") or None
    filters = review.QueueFilters(
        publisher_id=args.get("publisher") or None,
        decision=decision if decision in review.QUEUE_DECISIONS else None,
        rule=(args.get("rule") or "").strip() or None,
        state=state if state in review.REVIEW_STATES else None,
        since=_start_of(since),
        until=_start_of(until + timedelta(days=1)) if until else None,
        q=(args.get("q") or "").strip() or None,
    )
    with _candor().db.session() as s:
        page = review.review_queue(s, filters, page=_page_arg(), per_page=PER_PAGE)
        publishers = [(p.id, p.name) for p in review.publishers(s)]
        rules = sorted(set(review.known_rules(s)) | _catalogue_rules())
    query = {k: v for k, v in args.items() if k != "page" and v}
    return render_template(
        "dashboard/queue.html",
        page=page,
        filters=filters,
        since=since,
        until=until,
        publishers=publishers,
        rules=rules,
        decisions=review.QUEUE_DECISIONS,
        query=query,
    )


def _catalogue_rules() -> set[str]:
    """Overclaim rule ids of the active ruleset, offered in the queue's rule filter."""
    rules = engine.rule_catalogue().get("rules", [])
    return {str(r["id"]) for r in rules if r.get("check") == "overclaim" and r.get("id")}


# --- one article -------------------------------------------------------------------------


def _checks(payload: dict[str, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    risk: dict[str, Any] = {}
    over: dict[str, Any] = {}
    for check in (payload or {}).get("checks", []):
        if check.get("check") == "risk_disclosure":
            risk = check
        elif check.get("check") == "overclaim":
            over = check
    return risk, over


def _offset(item: dict[str, Any], key: str) -> int:
    value = item.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def _render_article(article_id: str, form: DecisionForm | None = None, status: int = 200) -> Any:
    with _candor().db.session() as s:
        detail = review.article_detail(s, article_id)
        if detail is None:
            abort(404, description="No article with this id.")
        verdict = detail.latest
        wanted = request.args.get("verdict")
        if wanted:
            verdict = next((v for v in detail.verdicts if v.id == wanted), verdict)
        article = detail.article
        text = article.text if article.text is not None else ""
        payload = verdict.payload if verdict else {}
        risk, over = _checks(payload)
        findings = [f for f in over.get("findings", []) if isinstance(f, dict)]
        elements = [e for e in risk.get("elements", []) if isinstance(e, dict)]
        spans = finding_spans(findings, len(text)) + evidence_spans(elements, len(text))
        shown = {sp.anchor for sp in spans}
        listed = sorted(enumerate(findings), key=lambda item: (_offset(item[1], "start"), item[0]))
        category_counts: dict[str, int] = {}
        for f in findings:
            category_counts[str(f.get("category"))] = category_counts.get(str(f.get("category")), 0) + 1
        history = sorted(
            [("verdict", v.created_at, v) for v in detail.verdicts]
            + [("decision", d.created_at, d) for d in detail.decisions],
            key=lambda item: item[1],
            reverse=True,
        )
        return (
            render_template(
                "dashboard/article.html",
                detail=detail,
                article=article,
                verdict=verdict,
                payload=payload,
                risk=risk,
                over=over,
                highlighted=highlight(text, spans),
                findings=listed,
                shown=shown,
                elements=elements,
                category_counts=category_counts,
                history=history,
                form=form or DecisionForm(),
                replay_form=PostForm(),
                latest_decision=detail.decisions[0] if detail.decisions else None,
                next_open=review.next_open_article(s, exclude_id=article.id),
            ),
            status,
        )


@bp.route("/articles/<article_id>")
@auth.login_required
def article(article_id: str) -> Any:
    return _render_article(article_id)


@bp.route("/articles/<article_id>/decisions", methods=["POST"])
@auth.login_required
def decide(article_id: str) -> Any:
    form = DecisionForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            flash("The form expired. Reload the page and decide again.", "error")
        return _render_article(article_id, form=form, status=400)
    candor, user = _candor(), auth.current_user()
    assert user is not None
    with candor.db.session() as s:
        detail = review.article_detail(s, article_id)
        if detail is None:
            abort(404, description="No article with this id.")
        decision = review.record_decision(
            s,
            article_id=article_id,
            user_id=user.id,
            action=str(form.action.data),
            decision=form.resulting_decision(),
            note=str(form.note.data).strip(),
        )
        latest = detail.latest
        data = pipeline.event_data(
            detail.article,
            decision={
                "id": decision.id,
                "action": decision.action,
                "decision": decision.decision,
                "note": decision.note,
                "moderator_id": user.id,
                "decided_at": decision.created_at.isoformat(),
                "verdict_id": decision.verdict_id,
                "automated_decision": latest.decision if latest else None,
                "ruleset": latest.ruleset if latest else None,
            },
        )
        # One transaction for the decision and its webhook row; the task is sent after commit.
        delivery_id = pipeline.queue_event(
            s,
            candor.settings,
            publisher_id=detail.article.publisher_id,
            dedup_key=f"decision:{decision.id}",
            event_type=pipeline.DECISION_MADE,
            data=data,
            article_id=article_id,
        )
    if delivery_id:
        _send(delivery_id)
    flash(f"Decision recorded: {form.resulting_decision()}.", "info")
    return redirect(url_for("dashboard.article", article_id=article_id, _anchor="history"))


def _send(delivery_id: str) -> None:
    try:
        dispatch.enqueue_delivery(_candor().celery, delivery_id)
    except dispatch.BrokerUnavailable:
        # The row is stored and leased; the sweeper sends it once the broker is back.
        log.warning("broker unavailable; delivery %s left to the sweeper", delivery_id)


# --- deliveries --------------------------------------------------------------------------


@bp.route("/deliveries")
@auth.login_required
def deliveries() -> Any:
    status = request.args.get("status") or None
    event_type = request.args.get("event") or None
    publisher_id = request.args.get("publisher") or None
    with _candor().db.session() as s:
        page = review.deliveries_page(
            s,
            status=status if status in repo.DELIVERY_STATUSES else None,
            publisher_id=publisher_id,
            event_type=event_type,
            page=_page_arg(),
        )
        publishers = [(p.id, p.name) for p in review.publishers(s)]
        query = {k: v for k, v in request.args.items() if k != "page" and v}
        return render_template(
            "dashboard/deliveries.html",
            page=page,
            status=status,
            event_type=event_type,
            publisher_id=publisher_id,
            publishers=publishers,
            statuses=repo.DELIVERY_STATUSES,
            events=(pipeline.VERDICT_CREATED, pipeline.DECISION_MADE, pipeline.VERDICT_CHANGED),
            form=PostForm(),
            query=query,
        )


@bp.route("/deliveries/<delivery_id>/replay", methods=["POST"])
@auth.login_required
def replay(delivery_id: str) -> Any:
    form = PostForm()
    if not form.validate_on_submit():
        abort(400, description="CSRF token missing or invalid.")
    candor = _candor()
    with candor.db.session() as s:
        delivery = review.replay_delivery(s, delivery_id, pipeline.delivery_lease(candor.settings))
        if delivery is None:
            abort(404, description="No delivery with this id.")
        pending = delivery.status == "pending"
    if pending:
        _send(delivery_id)
        flash("Delivery queued for replay.", "info")
    else:
        flash("This delivery has no callback URL to send to.", "error")
    back = request.form.get("back") or ""
    return redirect(_safe_next(back) if back else url_for("dashboard.deliveries"))


# --- stats -------------------------------------------------------------------------------


@bp.route("/stats")
@auth.login_required
def stats() -> Any:
    with _candor().db.session() as s:
        human = review.moderator_decisions_per_day(s, days=30)
        automated = review.verdicts_per_day(s, days=30)
        rules = review.top_rules(s, days=30, limit=10)
        by_publisher = review.per_publisher(s)
    day_labels = [d.day.strftime("%m-%d") for d in human]
    series_pub = [*DECISION_SERIES, "unchecked"]
    return render_template(
        "dashboard/stats.html",
        human=human,
        automated=automated,
        rules=rules,
        by_publisher=by_publisher,
        human_chart=charts.stacked_columns(day_labels, [d.counts for d in human], ["approve", "reject"]),
        automated_chart=charts.stacked_columns(
            [d.day.strftime("%m-%d") for d in automated], [d.counts for d in automated], DECISION_SERIES
        ),
        rules_chart=charts.stacked_rows(
            [r for r, _ in rules], [{"findings": n} for _, n in rules], ["findings"]
        ),
        publisher_chart=charts.stacked_rows(
            [name for name, _ in by_publisher], [c for _, c in by_publisher], series_pub
        ),
        series_pub=series_pub,
    )
