"""The one narrow seam between the pipeline and the check engine (workers.checks).

Everything the adapters need from the engine passes through these functions, so swapping
the engine is a change here only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from workers.checks import (
    RULESET_VERSION,
    Policy,
    UnsupportedContentType,
    check,
    extract_text,
    rule_catalogue,
)

SUPPORTED_CONTENT_TYPES = ("text/plain", "text/html", "text/markdown")

__all__ = [
    "RULESET_VERSION",
    "SUPPORTED_CONTENT_TYPES",
    "CheckOutcome",
    "UnsupportedContentType",
    "rule_catalogue",
    "run_checks",
    "validate_policy",
]


@dataclass(frozen=True)
class CheckOutcome:
    text: str
    ruleset: str
    verdict: dict[str, Any]
    duration_ms: float


def validate_policy(policy: dict[str, Any] | None) -> None:
    """Raise ValueError when a publisher's policy overrides are not valid thresholds."""
    Policy.from_dict(policy)


def run_checks(
    body: str, content_type: str, *, title: str | None = None, policy: dict[str, Any] | None = None
) -> CheckOutcome:
    """Extract the text of ``body`` and check it; the verdict dict is the engine's, untouched."""
    started = time.perf_counter()
    text = extract_text(body, content_type)
    verdict = check(text, Policy.from_dict(policy), title=title).to_dict()
    duration_ms = round((time.perf_counter() - started) * 1000, 3)
    return CheckOutcome(
        text=text, ruleset=verdict.get("ruleset", RULESET_VERSION), verdict=verdict, duration_ms=duration_ms
    )
