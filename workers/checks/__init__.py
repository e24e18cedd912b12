"""Candor's check engine: a pure package (no Flask, Celery or database) that turns text into a verdict."""

from .catalogue import load_catalogue, rule_catalogue
from .engine import check
from .extract import extract_text
from .model import Element, Evidence, Finding, Policy, UnsupportedContentType, Verdict

RULESET_VERSION: str = load_catalogue().version

__all__ = [
    "RULESET_VERSION",
    "Element",
    "Evidence",
    "Finding",
    "Policy",
    "UnsupportedContentType",
    "Verdict",
    "check",
    "extract_text",
    "rule_catalogue",
]
