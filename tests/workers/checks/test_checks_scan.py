"""The token-dispatch scanner finds exactly what a plain finditer over the text finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.checks.catalogue import _features, load_catalogue
from workers.checks.scan import Doc, Feature, build_feature, first_tokens, split_alternatives
from workers.checks.text import fold

STOPWORDS = {
    b"the",
    b"a",
    b"an",
    b"of",
    b"and",
    b"in",
    b"to",
    b"is",
    b"it",
    b"for",
    b"at",
    b"as",
    b"on",
    b"are",
    b"be",
    b"was",
    b"were",
    b"with",
    b"this",
    b"that",
    b"by",
    b"or",
    b"has",
    b"have",
}


def all_features() -> list[Feature]:
    """Every feature the catalogue compiles (catalogue._features), the context lexicon's included."""
    cat = load_catalogue()
    lex = cat.lexicon
    return [
        *_features(cat),
        lex.negation_pre,
        lex.negation_post,
        lex.negation_clause,
        lex.pseudo,
        lex.hedge_strong,
        lex.hedge_weak,
        lex.attribution,
        lex.distancing,
        lex.conditional,
        lex.terminator,
        lex.embedded_question,
    ]


FEATURES = all_features()
WORDS = [
    "stem",
    "cells",
    "cure",
    "cures",
    "no",
    "not",
    "side",
    "effects",
    "side-effects",
    "may",
    "miracle",
    "risk-free",
    "studies",
    "show",
    "reduce",
    "reduced",
    "pain",
    "lupus",
    "fda",
    "approved",
    "our",
    "clinic",
    "?",
    ".",
    ",",
    ";",
    " - ",
    "but",
    "is",
    "effective",
    "tumour",
    "infection",
    "claim",
    "https://x.example/a",
    "$5,000",
    "120",
    "patients",
    "20%",
    "parkinson's",
    "rejuvenates",
    "é",
    "_",
    "at",
    "their",
    "source",
    "it",
    "proven",
    "that",
    "health",
    "canada",
    "in",
    "the",
    "lab",
    "graft-versus-host",
    "disease",
    "discuss",
    "with",
    "your",
    "doctor",
]


def test_first_tokens() -> None:
    assert first_tokens("cur(?:e|es)") == {("cure", True), ("cures", True)}
    assert first_tokens("side[- ]effects?") == {("side", True)}
    assert first_tokens("eradicat\\w*") == {("eradicat", False), ("eradicat", True)}
    assert first_tokens("[$£]\\d") is None
    # A token closed inside the first copy of a repeat stays exact; one left open becomes a prefix.
    assert first_tokens("discuss(?: [\\w'-]+){1,4} with") == {("discuss", True)}
    assert first_tokens("(?:ab)+c") == {("ab", False)}
    assert split_alternatives("(?:a|b(?:c|d)|[|x])") == ["a", "b(?:c|d)", "[|x]"]


def test_no_feature_falls_back_to_scanning_for_letters() -> None:
    """A pattern starting with a letter class ("[a-z0-9]...") would be tried at every word: slow.
    Only punctuation, currency signs and digits may start a fallback pattern."""
    for f in FEATURES:
        for chars, regex in f.fallback:
            assert not any(c.isalpha() for c in chars), regex.pattern[:80]


def test_no_feature_is_anchored_on_a_stopword() -> None:
    """A feature anchored on "the" would be tried at every "the": slow. Use a lookbehind instead."""
    for f in FEATURES:
        assert not (f.exact & STOPWORDS), (f.regex.pattern[:80], f.exact & STOPWORDS)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
def test_scanner_equals_finditer(text: str) -> None:
    low = fold(text)
    doc = Doc(low)
    for f in FEATURES:
        expected = [(m.start(), m.end()) for m in f.regex.finditer(low)]
        assert doc.spans(f) == expected, f.regex.pattern[:80]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_scanner_equals_finditer_any_text(text: str) -> None:
    low = fold(text)
    doc = Doc(low)
    for f in FEATURES[:12]:
        assert doc.spans(f) == [(m.start(), m.end()) for m in f.regex.finditer(low)]


def test_build_feature_mixed_alternatives() -> None:
    f = build_feature(["cost(?:s)?", "[$£€]\\s?\\d[\\d,.]*", "(?<=\\d )patients"])
    low = "it costs $5,000 for 20 patients, cost-free"
    assert Doc(low).spans(f) == [(m.start(), m.end()) for m in f.regex.finditer(low)]
    assert len(Doc(low).spans(f)) == 4


def test_unanchorable_patterns_are_refused() -> None:
    """A pattern that could start anywhere would need a full scan of every text: refuse it at load time."""
    with pytest.raises(ValueError):
        build_feature(["\\d+ patients"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join), st.integers(0, 200), st.integers(0, 200))
def test_planned_features_equal_finditer(text: str, a: int, b: int) -> None:
    """The features the catalogue matches all at once (scan.Plan) find what finditer finds, and answer
    any_in() as a document matching them one at a time does."""
    low = fold(text)
    plan = load_catalogue().plan
    assert plan is not None
    planned, single = Doc(low, plan), Doc(low)
    start, end = min(a, b), max(a, b)
    for f in plan.by_key.values():
        assert planned.any_in(f, start, end) == single.any_in(f, start, end), f.regex.pattern[:80]
        assert planned.spans(f) == [(m.start(), m.end()) for m in f.regex.finditer(low)], f.regex.pattern[:80]
