"""Data access for the moderators' dashboard: queue, article detail, decisions, deliveries, stats, users.

Functions take a ``Session`` and never commit; callers wrap them in ``Database.session()``.
Queries stay portable between SQLite and PostgreSQL (window functions, no JSON operators):
the one JSON filter (findings by rule) matches the payload's text form, see ``_rule_pattern``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, Text, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from storage import repo
from storage.models import Article, Decision, Delivery, Publisher, User, Verdict, utcnow

QUEUE_DECISIONS = ("needs_review", "approve", "reject")
REVIEW_STATES = ("open", "decided")
ACTIONS = ("approve", "reject", "override")
ROLES = ("moderator", "admin")


# --- users -----------------------------------------------------------------------------


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_user(session: Session, user_id: str) -> User | None:
    return session.get(User, user_id)


def get_user_by_email(session: Session, email: str) -> User | None:
    return session.scalars(select(User).where(User.email == normalise_email(email))).first()


def upsert_user(session: Session, email: str, password_hash: str, role: str) -> tuple[User, bool]:
    """Create a user, or set the password and role of an existing one; returns (user, created)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    user = get_user_by_email(session, email)
    if user is not None:
        user.password_hash, user.role = password_hash, role
        session.flush()
        return user, False
    user = User(email=normalise_email(email), password_hash=password_hash, role=role)
    session.add(user)
    session.flush()
    return user, True


# --- the review queue ------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    publisher_id: str | None = None
    decision: str | None = None
    """Automated decision of the latest verdict: approve | needs_review | reject."""
    rule: str | None = None
    state: str | None = None
    """open (needs a human) | decided (a human decided after the latest verdict)."""
    since: datetime | None = None
    until: datetime | None = None
    q: str | None = None


@dataclass(frozen=True)
class QueueRow:
    article_id: str
    title: str | None
    url: str | None
    external_id: str | None
    status: str
    created_at: datetime
    publisher_name: str
    decision: str | None
    ruleset: str | None
    overclaim_score: float | None
    risk_disclosure_score: float | None
    finding_count: int
    rules: tuple[str, ...]
    human_decision: str | None
    human_action: str | None
    human_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.decision == "needs_review" and self.human_decision is None


@dataclass
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    per_page: int
    counts: dict[str, int] = field(default_factory=dict)
    """Per automated decision (and "open"), under every filter except decision and state."""

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _latest_verdicts() -> Any:
    ranked = select(
        Verdict.id.label("verdict_id"),
        Verdict.article_id,
        Verdict.decision,
        Verdict.ruleset,
        Verdict.overclaim_score,
        Verdict.risk_disclosure_score,
        Verdict.created_at,
        Verdict.payload,
        func.row_number()
        .over(partition_by=Verdict.article_id, order_by=(Verdict.created_at.desc(), Verdict.id.desc()))
        .label("rn"),
    ).subquery("ranked_verdicts")
    return select(ranked).where(ranked.c.rn == 1).subquery("lv")


def _latest_decisions() -> Any:
    ranked = select(
        Decision.article_id,
        Decision.decision,
        Decision.action,
        Decision.created_at,
        func.row_number()
        .over(partition_by=Decision.article_id, order_by=(Decision.created_at.desc(), Decision.id.desc()))
        .label("rn"),
    ).subquery("ranked_decisions")
    return select(ranked).where(ranked.c.rn == 1).subquery("ld")


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _rule_pattern(rule: str) -> str:
    # Both backends print JSON members as "key": "value" (json.dumps for SQLite's TEXT,
    # jsonb's canonical text on PostgreSQL), and only findings carry a "rule" key.
    return '%"rule": "' + _like_escape(rule.replace('"', "")) + '"%'


def _queue_base(filters: QueueFilters, *, with_decision: bool) -> tuple[Select[Any], Any, Any]:
    lv, ld = _latest_verdicts(), _latest_decisions()
    # A human decision older than the latest verdict (a re-scan changed it) no longer settles it.
    decided = and_(ld.c.decision.is_not(None), ld.c.created_at >= lv.c.created_at)
    stmt = (
        select(Article.id)
        .join(Publisher, Publisher.id == Article.publisher_id)
        .outerjoin(lv, lv.c.article_id == Article.id)
        .outerjoin(ld, ld.c.article_id == Article.id)
    )
    if filters.publisher_id:
        stmt = stmt.where(Article.publisher_id == filters.publisher_id)
    if filters.since:
        stmt = stmt.where(Article.created_at >= filters.since)
    if filters.until:
        stmt = stmt.where(Article.created_at < filters.until)
    if filters.q:
        pattern = "%" + _like_escape(filters.q.strip().lower()) + "%"
        stmt = stmt.where(
            or_(
                func.lower(Article.title).like(pattern, escape="\\"),
                func.lower(Article.url).like(pattern, escape="\\"),
                func.lower(Article.external_id).like(pattern, escape="\\"),
            )
        )
    if filters.rule:
        stmt = stmt.where(cast(lv.c.payload, Text).like(_rule_pattern(filters.rule), escape="\\"))
    if with_decision:
        if filters.decision:
            stmt = stmt.where(lv.c.decision == filters.decision)
        if filters.state == "open":
            stmt = stmt.where(lv.c.decision == "needs_review", ~decided)
        elif filters.state == "decided":
            stmt = stmt.where(decided)
    return stmt, lv, ld


def review_queue(session: Session, filters: QueueFilters, *, page: int = 1, per_page: int = 25) -> QueuePage:
    """Articles awaiting a human first (needs_review, undecided), then everything oldest first."""
    page = max(1, page)
    base, lv, ld = _queue_base(filters, with_decision=True)
    decided = and_(ld.c.decision.is_not(None), ld.c.created_at >= lv.c.created_at)
    open_first = case((and_(lv.c.decision == "needs_review", ~decided), 0), else_=1)
    stmt = (
        base.with_only_columns(
            Article.id,
            Article.title,
            Article.url,
            Article.external_id,
            Article.status,
            Article.created_at,
            Publisher.name,
            lv.c.decision,
            lv.c.ruleset,
            lv.c.overclaim_score,
            lv.c.risk_disclosure_score,
            lv.c.payload,
            case((decided, ld.c.decision), else_=None),
            case((decided, ld.c.action), else_=None),
            case((decided, ld.c.created_at), else_=None),
        )
        .order_by(open_first, Article.created_at.asc(), Article.id.asc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    rows = []
    for r in session.execute(stmt):
        findings = _findings(r[11])
        rows.append(
            QueueRow(
                article_id=r[0],
                title=r[1],
                url=r[2],
                external_id=r[3],
                status=r[4],
                created_at=r[5],
                publisher_name=r[6],
                decision=r[7],
                ruleset=r[8],
                overclaim_score=r[9],
                risk_disclosure_score=r[10],
                finding_count=len(findings),
                rules=tuple(sorted({str(f.get("rule")) for f in findings})),
                human_decision=r[12],
                human_action=r[13],
                human_at=r[14],
            )
        )
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    return QueuePage(
        rows=rows, total=total, page=page, per_page=per_page, counts=queue_counts(session, filters)
    )


def next_open_article(session: Session, exclude_id: str | None = None) -> str | None:
    """The first article awaiting review in queue order (skipping ``exclude_id``)."""
    page = review_queue(session, QueueFilters(state="open"), page=1, per_page=2)
    return next((r.article_id for r in page.rows if r.article_id != exclude_id), None)


def queue_counts(session: Session, filters: QueueFilters) -> dict[str, int]:
    """How many articles per automated decision, plus "open" and "all", ignoring decision/state filters."""
    base, lv, ld = _queue_base(filters, with_decision=False)
    decided = and_(ld.c.decision.is_not(None), ld.c.created_at >= lv.c.created_at)
    is_open = case((and_(lv.c.decision == "needs_review", ~decided), 1), else_=0)
    stmt = base.with_only_columns(lv.c.decision, func.count(), func.sum(is_open)).group_by(lv.c.decision)
    counts = {d: 0 for d in QUEUE_DECISIONS}
    counts.update({"unchecked": 0, "open": 0, "all": 0})
    for decision, n, n_open in session.execute(stmt):
        counts[decision or "unchecked"] = n
        counts["open"] += int(n_open or 0)
        counts["all"] += n
    return counts


def _findings(payload: dict[str, Any] | None) -> list[dict[str, Any]]:
    for check in (payload or {}).get("checks", []):
        if check.get("check") == "overclaim":
            return [f for f in check.get("findings", []) if isinstance(f, dict)]
    return []


def known_rules(session: Session, limit: int = 200) -> list[str]:
    """Rule ids seen in stored verdicts, for the queue's rule filter."""
    stmt = select(Verdict.payload).order_by(Verdict.created_at.desc()).limit(limit)
    rules = {str(f.get("rule")) for payload in session.scalars(stmt) for f in _findings(payload)}
    return sorted(r for r in rules if r and r != "None")


# --- one article -----------------------------------------------------------------------


@dataclass
class ArticleDetail:
    article: Article
    publisher: Publisher
    verdicts: list[Verdict]
    """Newest first."""
    decisions: list[Decision]
    """Newest first, with ``user`` loaded."""
    deliveries: list[Delivery]

    @property
    def latest(self) -> Verdict | None:
        return self.verdicts[0] if self.verdicts else None


def article_detail(session: Session, article_id: str) -> ArticleDetail | None:
    article = repo.get_article(session, article_id)
    if article is None:
        return None
    verdicts = list(
        session.scalars(
            select(Verdict)
            .where(Verdict.article_id == article_id)
            .order_by(Verdict.created_at.desc(), Verdict.id.desc())
        )
    )
    return ArticleDetail(
        article=article,
        publisher=article.publisher,
        verdicts=verdicts,
        decisions=list_decisions(session, article_id),
        deliveries=repo.list_deliveries(session, publisher_id=None, article_id=article_id, limit=100),
    )


def list_decisions(session: Session, article_id: str) -> list[Decision]:
    stmt = (
        select(Decision)
        .where(Decision.article_id == article_id)
        .join(User, User.id == Decision.user_id)
        .order_by(Decision.created_at.desc(), Decision.id.desc())
    )
    return list(session.scalars(stmt))


def record_decision(
    session: Session, *, article_id: str, user_id: str, action: str, decision: str, note: str
) -> Decision:
    """Add an audit-trail entry against the article's latest verdict (never edited afterwards)."""
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
    latest = repo.latest_verdict(session, article_id)
    row = Decision(
        article_id=article_id,
        verdict_id=latest.id if latest else None,
        user_id=user_id,
        action=action,
        decision=decision,
        note=note,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


# --- deliveries ------------------------------------------------------------------------


@dataclass(frozen=True)
class DeliveryRow:
    delivery: Delivery
    publisher_name: str
    article_title: str | None


@dataclass
class DeliveryPage:
    rows: list[DeliveryRow]
    total: int
    page: int
    per_page: int
    counts: dict[str, int]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def deliveries_page(
    session: Session,
    *,
    status: str | None = None,
    publisher_id: str | None = None,
    event_type: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> DeliveryPage:
    """Every publisher's webhook deliveries, newest first."""
    page = max(1, page)
    stmt = (
        select(Delivery, Publisher.name, Article.title)
        .join(Publisher, Publisher.id == Delivery.publisher_id)
        .outerjoin(Article, Article.id == Delivery.article_id)
    )
    scope = []
    if publisher_id:
        scope.append(Delivery.publisher_id == publisher_id)
    if event_type:
        scope.append(Delivery.event_type == event_type)
    filtered = scope + ([Delivery.status == status] if status else [])
    stmt = stmt.where(*filtered).order_by(Delivery.created_at.desc(), Delivery.id.desc())
    rows = [
        DeliveryRow(d, name, title)
        for d, name, title in session.execute(stmt.limit(per_page).offset((page - 1) * per_page))
    ]
    total = session.scalar(select(func.count(Delivery.id)).where(*filtered)) or 0
    counts = dict(
        session.execute(
            select(Delivery.status, func.count(Delivery.id)).where(*scope).group_by(Delivery.status)
        )
        .tuples()
        .all()
    )
    return DeliveryPage(rows, total, page, per_page, {s: counts.get(s, 0) for s in repo.DELIVERY_STATUSES})


def replay_delivery(session: Session, delivery_id: str, lease: timedelta) -> Delivery | None:
    """Reset a delivery for sending now, leased so the sweeper does not send it a second time."""
    delivery = repo.get_delivery(session, delivery_id)
    if delivery is None:
        return None
    repo.replay_delivery(session, delivery)
    if delivery.callback_url:
        repo.lease_delivery(session, delivery.id, lease)
    else:
        delivery.status, delivery.last_error = "failed", "publisher has no callback URL"
    session.flush()
    return delivery


# --- stats -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DailyCount:
    day: date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _days(since: date, until: date) -> list[date]:
    return [since + timedelta(days=i) for i in range((until - since).days + 1)]


def _per_day(session: Session, created_at: Any, decision: Any, days: int) -> list[DailyCount]:
    """Rows per UTC day over the last ``days`` days (empty days included), by decision."""
    today = utcnow().date()
    since = today - timedelta(days=days - 1)
    start = datetime.combine(since, datetime.min.time(), tzinfo=utcnow().tzinfo)
    buckets: dict[date, Counter[str]] = {d: Counter() for d in _days(since, today)}
    for at, value in session.execute(select(created_at, decision).where(created_at >= start)):
        buckets.setdefault(at.date(), Counter())[value] += 1
    return [DailyCount(d, dict(c)) for d, c in sorted(buckets.items())]


def moderator_decisions_per_day(session: Session, days: int = 30) -> list[DailyCount]:
    """Human decisions per UTC day over the last ``days`` days, by resulting decision."""
    return _per_day(session, Decision.created_at, Decision.decision, days)


def verdicts_per_day(session: Session, days: int = 30) -> list[DailyCount]:
    """Automated verdicts per UTC day over the last ``days`` days, by decision."""
    return _per_day(session, Verdict.created_at, Verdict.decision, days)


def top_rules(session: Session, *, days: int = 30, limit: int = 10) -> list[tuple[str, int]]:
    """The rules with most findings in articles' latest verdicts from the last ``days`` days."""
    lv = _latest_verdicts()
    since = utcnow() - timedelta(days=days)
    stmt = select(lv.c.payload).where(lv.c.created_at >= since).execution_options(yield_per=500)
    counter: Counter[str] = Counter()
    for payload in session.scalars(stmt):
        counter.update(str(f.get("rule")) for f in _findings(payload))
    # Ties ordered by rule id so the chart does not reshuffle between page loads.
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def per_publisher(session: Session) -> list[tuple[str, dict[str, int]]]:
    """For each publisher, its articles by latest automated decision."""
    lv = _latest_verdicts()
    stmt = (
        select(Publisher.name, lv.c.decision, func.count(Article.id))
        .join(Article, Article.publisher_id == Publisher.id)
        .outerjoin(lv, lv.c.article_id == Article.id)
        .group_by(Publisher.name, lv.c.decision)
    )
    result: dict[str, dict[str, int]] = {}
    for name, decision, n in session.execute(stmt):
        result.setdefault(name, {})[decision or "unchecked"] = n
    return sorted(result.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))


def publishers(session: Session) -> list[Publisher]:
    return repo.list_publishers(session)
