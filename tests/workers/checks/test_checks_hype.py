"""Sensational language (OC-HYPE) and cure talk that is not a claim (OC-CURE)."""

from __future__ import annotations

import pytest

from workers.checks import check


def sev(text: str, category: str) -> list[str]:
    return [f.severity for f in check(text).findings if f.category == category]


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # Hedged hype is still hype, one step lower (DESIGN.md section 4: hedges lower severity).
        ("Researchers said the drug could be a game changer for people with asthma.", "low"),
        ("The implant may revolutionise hip surgery.", "low"),
        ("The implant may revolutionize hip surgery.", "low"),
        ("Doctors hailed the result as a revolution in the treatment of arthritis.", "medium"),
        ("The clinic offers a first-of-its-kind implant for knee pain.", "medium"),
        ("The drug dramatically reduced pain in the trial.", "medium"),
        ("The pill is a silver bullet for ageing.", "high"),
        ("Some call the diet a panacea.", "high"),
        ("The findings are a milestone for patients with lupus.", "medium"),
    ],
)
def test_sensational_words(text: str, severity: str) -> None:
    assert severity in sev(text, "hype"), (text, sev(text, "hype"))


@pytest.mark.parametrize(
    "text",
    [
        # Negated, distanced.
        "The treatment is not a silver bullet.",
        "Critics warn against so-called breakthrough clinics.",
        # Medical terms that contain a hype word.
        "Breakthrough pain is common in people with cancer.",
        "The FDA granted the drug breakthrough therapy designation.",
        # Trends, not claims.
        "Rates of obesity have increased dramatically since 1980.",
        "Prices for the drug have varied dramatically between countries.",
        # An organisation describing itself.
        "The company is committed to game-changing products for dermatology.",
        "The foundation invests in transformative research on rare diseases.",
    ],
)
def test_not_hype(text: str) -> None:
    assert sev(text, "hype") == [], (text, sev(text, "hype"))


def test_plural_breakthroughs_speaks_of_a_field() -> None:
    assert sev("Researchers report new breakthroughs in gene therapy every year.", "hype") == ["low"]


def test_question_lowers_hype() -> None:
    assert sev("Is this new drug the holy grail of pain relief?", "hype") == ["medium"]


@pytest.mark.parametrize(
    "text",
    [
        "The charity's mission is to cure childhood leukaemia.",
        "The charity funds the search for a cure for Parkinson's disease.",
        "The foundation is dedicated to finding a cure for diabetes.",
        "The lab works on vaccines, treatments and cures for tropical infections.",
        "There is no cure for lupus.",
    ],
)
def test_aims_and_missions_are_not_cure_claims(text: str) -> None:
    assert sev(text, "cure") == [], (text, sev(text, "cure"))


def test_cure_claims_still_found() -> None:
    assert "high" in sev("The injection cures arthritis.", "cure")
    assert "medium" in sev("Researchers say the injection may cure arthritis.", "cure")


def test_curative_is_clinical_wording() -> None:
    assert sev("Curative surgery remains the standard option for early tumours.", "cure") == ["low"]
