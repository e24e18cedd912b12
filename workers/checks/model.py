"""Typed results of the check engine and the policy that turns scores into a decision."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Decision = Literal["approve", "needs_review", "reject"]
Status = Literal["pass", "warn", "fail", "not_applicable"]
Severity = Literal["low", "medium", "high"]


class UnsupportedContentType(ValueError):
    """The body's content type is not one the engine can read."""


# Policy keys that count findings (and their smallest allowed value) rather than bound a score.
_COUNTS = {"reject_min_high_findings": 1, "approve_max_medium_findings": 0, "approve_max_low_findings": 0}


@dataclass(frozen=True)
class Policy:
    """Thresholds that turn the two scores into a decision; a publisher may override any of them."""

    # Overclaim score (0 = clean, 1 = saturated with strong claims).
    approve_max_overclaim: float = 0.25
    reject_min_overclaim: float = 0.80
    # Risk-disclosure score (0 = nothing disclosed, 1 = every element present); only when applicable.
    approve_min_disclosure: float = 0.50
    reject_max_disclosure: float = 0.15
    # An applicable article this poor on disclosure is rejected only if it also overclaims this much.
    reject_low_disclosure_min_overclaim: float = 0.55
    # This many high-severity overclaim findings reject on their own.
    reject_min_high_findings: int = 4
    # An approved article has at most this many medium- or high-severity findings: one real overclaim
    # in a long, careful article still needs an editor's eye, however little it adds to the score.
    approve_max_medium_findings: int = 0
    # ... and at most this many low-severity ones: three loose causal lines about coffee or walking in
    # a news piece are each minor, together the article's message.
    approve_max_low_findings: int = 2
    # An applicable article that discloses at least this much is balanced: its overclaim score alone
    # does not reject it (reject_min_high_findings still does).
    balanced_min_disclosure: float = 0.70
    # Status bands of the two checks.
    disclosure_pass: float = 0.70
    disclosure_warn: float = 0.40
    overclaim_warn: float = 0.15
    overclaim_fail: float = 0.50

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Policy:
        """Build a policy from a publisher's overrides; unknown keys raise ValueError."""
        if not d:
            return cls()
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(d) - set(known))
        if unknown:
            raise ValueError(f"unknown policy keys: {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for key, value in d.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"policy key {key!r} must be a number")
            if key in _COUNTS:
                least = _COUNTS[key]
                if int(value) != value or value < least:
                    raise ValueError(f"{key} must be an integer of at least {least}")
                values[key] = int(value)
            else:
                if not 0.0 <= float(value) <= 1.0:
                    raise ValueError(f"policy key {key!r} must be between 0 and 1")
                values[key] = float(value)
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class Element:
    element: str
    present: bool
    evidence: tuple[Evidence, ...] = ()
    # Only for elements with a notion of adequacy (harms): named *and* explained or quantified.
    # None means the element has no such notion, and the key is left out of the JSON.
    adequate: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "element": self.element,
            "present": self.present,
        }
        if self.adequate is not None:
            out["adequate"] = self.adequate
        out["evidence"] = [e.to_dict() for e in self.evidence]
        return out


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    quote: str
    message: str
    suggestion: str
    hedged: bool = False
    negated: bool = False
    attributed: bool = False
    reference: str = ""
    # The finding's sentence with the offending words rewritten; None when no safe rewrite exists.
    rewrite: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "message": self.message,
            "suggestion": self.suggestion,
            "rewrite": self.rewrite,
            "hedged": self.hedged,
            "negated": self.negated,
            "attributed": self.attributed,
            "reference": self.reference,
        }


@dataclass(frozen=True)
class Verdict:
    ruleset: str
    decision: Decision
    applicable: bool
    risk_disclosure_score: float | None
    risk_disclosure_status: Status
    elements: tuple[Element, ...]
    overclaim_score: float
    overclaim_status: Status
    findings: tuple[Finding, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The DESIGN.md section 3 verdict, minus article_id / created_at / duration_ms."""
        return {
            "ruleset": self.ruleset,
            "decision": self.decision,
            "scores": {"risk_disclosure": self.risk_disclosure_score, "overclaim": self.overclaim_score},
            "applicable": self.applicable,
            "checks": [
                {
                    "check": "risk_disclosure",
                    "status": self.risk_disclosure_status,
                    "score": self.risk_disclosure_score,
                    "elements": [e.to_dict() for e in self.elements],
                },
                {
                    "check": "overclaim",
                    "status": self.overclaim_status,
                    "score": self.overclaim_score,
                    "findings": [f.to_dict() for f in self.findings],
                },
            ],
        }
