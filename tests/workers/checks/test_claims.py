"""Tests for the one-sentence claim-strength classifier (workers/checks/claims.py).

All sentences are written for these tests (stem cells, drugs, diet, exercise), in British and
American spellings; none come from the labelled evaluation data.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.checks.claims import LABELS, ClaimStrength, classify_claim

DIRECT = "direct_causal"
COND = "conditional_causal"
CORR = "correlational"
NONE = "no_relationship"


def label(sentence: str) -> str:
    return classify_claim(sentence).label


def cue_text(sentence: str) -> str:
    res = classify_claim(sentence)
    assert res.cue is not None
    return sentence[res.cue[0] : res.cue[1]]


def hedge_text(sentence: str) -> str:
    res = classify_claim(sentence)
    assert res.hedge is not None
    return sentence[res.hedge[0] : res.hedge[1]]


# --------------------------------------------------------------------------- direct causal


@pytest.mark.parametrize(
    "sentence",
    [
        "Mesenchymal stem cell infusions reduce joint pain in patients with osteoarthritis.",
        "The new statin lowers LDL cholesterol within six weeks.",
        "Daily brisk walking improved memory in older adults.",
        "Regular aerobic exercise improves sleep quality in teenagers.",
        "A Mediterranean diet prevents a second heart attack.",
        "Smoking causes lung cancer.",
        "High salt intake raises blood pressure.",
        "The vaccine cut hospital admissions by a third.",
        "Aspirin decreases the risk of colorectal cancer.",
        "Cord blood transplants cure sickle cell disease in children.",
        "The gene therapy restored vision in three patients.",
        "Stem cell injections repair damaged cartilage.",
        "Drinking sugary sodas leads to weight gain.",
        "Intensive glucose control resulted in fewer kidney complications.",
        "Skipping breakfast worsens concentration in schoolchildren.",
        "Yoga relieves chronic back pain.",
        "The antibody halts the progression of multiple sclerosis.",
        "Vitamin D supplements boost immunity in care-home residents.",
        "Physiotherapy has helped stroke survivors regain their balance.",
        "The drug is effective in treating moderate psoriasis.",
        "Cognitive behavioural therapy was effective for insomnia.",
        "The implant has proven effective against migraine.",
        "Metformin is superior to placebo for weight control in this group.",
        "Obesity is a leading cause of type 2 diabetes.",
        "The new regimen had beneficial effects on fasting glucose.",
        "Older patients benefit from early mobilisation after surgery.",
        "Stem cell therapy can reverse heart damage.",
        "Inflammation was reduced by the experimental compound.",
        "Liver fibrosis is caused by chronic alcohol use.",
        "The intervention significantly reduced anxiety before surgery.",
        "This treatment lessens fatigue and improves mood.",
    ],
)
def test_direct_causal(sentence: str) -> None:
    assert label(sentence) == DIRECT, classify_claim(sentence)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Stem cell infusions reduce joint pain.", "reduce"),
        ("Exercise improved memory in older adults.", "improved"),
        ("High salt intake raises blood pressure.", "raises"),
        ("Drinking sugary sodas leads to weight gain.", "leads"),
        ("The drug is effective in treating psoriasis.", "effective"),
        ("Exercise optimises insulin sensitivity.", "optimises"),
        ("Exercise optimizes insulin sensitivity.", "optimizes"),
        ("The diet normalised blood sugar.", "normalised"),
        ("The diet normalized blood sugar.", "normalized"),
    ],
)
def test_cue_span_slices_the_deciding_word(sentence: str, cue: str) -> None:
    assert label(sentence) == DIRECT
    assert cue_text(sentence) == cue


def test_reason_names_the_cue() -> None:
    res = classify_claim("Stem cell infusions reduce joint pain.")
    assert "'reduce'" in res.reason
    assert res.hedge is None


# --------------------------------------------------------------------------- conditional causal


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("Stem cell infusions may reduce joint pain.", "may"),
        ("Green tea might lower blood pressure slightly.", "might"),
        ("A low-fat diet could improve liver function.", "could"),
        ("The results suggest that exercise improves mood.", "suggest"),
        ("Our findings suggest the drug could prevent relapse.", "could"),
        ("The supplement appears to reduce inflammation.", "appears"),
        ("Fasting seems to improve insulin sensitivity.", "seems"),
        ("The vaccine is likely to reduce hospital admissions.", "likely"),
        ("The therapy potentially reverses nerve damage.", "potentially"),
        ("Intermittent fasting possibly lowers cholesterol.", "possibly"),
        ("The findings hint that stem cells promote healing.", "hint"),
        ("Walking after meals may help lower blood sugar.", "may"),
        ("The new drug may be effective for resistant epilepsy.", "may"),
        ("Vitamin C is thought to shorten colds.", "thought"),
    ],
)
def test_conditional_causal(sentence: str, hedge: str) -> None:
    assert label(sentence) == COND, classify_claim(sentence)
    assert hedge_text(sentence) == hedge


def test_trailing_reporting_hedge() -> None:
    s = "Daily walking cuts heart attack risk, a new study suggests."
    assert label(s) == COND
    assert hedge_text(s) == "suggests"


# --------------------------------------------------------------------------- hedge scope


@pytest.mark.parametrize(
    "sentence",
    [
        # the hedge sits in a subordinate clause that is not the main claim
        "Although the treatment may be expensive, it reduces hospital stays.",
        "While the mechanism may differ in children, the drug lowers fever in adults.",
        # the hedge belongs to a different clause, cut off by "but" or ";"
        "Diet may matter, but exercise improves blood pressure.",
        "The cause may be genetic; however, the drug prevents attacks.",
        "Patients who may have diabetes were excluded, and metformin reduced weight.",
    ],
)
def test_hedge_does_not_cross_its_clause(sentence: str) -> None:
    assert label(sentence) == DIRECT, classify_claim(sentence)


def test_hedge_span_is_the_governing_one() -> None:
    s = "Although costs were high, stem cell therapy may restore mobility."
    res = classify_claim(s)
    assert res.label == COND
    assert hedge_text(s) == "may"
    assert cue_text(s) == "restore"


# --------------------------------------------------------------------------- correlational


@pytest.mark.parametrize(
    "sentence",
    [
        "Coffee drinking was associated with lower mortality.",
        "Red meat intake is linked to colon cancer.",
        "Sleep duration correlated with exam performance.",
        "Higher vitamin D levels were linked with fewer fractures.",
        "Low fibre intake predicted constipation in older adults.",
        "People who exercised regularly had a lower risk of dementia.",
        "Smokers were more likely to develop gum disease than non-smokers.",
        "Obesity is a risk factor for knee osteoarthritis.",
        "Blood pressure increases with age.",
        "There is a strong association between air pollution and asthma.",
        "The study found a relationship between screen time and poor sleep.",
        "Those who ate more vegetables had lower blood pressure than those who ate few.",
        "Processed food consumption may be associated with depression.",
    ],
)
def test_correlational(sentence: str) -> None:
    assert label(sentence) == CORR, classify_claim(sentence)


def test_adjectival_change_words_are_not_causal_verbs() -> None:
    # "reduced", "increased" and "lower" as adjectives describe a comparison, not an effect
    assert label("Patients with lupus showed reduced kidney function.") == CORR
    assert label("Night-shift nurses carry increased odds of diabetes.") == CORR
    assert label("Increased sugar intake was associated with tooth decay.") == CORR
    assert label("Women who ran had significantly lower resting heart rates.") == CORR


# --------------------------------------------------------------------------- no relationship


@pytest.mark.parametrize(
    "sentence",
    [
        # background and methods
        "Stem cells are undifferentiated cells found in bone marrow.",
        "We recruited 120 adults with type 2 diabetes from two clinics.",
        "Participants were randomised to the drug or to placebo.",
        "Type 2 diabetes affects millions of people worldwide" + "?",
        "Further trials are needed to determine whether the drug reduces relapse.",
        "Future studies should test whether exercise improves cognition.",
        # questions
        "Does intermittent fasting improve heart health?",
        "Can stem cells cure multiple sclerosis?",
        # negated effects
        "The supplement did not reduce blood pressure.",
        "Vitamin E does not prevent heart disease.",
        "Stem cell injections failed to improve walking distance.",
        "Acupuncture had no effect on migraine frequency.",
        "The drug was not effective for chronic back pain.",
        # purely descriptive
        "Mortality fell over the decade.",
        "Participants were aged 40 to 65 years.",
        "The clinic offers consultations on Saturdays.",
        "",
    ],
)
def test_no_relationship(sentence: str) -> None:
    assert label(sentence) == NONE, classify_claim(sentence)


def test_negation_span_is_reported() -> None:
    s = "The supplement did not reduce blood pressure."
    res = classify_claim(s)
    assert res.label == NONE
    assert res.negated is not None
    assert s[res.negated[0] : res.negated[1]] == "not"
    assert cue_text(s) == "reduce"


def test_purpose_infinitive_is_not_a_claim() -> None:
    assert label("Patients were given the drug to reduce swelling.") == NONE
    assert label("The trial was designed to lower relapse rates.") == NONE


def test_nouns_are_not_verbs() -> None:
    assert label("The increase in admissions was small.") == NONE
    assert label("The benefits of the trial were discussed.") == NONE


# --------------------------------------------------------------------------- reported speech


def test_reported_speech_keeps_claim_and_flags_attribution() -> None:
    s = "The clinic claims stem cells cure lupus."
    res = classify_claim(s)
    # The embedded claim is a direct causal claim; attribution is flagged, not hedged:
    # the engine decides whether an attributed claim counts (its source/quote handling).
    assert res.label == DIRECT
    assert cue_text(s) == "cure"
    assert res.attributed is not None
    assert s[res.attributed[0] : res.attributed[1]] == "claims"
    s2 = "Exercise reduces stress, according to the researchers."
    assert label(s2) == DIRECT
    assert classify_claim(s2).attributed is not None
    assert classify_claim("Exercise reduces stress.").attributed is None


# --------------------------------------------------------------------------- robustness and speed


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_valid_result(text: str) -> None:
    res = classify_claim(text)
    assert isinstance(res, ClaimStrength)
    assert res.label in LABELS
    assert isinstance(res.reason, str) and res.reason
    for span in (res.cue, res.hedge, res.negated, res.attributed):
        if span is not None:
            assert 0 <= span[0] < span[1] <= len(text)


_WORDS = st.sampled_from(
    [
        "stem",
        "cells",
        "may",
        "might",
        "could",
        "reduce",
        "reduces",
        "reduced",
        "reducing",
        "lowers",
        "not",
        "did",
        "no",
        "effect",
        "associated",
        "with",
        "linked",
        "to",
        "although",
        ",",
        ";",
        "but",
        "suggest",
        "that",
        "is",
        "effective",
        "in",
        "treating",
        "the",
        "patients",
        "risk",
        "higher",
        "than",
        "more",
        "likely",
        "?",
        "cure",
        "cures",
        "cause",
        "caused",
        "by",
        "according",
        "claims",
        "improved",
        "leads",
        "result",
        "in",
        "a",
        "an",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40))
def test_word_salad_gives_valid_spans(words: list[str]) -> None:
    text = " ".join(words)
    res = classify_claim(text)
    assert res.label in LABELS
    for span in (res.cue, res.hedge, res.negated, res.attributed):
        if span is not None:
            assert 0 <= span[0] < span[1] <= len(text)
            assert text[span[0] : span[1]].strip() == text[span[0] : span[1]]


def test_non_string_input_does_not_raise() -> None:
    assert classify_claim(None).label == NONE  # type: ignore[arg-type]
    assert classify_claim(["a", "list"]).label == NONE  # type: ignore[arg-type]
    assert classify_claim(b"Aspirin reduces fever.").label == NONE  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 2_000_000,
        "may " * 500_000,
        "reduces-" * 250_000,
        ", " * 1_000_000,
        "not associated with " * 100_000,
        "'" * 2_000_000,
        "1.2.3.4," * 250_000,
    ],
)
def test_pathological_input_gives_a_label(text: str) -> None:
    # Speed is measured by bench/checks.py; here only that a huge degenerate input is classified.
    assert classify_claim(text).label in LABELS


# --------------------------------------------------------------------------- further constructions


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # role adjectives and nominal effects
        ("Early physiotherapy is crucial for recovery after knee surgery.", DIRECT),
        ("Omega-3 supplements provide relief for dry eyes.", DIRECT),
        ("Stem cell therapy may be crucial for cartilage repair.", COND),
        # a diagnostic aid is not an effect on health
        ("A blood test helps diagnose sepsis in newborns.", NONE),
        ("Genetic screening helps identify patients at risk of heart failure.", CORR),
        # comparison of risk, not causation
        ("Smokers are more likely to develop gum disease.", CORR),
        ("Statin users had a significantly reduced risk of stroke.", CORR),
        ("Runners had a 30 percent lower risk of heart disease.", CORR),
        # participle continuing a main clause counts only when nothing else does
        ("The diet lowered insulin levels, leading to weight loss.", DIRECT),
        ("Among older women, reducing salt intake could lower blood pressure.", COND),
        # relative clauses are background when the main clause makes its own claim
        ("Lupus, which causes joint pain, was associated with depression.", CORR),
        # "not" negating a noun phrase, not the verb
        ("Fibre and not fat lowers the glucose peak after meals.", DIRECT),
        ("The drug not only reduces pain but also improves sleep.", DIRECT),
        # passive with an agent vs an amount
        ("Relapse was prevented by the new vaccine.", DIRECT),
        # a "that" relative clause is background to the hedged main claim
        ("Diets that lower sodium may also reduce migraine frequency.", COND),
        ("Older adults are more likely to benefit from the booster.", CORR),
        # statements about research, not about health
        ("The trial improves our understanding of stem cell ageing.", NONE),
        ("The trial raises awareness of cord blood banking.", NONE),
        # proper nouns and acronyms that look like verbs
        ("Patients at Block Hospital were interviewed.", NONE),
        # a claim that there is (almost) no effect is still a claim about the effect
        ("Walking had little effect on resting heart rate.", DIRECT),
        ("There was no effect on bone density after a year of tablets.", NONE),
        ("The booster showed no benefit in frail adults.", NONE),
        ("The brace did not significantly influence knee pain.", NONE),
        ("Knee injections did not influence walking speed.", NONE),
        ("Fish oil capsules are ineffective for dry eye disease.", DIRECT),
        ("The new sugar tax sparked a sharp fall in fizzy drink sales.", DIRECT),
        # an effect noun with no host verb is a topic, not a claim
        ("The same impact was measured in both groups.", NONE),
    ],
)
def test_further_constructions(sentence: str, expected: str) -> None:
    assert label(sentence) == expected, classify_claim(sentence)


def test_passive_with_an_amount_is_not_causal() -> None:
    assert label("Weight was reduced by 4 kg on average.") != DIRECT
    assert label("Pain scores were lowered by a third.") != DIRECT


def test_british_and_american_spellings() -> None:
    for s in (
        "Exercise stabilises blood sugar in type 2 diabetes.",
        "Exercise stabilizes blood sugar in type 2 diabetes.",
        "The therapy minimised scarring after burns.",
        "The therapy minimized scarring after burns.",
        "Fish oil fuelled the recovery of damaged nerves.",
        "Fish oil fueled the recovery of damaged nerves.",
    ):
        assert label(s) == DIRECT, classify_claim(s)


def test_how_heading_announces_a_topic_not_a_claim() -> None:
    assert classify_claim("How Stem Cell Therapy Changes the Immune System").label == "no_relationship"
    assert classify_claim("Why Cord Blood Banking Matters").label == "no_relationship"


def test_role_adjective_before_a_research_gerund_is_not_an_effect() -> None:
    assert (
        classify_claim("Larger trials are essential for evaluating these injections.").label
        == "no_relationship"
    )
    assert classify_claim("Daily exercise is crucial for healthy knees.").label == "direct_causal"


@pytest.mark.parametrize(
    "sentence",
    [
        "There was no effect on bone density after a year of tablets.",
        "The booster showed no benefit in frail adults.",
        "The brace did not significantly influence knee pain.",
    ],
)
def test_negated_effect_reports_its_negation(sentence: str) -> None:
    res = classify_claim(sentence)
    assert res.negated is not None
    assert sentence[res.negated[0] : res.negated[1]] in {"no", "not"}
