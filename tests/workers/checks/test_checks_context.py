"""Sentence splitting and ConText-style trigger scope."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workers.checks.catalogue import load_catalogue
from workers.checks.scan import Doc
from workers.checks.text import _NOT_AFTER, _SOFT_WRAP, Sentences, fold, split_sentences


def ctx(text: str, target: str):  # type: ignore[no-untyped-def]
    low = fold(text)
    s = Sentences(text, low, load_catalogue().lexicon, Doc(low))
    i = low.index(target)
    return s.context(i, i + len(target))


def test_split_handles_abbreviations_headings_and_missing_spaces() -> None:
    t = "Dr. Smith treats knees. They cost $5.50 each! Is it safe?\nA heading\nOne thing.Another thing."
    assert [t[a:b] for a, b in split_sentences(t)] == [
        "Dr. Smith treats knees.",
        "They cost $5.50 each!",
        "Is it safe?",
        "A heading",
        "One thing.",
        "Another thing.",
    ]


def test_split_empty_and_whitespace() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []


# The boundary as first written (one punctuation group, soft wraps skipped in Python), for comparison with
# the single-scan form split_sentences uses.
_REF_BOUNDARY = re.compile(
    r"(?P<p>\.(?i:" + _NOT_AFTER + r")(?:\.\.)?|[!?]+)[\"')\]\u201d\u2019]*(?:\s+|(?=[A-Z\"\u201c\u2018(\[]))"
    r"|(?P<n>\n)\s*"
)


def reference_split(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(text)
    start = len(text) - len(text.lstrip())
    last = 0
    for pos in [m.start() for m in re.finditer(r"[.!?\n]", text)]:
        m = _REF_BOUNDARY.match(text, pos)
        if pos < last or m is None or (m.group("n") and _SOFT_WRAP.match(text, pos)):
            continue
        last = m.end()
        end = m.end("p") if m.group("p") else m.start()
        while m.group("p") and end < n and text[end] in "\"')]\u201d\u2019":
            end += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
        start = max(start, m.end())
    end = len(text.rstrip())
    if end > start:
        out.append((start, end))
    return out


_PIECES = [*"aB z.!?\n\t\r,;\"')(\u201d\u2019\u201c-_\u00e90", "Dr", "e.g", "U.S", "al", "...", " J", "Ph.D"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_split_equals_reference(text: str) -> None:
    assert split_sentences(text) == reference_split(text)


def test_fold_keeps_length_for_odd_unicode() -> None:
    for t in ["İstanbul ﬁne ẞ", "Curly ’quotes’ and – dashes", "\u0130" * 10]:
        assert len(fold(t)) == len(t)


def test_negation_scope_forward_within_window() -> None:
    assert ctx("There is no evidence that stem cells cure lupus.", "cure").negated
    assert ctx("Stem cells do not cure lupus.", "cure").negated


def test_negation_does_not_cross_a_terminator() -> None:
    c = ctx("There is no cure for lupus, but stem cells cure arthritis.", "cure arthritis")
    assert not c.negated


def test_negation_window_is_limited() -> None:
    c = ctx(
        "No parking was left near the small town hall on Friday when we heard the shots cure pain.", "cure"
    )
    assert not c.negated


def test_pseudo_negation_does_not_negate() -> None:
    assert not ctx("This therapy not only cures pain, it restores mobility.", "cures").negated
    assert not ctx("There is no doubt that it cures arthritis.", "cures").negated


def test_post_negation() -> None:
    assert ctx("That stem cells cure autism is unproven.", "cure").negated


def test_hedges() -> None:
    assert ctx("Stem cells may reset the immune system.", "reset").hedged
    assert ctx("Early research suggests stem cells reset the immune system.", "reset").hedged
    assert not ctx("Stem cells reset the immune system.", "reset").hedged
    assert ctx("Stem cell use is associated with less pain.", "less").weak_hedge
    assert not ctx("Stem cells can reduce pain.", "reduce").weak_hedge  # "can" asserts capability


def test_reported_speech_and_distancing() -> None:
    c = ctx("Clinics claim the injections cure arthritis.", "cure")
    assert c.attributed and c.distanced
    c = ctx("The surgeon said the injections cure arthritis.", "cure")
    assert c.attributed and not c.distanced


def test_question_and_conditional() -> None:
    assert ctx("Do stem cells cure arthritis?", "cure").question
    assert ctx("If stem cells cure arthritis, surgery rates will fall.", "cure").conditional
    assert not ctx("Stem cells cure arthritis.", "cure").conditional


def test_split_after_a_contraction() -> None:
    t = "It isn't. Stem cells can't. J. Smith said so."
    assert [t[a:b] for a, b in split_sentences(t)] == ["It isn't.", "Stem cells can't.", "J. Smith said so."]


def test_explaining_presents_the_claim_as_fact_while_saying_and_claiming_report_it() -> None:
    """To explain presupposes the complement: the writer relays the explanation as true."""
    assert not ctx("Dr. Ruiz explained that the cells repair the damaged nerves.", "repair").attributed
    assert ctx("Dr. Ruiz said that the cells repair the damaged nerves.", "repair").attributed
    assert ctx("The clinic claims that the cells repair the damaged nerves.", "repair").distanced


def test_an_explained_mechanism_is_a_causal_claim_unless_hedged_or_a_harm() -> None:
    from workers.checks import check

    def causal(text: str) -> bool:
        return any(f.category == "causal_unhedged" for f in check(text).findings)

    assert causal("He explained that the stem cells repair the blood vessels damaged by the virus.")
    assert causal("Stem cells calm the inflammation behind autism, the clinic's founder explained.")
    assert not causal("The doctor explained that the cells may help reduce inflammation in some patients.")
    assert not causal("He said that the stem cells repair the blood vessels damaged by the virus.")
