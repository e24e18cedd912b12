"""Per-finding rewrites (workers/checks/rewrite.py): the sentence with the trigger replaced."""

from __future__ import annotations

import pytest

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
