"""Hard-wrapped plain text: a line break inside a sentence neither splits it nor hides a pattern."""

from __future__ import annotations

from workers.checks import check
from workers.checks.text import fold, split_sentences


def present(text: str) -> set[str]:
    verdict = check(text).to_dict()
    return {
        e["element"]
        for c in verdict["checks"]
        if c["check"] == "risk_disclosure"
        for e in c["elements"]
        if e["present"]
    }


def test_soft_wrap_keeps_one_sentence_and_blank_line_splits():
    text = "Stem cell injections can cause infection,\nbleeding and pain at the\nsite.\n\nAsk your doctor."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == [
        "Stem cell injections can cause infection,\nbleeding and pain at the\nsite.",
        "Ask your doctor.",
    ]


def test_headings_stay_their_own_sentences():
    text = "Risks of treatment\nInfection is the most common problem."
    assert len(split_sentences(text)) == 2


def test_patterns_match_across_a_wrap_and_offsets_hold():
    text = "Stem cell injections for knee pain are offered widely.\nPatients should talk to\ntheir doctor before any injection."
    assert len(fold(text)) == len(text) and "talk to their doctor" in fold(text)
    assert "professional_advice" in present(text)


def test_graft_versus_host_is_a_harm_not_an_alternative():
    elements = present("Stem cell transplants can cause graft-versus-host disease.")
    assert "harms" in elements and "alternatives" not in elements
