"""Per-finding rewrites (workers/checks/rewrite.py): the sentence with the trigger replaced."""

from __future__ import annotations

import pytest

from workers.checks import check
from workers.checks.rewrite import Rewrite, hedge_verb, rewrite_sentence


@pytest.mark.parametrize(
    ("words", "hedged"),
    [
        ("reduces", "may reduce"),
        ("relieves", "may relieve"),
        ("fixes", "may fix"),
        ("lowered", "may have lowered"),
        ("leads to", "may lead to"),
        ("led to", "may have led to"),
        ("remedies", "may remedy"),
        ("cut", "may cut"),
        ("repair", "may repair"),
    ],
)
def test_hedge_verb(words: str, hedged: str) -> None:
    assert hedge_verb(words) == hedged


@pytest.mark.parametrize("words", ["is", "reducing", "dramatically", "3%"])
def test_hedge_verb_refuses_what_is_not_a_finite_verb(words: str) -> None:
    assert hedge_verb(words) is None


def _rw(sentence: str, trigger: str, *entries: tuple[str, str]) -> str | None:
    start = sentence.index(trigger)
    table = tuple(Rewrite.build(m, r) for m, r in entries)
    return rewrite_sentence(sentence, start, start + len(trigger), table)


def test_hedge_a_causal_verb_in_place() -> None:
    assert (
        _rw("Stem cell injections repair knee cartilage.", "repair", (".*", "{hedge}"))
        == "Stem cell injections may repair knee cartilage."
    )


def test_hedge_moves_the_copula_after_the_modal() -> None:
    assert (
        _rw("The injections are effective for back pain.", "effective", (".*", "{hedge}"))
        == "The injections may be effective for back pain."
    )


def test_delete_tidies_spaces_and_the_article() -> None:
    assert (
        _rw("It is an amazing treatment for sore knees.", "amazing", (".*", "{delete}"))
        == "It is a treatment for sore knees."
    )
    assert _rw("Results were incredible.", "incredible", (".*", "{delete}")) is not None


def test_template_replacement_keeps_groups_and_capitals() -> None:
    out = _rw(
        "Guaranteed results after one session.",
        "Guaranteed results",
        (r"guaranteed (results|relief)", r"\1 that vary from patient to patient"),
    )
    assert out == "Results that vary from patient to patient after one session."


def test_first_matching_entry_wins_and_no_match_gives_none() -> None:
    entries = (("miracle cure", "treatment"), ("miracle", "{delete}"))
    assert _rw("A miracle cure for arthritis.", "miracle cure", *entries) == "A treatment for arthritis."
    assert _rw("A miracle treatment for arthritis.", "miracle", *entries) == "A treatment for arthritis."
    assert _rw("A marvel for arthritis.", "marvel", *entries) is None


def test_hedge_replaces_a_firm_modal() -> None:
    assert (
        _rw("Stem cells can repair a torn tendon.", "repair", (".*", "{hedge}"))
        == "Stem cells may repair a torn tendon."
    )


def test_hedge_gives_up_after_to() -> None:
    assert _rw("The shots were shown to reduce pain.", "reduce", (".*", "{hedge}")) is None


def test_next_tells_attributive_from_predicative_use() -> None:
    entries = (("groundbreaking", "{delete}", "[a-z]"), ("groundbreaking", "new", None))
    table = tuple(Rewrite.build(*e) for e in entries)
    s1 = "A groundbreaking therapy for gout."
    s2 = "The therapy is groundbreaking."
    i1, i2 = s1.index("groundbreaking"), s2.index("groundbreaking")
    assert rewrite_sentence(s1, i1, i1 + 14, table) == "A therapy for gout."
    assert rewrite_sentence(s2, i2, i2 + 14, table) == "The therapy is new."


def test_hedge_goes_before_an_adverb() -> None:
    assert (
        _rw("Injections dramatically improved pain.", "improved", (".*", "{hedge}"))
        == "Injections may have dramatically improved pain."
    )
    assert (
        _rw("The gel visibly reduces scarring.", "reduces", (".*", "{hedge}"))
        == "The gel may visibly reduce scarring."
    )


def test_template_with_may_replaces_a_firm_modal() -> None:
    assert (
        _rw(
            "It will reset your immune system.",
            "reset your immune system",
            ("reset (.+)", r"may modulate \1"),
        )
        == "It may modulate your immune system."
    )


def test_adjective_without_copula_is_not_hedged() -> None:
    assert _rw("A safe and effective option.", "safe and effective", (".*", "{hedge}")) is None


# --------------------------------------------------------------------------- through the engine


def _rewrites(text: str) -> dict[str, str | None]:
    return {f.rule: f.rewrite for f in check(text).findings}


def test_engine_rewrites_each_category_in_the_findings_sentence() -> None:
    got = _rewrites("Our groundbreaking stem cell therapy cures knee pain with no side effects.")
    assert got["OC-HYPE"] == "Our stem cell therapy cures knee pain with no side effects."
    assert (
        got["OC-CURE"] == "Our groundbreaking stem cell therapy may help with knee pain with no side effects."
    )
    assert got["OC-SAFETY"] == "Our groundbreaking stem cell therapy cures knee pain with some side effects."


def test_engine_hedges_a_causal_claim_and_names_the_missing_source() -> None:
    got = _rewrites("Studies show that stem cell injections reduce knee pain.")
    assert got["OC-CAUSAL"] == "Studies show that stem cell injections may reduce knee pain."
    assert got["OC-UNSOURCED"] == (
        "A named study (authors, journal, year) found that stem cell injections reduce knee pain."
    )


def test_rewrite_is_serialised_and_none_when_no_safe_rewrite() -> None:
    v = check("Stem cell treatment for lupus is offered at our clinic; results are incredible.").to_dict()
    hype = [f for f in v["checks"][1]["findings"] if f["rule"] == "OC-HYPE"]
    assert hype and hype[0]["rewrite"] is None


def test_prev_tells_a_noun_from_a_verb() -> None:
    table = (
        Rewrite.build("cure", "treatment", prev=r"\b(?:a|the)"),
        Rewrite.build("cure", "may help with", next="[a-z]"),
    )
    s1 = "It is a cure for gout."
    s2 = "These shots cure gout."
    i1, i2 = s1.index("cure"), s2.index("cure")
    assert rewrite_sentence(s1, i1, i1 + 4, table) == "It is a treatment for gout."
    assert rewrite_sentence(s2, i2, i2 + 4, table) == "These shots may help with gout."
