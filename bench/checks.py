"""Measure the check engine: quality on labelled public data, decisions on the seed articles, speed, memory.

Prints one JSON object. Data defaults to ../shared/eval and ../shared/seeds next to the repo; it is read
in place and never copied into the repo. Usage: python bench/checks.py [--eval DIR] [--seeds DIR] [--quick]
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from workers.checks import RULESET_VERSION, check  # noqa: E402
from workers.checks.engine import causal_sentence  # noqa: E402

SHARED = REPO.parent / "shared"


def prf(tp: int, fp: int, fn: int, tn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = (tp + tn) / max(1, tp + fp + fn + tn)
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "accuracy": round(acc, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "n": tp + fp + fn + tn,
    }


def confusion(pairs: list[tuple[bool, bool]]) -> dict[str, Any]:
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if not g and p)
    fn = sum(1 for g, p in pairs if g and not p)
    tn = sum(1 for g, p in pairs if not g and not p)
    return prf(tp, fp, fn, tn)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def bench_claims(path: Path) -> dict[str, Any]:
    rows = read_jsonl(path)
    pairs = [(r["label"] == "direct_causal", causal_sentence(r["text"])) for r in rows]
    out: dict[str, Any] = {
        "task": "direct_causal vs (correlational, conditional_causal, no_relationship); "
        "predicted = causal_unhedged detector (engine.causal_sentence) on the sentence",
        "overall": confusion(pairs),
        "by_source": {},
    }
    for src in sorted({r["source"] for r in rows}):
        sub = [
            (r["label"] == "direct_causal", p)
            for r, (_, p) in zip(rows, pairs, strict=True)
            if r["source"] == src
        ]
        out["by_source"][src] = confusion(sub)
    # Where the false positives come from (counts per gold label).
    fp_by_label: dict[str, int] = {}
    for r, (g, p) in zip(rows, pairs, strict=True):
        if p and not g:
            fp_by_label[r["label"]] = fp_by_label.get(r["label"], 0) + 1
    out["false_positives_by_label"] = dict(sorted(fp_by_label.items()))
    # For comparison: the separate one-sentence claim-strength classifier, if present in the package.
    try:
        from workers.checks.claims import classify_claim
    except ImportError:
        pass
    else:
        alt = [
            (r["label"] == "direct_causal", classify_claim(r["text"]).label == "direct_causal") for r in rows
        ]
        out["claims_classify_claim_for_comparison"] = confusion(alt)
    return out


SENSATIONAL = {"hype", "cure", "safety"}


def is_sensational(v: dict[str, Any]) -> bool:
    """Predicted 'has sensational language': a hype, cure or safety finding of medium or high severity,
    or a hedged hype finding (HealthNewsReview counts "could be a game changer" as sensational; the
    engine reports it one severity lower, as DESIGN.md asks)."""
    return any(
        f["category"] in SENSATIONAL
        and (f["severity"] in ("medium", "high") or (f["category"] == "hype" and f["hedged"]))
        for f in v["checks"][1]["findings"]
    )


def harms_present(v: dict[str, Any]) -> bool:
    return bool(v["checks"][0]["elements"][0]["present"])


def harms_adequate(v: dict[str, Any]) -> bool:
    """HealthNewsReview asks whether harms are adequately explained/quantified: the element's `adequate`."""
    return bool(v["checks"][0]["elements"][0].get("adequate"))


def bench_fakehealth(path: Path) -> dict[str, Any]:
    rows = read_jsonl(path)
    sens: list[tuple[bool, bool]] = []
    harms: list[tuple[bool, bool]] = []
    harms_named: list[tuple[bool, bool]] = []
    for r in rows:
        v = check(r["text"]).to_dict()
        lab = r["label"]
        s = lab.get("sensational_language")
        if s in ("Satisfactory", "Not Satisfactory"):
            sens.append((s == "Not Satisfactory", is_sensational(v)))
        h = lab.get("harms")
        if h in ("Satisfactory", "Not Satisfactory"):
            harms.append((h == "Satisfactory", harms_adequate(v)))
            harms_named.append((h == "Satisfactory", harms_present(v)))
    return {
        "sensational_language": {
            "task": "HealthNewsReview 'sensational language' Not Satisfactory (= has it) vs a hype/cure/safety "
            "finding of medium or high severity, or a hedged hype finding",
            **confusion(sens),
        },
        "harms": {
            "task": "HealthNewsReview 'harms' Satisfactory vs the harms element adequate (named and explained or "
            "quantified; N/A skipped)",
            **confusion(harms),
            "element_present_for_comparison": confusion(harms_named),
        },
    }


def bench_seeds(path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in sorted(path.glob("*.txt")):
        if f.name.lower() == "readme.txt":
            continue
        v = check(f.read_text(encoding="utf-8")).to_dict()
        fnd = v["checks"][1]["findings"]
        cats: dict[str, int] = {}
        for x in fnd:
            cats[x["category"]] = cats.get(x["category"], 0) + 1
        out[f.name] = {
            "decision": v["decision"],
            "scores": v["scores"],
            "risk_disclosure_status": v["checks"][0]["status"],
            "elements_present": [e["element"] for e in v["checks"][0]["elements"] if e["present"]],
            "overclaim_status": v["checks"][1]["status"],
            "findings_by_category": dict(sorted(cats.items())),
            "high_findings": sum(1 for x in fnd if x["severity"] == "high"),
        }
    return out


_SYNTHETIC = [
    "Stem cell therapy for knee arthritis is offered by a growing number of private clinics.",
    "Some clinics claim the injections regrow cartilage, but no product is approved for this use.",
    "Small early studies report modest improvements in pain; larger randomised trials are under way.",
    "Side effects include pain and swelling at the injection site, and infection is a rare risk.",
    "A course of injections can cost several thousand pounds and is rarely covered by insurance.",
    "Talk to your doctor about alternatives such as physiotherapy, weight loss and knee replacement.",
    "Our clinic offers a groundbreaking treatment with no side effects, so book a consultation today.",
    "Researchers said the results were promising but cautioned that more research is needed.",
    "Bone marrow transplants remain a standard treatment for leukaemia and some lymphomas.",
    "There is no evidence that stem cells cure autism, multiple sclerosis or Parkinson's disease.",
    "The city council met on Tuesday to discuss road repairs and the library budget.",
    "Regular exercise is associated with a lower risk of heart disease in older adults.",
]


def synthetic_texts() -> list[str]:
    """Deterministic articles from the sentences above (used when no labelled data is available)."""
    out = []
    n = len(_SYNTHETIC)
    for i in range(50):
        out.append(" ".join(_SYNTHETIC[(i * 7 + j * 5) % n] for j in range(40)))
    return out


def corpus_10k(texts: list[str], n: int) -> list[str]:
    """~10 KB articles built by concatenating available texts (deterministic)."""
    out: list[str] = []
    i = 0
    while len(out) < n and texts:
        buf: list[str] = []
        size = 0
        while size < 10_000:
            t = texts[i % len(texts)]
            i += 1
            buf.append(t)
            size += len(t) + 2
        out.append("\n\n".join(buf)[:10_240])
    return out


def bench_speed(texts: list[str], n: int) -> dict[str, Any]:
    docs = corpus_10k(texts, n)
    for d in docs[:20]:  # warm caches (catalogue load, regex compile)
        check(d)
    gc.collect()
    times: list[float] = []
    t0 = time.perf_counter()
    for d in docs:
        s = time.perf_counter()
        check(d).to_dict()
        times.append((time.perf_counter() - s) * 1000)
    wall = time.perf_counter() - t0
    times.sort()
    tracemalloc.start()
    for d in docs[:50]:
        check(d).to_dict()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "articles": len(docs),
        "mean_article_bytes": round(statistics.mean(len(d.encode()) for d in docs)),
        "articles_per_s_one_core": round(len(docs) / wall, 1),
        "p50_ms": round(times[len(times) // 2], 3),
        "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 3),
        "peak_traced_mb_per_check": round(peak / 1e6, 2),
        "max_rss_mb_process": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "note": "single process, single thread; includes Verdict.to_dict()",
    }


# Candor's own labelled sets (bench/data, written for the project and kept in the repo), and how each
# was used: a figure on a set the rules were tuned on says less than one on a set nobody looked at.
_DATA = REPO / "bench" / "data"
_TUNED = "measured blind once, then used for tuning"
CANDOR_SETS = (
    ("dev", _DATA, "development set: the rules were tuned on its errors"),
    # Each blind set was measured once before its errors were looked at; those first figures are in
    # docs/checks.md. The figures printed here are for the current rules, after tuning on it.
    ("heldout", _DATA / "heldout", f"blind set 1: {_TUNED}"),
    ("final", _DATA / "final", f"blind set 2: {_TUNED}"),
    *((f"blind{n}", _DATA / f"blind{n}", f"blind set {n}: {_TUNED}") for n in (3, 4, 6, 7, 8, 9, 10, 11)),
    # Kept unmeasured while sets 6-11 were tuned on, then measured once.
    *((f"blind{n}", _DATA / f"blind{n}", f"blind set {n}: {_TUNED} (after sets 6-11)") for n in (5, 12)),
    # Written after most of the rule changes and measured once at the end.
    *((f"blind{n}", _DATA / f"blind{n}", f"blind set {n}: {_TUNED} (last)") for n in (13, 14)),
    ("blind16", _DATA / "blind16", f"blind set 16: {_TUNED} (last round)"),
    # Measured once after the third session's last rule change; tuned on in the fourth session.
    ("blind15", _DATA / "blind15", f"blind set 15: {_TUNED} (in the next session)"),
    # Written at the start of the fourth session, measured once after its first round of changes.
    *((f"blind{n}", _DATA / f"blind{n}", f"blind set {n}: {_TUNED} (fourth session)") for n in (17, 18)),
    # Written at the start of the fourth session, kept unread, measured once after its main round of
    # changes (00ef972), then used for development in its last round.
    *(
        (f"blind{n}", _DATA / f"blind{n}", f"blind set {n}: {_TUNED} (fourth session, last round)")
        for n in (19, 20)
    ),
    # Written late in the fourth session, kept unread, measured once after its last rule change.
    *(
        (
            f"blind{n}",
            _DATA / f"blind{n}",
            f"blind set {n}: measured blind once after the last rule change, not tuned on",
        )
        for n in (21, 22)
    ),
)


def bench_candor_sets() -> dict[str, Any]:
    """The DESIGN section 4 targets on each of Candor's own sets (details: bench/candor_set.py --data DIR)."""
    from bench.candor_set import bench_candor

    out: dict[str, Any] = {}
    for name, path, role in CANDOR_SETS:
        if not (path / "candor_articles.jsonl").exists():
            continue
        full = bench_candor(path)
        s = full["sentences"]
        out[name] = {
            "role": role,
            "data": full["data"],
            "targets": {
                k: {"measured": v["measured"], "target": v["target"], "met": v["met"]}
                for k, v in full["targets"].items()
            },
            "sentence_set_overclaim": {k: s[k] for k in ("precision", "recall", "f1")},
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval", type=Path, default=SHARED / "eval")
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--speed-n", type=int, default=1000)
    ap.add_argument("--quick", action="store_true", help="smaller speed sample")
    args = ap.parse_args(argv)
    result: dict[str, Any] = {"ruleset": RULESET_VERSION, "python": sys.version.split()[0]}
    claims = args.eval / "claim_strength_sentences.jsonl"
    fake = args.eval / "fakehealth_release_hnr_criteria.jsonl"
    if not claims.exists() and not fake.exists():
        result["skipped"] = f"no labelled data at {args.eval} (expected claim_strength_sentences.jsonl, "
        result["skipped"] += "fakehealth_release_hnr_criteria.jsonl); pass --eval PATH"
    else:
        result["sources"] = (
            "FakeHealth (Dai, Sun, Wang 2020) with HealthNewsReview criteria; claim strength: Yu et al. 2019/2020, "
            "Wright & Augenstein 2021"
        )
        if claims.exists():
            result["claim_strength_direct_causal"] = bench_claims(claims)
        if fake.exists():
            result["fakehealth"] = bench_fakehealth(fake)
    result["candor_sets"] = bench_candor_sets()
    if args.seeds.is_dir():
        result["seeds"] = bench_seeds(args.seeds)
    else:
        result["seeds"] = {"skipped": f"no seed articles at {args.seeds}"}
    texts: list[str] = []
    source = "fakehealth releases"
    if fake.exists():
        texts = [r["text"] for r in read_jsonl(fake)]
    elif args.seeds.is_dir():
        texts = [f.read_text(encoding="utf-8") for f in sorted(args.seeds.glob("0*.txt"))]
        source = "seed articles"
    else:
        texts, source = synthetic_texts(), "synthetic sentences written for this bench"
    result["speed"] = {"corpus": source, **bench_speed(texts, 200 if args.quick else args.speed_n)}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
