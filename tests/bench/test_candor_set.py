"""Candor's own labelled set parses, its gold quotes sit in their articles, and the scorer is right
on gold: fed verdicts built from the labels, it reports perfect scores (no engine involved)."""

from __future__ import annotations

from typing import Any

import pytest

from bench.candor_set import (
    CATEGORIES,
    DATA,
    DECISIONS,
    ELEMENTS,
    load,
    score,
    score_articles,
    score_sentences,
    sentence_spans,
    verdict_from_gold,
)


@pytest.fixture(scope="module")
def rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return load(DATA)


def test_articles_parse_and_follow_schema(rows):
    articles, _ = rows
    assert len(articles) == 40
    for a in articles:
        assert a["id"].startswith("ca-") and a["genre"] and a["text"].strip()
        assert 150 <= len(a["text"].split()) <= 700, a["id"]
        lab = a["label"]
        assert lab["decision"] in DECISIONS
        assert isinstance(lab["applicable"], bool)
        assert set(lab["elements"]) == set(ELEMENTS)
        assert all(isinstance(x, bool) for x in lab["elements"].values())
        if not lab["applicable"]:
            assert not any(lab["elements"].values()), a["id"]
        for q in lab["overclaim_sentences"]:
            assert q["category"] in CATEGORIES


def test_every_gold_quote_is_an_exact_unique_substring(rows):
    articles, _ = rows
    for a in articles:
        for q in a["label"]["overclaim_sentences"]:
            assert q["quote"] in a["text"], (a["id"], q["quote"])
            assert a["text"].count(q["quote"]) == 1, (a["id"], q["quote"])


def test_sentences_parse_and_follow_schema(rows):
    _, sentences = rows
    assert len(sentences) == 300
    for s in sentences:
        assert s["id"].startswith("cs-") and s["text"].strip()
        lab = s["label"]
        if lab["overclaim"]:
            assert lab["category"] in CATEGORIES
        else:
            assert lab["category"] is None
    cats = {s["label"]["category"] for s in sentences if s["label"]["overclaim"]}
    assert cats == set(CATEGORIES)


def test_ids_unique(rows):
    articles, sentences = rows
    ids = [r["id"] for r in articles + sentences]
    assert len(ids) == len(set(ids))
    assert len({r["text"] for r in sentences}) == len(sentences)


def test_gold_as_prediction_scores_perfectly(rows):
    articles, sentences = rows
    out = score(
        articles,
        [verdict_from_gold(r) for r in articles],
        sentences,
        [verdict_from_gold(r) for r in sentences],
    )
    assert set(out) == {"targets", "sentences", "articles"}
    s = out["sentences"]
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 1.0, 1.0)
    assert s["false_positive_ids"] == [] and s["false_negative_ids"] == []
    assert s["category_agreement_on_found"] == 1.0
    assert all(v["recall"] == 1.0 for v in s["recall_by_category"].values())
    a = out["articles"]
    assert set(a) >= {"overclaim_sentences", "elements", "applicability_accuracy", "decision"}
    oc = a["overclaim_sentences"]
    assert (oc["precision"], oc["recall"], oc["f1"]) == (1.0, 1.0, 1.0)
    assert a["elements"]["f1"] == 1.0
    assert a["applicability_accuracy"] == 1.0
    assert a["decision"]["accuracy"] == 1.0 and a["decision"]["approve_reject_swaps"] == 0
    assert a["errors_by_article"] == {}
    assert all(t["met"] for t in out["targets"].values())


def _empty(decision: str, applicable: bool = True) -> dict[str, Any]:
    return {
        "decision": decision,
        "applicable": applicable,
        "checks": [
            {"elements": [{"element": k, "present": False} for k in ELEMENTS]},
            {"findings": []},
        ],
    }


def test_article_scorer_counts_misses_false_positives_and_swaps():
    text = "Our cells cure arthritis. Talk to your doctor. This is a miracle. Nothing else."
    row = {
        "id": "x-1",
        "text": text,
        "label": {
            "decision": "reject",
            "applicable": True,
            "elements": {k: k == "professional_advice" for k in ELEMENTS},
            "overclaim_sentences": [
                {"quote": "Our cells cure arthritis.", "category": "cure"},
                {"quote": "This is a miracle.", "category": "hype"},
            ],
        },
    }
    v = _empty("approve")
    i = text.index("cure")
    j = text.index("Nothing")
    k = text.index("doctor")
    v["checks"][1]["findings"] = [
        {"start": i, "end": i + 4, "category": "cure", "severity": "high"},
        {"start": j, "end": j + 7, "category": "hype", "severity": "low"},
        {"start": j + 8, "end": j + 12, "category": "hype", "severity": "low"},  # same sentence: one FP
        {"start": k, "end": k + 6, "category": "promotion", "severity": "low"},
    ]
    out = score_articles([row], [v])
    oc = out["overclaim_sentences"]
    assert (oc["tp"], oc["fp"], oc["fn"]) == (1, 2, 1)
    el = out["elements"]
    assert (el["tp"], el["fn"], el["fp"]) == (0, 1, 0)
    assert out["decision"]["approve_reject_swaps"] == 1 and out["decision"]["swap_ids"] == ["x-1"]
    assert out["decision"]["confusion_gold_to_engine"]["reject"]["approve"] == 1
    assert out["errors_by_article"]["x-1"]["missed_overclaims"][0]["category"] == "hype"


def test_sentence_scorer_reports_error_ids():
    rows = [
        {"id": "s-1", "text": "It cures all.", "label": {"overclaim": True, "category": "cure"}},
        {"id": "s-2", "text": "It may help.", "label": {"overclaim": False, "category": None}},
    ]
    hit = _empty("reject")
    hit["checks"][1]["findings"] = [{"start": 0, "end": 2, "category": "hype", "severity": "low"}]
    out = score_sentences(rows, [_empty("approve"), hit])
    assert out["false_negative_ids"] == ["s-1"] and out["false_positive_ids"] == ["s-2"]
    assert out["medium_or_high_only"]["fp"] == 0


def test_sentence_spans_split_on_stops_and_lines():
    text = 'One. "Two!" he said.\n\nThree? four'
    assert [text[s:e] for s, e in sentence_spans(text)] == ["One.", '"Two!"', "he said.", "Three?", "four"]
