"""Property tests: spans always slice the text to their quote; nothing crashes; output is deterministic."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workers.checks import check, extract_text
from workers.checks.catalogue import load_catalogue
from workers.checks.engine import _prev_word, _Run

WORDS = [
    "stem",
    "cells",
    "cure",
    "cures",
    "no",
    "not",
    "side",
    "effects",
    "may",
    "miracle",
    "risk-free",
    "studies",
    "show",
    "reduce",
    "pain",
    "lupus",
    "arthritis",
    "FDA",
    "approved",
    "our",
    "clinic",
    "?",
    ".",
    ",",
    "but",
    "İ",
    "ﬁ",
    "’",
    "—",
    "\n",
    "tumour",
    "infection",
    "claim",
    "https://x.example/a",
    "leukaemia",
    "bone",
    "marrow",
    "transplant",
    "game",
    "changer",
    "minimal",
    "rejection",
    "doctor",
    "cost",
    "$5",
]
phrases = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
texts = st.one_of(
    st.text(max_size=400), phrases, st.builds(lambda a, b: a + b, phrases, st.text(max_size=50))
)


def assert_spans(text: str) -> None:
    d = check(text).to_dict()
    for f in d["checks"][1]["findings"]:
        assert 0 <= f["start"] <= f["end"] <= len(text)
        assert text[f["start"] : f["end"]] == f["quote"]
    for e in d["checks"][0]["elements"]:
        assert e["present"] == bool(e["evidence"])
        for ev in e["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["quote"]
    assert d["decision"] in {"approve", "needs_review", "reject"}
    assert 0.0 <= d["scores"]["overclaim"] <= 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_spans_slice_text_for_any_input(text: str) -> None:
    assert_spans(text)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_deterministic(text: str) -> None:
    assert json.dumps(check(text).to_dict()) == json.dumps(check(text).to_dict())


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["text/html", "text/markdown", "text/plain"]))
def test_extract_never_crashes(body: str, content_type: str) -> None:
    assert isinstance(extract_text(body, content_type), str)


def test_empty_and_whitespace() -> None:
    for t in ["", " ", "\n\n", "\x00", "?", "..."]:
        assert_spans(t)
        assert check(t).findings == ()


def test_two_megabytes() -> None:
    unit = (
        "Stem cells cure arthritis with no side effects. There is no cure for lupus. "
        "Side effects include infection. Talk to your doctor. "
    ) * 20
    text = (unit * (2_000_000 // len(unit) + 1))[:2_000_000]
    assert_spans(text)
    one_line = "x" * 2_000_000
    assert_spans(one_line)


def test_pathological_unicode() -> None:
    for t in [
        "\u0130" * 1000 + " cures",
        "\ud800" if False else "\u202e cures \u202c",
        "🧬" * 5000,
        "cure" + "\u0301" * 500,
        "\r" * 1000 + "miracle",
    ]:
        assert_spans(t)


_PREV_WORD_FORWARD = re.compile(r"([a-z][a-z'-]*)[^a-z]*$")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab'- .,\n\"\u00e90Z", max_size=40), st.data())
def test_prev_word_equals_forward_search(text: str, data: st.DataObject) -> None:
    """The backwards match finds the word the forward search anchored at the end would find."""
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    m = _PREV_WORD_FORWARD.search(text, lo, hi)
    assert _prev_word(text, lo, hi) == (m.group(1) if m else None)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*WORDS, "may", "if", "associated", "can", "reduces", "treatment"]), max_size=60
    ).map(" ".join)
)
def test_a_dropped_sentence_yields_no_finding(text: str) -> None:
    """_dropped lets the engine skip a sentence before its costlier checks: no match in it may survive."""
    cat = load_catalogue()
    run = _Run(text, cat)
    for rule in cat.rules:
        drops = frozenset(f for f, action in rule.context.items() if action == "drop")
        for ms, me in run.doc.spans(rule.pattern):
            i = run.sents.index_of(ms)
            if run._dropped(rule, i, drops):
                assert run._finding(rule, i, ms, me) is None
