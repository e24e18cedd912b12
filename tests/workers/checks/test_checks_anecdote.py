"""Testimonials told as evidence (OC-ANECDOTE), and success rates relayed in a speaker's own words."""

from __future__ import annotations

import pytest

from workers.checks import check


def rules(text: str) -> dict[str, str]:
    """rule id -> severity of its first finding."""
    out: dict[str, str] = {}
    for f in check(text).findings:
        out.setdefault(f.rule, f.severity)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Six weeks after my injection I was hiking again and I cancelled the knee surgery.",
        "Three months after his second infusion, our son said 'daddy' for the first time.",
        "Within a fortnight of the drip my energy was back, and within a month I was cycling again.",
        "Two weeks after the protocol she was gardening again.",
        "I went from a wheelchair to walking with a stick after the cells.",
        "My HbA1c went from 9.4 to 6.2 after the programme, and I'm down to one tablet.",
        "I haven't needed my inhaler since the second round of stem cells.",
        "After the course of injections I stopped wearing a knee brace.",
        "Kevin's results are typical of what we see at our centre.",
        "We see turnarounds like this every week at the clinic.",
        "Our guests report deeper sleep and more energy after a single infusion.",
        "Eight months after my treatment I swam a mile for the first time in years.",
    ],
)
def test_testimonials_offered_as_evidence_are_found(text: str) -> None:
    found = rules(text)
    assert "OC-ANECDOTE" in found, found
    assert found["OC-ANECDOTE"] == "medium"


@pytest.mark.parametrize(
    "text",
    [
        # Harms, relapses and no change after the treatment are reports, not testimonials.
        "Three weeks after the infusion she developed a fever and was admitted to hospital.",
        "Two months after her treatment the relapses came back, worse than before.",
        "Six months after the injections nothing had changed.",
        "Most patients are back to normal activities within a day or two of the procedure.",
        "Some people have a flare of pain for several days after the injection.",
        # Study language: a trial's result is sourced, not an anecdote.
        "Participants in the trial walked further six months after the infusions than those given placebo.",
        # Negated, hoped for, asked.
        "Six weeks after the injection I still could not walk again without a frame.",
        "Will I be hiking again within a month of the treatment?",
        "If the cells work, he could be walking again within a year of the infusion.",
        # Not a person's outcome.
        "Platelet-rich plasma has gone from locker rooms to high-street clinics in a decade.",
        "Help Rory take his first steps: donate to his treatment fund.",
        # Sport, no treatment.
        "Six weeks after the final, the striker was training again with the first team.",
    ],
)
def test_reports_hopes_and_other_uses_are_not_testimonials(text: str) -> None:
    found = rules(text)
    assert "OC-ANECDOTE" not in found, found


def test_a_recovery_after_an_approved_transplant_is_not_an_anecdote_claim() -> None:
    text = (
        "Maria had acute myeloid leukaemia and received a bone marrow transplant from her brother. "
        "Blood stem cell transplants are an approved treatment for leukaemia. "
        "Six months after the transplant she was back at work again. "
        "Transplants carry serious risks, including graft-versus-host disease and infection."
    )
    assert "OC-ANECDOTE" not in rules(text)


def test_a_success_rate_in_the_speakers_own_words_counts_as_relayed() -> None:
    # The quotation is the whole clause: the article relays the speaker's claim (attributed, kept).
    direct = rules(
        '"Nine out of ten of our long-haulers improve within four sessions," said the clinic nurse.'
    )
    assert "OC-UNSOURCED" in direct, direct
    # A phrase quoted inside a report the sentence distances stays at arm's length.
    reported = check(
        'Regulators said the clinic\'s claim that "nine out of ten patients improve" was not supported by any study.'
    ).findings
    assert not [f for f in reported if f.category == "unsourced_evidence"], reported


@pytest.mark.parametrize(
    "text",
    [
        "Around 80 percent of the children on his programme gain new words within six months, he told us.",
        "Eighty-five per cent of his patients go into full remission, the doctor said.",
    ],
)
def test_success_rates_with_outcome_verbs_are_unsourced(text: str) -> None:
    assert "OC-UNSOURCED" in rules(text), rules(text)


@pytest.mark.parametrize(
    "text",
    [
        '"The stem cells gave me my life back," she said.',
        '"I\'m cured of my arthritis, and nobody will tell me otherwise," he says.',
    ],
)
def test_a_cure_claim_in_the_speakers_own_words_is_relayed(text: str) -> None:
    found = rules(text)
    assert found.get("OC-CURE") == "medium", found


@pytest.mark.parametrize(
    "text",
    [
        '"People ask me if I\'m cured," she says.',
        '"There is no stem cell treatment for spinal cord injury that has been shown to restore function," '
        "she says.",
        'The regulator said the clinic\'s promise to "cure autism" was false.',
    ],
)
def test_asked_denied_or_distanced_cure_words_are_not_relayed_claims(text: str) -> None:
    assert "OC-CURE" not in rules(text), rules(text)
