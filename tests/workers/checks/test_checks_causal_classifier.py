"""The causal_unhedged rule uses the claim classifier: as a veto on hedged or associational
sentences, and for causal verbs the rule's own word list does not know."""

from __future__ import annotations

import pytest

from workers.checks import check
from workers.checks.engine import causal_sentence


def causal_findings(text: str) -> list[dict]:
    verdict = check(text).to_dict()
    return [
        f
        for c in verdict["checks"]
        if c["check"] == "overclaim"
        for f in c["findings"]
        if f["category"] == "causal_unhedged"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Stem cell therapy abolishes arthritis pain.",
        "Stem cell injections eradicate joint inflammation in older adults.",
    ],
)
def test_verbs_outside_the_word_list_are_found_by_the_classifier(text):
    findings = causal_findings(text)
    assert len(findings) == 1
    assert text[findings[0]["start"] : findings[0]["end"]] == findings[0]["quote"]


@pytest.mark.parametrize(
    "text",
    [
        "Stem cell therapy appears to improve mobility.",
        "Patients given stem cell injections tended to report less pain than untreated patients.",
        "Stem cell treatment suggests that cartilage could regrow.",
    ],
)
def test_hedged_or_associational_sentences_are_not_causal_findings(text):
    assert causal_findings(text) == []


def test_sentence_detector_counts_negated_effects_as_strong_claims():
    # Claim strength is about certainty, not polarity.
    assert causal_sentence("The new drug did not reduce blood pressure in adults.")
    assert not causal_sentence("The new drug may reduce blood pressure in adults.")
    assert not causal_sentence("Higher coffee intake was linked with lower blood pressure.")
