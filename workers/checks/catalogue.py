"""Load the versioned rule catalogue (rules.yaml) once and compile its patterns."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .rewrite import Rewrite
from .scan import Feature, Plan, build_feature
from .text import ContextLexicon, compile_context

SEVERITIES = ("low", "medium", "high")
CONTEXT_FLAGS = (
    "negated",
    "distanced",
    "question",
    "hedged",
    "weak_hedge",
    "capability",
    "attributed",
    "conditional",
)
_ACTIONS = ("keep", "lower", "lower2", "drop")
# How many tokens may separate an element matcher's `unless_before` pattern from the match.
_BEFORE_TOKENS = 3


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for _ in range(3):  # macros may use macros
        for name, value in macros.items():
            pattern = pattern.replace("{" + name + "}", value)
    return pattern


def _words(patterns: list[str], macros: dict[str, str]) -> Feature:
    return build_feature([_expand(p, macros) for p in patterns])


def _opt(pattern: str | None, macros: dict[str, str]) -> Feature | None:
    if not pattern:
        return None
    return build_feature([_expand(pattern, macros)])


def _bounded(alternatives: list[str]) -> re.Pattern[str]:
    """Alternatives as one regex matched only as whole words, like a Feature but searched directly."""
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


def _search(pattern: str | None, macros: dict[str, str]) -> re.Pattern[str] | None:
    return re.compile(_expand(pattern, macros)) if pattern else None


def _before(pattern: str | None, macros: dict[str, str]) -> re.Pattern[str] | None:
    """A pattern that must end at most _BEFORE_TOKENS tokens before the end of the searched window."""
    if not pattern:
        return None
    return re.compile(
        rf"\b(?:{_expand(pattern, macros)})(?:[^\w.;:!?]+[\w'-]+){{0,{_BEFORE_TOKENS}}}[^\w.;:!?]*$"
    )


def _adequacy(spec: dict[str, Any] | None, macros: dict[str, str]) -> Adequacy | None:
    if not spec:
        return None
    reports = spec.get("reports") or []
    if_quant = spec.get("reports_if_quantified") or []
    return Adequacy(
        quantified=re.compile(_expand(spec["quantified"], macros)),
        reports=_words(reports, macros) if reports else None,
        reports_if_quantified=_words(if_quant, macros) if if_quant else None,
        distinct=int(spec.get("distinct", 3)),
    )


@dataclass(frozen=True)
class SeverityOverride:
    when: re.Pattern[str]  # searched inside the match (scope "match")
    when_feature: Feature  # looked up in the sentence (scope "sentence")
    severity: str
    scope: str  # "match" or "sentence"


@dataclass(frozen=True)
class OverclaimRule:
    id: str
    category: str
    severity: str
    pattern: Feature
    requires: tuple[Feature, ...]
    # Sentence conditions, found through the document's token index like the patterns themselves.
    unless: Feature | None
    unless_article: Feature | None
    unless_article_except: Feature | None  # the exception does not apply when this is present
    context: dict[str, str]
    overrides: tuple[SeverityOverride, ...]
    span: str
    message: str
    suggestion: str
    reference: str
    noun_guard: bool = False
    # A speaker's own words quoted whole are relayed (attributed), not reported at arm's length.
    relays_direct_speech: bool = False
    hedge_scope: str = "clause"  # or "sentence"
    rewrites: tuple[Rewrite, ...] = ()  # tried in order on the trigger words (rewrite.py)
    # A match fully matching ``unless_document_match`` is excused when the document anywhere matches
    # ``unless_document`` ("the trial found" in a report that names the journal).
    unless_document: re.Pattern[str] | None = None
    # Words with a non-health sense ("the ham is cured", "a dramatic difference"): a match fully
    # matching this needs a health word in its sentence.
    needs_health: re.Pattern[str] | None = None
    # Excused in a document about an approved therapy for its approved use (see Catalogue.approved).
    unless_approved_document: bool = False
    # ... only where the therapy can cure (blood cancers), not an approved use that controls a disease
    # (aHSCT for MS): "curative" in rules.yaml.
    approved_curative_only: bool = False
    # ... and a match fully matching this is excused in a document about any approved use: how the
    # therapy works ("a new immune system grows back" after aHSCT), not a claim about the outcome.
    approved_mechanism: re.Pattern[str] | None = None
    unless_document_match: re.Pattern[str] | None = None
    # A list item ("- Multiple sclerosis", "- COPD: breathe easier") under a heading or lead-in that
    # matches this ("Conditions we treat", "Who can benefit?") meets ``requires`` on a page that names
    # the first ``requires`` feature at least ``requires_document_min`` times.
    requires_list_heading: re.Pattern[str] | None = None
    requires_document_min: int = 0
    # Or a sentence that claims an outcome ("most families notice better speech") on such a page.
    requires_page_outcome: re.Pattern[str] | None = None
    # A causal rule's claim is not made when every treatment before its verb is one of these
    # (established care: "anti-VEGF injections can slow sight loss").
    unless_subject: re.Pattern[str] | None = None
    # A harm verb ("can damage", "weakens") after one of these is a risk disclosure, not a claim.
    harm_subject: Feature | None = None
    # Set only on the copy outcome_claims uses: the claim's health outcome must follow its verb.
    outcome_after: re.Pattern[str] | None = None


@dataclass(frozen=True)
class ElementMatcher:
    pattern: Feature
    requires: Feature | None
    negated: str
    minimised: str
    # A match that is the object of this ("reduces the risk of death", "relief from pain") is an
    # outcome, not a disclosure: the pattern must end within a few tokens before the match.
    unless_before: re.Pattern[str] | None = None
    # False for phrases that introduce harms without naming one ("side effects include"): they make
    # the element present but are not a distinct harm when judging adequacy.
    specific: bool = True
    # A sentence holding this does not disclose the element: an option the writer dismisses ("tried
    # physiotherapy without lasting success") is a foil, not an alternative.
    unless: Feature | None = None
    # "drop": a match in a question ("Has your surgeon said a new knee is the only option?") is not
    # a disclosure.
    question: str = "keep"


@dataclass(frozen=True)
class Adequacy:
    """When a present element is also *adequate* (harms: explained or quantified, not only named)."""

    # Searched in each sentence that disclosed the element: frequency, numbers, severity, comparison.
    quantified: re.Pattern[str]
    # Study-style reporting of adverse-event results that is adequate on its own.
    reports: Feature | None
    # Reporting that is adequate only in a sentence that also matches `quantified`.
    reports_if_quantified: Feature | None
    # Or this many different specific terms named across the disclosing sentences.
    distinct: int


@dataclass(frozen=True)
class ElementRule:
    id: str
    element: str
    weight: float
    matchers: tuple[ElementMatcher, ...]
    message: str
    reference: str
    adequacy: Adequacy | None = None
    # Sentences holding an overclaim of these categories disclose nothing for this element: "Published
    # studies prove our cells work" claims evidence, it does not tell the reader how good it is.
    unless_finding: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Catalogue:
    version: str
    lexicon: ContextLexicon
    treatment: Feature
    min_mentions: int
    medical: Feature  # the medical subset of `treatment`, of which a treatment text needs min_medical
    min_medical: int
    intervention: Feature | None  # the interventions among `treatment`, of which it needs min_intervention
    min_intervention: int
    # A text that names treatments but claims nothing and discloses no more than this is not about a
    # treatment offered to patients (a donor-register appeal, a staffing report).
    silent_max_disclosure: float
    # Both are asked about rarely (a long text not about a treatment; a treatment that "causes"
    # something), so they are plain regexes searched in a sentence, not features every document indexes.
    health: re.Pattern[str]  # a finding in an article not about a treatment needs one in its sentence
    health_long: re.Pattern[str]  # the same for a long text, without the treatment words of other trades
    harm: re.Pattern[str]  # what a treatment "causes" when the sentence discloses a harm, not a benefit
    # A document about an approved therapy for its approved use names it (or the disease) this often
    # and names no condition without an approved cell therapy (an aplastic anaemia explainer).
    approved: Feature
    unapproved: Feature
    approved_mentions: int
    # A sentence holding this does not put an unapproved condition on the page's offer: a harm of the
    # therapy ("hair loss from the chemotherapy") or a caveat ("not approved for MS, only in trials").
    approved_caveat: re.Pattern[str] | None
    # (therapy, conditions): a condition matching ``conditions`` is an approved use in a document that
    # names ``therapy`` (multiple sclerosis in a page about autologous haematopoietic transplants).
    approved_for: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    # A lead-in ending in a colon that introduces what to beware of ("Be cautious if a seller:", "Red
    # flags include:"): the items after it describe sellers' claims, they do not make them.
    warning_lead: re.Pattern[str] | None
    # Health outcomes a causal claim in a text not about a treatment can be about ("causes depression").
    outcome: re.Pattern[str] | None
    outcome_short: re.Pattern[str] | None  # outcomes that count in a short text only
    elements: tuple[ElementRule, ...]
    rules: tuple[OverclaimRule, ...]
    raw: dict[str, Any]
    # The features every check matches over the whole text, all at once (see scan.Plan).
    plan: Plan | None = None


def _load_raw() -> dict[str, Any]:
    data = resources.files(__package__).joinpath("rules.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(data)
    if not isinstance(raw, dict):
        raise RuntimeError("rules.yaml must be a mapping")
    return raw


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """Parse and compile rules.yaml; cached for the life of the process."""
    raw = _load_raw()
    macros: dict[str, str] = {k: str(v) for k, v in (raw.get("macros") or {}).items()}
    lexicon = compile_context(raw["context"])
    appl = raw["applicability"]
    elements = []
    for e in raw["elements"]:
        matchers = tuple(
            ElementMatcher(
                pattern=_words(m["patterns"], macros),
                requires=_opt(m.get("requires"), macros),
                negated=m.get("negated", "drop"),
                minimised=m.get("minimised", "keep"),
                unless_before=_before(m.get("unless_before"), macros),
                specific=bool(m.get("specific", True)),
                unless=_opt(m.get("unless"), macros),
                question=m.get("question", "keep"),
            )
            for m in e["rules"]
        )
        elements.append(
            ElementRule(
                e["id"],
                e["element"],
                float(e["weight"]),
                matchers,
                e["message"],
                e["reference"],
                _adequacy(e.get("adequacy"), macros),
                frozenset(e.get("unless_finding") or ()),
            )
        )
    rules = []
    for r in raw["rules"]:
        ctx = {flag: "keep" for flag in CONTEXT_FLAGS}
        ctx.update(r.get("context") or {})
        if set(ctx) - set(CONTEXT_FLAGS) or set(ctx.values()) - set(_ACTIONS):
            raise RuntimeError(f"rule {r['id']}: bad context spec {ctx}")
        if r["severity"] not in SEVERITIES:
            raise RuntimeError(f"rule {r['id']}: bad severity")
        requires = tuple(
            p
            for p in (_opt(r.get("requires"), macros), _opt(r.get("requires_also"), macros))
            if p is not None
        )
        overrides = tuple(
            SeverityOverride(
                re.compile(_expand(o["when"], macros)),
                build_feature([_expand(o["when"], macros)]),
                o["severity"],
                o.get("scope", r.get("span", "match")),
            )
            for o in r.get("severity_overrides") or ()
        )
        rules.append(
            OverclaimRule(
                id=r["id"],
                category=r["category"],
                severity=r["severity"],
                pattern=_words(r["patterns"], macros),
                requires=requires,
                unless=_opt(r.get("unless"), macros),
                unless_article=_opt(r.get("unless_article"), macros),
                unless_article_except=_opt(r.get("unless_article_except"), macros),
                unless_document=_search(r.get("unless_document"), macros),
                requires_list_heading=_search(r.get("requires_list_heading"), macros),
                requires_document_min=int(r.get("requires_document_min", 0)),
                requires_page_outcome=_search(r.get("requires_page_outcome"), macros),
                harm_subject=_opt(r.get("harm_subject"), macros),
                unless_subject=_bounded([_expand(r["unless_subject"], macros)])
                if r.get("unless_subject")
                else None,
                unless_document_match=_search(r.get("unless_document_match"), macros),
                needs_health=_search(r.get("needs_health"), macros),
                unless_approved_document=bool(r.get("unless_approved_document", False)),
                approved_curative_only=r.get("unless_approved_document") == "curative",
                approved_mechanism=_search(r.get("approved_mechanism"), macros),
                context=ctx,
                overrides=overrides,
                span=r.get("span", "match"),
                message=r["message"].strip(),
                suggestion=r["suggestion"].strip(),
                reference=r["reference"].strip(),
                noun_guard=bool(r.get("noun_guard", False)),
                relays_direct_speech=bool(r.get("relays_direct_speech", False)),
                hedge_scope=str(r.get("hedge_scope", "clause")),
                rewrites=tuple(
                    Rewrite.build(w["match"], w["replace"], w.get("next"), w.get("prev"))
                    for w in r.get("rewrites") or ()
                ),
            )
        )
    cat = Catalogue(
        version=str(raw["version"]),
        lexicon=lexicon,
        treatment=build_feature([str(t) for t in appl["treatment"]], boundary=r"\w-"),
        min_mentions=int(appl["min_mentions"]),
        medical=build_feature([str(t) for t in appl["medical"]], boundary=r"\w-"),
        min_medical=int(appl["min_medical"]),
        intervention=build_feature([str(t) for t in appl["intervention"]], boundary=r"\w-")
        if appl.get("intervention")
        else None,
        min_intervention=int(appl.get("min_intervention", 0)),
        silent_max_disclosure=float(appl["silent_max_disclosure"]),
        health=_bounded([_expand(str(t), macros) for t in appl["health"]]),
        health_long=_bounded(
            [_expand(str(appl["health_long_tx"]) if t == "{TX}" else str(t), macros) for t in appl["health"]]
        ),
        harm=_bounded([_expand("{HARM}|symptoms|problems|harm|reactions?", macros)]),
        approved=build_feature([_expand(str(appl["approved"]), macros)]),
        unapproved=build_feature([_expand(str(appl["unapproved"]), macros)]),
        approved_mentions=int(appl["approved_mentions"]),
        approved_caveat=_search(appl.get("approved_caveat"), macros),
        warning_lead=_search(raw["context"].get("warning_lead"), macros),
        outcome=_search(appl.get("outcome"), macros),
        outcome_short=_search(
            "|".join(f"(?:{p})" for p in (appl.get("outcome"), appl.get("outcome_short")) if p) or None,
            macros,
        ),
        approved_for=tuple(
            (
                re.compile(_expand(str(p["therapy"]), macros)),
                re.compile(_expand(str(p["conditions"]), macros)),
            )
            for p in appl.get("approved_for") or ()
        ),
        elements=tuple(elements),
        rules=tuple(rules),
        raw=raw,
    )
    for feature in _features(cat):
        feature.compile_subs()
    return replace(cat, plan=Plan(_whole_text_features(cat)))


def _features(cat: Catalogue) -> list[Feature]:
    """Every feature of the catalogue."""
    out = [cat.treatment, cat.medical, cat.approved, cat.unapproved]
    if cat.intervention is not None:
        out.append(cat.intervention)
    out.extend(f for f in vars(cat.lexicon).values() if isinstance(f, Feature))
    for r in cat.rules:
        out.extend([r.pattern, *r.requires, *(o.when_feature for o in r.overrides)])
        out.extend(
            f for f in (r.unless, r.unless_article, r.unless_article_except, r.harm_subject) if f is not None
        )
    for e in cat.elements:
        for m in e.matchers:
            out.extend(f for f in (m.pattern, m.requires, m.unless) if f is not None)
        if e.adequacy is not None:
            out.extend(f for f in (e.adequacy.reports, e.adequacy.reports_if_quantified) if f is not None)
    return out


def _whole_text_features(cat: Catalogue) -> list[Feature]:
    """The features a check reads over the whole text in nearly every document: the applicability
    counts, the context lexicon (every finding reads its sentence's triggers), the rule and element
    patterns, what the causal rule requires (its recall pass looks for it in every sentence) and what
    an element requires or reports with. The others (``unless`` conditions, severity overrides) are
    asked about in a few sentences and stay on demand."""
    out = [cat.treatment, cat.medical, cat.approved]
    if cat.intervention is not None:
        out.append(cat.intervention)
    out.extend(f for f in vars(cat.lexicon).values() if isinstance(f, Feature))
    for r in cat.rules:
        out.append(r.pattern)
        if r.category == "causal_unhedged":
            out.extend(r.requires)
    for e in cat.elements:
        for m in e.matchers:
            out.extend(f for f in (m.pattern, m.requires) if f is not None)
        if e.adequacy is not None:
            out.extend(f for f in (e.adequacy.reports, e.adequacy.reports_if_quantified) if f is not None)
    return out


def rule_catalogue() -> dict[str, Any]:
    """The active rule catalogue as served by GET /v1/rules (a fresh copy each call)."""
    cat = load_catalogue()
    raw = cat.raw
    out_rules: list[dict[str, Any]] = []
    for e in raw["elements"]:
        out_rules.append(
            {
                "id": e["id"],
                "check": "risk_disclosure",
                "category": e["element"],
                "element": e["element"],
                "severity": None,
                "weight": e["weight"],
                "message": e["message"],
                "suggestion": f"Add a sentence on {e['element'].replace('_', ' ')}: {e['message'][0].lower()}"
                + e["message"][1:],
                "reference": e["reference"],
                "patterns": [p for m in e["rules"] for p in m["patterns"]],
            }
        )
        if e.get("adequacy"):
            out_rules[-1]["adequacy"] = copy.deepcopy(e["adequacy"])
        if e.get("unless_finding"):
            out_rules[-1]["unless_finding"] = list(e["unless_finding"])
    for r in raw["rules"]:
        out_rules.append(
            {
                "id": r["id"],
                "check": r["check"],
                "category": r["category"],
                "severity": r["severity"],
                "message": r["message"].strip(),
                "suggestion": r["suggestion"].strip(),
                "reference": r["reference"].strip(),
                "patterns": list(r["patterns"]),
                "requires": [x for x in (r.get("requires"), r.get("requires_also")) if x],
                "unless": r.get("unless"),
                "unless_article": r.get("unless_article"),
                "unless_article_except": r.get("unless_article_except"),
                "unless_document": r.get("unless_document"),
                "unless_document_match": r.get("unless_document_match"),
                "unless_subject": r.get("unless_subject"),
                "harm_subject": r.get("harm_subject"),
                "approved_mechanism": r.get("approved_mechanism"),
                "relays_direct_speech": bool(r.get("relays_direct_speech", False)),
                "context": dict(r.get("context") or {}),
                "severity_overrides": copy.deepcopy(r.get("severity_overrides") or []),
                "rewrites": copy.deepcopy(r.get("rewrites") or []),
            }
        )
    return {
        "version": cat.version,
        "macros": dict(raw.get("macros") or {}),
        "context": copy.deepcopy(raw["context"]),
        "rules": out_rules,
    }
