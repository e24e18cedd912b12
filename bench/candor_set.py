"""Score the check engine on Candor's own labelled set (bench/data), written for the project.

Why this exists: the public data in ../shared/eval is general health press releases and abstract
sentences, labelled for other purposes; the checks are judged on stem cell clinic pages,
explainers, trial news and patient stories labelled per DESIGN.md §4. This set is in that style,
and its labels were written before the engine was read, so it measures rather than mirrors it.

Scoring is split from running: ``score_sentences`` and ``score_articles`` take verdict dicts (the
shape of ``workers.checks.check(text).to_dict()``) and never call the engine, so they can be
tested by feeding them verdicts built from the gold labels (``verdict_from_gold``).
``bench_candor`` runs the engine and scores it. Usage: ``python bench/candor_set.py [--data DIR]``
prints one JSON object.

What is measured (see bench/data/README.md for the labels):
- sentences: a sentence is predicted an overclaim when the engine reports any finding in it;
  precision/recall/F1, recall per gold category, ids of false positives and negatives; the same
  counting only medium/high findings, for reference.
- articles: overclaims at sentence level (a gold quote is found when any finding's [start, end)
  overlaps its span; findings overlapping no gold quote are false positives, counted once per
  sentence they fall in); risk-disclosure elements micro-averaged over gold-applicable articles
  x 6 elements; applicability accuracy; decision accuracy, confusion matrix and approve<->reject
  swaps.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.checks import confusion, prf, read_jsonl  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = "candor_articles.jsonl"
SENTENCES = "candor_sentences.jsonl"
ELEMENTS = ("harms", "evidence_status", "regulatory_status", "professional_advice", "cost", "alternatives")
CATEGORIES = (
    "cure",
    "safety",
    "hype",
    "unsourced_evidence",
    "causal_unhedged",
    "unapproved_indication",
    "promotion",
)
DECISIONS = ("approve", "needs_review", "reject")
# The targets the engine is held to on text like this set.
TARGETS = {
    "overclaim_sentence_f1": 0.88,
    "overclaim_sentence_precision": 0.90,
    "element_f1": 0.92,
    "decision_accuracy": 0.92,
    "approve_reject_swaps": 0,
}

Verdict = dict[str, Any]
Row = dict[str, Any]

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before whitespace,
# or at a line break; used only to count distinct false-positive sentences in articles.
_SENT_END = re.compile("[.!?][\"'\u201d\u2019)\\]]*(?=\\s)|\n+")


def load(data_dir: Path) -> tuple[list[Row], list[Row]]:
    """The article and sentence rows of the set in ``data_dir``."""
    return read_jsonl(data_dir / ARTICLES), read_jsonl(data_dir / SENTENCES)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank sentence of ``text`` (a simple splitter; see _SENT_END)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def gold_spans(row: Row) -> list[tuple[int, int, str]]:
    """(start, end, category) of each gold overclaim quote; quotes must occur in the text."""
    text = row["text"]
    out = []
    for q in row["label"]["overclaim_sentences"]:
        i = text.find(q["quote"])
        if i < 0:
            raise ValueError(f"{row['id']}: gold quote not in text: {q['quote'][:60]!r}")
        out.append((i, i + len(q["quote"]), q["category"]))
    return out


def _findings(v: Verdict) -> list[dict[str, Any]]:
    return list(v["checks"][1]["findings"])


def _elements(v: Verdict) -> dict[str, bool]:
    return {e["element"]: bool(e["present"]) for e in v["checks"][0]["elements"]}


def _applicable(v: Verdict) -> bool:
    if "applicable" in v:
        return bool(v["applicable"])
    return v["checks"][0].get("status") != "not_applicable"


def verdict_from_gold(row: Row) -> Verdict:
    """A verdict dict that says exactly what the gold label says (for testing the scorers).

    Works for both article rows (quotes become findings) and sentence rows (an overclaim becomes
    one finding over the whole sentence).
    """
    lab = row["label"]
    if "overclaim_sentences" in lab:
        findings = [
            {"start": s, "end": e, "quote": row["text"][s:e], "category": c, "severity": "high"}
            for s, e, c in gold_spans(row)
        ]
        elements = [{"element": k, "present": bool(lab["elements"][k])} for k in ELEMENTS]
        return {
            "decision": lab["decision"],
            "applicable": lab["applicable"],
            "checks": [
                {"check": "risk_disclosure", "elements": elements},
                {"check": "overclaim", "findings": findings},
            ],
        }
    findings = []
    if lab["overclaim"]:
        t = row["text"]
        findings.append(
            {"start": 0, "end": len(t), "quote": t, "category": lab["category"], "severity": "high"}
        )
    return {
        "decision": "reject" if findings else "approve",
        "applicable": True,
        "checks": [
            {"check": "risk_disclosure", "elements": [{"element": k, "present": False} for k in ELEMENTS]},
            {"check": "overclaim", "findings": findings},
        ],
    }


def score_sentences(rows: Sequence[Row], verdicts: Sequence[Verdict]) -> dict[str, Any]:
    """Overclaim P/R/F1 on single sentences: predicted = any finding (and, for reference, any
    medium/high finding); recall per gold category; ids of the errors."""
    if len(rows) != len(verdicts):
        raise ValueError("one verdict per sentence row")
    pairs: list[tuple[bool, bool]] = []
    pairs_mh: list[tuple[bool, bool]] = []
    fp_ids: list[str] = []
    fn_ids: list[str] = []
    per_cat: dict[str, list[int]] = {c: [0, 0] for c in CATEGORIES}  # [found, total]
    cat_match = [0, 0]  # [gold category among predicted categories, gold overclaims found]
    for r, v in zip(rows, verdicts, strict=True):
        gold = bool(r["label"]["overclaim"])
        fnd = _findings(v)
        pred = bool(fnd)
        pairs.append((gold, pred))
        pairs_mh.append((gold, any(f.get("severity") in ("medium", "high") for f in fnd)))
        if pred and not gold:
            fp_ids.append(r["id"])
        if gold and not pred:
            fn_ids.append(r["id"])
        if gold:
            cat = r["label"]["category"]
            per_cat[cat][1] += 1
            if pred:
                per_cat[cat][0] += 1
                cat_match[1] += 1
                if any(f.get("category") == cat for f in fnd):
                    cat_match[0] += 1
    return {
        "task": "sentence is an overclaim vs the engine reports any finding in it",
        **confusion(pairs),
        "medium_or_high_only": confusion(pairs_mh),
        "recall_by_category": {
            c: {"recall": round(f / n, 3) if n else None, "found": f, "n": n} for c, (f, n) in per_cat.items()
        },
        "category_agreement_on_found": round(cat_match[0] / cat_match[1], 3) if cat_match[1] else None,
        "false_positive_ids": fp_ids,
        "false_negative_ids": fn_ids,
    }


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_articles(rows: Sequence[Row], verdicts: Sequence[Verdict]) -> dict[str, Any]:
    """Article-level scores: overclaim sentences, disclosure elements, applicability, decisions."""
    if len(rows) != len(verdicts):
        raise ValueError("one verdict per article row")
    tp = fp = fn = 0
    per_cat: dict[str, list[int]] = {c: [0, 0] for c in CATEGORIES}
    el_pairs: list[tuple[bool, bool]] = []
    el_by: dict[str, list[tuple[bool, bool]]] = {k: [] for k in ELEMENTS}
    appl_ok = 0
    dec_ok = 0
    matrix = {g: dict.fromkeys(DECISIONS, 0) for g in DECISIONS}
    swaps: list[str] = []
    errors: dict[str, dict[str, Any]] = {}
    for r, v in zip(rows, verdicts, strict=True):
        text = r["text"]
        lab = r["label"]
        golds = gold_spans(r)
        fnd = _findings(v)
        spans = [(int(f["start"]), int(f["end"])) for f in fnd]
        missed = []
        for s, e, c in golds:
            per_cat[c][1] += 1
            if any(_overlaps((s, e), sp) for sp in spans):
                tp += 1
                per_cat[c][0] += 1
            else:
                fn += 1
                missed.append({"category": c, "quote": text[s:e]})
        sents = sentence_spans(text)
        fp_sents: dict[int, list[str]] = {}
        for f, sp in zip(fnd, spans, strict=True):
            if any(_overlaps((s, e), sp) for s, e, _ in golds):
                continue
            idx = next((i for i, ss in enumerate(sents) if _overlaps(ss, sp)), -1)
            fp_sents.setdefault(idx, []).append(str(f.get("category")))
        fp += len(fp_sents)
        extra = [
            {
                "categories": sorted(set(cats)),
                "sentence": text[sents[i][0] : sents[i][1]] if i >= 0 else "",
            }
            for i, cats in sorted(fp_sents.items())
        ]
        pred_appl = _applicable(v)
        appl_ok += pred_appl == lab["applicable"]
        el_err: list[str] = []
        if lab["applicable"]:
            pe = _elements(v)
            for k in ELEMENTS:
                pair = (bool(lab["elements"][k]), bool(pe.get(k, False)))
                el_pairs.append(pair)
                el_by[k].append(pair)
                if pair[0] != pair[1]:
                    el_err.append(("missed " if pair[0] else "spurious ") + k)
        g_dec, p_dec = lab["decision"], v["decision"]
        dec_ok += g_dec == p_dec
        matrix[g_dec][p_dec] = matrix[g_dec].get(p_dec, 0) + 1
        if {g_dec, p_dec} == {"approve", "reject"}:
            swaps.append(r["id"])
        if missed or extra or el_err or g_dec != p_dec or pred_appl != lab["applicable"]:
            err: dict[str, Any] = {}
            if g_dec != p_dec:
                err["decision"] = f"gold {g_dec}, engine {p_dec}"
            if pred_appl != lab["applicable"]:
                err["applicable"] = f"gold {lab['applicable']}, engine {pred_appl}"
            if missed:
                err["missed_overclaims"] = missed
            if extra:
                err["false_positive_sentences"] = extra
            if el_err:
                err["elements"] = el_err
            errors[r["id"]] = err
    n = len(rows)
    return {
        "overclaim_sentences": {
            "task": "gold quote found when any finding overlaps it; unmatched findings counted once per sentence",
            **prf(tp, fp, fn, 0),
            "recall_by_category": {
                c: {"recall": round(f / m, 3) if m else None, "found": f, "n": m}
                for c, (f, m) in per_cat.items()
            },
        },
        "elements": {
            "task": "element present, micro over gold-applicable articles x 6 elements",
            **confusion(el_pairs),
            "by_element": {k: confusion(p) for k, p in el_by.items()},
        },
        "applicability_accuracy": round(appl_ok / n, 3) if n else 0.0,
        "decision": {
            "accuracy": round(dec_ok / n, 3) if n else 0.0,
            "n": n,
            "confusion_gold_to_engine": matrix,
            "approve_reject_swaps": len(swaps),
            "swap_ids": swaps,
        },
        "errors_by_article": errors,
    }


def targets(articles: dict[str, Any]) -> dict[str, Any]:
    """Each target with the measured value and whether it is met."""
    oc = articles["overclaim_sentences"]
    measured = {
        "overclaim_sentence_f1": oc["f1"],
        "overclaim_sentence_precision": oc["precision"],
        "element_f1": articles["elements"]["f1"],
        "decision_accuracy": articles["decision"]["accuracy"],
        "approve_reject_swaps": articles["decision"]["approve_reject_swaps"],
    }
    out: dict[str, Any] = {}
    for k, goal in TARGETS.items():
        val = measured[k]
        met = val <= goal if k == "approve_reject_swaps" else val >= goal
        out[k] = {"target": goal, "measured": val, "met": met}
    return out


def score(
    articles: Sequence[Row],
    art_verdicts: Sequence[Verdict],
    sentences: Sequence[Row],
    sent_verdicts: Sequence[Verdict],
) -> dict[str, Any]:
    """Everything the bench reports, from rows and verdicts alone (no engine)."""
    art = score_articles(articles, art_verdicts)
    return {
        "targets": targets(art),
        "sentences": score_sentences(sentences, sent_verdicts),
        "articles": art,
    }


def bench_candor(data_dir: Path = DATA) -> dict[str, Any]:
    """Run the engine on every article and sentence of the set and score it."""
    from workers.checks import RULESET_VERSION, check

    articles, sentences = load(data_dir)
    art_v = [check(r["text"]).to_dict() for r in articles]
    sent_v = [check(r["text"]).to_dict() for r in sentences]
    return {
        "ruleset": RULESET_VERSION,
        "data": f"{len(articles)} articles, {len(sentences)} sentences written for Candor (bench/data/README.md)",
        **score(articles, art_v, sentences, sent_v),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    print(json.dumps(bench_candor(args.data), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
