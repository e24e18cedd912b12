"""Harms adequacy (named *and* explained or quantified) and harms that are really outcomes."""

from __future__ import annotations

import pytest

from workers.checks import check


def harms(text: str) -> tuple[bool, bool | None]:
    e = check(text).elements[0]
    assert e.element == "harms"
    return e.present, e.adequate


@pytest.mark.parametrize(
    "text",
    [
        # Frequency or numbers in the disclosing sentence.
        "Side effects of the tablets include nausea in 12% of patients.",
        "Headache was reported by 9 of 40 people after the injection.",
        "About one in 50 patients develops an infection after the procedure.",
        "The most common side effects were headache and tiredness.",
        "The most frequent side effects were diarrhoea and anaemia.",
        "Rare side effects of the vaccine include fever.",
        # Severity.
        "Grade 3 neutropenia occurred after treatment in a quarter of the patients.",
        "Severe bleeding is a known complication of the surgery.",
        "Side effects of the drug were mild, mostly headaches.",
        # Several distinct harms named.
        "Side effects of the infusion included fever, nausea and fatigue.",
        "The risks of surgery are infection and bleeding.",
    ],
)
def test_named_and_explained_harms_are_adequate(text: str) -> None:
    assert harms(text) == (True, True), text


@pytest.mark.parametrize(
    "text",
    [
        "Adverse events were similar in the treatment and placebo groups.",
        "Side effects were comparable with those of the standard drug.",
        "No serious adverse events were reported among the 80 volunteers.",
        "None of the participants had serious side effects during the trial.",
        "Two patients stopped the drug because of side effects.",
        "The side effects included dry mouth, blurred vision, and constipation.",
    ],
)
def test_study_style_adverse_event_reporting_is_present_and_adequate(text: str) -> None:
    assert harms(text) == (True, True), text


@pytest.mark.parametrize(
    "text",
    [
        "Like all medicines, the drug can cause side effects such as nausea.",
        "The main risk of the procedure is infection.",
        "The treatment carries a risk of tumour formation.",
        "The treatment carries a risk of tumor formation.",
    ],
)
def test_a_single_unquantified_harm_is_present_but_not_adequate(text: str) -> None:
    assert harms(text) == (True, False), text


@pytest.mark.parametrize(
    "text",
    [
        "The treatment has no side effects.",
        "Like any treatment, the drug has risks.",
        # Outcomes the treatment improves are not its harms.
        "The drug reduced the risk of death after heart surgery by a third.",
        "Patients reported less pain after the procedure.",
        "Aspirin taken after surgery lowers the risk of blood clots.",
        "The new drug is used to treat pain after surgery.",
        # Questions and conditionals about adverse events are not reports.
        "The trial will test whether adverse events are similar in both groups.",
        "If adverse events were similar, the dose would be raised.",
    ],
)
def test_no_adequate_harms(text: str) -> None:
    assert harms(text)[1] is False, text


def test_minimised_or_outcome_harms_are_not_present() -> None:
    assert harms("The drug reduced the risk of death after heart surgery by a third.")[0] is False
    assert harms("The treatment has no side effects.")[0] is False


def test_less_common_harms_are_still_harms() -> None:
    assert harms("Less common side effects include bleeding and bruising after the injection.") == (
        True,
        True,
    )


def test_adequate_is_in_the_verdict_json_for_harms_only() -> None:
    d = check("Side effects of the infusion included fever, nausea and fatigue.").to_dict()
    elements = d["checks"][0]["elements"]
    assert elements[0]["element"] == "harms" and elements[0]["adequate"] is True
    assert all("adequate" not in e for e in elements[1:])


def test_trial_report_of_no_serious_events_is_a_result_not_a_safety_claim() -> None:
    v = check("No serious adverse events were reported in either group of the trial.")
    assert not [f for f in v.findings if f.category == "safety"], v.findings
    # The same words as a promise stay a high-severity safety claim.
    v = check("Our treatment has no serious side effects.")
    assert any(f.category == "safety" and f.severity == "high" for f in v.findings)
