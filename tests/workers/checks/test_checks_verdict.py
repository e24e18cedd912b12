"""Verdict shape, policy, decisions, determinism and the rule catalogue."""

from __future__ import annotations

import json

import pytest

from workers.checks import RULESET_VERSION, Policy, Verdict, check, rule_catalogue
from workers.checks.engine import decide

PROMO = (
    "Our clinic offers a miracle stem cell treatment that cures arthritis, lupus and multiple sclerosis. "
    "It is completely safe with no side effects. Studies show it works for everyone. "
    "This groundbreaking therapy is a game changer. Book your free consultation today at https://cells.example."
)
BALANCED = (
    "Stem cell injections for knee arthritis are experimental and have been tested only in small trials. "
    "Reported side effects include pain, swelling and, rarely, infection. "
    "No stem cell product is approved by the FDA for arthritis. "
    "Talk to your doctor about costs, which insurers rarely cover, and about alternatives such as physiotherapy."
)


def test_verdict_shape_matches_design() -> None:
    d = check(PROMO).to_dict()
    assert set(d) == {"ruleset", "decision", "scores", "applicable", "checks"}
    assert d["ruleset"] == RULESET_VERSION
    assert d["decision"] in {"approve", "needs_review", "reject"}
    assert set(d["scores"]) == {"risk_disclosure", "overclaim"}
    rd, oc = d["checks"]
    assert rd["check"] == "risk_disclosure" and oc["check"] == "overclaim"
    assert set(rd) == {"check", "status", "score", "elements"}
    assert set(oc) == {"check", "status", "score", "findings"}
    for e in rd["elements"]:
        # Harms alone also says whether the named harms are explained or quantified (additive key).
        keys = {"element", "present", "evidence"} | ({"adequate"} if e["element"] == "harms" else set())
        assert set(e) == keys
        assert not e.get("adequate") or e["present"]
    assert oc["findings"]
    for f in oc["findings"]:
        assert set(f) == {
            "rule",
            "category",
            "severity",
            "start",
            "end",
            "quote",
            "message",
            "suggestion",
            "hedged",
            "negated",
            "attributed",
            "reference",
            "rewrite",
        }
        assert f["severity"] in {"low", "medium", "high"}
        assert f["category"] in {
            "cure",
            "safety",
            "hype",
            "unsourced_evidence",
            "causal_unhedged",
            "unapproved_indication",
            "promotion",
        }
    json.dumps(d)


def test_promotional_text_is_rejected_and_balanced_text_approved() -> None:
    assert check(PROMO).decision == "reject"
    v = check(BALANCED)
    assert v.decision == "approve", v.to_dict()
    assert v.overclaim_status == "pass"


def test_every_category_fires_on_the_promo() -> None:
    got = {f.category for f in check(PROMO).findings}
    assert {"cure", "safety", "hype", "unsourced_evidence", "unapproved_indication", "promotion"} <= got


def test_determinism_byte_identical() -> None:
    a = json.dumps(check(PROMO).to_dict(), sort_keys=True)
    b = json.dumps(check(PROMO).to_dict(), sort_keys=True)
    assert a == b


def test_spans_slice_to_quotes() -> None:
    for text in (PROMO, BALANCED):
        d = check(text).to_dict()
        for f in d["checks"][1]["findings"]:
            assert text[f["start"] : f["end"]] == f["quote"]
        for e in d["checks"][0]["elements"]:
            for ev in e["evidence"]:
                assert text[ev["start"] : ev["end"]] == ev["quote"]


def test_policy_defaults_and_overrides() -> None:
    assert Policy.from_dict(None) == Policy()
    assert Policy.from_dict({}) == Policy()
    p = Policy.from_dict({"approve_max_overclaim": 0.1, "reject_min_high_findings": 2})
    assert p.approve_max_overclaim == 0.1 and p.reject_min_high_findings == 2
    assert Policy.from_dict(p.to_dict()) == p


@pytest.mark.parametrize(
    "bad",
    [
        {"nope": 1},
        {"approve_max_overclaim": "0.3"},
        {"approve_max_overclaim": 1.5},
        {"reject_min_high_findings": 0},
        {"disclosure_pass": True},
    ],
)
def test_policy_rejects_bad_input(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Policy.from_dict(bad)


def test_policy_is_frozen() -> None:
    p = Policy()
    with pytest.raises(AttributeError):
        p.approve_max_overclaim = 0.9  # type: ignore[misc]


def test_policy_changes_the_decision() -> None:
    text = (
        "Stem cell therapy is a groundbreaking treatment. It is experimental; side effects include infection."
    )
    lenient = Policy.from_dict(
        {"approve_max_overclaim": 0.9, "approve_min_disclosure": 0.0, "approve_max_medium_findings": 5}
    )
    strict = Policy.from_dict({"reject_min_overclaim": 0.05})
    assert check(text, lenient).decision == "approve"
    assert check(text, strict).decision == "reject"
    # By default one medium-severity finding ("groundbreaking") keeps an article out of approve.
    assert check(
        text, Policy.from_dict({"approve_max_overclaim": 0.9, "approve_min_disclosure": 0.0})
    ).decision == ("needs_review")


def test_count_keys_of_the_policy_are_validated() -> None:
    assert Policy.from_dict({"approve_max_medium_findings": 0}).approve_max_medium_findings == 0
    with pytest.raises(ValueError, match="approve_max_medium_findings"):
        Policy.from_dict({"approve_max_medium_findings": -1})
    with pytest.raises(ValueError, match="reject_min_high_findings"):
        Policy.from_dict({"reject_min_high_findings": 0})
    assert Policy.from_dict({"approve_max_low_findings": 0}).approve_max_low_findings == 0
    with pytest.raises(ValueError, match="approve_max_low_findings"):
        Policy.from_dict({"approve_max_low_findings": 1.5})
    with pytest.raises(ValueError, match="balanced_min_disclosure"):
        Policy.from_dict({"balanced_min_disclosure": 1.5})


def test_a_balanced_article_is_not_rejected_on_its_overclaim_score_alone() -> None:
    p = Policy()
    # Saturated overclaim score, two high findings: rejected with poor disclosure, reviewed with good.
    assert decide(p, True, 0.40, 1.0, n_high=2, n_medium_plus=4) == "reject"
    assert decide(p, True, 0.85, 1.0, n_high=2, n_medium_plus=4) == "needs_review"
    # Many high-severity findings reject whatever the disclosure; so does a saturated non-treatment text.
    assert decide(p, True, 0.85, 1.0, n_high=4, n_medium_plus=4) == "reject"
    assert decide(p, False, None, 1.0, n_high=2, n_medium_plus=4) == "reject"
    assert decide(Policy.from_dict({"balanced_min_disclosure": 1.0}), True, 0.85, 1.0, 2, 4) == "reject"


def test_several_low_findings_keep_an_article_out_of_approve() -> None:
    p = Policy()
    assert decide(p, False, None, 0.08, n_high=0, n_medium_plus=0, n_low=2) == "approve"
    assert decide(p, False, None, 0.12, n_high=0, n_medium_plus=0, n_low=3) == "needs_review"
    text = (
        "Eating oily fish twice a week sharpens memory in older adults. "
        "Walking briskly for half an hour a day prevents memory loss in later life. "
        "Regular walking protects the heart and lowers blood pressure, the authors add."
    )
    v = check(text)
    lows = [f for f in v.findings if f.severity == "low"]
    assert not v.applicable and len(lows) >= 3 and not any(f.severity != "low" for f in v.findings)
    assert v.decision == "needs_review"


DONOR_DRIVE = " ".join(
    [
        "Volunteers will staff sign-up stands at three city libraries next month.",
        "The drive aims to add younger people to the national register of blood stem cell donors.",
        "Patients who need a transplant often rely on a stranger whose tissue type matches theirs.",
        "Matches are harder to find for patients from some communities, who are under-represented.",
        "Signing up takes a few minutes and a cheek swab.",
        "The swab is posted to a laboratory for typing.",
        "Most people on the register are never called.",
        "Organisers hope to reach students before exams begin.",
        "Library staff will hand out leaflets at the same time.",
        "Local radio will carry interviews with past volunteers.",
        "The council is lending the stands free of charge.",
        "A second round of events is planned for the spring.",
    ]
)


def test_a_long_text_that_names_treatments_but_neither_claims_nor_discloses_is_not_applicable() -> None:
    v = check(DONOR_DRIVE)
    assert not v.findings
    assert v.applicable is False and v.risk_disclosure_score is None and v.decision == "approve"
    # The same words cut to a short note stay a treatment text with failing disclosure.
    short = check(" ".join(DONOR_DRIVE.split(". ")[1:4]))
    assert short.applicable is True and short.decision == "needs_review"


def test_rule_catalogue() -> None:
    cat = rule_catalogue()
    assert cat["version"] == RULESET_VERSION
    ids = [r["id"] for r in cat["rules"]]
    assert len(ids) == len(set(ids))
    for r in cat["rules"]:
        for key in ("id", "check", "category", "severity", "message", "suggestion", "reference"):
            assert key in r
        assert r["check"] in {"overclaim", "risk_disclosure"}
        assert r["reference"]
    assert {r["category"] for r in cat["rules"] if r["check"] == "overclaim"} == {
        "cure",
        "safety",
        "hype",
        "unsourced_evidence",
        "causal_unhedged",
        "unapproved_indication",
        "promotion",
    }
    json.dumps(cat)
    cat["rules"].clear()
    assert rule_catalogue()["rules"], "callers must get a fresh copy"


def test_verdict_is_the_public_type() -> None:
    assert isinstance(check("x"), Verdict)


def test_check_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        check(b"bytes")  # type: ignore[arg-type]


DAMP_GUIDE = (
    "Rising damp: which treatment actually works?\n\n"
    "Most damp walls need no chemical injection at all. Before paying for a damp-proofing procedure, "
    "fix leaking gutters and lower the ground outside. Injection creams are sold with long guarantees, "
    "but the small print often voids the guarantee if the wall is re-plastered by another firm. "
    "A timber treatment is only needed where rot has set in. Lime plaster needs weeks to cure. "
    "Treated walls can take months to dry."
)


def test_treatment_words_without_medical_ones_do_not_make_a_health_article() -> None:
    v = check(DAMP_GUIDE)
    assert v.applicable is False
    assert v.decision == "approve", [(f.category, f.quote) for f in v.findings]


def test_a_trial_that_has_not_shown_an_effect_denies_the_claim() -> None:
    text = "No published trial has shown that any of these supplements improves arthritis in people."
    assert not [f for f in check(text).findings if f.category == "causal_unhedged"]


POLICY_PIECE = (
    "Comment: the case for a tax on sugary snacks\n\n"
    "The council will vote on the proposal next month. Ministers have argued about it for years. "
    "Local schools have already changed their menus. Parents are divided on the plan. "
    "{claim} "
    "The tax would raise about four million pounds a year for school sport."
)


@pytest.mark.parametrize(
    "claim",
    [
        "Sugary snacks cause obesity and tooth decay in children.",
        "A snack tax will halve type 2 diabetes among teenagers within a decade.",
    ],
)
def test_a_policy_piece_stating_health_outcomes_as_certain_needs_review(claim: str) -> None:
    v = check(POLICY_PIECE.format(claim=claim))
    assert v.applicable is False
    assert [f.category for f in v.findings] == ["causal_unhedged"]
    assert v.decision == "needs_review"


@pytest.mark.parametrize(
    "claim",
    [
        "Some studies suggest sugary snacks may contribute to obesity in children.",
        "Sugary snacks are linked to tooth decay in children.",
        "Potatoes are affected by the same blight, so check them too.",
    ],
)
def test_hedged_or_associational_outcomes_in_a_policy_piece_are_not_findings(claim: str) -> None:
    v = check(POLICY_PIECE.format(claim=claim))
    assert v.findings == () and v.decision == "approve"


STAFFING_PIECE = (
    "Opinion | Health and care\n\n"
    "The nursing shortfall is a patient safety emergency. Every ward in the county is short of nurses. "
    "Patients wait longer for help, and patients on busy wards see a nurse less often. "
    "Hospital managers say they cannot recruit. Clinics close early when staff are off sick. "
    "The union wants a legal limit on the number of patients each nurse looks after. "
    "Ministers say the hospital budget is already stretched."
)


def test_a_staffing_piece_that_names_patients_and_hospitals_is_not_about_a_treatment() -> None:
    v = check(STAFFING_PIECE)
    assert v.applicable is False and v.risk_disclosure_status == "not_applicable"


def test_a_treatment_piece_names_its_interventions() -> None:
    text = (
        "Patients with knee arthritis are offered stem cell injections at the clinic. The injections cost "
        "£3,000. Patients should ask their GP about the treatment first; the injections are not approved."
    )
    assert check(text).applicable is True


@pytest.mark.parametrize(
    "text",
    [
        "Graft-versus-host disease can damage the skin, liver and gut, and it can be fatal.",
        "In the SUMMIT trial, MACI improved knee pain and function more than microfracture did at two years.",
    ],
)
def test_what_a_disease_does_and_a_trials_result_are_not_lifestyle_claims(text: str) -> None:
    assert not [f for f in check(text).findings if f.category == "causal_unhedged"]


def test_selling_alone_weighs_less_than_strong_claims_in_the_overclaim_score() -> None:
    """Reject is for cures, guarantees, safety promises and unapproved uses; calls to book and offers
    need an editor, so promotion counts at most as much as hype."""
    from workers.checks.engine import overclaim_score
    from workers.checks.model import Finding

    def finding(category: str) -> Finding:
        return Finding(
            rule="R",
            category=category,
            severity="high",
            start=0,
            end=1,
            quote="x",
            message="m",
            suggestion="s",
        )

    selling = [finding("promotion")] * 3
    curing = [finding("cure")] * 3
    assert overclaim_score(selling, 10) == 0.45
    assert overclaim_score(curing, 10) == 0.7
