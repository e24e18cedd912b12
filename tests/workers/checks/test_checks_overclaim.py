"""Overclaim rules: positives per category, and hard negatives (negation, hedges, reported speech, questions)."""

from __future__ import annotations

import pytest

from workers.checks import check


def cats(text: str) -> dict[str, list[str]]:
    """category -> severities of its findings."""
    out: dict[str, list[str]] = {}
    for f in check(text).findings:
        out.setdefault(f.category, []).append(f.severity)
    return out


def has(text: str, category: str) -> bool:
    return category in cats(text)


# ------------------------------------------------------------------ cure
@pytest.mark.parametrize(
    "text",
    [
        "Our stem cell injections cure arthritis.",
        "This therapy cures type 2 diabetes in weeks.",
        "Stem cells can reverse the damage caused by multiple sclerosis.",
        "The infusion resets the immune system so the disease never comes back.",
        "Exosome therapy treats autoimmune disease at its source.",
        "Patients enjoy permanent relief after a single session.",
        "We guarantee results or your money back.",
        "The procedure regrows cartilage in worn knees.",
        "Stem cell therapy offers long-lasting relief for back pain.",
        "This is the cure for Parkinson's that families have waited for.",
    ],
)
def test_cure_claims_are_found(text: str) -> None:
    assert has(text, "cure"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "There is no cure for lupus, but symptoms can be managed.",
        "There is no evidence that stem cells cure autism.",
        "Stem cell injections do not cure osteoarthritis.",
        "Is there a cure for multiple sclerosis?",
        "Some clinics falsely claim that their injections cure Parkinson's disease.",
        "Scientists have not found a cure for ALS.",
        "Claims that these shots cure arthritis are unproven.",
    ],
)
def test_negated_or_questioned_cure_is_not_a_finding(text: str) -> None:
    assert not has(text, "cure"), cats(text)


def test_hedged_cure_claim_is_lowered() -> None:
    strong = cats("Stem cells reset the immune system.")["cure"]
    hedged_findings = check("Stem cells may reset the immune system.").findings
    hedged = [f for f in hedged_findings if f.category == "cure"]
    assert strong == ["high"]
    assert [f.severity for f in hedged] == ["medium"]
    assert hedged[0].hedged is True


def test_neutral_attribution_is_flagged_and_lowered() -> None:
    f = [
        x
        for x in check("The clinic's director said the injections cure arthritis.").findings
        if x.category == "cure"
    ]
    assert len(f) == 1 and f[0].attributed and f[0].severity == "medium"


# ------------------------------------------------------------------ safety
@pytest.mark.parametrize(
    "text",
    [
        "The treatment has no side effects.",
        "Stem cell therapy is completely safe.",
        "It is a risk-free procedure.",
        "Because we use your own cells there is minimal risk of rejection.",
        "Get relief without surgery or drugs.",
        "The injections are virtually free of side effects.",
        "This natural therapy is 100% safe for everyone.",
        "There are zero complications with this approach.",
    ],
)
def test_safety_claims_are_found(text: str) -> None:
    assert has(text, "safety"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "No medical procedure is risk-free.",
        "Stem cell injections are not risk-free.",
        "It is not true that the therapy has no side effects.",
    ],
)
def test_negated_safety_claims_are_not_findings(text: str) -> None:
    assert not has(text, "safety"), cats(text)


def test_no_side_effects_is_never_a_harms_disclosure() -> None:
    v = check("Patients receiving the stem cell treatment report no side effects such as infection or pain.")
    harms = v.elements[0]
    assert harms.element == "harms"
    assert harms.present is False
    assert any(f.category == "safety" for f in v.findings)


def test_minimised_risk_of_rejection_is_not_a_harms_disclosure() -> None:
    v = check("Using your own stem cells means minimal risk of rejection during the treatment.")
    assert v.elements[0].present is False
    assert any(f.category == "safety" for f in v.findings)


# ------------------------------------------------------------------ hype
@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("This treatment is a game changer for knee pain.", "medium"),
        ("A miracle therapy for arthritis.", "high"),
        ("The groundbreaking procedure takes an hour.", "medium"),
        ("Researchers announced a breakthrough in cell therapy.", "medium"),
        ("Stem cells will revolutionise medicine.", "medium"),
        ("Stem cells will revolutionize medicine.", "medium"),
        ("Try this wonder drug for arthritis.", "high"),
    ],
)
def test_hype_words(text: str, severity: str) -> None:
    assert severity in cats(text).get("hype", []), cats(text)


def test_negated_hype_is_dropped() -> None:
    assert not has("Stem cell therapy is not a miracle treatment.", "hype")


def test_hype_in_question_is_lowered() -> None:
    sev = cats("Is this the miracle cure every arthritis patient wants?").get("hype")
    assert sev == ["medium"]


# ------------------------------------------------------------------ unsourced evidence
@pytest.mark.parametrize(
    "text",
    [
        "Studies show that stem cells heal damaged joints.",
        "Research has proven that the injections work.",
        "Our therapy is clinically proven.",
        "A recent study found that patients walked better afterwards.",
        "Numerous studies support this treatment.",
    ],
)
def test_unsourced_evidence(text: str) -> None:
    assert has(text, "unsourced_evidence"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "A 2021 randomised trial published in The Lancet found less pain at six months.",
        "According to a review by the Cochrane group, studies show mixed results.",
        "Studies show mixed results (Smith et al., 2020).",
    ],
)
def test_sourced_evidence_is_not_flagged(text: str) -> None:
    assert not has(text, "unsourced_evidence"), cats(text)


# ------------------------------------------------------------------ causal, unhedged
@pytest.mark.parametrize(
    "text",
    [
        "Stem cell injections reduce knee pain.",
        "The supplement improves memory in older adults.",
        "This therapy repairs damaged heart muscle.",
        "Exosome treatment boosts collagen production.",
    ],
)
def test_unhedged_causal_treatment_claims(text: str) -> None:
    assert has(text, "causal_unhedged"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stem cell injections may reduce knee pain.",
        "Early research suggests the supplement improves memory.",
        "Use of the therapy was associated with less pain.",
        "Does this therapy reduce pain?",
        "The treatment did not reduce pain in the trial.",
        "The common causes of joint pain are wear and injury.",
        "More research is needed to improve these treatments.",
    ],
)
def test_hedged_correlational_or_negated_causal_statements(text: str) -> None:
    assert not has(text, "causal_unhedged"), cats(text)


# ------------------------------------------------------------------ unapproved indication
@pytest.mark.parametrize(
    "text",
    [
        "Stem cell therapy treats autism in children.",
        "Our stem cell injections heal osteoarthritis of the knee.",
        "Mesenchymal stem cells repair the damage of multiple sclerosis.",
        "Stem cells are an effective solution for Parkinson's disease.",
        "Exosomes reverse hair loss.",
    ],
)
def test_unapproved_indications(text: str) -> None:
    assert has(text, "unapproved_indication"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bone marrow transplants treat leukaemia.",
        "Bone marrow transplants treat leukemia.",
        "A haematopoietic stem cell transplant can cure some lymphomas.",
        "Hematopoietic stem cell transplantation treats multiple myeloma.",
        "CAR-T cell therapy treats certain blood cancers such as lymphoma.",
        "Cord blood transplants help children with sickle cell disease.",
    ],
)
def test_approved_therapies_are_not_unapproved_indications(text: str) -> None:
    assert not has(text, "unapproved_indication"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stem cell treatments for autism are being studied in clinical trials.",
        "No stem cell treatment is approved for lupus.",
        "Stem cell therapy for Parkinson's disease remains experimental.",
        "If you are considering stem cell treatment for arthritis, ask your doctor first.",
    ],
)
def test_unapproved_condition_mentions_that_are_not_claims(text: str) -> None:
    assert not has(text, "unapproved_indication"), cats(text)


# ------------------------------------------------------------------ promotion
@pytest.mark.parametrize(
    "text",
    [
        "At our clinic, we offer advanced stem cell treatments.",
        "Book your free consultation today.",
        "Call us now to schedule an appointment.",
        "Order online at https://example-cells.com/shop now.",
    ],
)
def test_promotion(text: str) -> None:
    assert has(text, "promotion"), cats(text)


def test_links_to_public_health_sources_are_not_promotion() -> None:
    assert not has("Read the FDA advice at https://www.fda.gov/consumers before deciding.", "promotion")


def test_every_finding_explains_itself() -> None:
    v = check("This miracle stem cell therapy cures arthritis with no side effects; studies show it works.")
    assert v.findings
    for f in v.findings:
        assert f.message and f.suggestion and f.reference
        assert f.rule.startswith("OC-")


def test_capability_lowers_a_causal_claim() -> None:
    plain = [
        f
        for f in check("Stem cell injections repair knee cartilage.").findings
        if f.category == "causal_unhedged"
    ]
    can = [
        f
        for f in check("Stem cell injections can repair knee cartilage.").findings
        if f.category == "causal_unhedged"
    ]
    assert [f.severity for f in plain] == ["medium"]
    assert [f.severity for f in can] == ["low"]


def test_causal_sentence_about_harms_is_not_an_overclaim() -> None:
    text = "Stem cell transplants can cause side effects such as nausea and infection."
    assert not has(text, "causal_unhedged")
    assert check(text).elements[0].present


def test_compound_words_are_not_causal_verbs() -> None:
    assert not has(
        "The double-blind trial of the stem cell treatment enrolled 40 patients.", "causal_unhedged"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Bone marrow transplants restore blood cell production in patients with leukaemia.",
        "Haematopoietic stem cell transplantation has treated blood cancers for decades.",
        "CAR-T therapy improves survival in some people with lymphoma.",
        "Stem cell transplants from a donor replace the damaged marrow in sickle cell disease.",
    ],
)
def test_approved_therapy_for_its_approved_use_is_not_an_overclaim(text: str) -> None:
    assert cats(text) == {}


def test_approved_therapy_does_not_shield_an_unapproved_use() -> None:
    sev = cats("Our stem cell transplants cure leukaemia and autism.")
    assert "unapproved_indication" in sev
    assert "cure" in sev


def test_managing_a_risk_of_the_treatment_is_not_a_causal_claim() -> None:
    assert not has(
        "The risk of infection after the stem cell procedure can be reduced by careful monitoring.",
        "causal_unhedged",
    )


def test_car_t_does_not_match_inside_cartilage() -> None:
    assert cats("Stem cell injections repair knee cartilage.").get("causal_unhedged") == ["medium"]


# --------------------------------------------------------------------------- sales pitch, not description
@pytest.mark.parametrize(
    "text",
    [
        "Book online today and mention this page to save on stem cell injections.",
        "Use the code SPRING10 for 15% off your first stem cell session.",
        "Visit kneerenew.example to claim a free assessment for stem cell therapy.",
        "Stem cell therapy from the region's leading regenerative clinic, trusted by thousands.",
        "Ask about our payment plans for stem cell treatment.",
    ],
)
def test_sales_pitch_is_promotion(text: str) -> None:
    assert has(text, "promotion")


def test_describing_a_method_in_the_first_person_is_not_promotion() -> None:
    assert not has("We use stem cells from screened donors, processed in a licensed laboratory.", "promotion")


# --------------------------------------------------------------------------- permanence and lists of denials
@pytest.mark.parametrize(
    "text",
    [
        "After one stem cell infusion the back pain was gone for good.",
        "Most patients no longer need their inhalers after stem cell treatment.",
        "The stem cell injections rebuild the cartilage in your knee.",
    ],
)
def test_permanence_is_a_cure_claim(text: str) -> None:
    assert has(text, "cure")


def test_an_approved_transplant_curing_leukaemia_is_not_a_cure_claim() -> None:
    assert not has("A donor stem cell transplant cures some people with leukaemia.", "cure")


@pytest.mark.parametrize(
    "text",
    [
        "There are no incisions, no scarring and no risk of infection with our stem cell injections.",
        "Because the stem cells are your own, they cannot cause rejection.",
        "The stem cell procedure is drug-free and has none of the side effects of steroids.",
    ],
)
def test_denials_in_a_list_are_each_safety_claims(text: str) -> None:
    assert has(text, "safety")


def test_not_true_that_there_is_no_risk_is_not_a_safety_claim() -> None:
    assert not has("It is not true that stem cell injections carry no risk.", "safety")


# --------------------------------------------------------------------------- hype and evidence
@pytest.mark.parametrize(
    "text",
    [
        "Stem cell therapy is the most important advance in joint care this century.",
        "Exosomes are the future of regenerative medicine.",
    ],
)
def test_superlatives_are_hype(text: str) -> None:
    assert has(text, "hype")


def test_many_patients_is_not_an_appeal_to_evidence() -> None:
    assert not has("Many patients travel abroad for stem cell treatment.", "unsourced_evidence")


# --------------------------------------------------------------------------- whose claim, about what
@pytest.mark.parametrize(
    "text",
    [
        "In lupus, the immune system attacks healthy tissue, including the body's stem cells.",
        "Stem cell patches improved heart function in a small pilot study.",
        "Immunosuppressant drugs raise the risk of infection after a stem cell transplant.",
        "The clinic's founder said the infusions were slowing the disease in most of her stem cell patients.",
    ],
)
def test_not_the_articles_own_causal_claim(text: str) -> None:
    assert not has(text, "causal_unhedged")


def test_passive_with_the_treatment_as_agent_is_a_causal_claim() -> None:
    assert has("Knee pain was reduced by the stem cell injections.", "causal_unhedged")


def test_claims_quoted_word_for_word_are_reported_at_arms_length() -> None:
    text = (
        'The regulator said the clinic sold its stem cell shots as "100% safe" and able to "cure arthritis".'
    )
    assert not has(text, "safety")
    assert not has(text, "cure")


def test_a_testimonial_in_the_publishers_voice_is_its_own_claim() -> None:
    found = [
        f for f in check("Our patients tell us the stem cell injections cured their arthritis.").findings
    ]
    cures = [f for f in found if f.category == "cure"]
    assert cures and not cures[0].attributed


# --------------------------------------------------------------------------- denials that frame a clause
@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "There is no good evidence that stem cell shots help people with emphysema.",
            "unapproved_indication",
        ),
        ("It is not true that injections of your own cells carry no risk.", "safety"),
        ("It would be wrong to say the stem cell infusion is free of side effects.", "safety"),
        ("None of the volunteers in the stem cell trial was cured.", "cure"),
        ("No stem cell product has been shown to reverse Alzheimer's disease.", "cure"),
        ("No treatment can yet restore function lost after a stroke.", "cure"),
    ],
)
def test_a_denial_that_frames_the_clause_negates_it(text: str, category: str) -> None:
    assert not has(text, category)


def test_yet_as_an_adverb_does_not_end_the_clause_but_as_a_conjunction_does() -> None:
    assert has("Our stem cell shots cure knee pain, yet the price stays low.", "cure")


# --------------------------------------------------------------------------- reported at arm's length
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ('Some sellers describe the injections as a "fountain of youth", a phrase doctors reject.', "cure"),
        (
            "Online testimonials call the stem cell drip life-changing, but testimonials are not evidence.",
            "hype",
        ),
        ("The clinic insists its stem cell patients suffer no complications.", "safety"),
        (
            "The court ordered the clinic to stop telling patients that its stem cells could cure cancer.",
            "cure",
        ),
    ],
)
def test_claims_described_by_critics_or_courts_are_not_the_articles(text: str, category: str) -> None:
    assert not has(text, category)


# --------------------------------------------------------------------------- harms, cures and sources
@pytest.mark.parametrize(
    "text",
    [
        "Radiotherapy before a stem cell transplant can cause infertility.",
        "Cells injected into the spine can cause headaches and meningitis-like symptoms.",
        "Heart failure has no cure, though medicines can ease breathlessness.",
        "The statin reduced the risk of heart attack by 25% compared with placebo in a randomised trial.",
        "A corneal stem cell product is authorised in the EU for burns that have destroyed the eye's own stem cells.",
    ],
)
def test_harms_no_cure_statements_and_trial_results_are_not_causal_overclaims(text: str) -> None:
    assert not has(text, "causal_unhedged")


@pytest.mark.parametrize(
    "text",
    [
        "Drinking green tea every day prevents dementia.",
        "Regular sauna sessions cut the risk of stroke in half.",
    ],
)
def test_everyday_exposures_can_carry_causal_overclaims(text: str) -> None:
    assert has(text, "causal_unhedged")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Because the stem cells are filtered, there is no chance of infection.", "safety"),
        ("Our cord blood infusions have a spotless safety record.", "safety"),
        ("After three stem cell sessions your back pain will be gone.", "cure"),
        ("With our stem cell programme, knee pain becomes a thing of the past.", "cure"),
        ("Your shoulder will be fully regenerated after the stem cell injection.", "cure"),
        ("This stem cell discovery marks the end of arthritis as we know it.", "hype"),
        ("Studies have found that the stem cell shots work at any age.", "unsourced_evidence"),
        ("Thousands of published studies support stem cell therapy for lupus.", "unsourced_evidence"),
        ("Stem cells are an excellent treatment for chronic fatigue syndrome.", "unapproved_indication"),
        ("Click the link below to order your stem cell banking kit.", "promotion"),
        ("Join us at our free stem cell seminar next week.", "promotion"),
    ],
)
def test_more_ways_of_saying_it(text: str, category: str) -> None:
    assert has(text, category)


def test_a_negative_trial_result_is_not_an_appeal_to_evidence() -> None:
    assert not has(
        "The stem cell trial found no sign that the cells slowed the disease.", "unsourced_evidence"
    )


def test_a_bare_according_to_a_study_does_not_excuse_causal_certainty() -> None:
    # Naming the design ("randomised trial", "small pilot study") qualifies the claim; "a study" does not.
    assert has(
        "Stem cell patches improved heart function, according to a study published this week.",
        "causal_unhedged",
    )


def test_a_researchers_sensational_quote_is_still_hype() -> None:
    assert has('"This stem cell patch is a game-changing moment for cardiology," said the surgeon.', "hype")


def test_first_person_inside_someone_elses_quote_is_not_the_publishers_voice() -> None:
    text = '"Our stem cell patients are living longer because of this treatment," the clinic director said.'
    assert not has(text, "promotion")


@pytest.mark.parametrize(
    "text",
    [
        "Stem cell treatments take an hour, and you can drive yourself home.",
        "With the usual stem cell protocols, progress can feel painfully slow.",
        "Progress with stem cell therapy is slow.",
    ],
)
def test_verbs_that_are_not_causal_here(text: str) -> None:
    assert not has(text, "causal_unhedged")


def test_slow_after_an_adverb_can_still_be_a_verb() -> None:
    assert has("Stem cell injections dramatically slow arthritis.", "causal_unhedged")


RESIN_GUIDE = (
    "Deep-pour epoxy needs patience. Most resins need three days before you can demould them. "
    "They need a week before they are fully cured and ready for sanding. Too much heat makes the resin "
    "cure too quickly. A small heater under a cardboard tent makes a dramatic difference. "
    "Sand with a fine grit once the surface is hard."
)


def test_a_text_not_about_health_has_no_cure_or_hype_findings() -> None:
    v = check(RESIN_GUIDE)
    assert not v.applicable
    assert [f.category for f in v.findings] == []


def test_a_health_claim_in_a_text_not_about_treatment_is_still_found() -> None:
    text = RESIN_GUIDE + " Sanding three times a week cures arthritis in your hands."
    assert "cure" in {f.category for f in check(text).findings}


# --------------------------------------------------------------------------- other words for the same claims
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Donor stem cells are never rejected, so no matching is needed.", "safety"),
        ("With these stem cell shots there is simply nothing that can go wrong.", "safety"),
        ("Infection is simply not possible with filtered stem cells.", "safety"),
        ("The stem cell injection needs no general anaesthetic and zero recovery time.", "safety"),
        ("After the stem cell course, psoriasis stays in remission.", "cure"),
        ("The cartilage grows back after one stem cell injection.", "cure"),
        ("Patients leave free of back pain for good after stem cell therapy.", "cure"),
        ("The exosome facial helps you age backwards.", "cure"),
        ("Scientists call the stem cell result a turning point for spinal injury.", "hype"),
        ("Enter SPRING at checkout to save 15% on stem cell banking.", "promotion"),
        ("Places fill fast, so secure a stem cell consultation with a deposit of $200.", "promotion"),
        ("Most specialists now agree that exosomes beat painkillers.", "unsourced_evidence"),
        ("The evidence is overwhelming: stem cell therapy works.", "unsourced_evidence"),
    ],
)
def test_other_words_for_the_same_claims(text: str, category: str) -> None:
    assert has(text, category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Stem cell injections are not risk-free.", "safety"),
        ("Stem cell treatment is not without risks.", "safety"),
        ("People who did not receive the stem cell drug died sooner.", "safety"),
        ("Multiple sclerosis cannot yet be cured, by stem cells or anything else.", "unapproved_indication"),
        ("Influencers call the stem cell drip a fountain of youth, yet no trial has tested it.", "cure"),
        ("Ham is traditionally cured with salt for several weeks.", "cure"),
        (
            "The randomised VERITY trial found that the stem cell infusion lowered relapse rates by 30%.",
            "unsourced_evidence",
        ),
    ],
)
def test_honest_statements_in_the_same_words_are_not_claims(text: str, category: str) -> None:
    assert not has(text, category)


def test_a_trial_reporting_no_serious_adverse_events_is_a_result_not_a_safety_claim() -> None:
    assert "safety" not in cats("No serious adverse events were reported in the stem cell trial.")
    assert cats("Our stem cell shots have no serious side effects.").get("safety") == ["high"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Because the stem cells are your own, there is nothing for your body to reject.", "safety"),
        ("Donor stem cells slip past your immune system, so anti-rejection drugs are unnecessary.", "safety"),
        ("The stem cell procedure has been performed safely on hundreds of knees.", "safety"),
        ("With our stem cell shots, complications simply do not occur.", "safety"),
        ("The stem cell hair grows back and stays with you for life.", "cure"),
        ("Gardening three times a week slashes your risk of a stroke.", "causal_unhedged"),
        ("Message our stem cell team on WhatsApp to start your application.", "promotion"),
        ("Book a stem cell consultation by calling 0800 555 0100.", "promotion"),
    ],
)
def test_yet_more_ways_of_saying_it(text: str, category: str) -> None:
    assert has(text, category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "High-dose chemotherapy before the stem cell transplant usually causes infertility.",
            "causal_unhedged",
        ),
        ("The stem cell treatment rarely helps progressive MS without inflammation.", "safety"),
        (
            "Ask your doctor what evidence supports stem cell treatment for your condition.",
            "unsourced_evidence",
        ),
    ],
)
def test_harms_disease_types_and_questions_about_evidence_are_not_claims(text: str, category: str) -> None:
    assert not has(text, category)


def test_a_treatment_causing_a_harm_is_a_disclosure_but_an_exposure_causing_disease_is_a_claim() -> None:
    assert not has("Radiotherapy before a stem cell transplant causes infertility.", "causal_unhedged")
    assert has("Drinking coffee every day causes heart disease.", "causal_unhedged")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Stem cell therapy helps stroke survivors get their lives back.", "cure"),
        ("After stem cell infusions, people with spinal injuries walk again.", "cure"),
        ("Dead neurons are replaced with healthy new ones by our stem cell shots.", "cure"),
        ("The stem cell drip frees patients from insulin.", "cure"),
        ("Our cells regenerate livers other doctors gave up on.", "cure"),
        ("Is stem cell therapy safe? Absolutely.", "safety"),
        (
            "Your body will not attack the donor stem cells, and we have never seen a serious complication.",
            "safety",
        ),
        ("Over 3,000 stem cell procedures performed since 2015.", "promotion"),
        ("Spaces on our stem cell programme for March are limited.", "promotion"),
        ("Request an information pack about stem cell therapy from our patient team.", "promotion"),
        ("Stem cell therapy with a 92% improvement rate.", "unsourced_evidence"),
        ("In our experience, most stem cell patients go into lasting remission.", "unsourced_evidence"),
        ("The hair loss secret doctors can't explain: stem cell serum.", "hype"),
        ("Within days, the inflammation is switched off by the stem cells.", "causal_unhedged"),
    ],
)
def test_idioms_of_clinic_copy(text: str, category: str) -> None:
    assert has(text, category)


def test_yes_to_are_there_risks_is_a_disclosure_not_a_safety_claim() -> None:
    assert not has("Does stem cell therapy carry risks? Yes. Infection and bleeding are possible.", "safety")


def test_over_500_patients_in_a_trial_is_not_self_praise() -> None:
    assert not has("The stem cell trial enrolled more than 500 patients with heart failure.", "promotion")


APLASTIC = (
    "Aplastic anaemia: what are the options? In aplastic anaemia the bone marrow stops making enough "
    "blood cells. The first option is immunosuppressive therapy with drugs that stop the immune system "
    "attacking the marrow. The second is a bone marrow transplant, which replaces the failing marrow with "
    "healthy stem cells from a donor. For younger patients with a matched sibling, a transplant is usually "
    "the first choice because it can cure the disease. Your haematologist can explain the risks, which "
    "include infection and graft-versus-host disease."
)


def test_an_article_about_an_approved_therapy_for_its_approved_use_has_no_cure_or_causal_findings() -> None:
    found = {f.category for f in check(APLASTIC).findings}
    assert "cure" not in found and "causal_unhedged" not in found


def test_the_same_words_in_an_article_that_also_sells_for_autism_are_findings() -> None:
    text = APLASTIC + " Our stem cell transplant cures autism too."
    assert {"cure", "unapproved_indication"} <= {f.category for f in check(text).findings}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Limbal stem cell grafts can restore the cornea after some chemical burns.", "causal_unhedged"),
        (
            "She had been told the stem cell shots had no side effects, weeks before she lost her sight.",
            "safety",
        ),
        (
            "Knee arthritis cannot be cured, though weight loss and exercise help many people.",
            "causal_unhedged",
        ),
        ("The late goal sealed a miraculous comeback for the visitors.", "hype"),
        ("Consumer advocates dismissed the clinic's stem cell guarantee as a sales tactic.", "cure"),
        (
            "The court listed phrases such as 'miracle cells' that the stem cell clinic must stop using.",
            "hype",
        ),
        (
            "Researchers cautioned that headlines calling the stem cell study a breakthrough overstated it.",
            "hype",
        ),
    ],
)
def test_mentions_reports_and_other_senses_are_not_claims(text: str, category: str) -> None:
    assert not has(text, category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Our stem cell protocol reverses type 2 diabetes in twelve weeks.", "cure"),
        ("After the stem cell injection your hip is as good as new.", "cure"),
        ("Tap the link in our bio to book stem cell therapy.", "promotion"),
        ("There is nothing in stem cells that can harm you.", "safety"),
        ("Autism is now treatable with a course of cord blood infusions.", "unapproved_indication"),
        ("Scientists now agree that stem cells are the best anti-inflammatory tool.", "unsourced_evidence"),
        ("Platelet-rich plasma makes hair grow again.", "causal_unhedged"),
    ],
)
def test_still_more_ways_of_saying_it(text: str, category: str) -> None:
    assert has(text, category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Feel your feet again with our stem cell therapy for neuropathy.", "cure"),
        ("Our stem cells restore natural erections at any age.", "cure"),
        ("Stem cell eye drops: no scalpel, no stitches.", "safety"),
        ("After the stem cell injection you return to normal activity immediately.", "safety"),
        ("Over 90% of men see improvement after one stem cell session.", "unsourced_evidence"),
        ("Four in five patients breathe easier after our stem cell infusions.", "unsourced_evidence"),
        (
            "If pills have stopped working, you are very likely a candidate for our stem cell programme.",
            "promotion",
        ),
        ("For stem cell science, this is the moment the field has been waiting for.", "hype"),
        ("Screens in the bedroom are robbing teenagers of sleep.", "causal_unhedged"),
    ],
)
def test_and_a_few_more(text: str, category: str) -> None:
    assert has(text, category)


def test_a_heading_we_offer_is_not_promotion() -> None:
    assert not has(
        "What we offer\n\nStem cell injections for knee pain are given under ultrasound.", "promotion"
    )


def test_a_charitys_research_support_network_is_not_an_appeal_to_evidence() -> None:
    assert not has(
        "Register with the charity's research support network for stem cell trials.", "unsourced_evidence"
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Knee pain from worn cartilage is eliminated after one stem cell injection.", "cure"),
        ("Stem cell infusions give people with dementia their memories back.", "cure"),
        ("It is well documented that stem cell patients feel better within days.", "unsourced_evidence"),
        ("Placental stem cells are hidden from the immune system, so rejection never happens.", "safety"),
        ("Exosomes contain no living cells, so rejection and tumour formation are impossible.", "safety"),
        ("Interest-free finance is available for stem cell treatment.", "promotion"),
        ("Stem cell treatment packages for Parkinson's disease start at $18,000.", "unapproved_indication"),
        ("The injected stem cells knit the tendon fibres back together.", "causal_unhedged"),
    ],
)
def test_yet_another_batch(text: str, category: str) -> None:
    assert has(text, category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The new stadium roof is a game-changer for the club.", "hype"),
        ("Nothing in the published data suggests these stem cell drips reverse ageing.", "cure"),
        ("The press release called the stem cell results 'transformative', though the trial failed.", "hype"),
        (
            'The clinic\'s website says its stem cell patients "walk again", but the families we spoke to saw no change.',
            "cure",
        ),
    ],
)
def test_other_senses_denials_and_a_journalists_we(text: str, category: str) -> None:
    assert not has(text, category)


def test_the_clinics_own_voice_alone_is_low_severity_promotion() -> None:
    assert cats("Our stem cell team delivers the injections under ultrasound.").get("promotion") == ["low"]
    assert cats("Book your free stem cell consultation today.").get("promotion") == ["high"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "After a year, 9 of the 14 people with type 1 diabetes no longer needed insulin after the stem cell infusion.",
            "cure",
        ),
        (
            "Neither is approved by the FDA for arthritis, and we do not describe either stem cell shot as a cure.",
            "cure",
        ),
        ("Neither stem cell injection is approved for treating arthritis.", "unapproved_indication"),
        ("If you feel misled by a stem cell seminar, call our helpline on 0800 555 0172.", "promotion"),
    ],
)
def test_counted_trial_outcomes_denials_and_helplines_are_not_claims(text: str, category: str) -> None:
    assert not has(text, category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Published evidence overwhelmingly supports stem cells for sports injuries.", "unsourced_evidence"),
        ("Say goodbye to back pain forever with one stem cell injection.", "cure"),
        ("COPD patients breathe easier after one course of stem cell therapy.", "unapproved_indication"),
        ("With stem cell injections you avoid the scalpel and the risks of a joint replacement.", "safety"),
        ("Adult stem cells can't form tumours, so there's nothing to worry about.", "safety"),
        ("Fat-derived stem cells calm the immune response behind eczema.", "causal_unhedged"),
    ],
)
def test_from_the_fourth_blind_set_in_other_words(text: str, category: str) -> None:
    assert has(text, category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Early research suggests that retinal stem cells may help some people with macular degeneration.",
            "unapproved_indication",
        ),
        (
            "The director said 90% of stem cell patients improve, but he declined to share the figures.",
            "unsourced_evidence",
        ),
        (
            "If larger stem cell trials confirm these findings, the approach could be tested earlier.",
            "unsourced_evidence",
        ),
        (
            "The clinic says its stem cell injections regrow cartilage, but it has published no data to support that.",
            "cure",
        ),
    ],
)
def test_research_framing_refusals_and_conditions_are_not_claims(text: str, category: str) -> None:
    assert not has(text, category)


@pytest.mark.parametrize(
    "text",
    [
        "The improvements are permanent, so one course is all most people need.",
        "Thanks to the injections, many of our patients never need a walking stick again.",
        "With the right cells, Crohn's disease can be fully reversed.",
        "Our cells grow new cartilage wherever the joint has worn thin.",
        "After years of decline, the therapy is turning her condition around.",
        "For people with ALS, this treatment means the diagnosis is no longer a death sentence.",
        "The infusions have given him his life back.",
    ],
)
def test_permanence_passive_reversal_and_regrowth_are_cure_claims(text: str) -> None:
    assert has(text, "cure"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rheumatoid arthritis cannot be cured, but modern drugs control it for most people.",
        "Multiple sclerosis is not reversed by any stem cell product on the market.",
        "In the laboratory, the team grew new cartilage from donor cells.",
        "Is the change permanent? Nobody knows yet.",
    ],
)
def test_denied_reversal_and_laboratory_growth_are_not_cure_claims(text: str) -> None:
    assert not has(text, "cure"), cats(text)


def test_a_fronted_clause_reports_only_itself() -> None:
    # "been told" and "warn" distance their own clause, not the clinic's claim after the comma.
    told = "If you have been told you need a new hip, our cells can rebuild the joint instead."
    warn = "Although some doctors warn against clinics abroad, our treatment cures arthritis."
    assert has(told, "cure") and has(warn, "cure"), (cats(told), cats(warn))
    # Inside the fronted clause the distancing still holds, and "as ... says" relays the main clause.
    assert not has("Although clinics claim the shots cure arthritis, no trial supports it.", "cure")
    relayed = [
        f for f in check("As the clinic says, stem cells cure arthritis.").findings if f.category == "cure"
    ]
    assert relayed and all(f.attributed for f in relayed)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("A nightly routine of stretching exercises rebuilds the cartilage in your hips.", "causal_unhedged"),
        ("A longer evening walk keeps the mind sharp into your nineties.", "causal_unhedged"),
        (
            "Our stem cell spray rebuilds the nerve connections lost to Parkinson's disease.",
            "unapproved_indication",
        ),
    ],
)
def test_plural_exposures_sharp_minds_and_rebuilt_connections(text: str, category: str) -> None:
    assert has(text, category), cats(text)


def test_a_walk_that_is_studied_is_not_a_claim() -> None:
    text = "Researchers will test whether a longer evening walk keeps the mind sharp."
    assert not has(text, "causal_unhedged"), cats(text)


def test_promising_as_an_adjective_does_not_distance_the_sentence() -> None:
    # "promising" praises; only "promising patients that ..." reports a seller's promise.
    assert has("This promising stem cell therapy cures arthritis.", "cure")
    hype = check("This promising therapy is a breakthrough.").findings
    assert "breakthrough" in [f.quote for f in hype if f.category == "hype"]
    assert not has("Clinics promising patients a cure charge thousands, but no trial backs them.", "cure")
    assert not has("Clinics promising cures charge thousands.", "hype")


@pytest.mark.parametrize(
    "text",
    [
        "Early results looked promising, but larger trials found little or no benefit.",
        "The first patients were encouraging; however, the effect was small and did not last.",
    ],
)
def test_praise_the_sentence_takes_back_is_not_hype(text: str) -> None:
    assert not has(text, "hype"), cats(text)


def test_menus_and_share_bars_are_page_chrome() -> None:
    text = (
        "Home | Treatments | Knee Clinic | Prices | Book a Consultation\n\n"
        "Stem cell injections for knees are experimental. Side effects include infection.\n\n"
        "Share: Facebook | X | WhatsApp | Email"
    )
    assert not has(text, "promotion"), cats(text)
    # A claim keeps its finding even when a pipe appears in its sentence.
    assert has("Our cells cure arthritis | guaranteed results for every single patient we treat.", "cure")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Our surgeons are world-class physicians with decades of experience.", "promotion"),
        ("Voted the No. 1 regenerative clinic in Florida two years running.", "promotion"),
        ("Our outcomes are the best of any cell therapy program in the region.", "promotion"),
        ("Reserve your session today: only 8 spots are left at introductory pricing.", "promotion"),
        ("Call Helix Health today on 0161 555 0100 and ask for a free case review.", "promotion"),
        ("Of the clients we have treated, 91% report less stiffness within a month.", "unsourced_evidence"),
        ("Dermatologists agree that the serum is the easiest fix for thinning hair.", "unsourced_evidence"),
        ("Clients report sharper focus and deeper sleep after one drip.", "unsourced_evidence"),
    ],
)
def test_superlatives_scarcity_and_own_figures(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Patients report pain and swelling at the injection site for a day or two.", "unsourced_evidence"),
        ("In the trial, 30% of participants reported headaches.", "unsourced_evidence"),
        ("Dermatologists do not agree on whether the serum works.", "unsourced_evidence"),
    ],
)
def test_reported_harms_and_disagreement_are_not_evidence_claims(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Serum That Turns Back Your Skin's Clock", "cure"),
        ("Our drip turned back the clock on my joints by a decade.", "cure"),
        ("We reset the overactive immune system so the body stops attacking itself.", "cure"),
        ("Hair loss isn't inevitable anymore.", "cure"),
        ("Arthritis is no longer something you have to live with.", "cure"),
        ("Almost anyone with a worn knee or an old sports injury will benefit.", "cure"),
        ("Because the cells are your own, the risk of rejection is virtually zero.", "safety"),
        ("Not one of our patients has suffered a side effect.", "safety"),
        ("Shockwave breaks down scar tissue and kick-starts healing in stubborn tendons.", "causal_unhedged"),
        ("The morning capsule wakes up your body's own stem cells.", "causal_unhedged"),
    ],
)
def test_clocks_turned_back_resets_and_zero_risk(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Decline with age is common, but nobody can promise it will be reversed.", "cure"),
        (
            "The risk of rejection is low but not zero, and infections occur in about 1 in 50 patients.",
            "safety",
        ),
        ("Researchers will test whether shockwave breaks down scar tissue.", "causal_unhedged"),
    ],
)
def test_honest_risk_and_research_questions_stay_quiet(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Grandmother flies abroad for knee stem cells after her street raises £9,000.", "causal_unhedged"),
        ("Several websites used the language of cure.", "cure"),
        ("This leaflet explains what the evidence shows and what it does not.", "unsourced_evidence"),
        ("In some of the first participants the cells began making insulin again.", "causal_unhedged"),
        ("Memory loss is caused by the death of nerve cells.", "causal_unhedged"),
    ],
)
def test_fundraising_mentions_and_disease_processes_are_not_claims(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


def test_the_agent_of_a_passive_names_the_treatment() -> None:
    assert has("Knee pain was reduced by the injections in most patients.", "causal_unhedged")
    assert has("Inflammation is calmed by a single infusion of stem cells.", "causal_unhedged")


RECIPE = (
    "Salt-cured trout for a weekend brunch\n\n"
    "Curing fish at home takes a little patience and almost no skill. "
    "Mix the cure from coarse salt, brown sugar and grated lemon peel. "
    "Pack the cure over both fillets and wrap them tightly. "
    "Leave them to cure in the fridge for two days, turning them once. "
    "Rinse off the cure, pat the fish dry and slice it thinly. "
    "A breakthrough for first-timers is to start with a small fillet. "
    "Cured trout keeps for five days if it is well wrapped."
)


def test_a_recipe_about_curing_fish_makes_no_claims() -> None:
    v = check(RECIPE)
    assert not v.applicable
    assert not v.findings, [(f.category, f.quote) for f in v.findings]
    assert v.decision == "approve"


def test_scraped_menus_with_space_separators_and_life_in_a_wheelchair() -> None:
    menu = "Home   Clinics   Hair Restoration   Memberships   Book Now\n\nOur injections are experimental."
    assert not has(menu, "promotion"), cats(menu)
    assert not has("Doctors told his wife to prepare for life in a wheelchair.", "cure")
    assert has("Our stem cell protocol leaves you pain-free for life.", "cure")


TREATS_LIST = (
    "Our clinic offers umbilical cord stem cell infusions. These are the conditions our doctors treat "
    "most often.\n\nNeurological\n\n- Multiple sclerosis (all forms)\n- Parkinson's disease: steadier "
    "hands\n\nLungs\n\n- COPD: breathe easier\n\nWhy choose us? Our stem cells are prepared on site."
)


def test_a_list_of_conditions_a_cell_clinic_treats_presents_each_as_treatable() -> None:
    listed = [f.quote for f in check(TREATS_LIST).findings if f.category == "unapproved_indication"]
    assert len(listed) == 3 and all(q.startswith("- ") for q in listed), listed


def test_other_lists_are_not_offers_of_treatment() -> None:
    # A list of risks, or of conditions under a heading that does not offer to treat them.
    risks = (
        "Stem cell clinics abroad carry real risks. Stem cells have caused harm.\n\nWhat can go wrong\n\n"
        "- Infection after injections into the spine\n- Tumours in people with multiple sclerosis\n"
    )
    assert not has(risks, "unapproved_indication"), cats(risks)
    # The same list on a page that never names a cell treatment twice.
    plain = TREATS_LIST.replace("umbilical cord stem cell infusions", "physiotherapy").replace(
        "Our stem cells are prepared on site.", "We are open six days a week."
    )
    assert not has(plain, "unapproved_indication"), cats(plain)


BMT_EXPLAINER = (
    "Blood stem cell transplants: what to expect\n\n"
    "A bone marrow transplant replaces diseased marrow with healthy blood stem cells. "
    "Bone marrow transplants can cure some people with leukaemia or lymphoma. "
    "Side effects of the conditioning treatment include:\n\n"
    "- mouth ulcers, nausea and hair loss;\n- infections while the new marrow grows.\n\n"
    "Stem cell transplants are not approved for multiple sclerosis outside trials, and clinics that "
    "sell them for autism are making unproven claims. Ask your haematologist about a bone marrow "
    "transplant if you have a blood cancer."
)


def test_an_approved_therapy_page_that_lists_its_harms_and_caveats_states_standard_care() -> None:
    found = {f.category for f in check(BMT_EXPLAINER).findings}
    assert not found & {"cure", "causal_unhedged", "unapproved_indication"}, found


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Eight weeks in, my knee pain has completely disappeared.", "cure"),
        ("The serum visibly reverses a decade of sun damage.", "cure"),
        ("Our programme can reverse your biological age.", "cure"),
        ("Clients lower their biological age by seven years.", "cure"),
        ("I feel like I got my forties back.", "cure"),
        ("Several patients were able to come off their heart medication.", "cure"),
        ("The patches regrow heart muscle after a heart attack.", "cure"),
        ("Safe for men and women of every age and skin type.", "safety"),
        ("Our cells calm the immune system without the harsh side effects of steroids.", "safety"),
        ("Most clients see thicker hair within three sessions.", "unsourced_evidence"),
        ("He told me eight out of ten of his knee patients avoid surgery.", "unsourced_evidence"),
        ("Scientists have discovered that the algae extract doubles your stem cells.", "unsourced_evidence"),
        ("Our gallery of more than 400 clients speaks for itself.", "unsourced_evidence"),
        ("Trusted by over 250,000 women nationwide.", "promotion"),
        ("Our knee outcomes are the best in Ireland.", "promotion"),
        ("It is the most luxurious PRP facial in the region.", "promotion"),
        ("Claim your 40% discount now.", "promotion"),
        ("Cord tissue is the most potent source of stem cells.", "hype"),
    ],
)
def test_testimony_idioms_superlatives_and_offers(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Do not come off your medication without talking to your doctor.", "cure"),
        (
            "Researchers at the University of Leeds have found that the cells survive in mice.",
            "unsourced_evidence",
        ),
        ("The rash had not completely disappeared after a week.", "cure"),
    ],
)
def test_advice_named_research_and_denials_stay_quiet(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Choosing a new kind of treatment raises a lot of questions.", "causal_unhedged"),
        ("We are all born with stem cells, the body's master repair cells.", "causal_unhedged"),
        ("Trials of cell injections for knee pain have produced mixed results.", "causal_unhedged"),
        (
            "Several randomized trials found that the injections reduced knee arthritis pain.",
            "unapproved_indication",
        ),
        ("Results are striking but preliminary, and the drugs must be taken for life.", "hype"),
        ("Be wary of clinics offering stem cell cures for diabetes.", "unapproved_indication"),
        ("Twelve people with type 1 diabetes no longer need insulin a year after the islet cells.", "cure"),
    ],
)
def test_questions_raised_repair_cells_mixed_results_and_warnings(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "He told me that 92% of his long COVID patients recover fully.",
        "Nine out of ten Harbourside patients say they would recommend the treatment.",
    ],
)
def test_success_figures_relayed_from_a_clinic_are_unsourced_evidence(text: str) -> None:
    assert has(text, "unsourced_evidence"), cats(text)


def test_trusted_by_families_with_their_care_is_promotion() -> None:
    assert has("Families have trusted Isla Verde with their hardest diagnoses for a decade.", "promotion")


def test_middle_dot_menus_ahsct_and_trial_results_detected() -> None:
    menu = "Skip to main content · Contact us · Book now · Search\n\nThe unit treats blood cancers."
    assert not has(menu, "promotion"), cats(menu)
    ahsct = "Your blood stem cells are collected and high-dose chemotherapy resets the immune system."
    assert not has(ahsct, "cure"), cats(ahsct)
    assert [f.severity for f in check("The company said no tumours had been detected.").findings] in (
        [],
        ["low"],
    )


def test_little_evidence_that_denies_the_whole_clause() -> None:
    text = "There is little evidence that the cells survive in the joint or grow new cartilage."
    assert not has(text, "cure"), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Reverses visible signs of ageing in a single session.", "cure"),
        ("The drip tells tired cells to start acting young again.", "cure"),
        ("Most patients walk pain-free again within weeks, and the results last for years.", "cure"),
        ("COPD doesn't have to be a life sentence anymore.", "cure"),
        ("Backed by more than 1,000 peer-reviewed studies.", "unsourced_evidence"),
        ("Our COPD patients see an average 40% improvement in breathing.", "unsourced_evidence"),
        ("More than 11,000 patients from 60 countries treated since 2012.", "promotion"),
        ("Mention this page and we will waive the $150 imaging review fee.", "promotion"),
        ("If your condition is not listed, contact our patient coordinators.", "promotion"),
    ],
)
def test_young_again_lasting_results_and_waived_fees(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Parkinson's disease damages the nerve cells that produce dopamine.", "causal_unhedged"),
        ("Hair loss has many causes, from genes to stress.", "causal_unhedged"),
        ("Treatments ▾  Memberships  Results  Gift Cards  BOOK NOW", "promotion"),
    ],
)
def test_biology_noun_causes_and_two_space_menus(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


CELL_PAGE = (
    "Our clinic offers umbilical cord stem cell infusions. Stem cells are prepared in our own laboratory. "
    "For autism, most families notice better eye contact and calmer sleep within weeks. "
    "Long COVID patients breathe easier after the first infusion."
)


def test_outcomes_claimed_for_conditions_on_a_cell_treatment_page() -> None:
    unapproved = [f.quote for f in check(CELL_PAGE).findings if f.category == "unapproved_indication"]
    assert len(unapproved) == 2, unapproved
    # The same outcome sentence on a page about physiotherapy is not a cell-therapy indication.
    physio = CELL_PAGE.replace("umbilical cord stem cell infusions", "physiotherapy").replace(
        "Stem cells are prepared in our own laboratory. ", ""
    )
    assert not has(physio, "unapproved_indication"), cats(physio)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Most patients keep the benefits for years, and many never need a second treatment.", "cure"),
        ("Just one session erases fine lines.", "cure"),
        ("Your heart can rebuild itself.", "cure"),
        ("In more than 12,000 applications we never had one serious adverse event.", "safety"),
        ("We are the first clinic in Eastern Europe to combine cells with genetic profiling.", "promotion"),
        ("Choose with confidence and save up to 70% compared with prices at home.", "promotion"),
    ],
)
def test_lasting_benefits_erased_lines_and_firsts(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Engineers hailed the new battery chemistry as a breakthrough for electric buses.", "hype"),
        ("The film's revolutionary editing made it a sensation at the festival.", "hype"),
        ("The concrete must cure for seven days before the slab can bear any weight.", "cure"),
        ("Its founder calls the treatment 'revolutionary', but no placebo trial has been run.", "hype"),
        (
            "The brochure quotes a 90% success rate without saying how success was measured.",
            "unsourced_evidence",
        ),
        (
            "No supplement has been shown to raise stem cell numbers in a way that improves health.",
            "causal_unhedged",
        ),
        (
            "In the trial, which randomly assigned 230 patients, the injections reduced elbow pain.",
            "causal_unhedged",
        ),
    ],
)
def test_other_trades_described_claims_and_randomised_results(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


def test_hype_about_a_health_product_needs_only_a_health_word() -> None:
    assert has("The new headset is the most exciting breakthrough in migraine care in a generation.", "hype")


AHSCT_MS = (
    "Stem cell transplants for multiple sclerosis: what they involve\n\n"
    "Autologous haematopoietic stem cell transplantation (aHSCT) is offered on the NHS to some people "
    "with highly active relapsing MS. Your own blood stem cells are collected, then high-dose "
    "chemotherapy removes the faulty immune cells, and the stored cells rebuild the immune system. "
    "Side effects include infections, infertility and, rarely, death. "
    "The autologous haematopoietic stem cell transplant is not a cure, and it does not repair damage."
)


def test_an_ahsct_page_names_ms_as_its_approved_use_but_a_cure_claim_stays_one() -> None:
    found = {f.category for f in check(AHSCT_MS).findings}
    assert not found & {"unapproved_indication", "causal_unhedged"}, found
    claimed = AHSCT_MS + " For people with relapsing MS, aHSCT switches the disease off for good."
    assert has(claimed, "cure"), cats(claimed)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Few areas of research get as much attention as type 1 diabetes, and for good reason.", "cure"),
        ("Consumer Alert: Before You RSVP to That Free Stem Cell Seminar", "promotion"),
        ("The NHS pays a confidential discounted price for the therapy.", "promotion"),
    ],
)
def test_good_reasons_alerts_and_confidential_prices(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Get Back the Life Your Knees Took From You", "cure"),
        ("How Stem Cells Gave Us Our Daughter Back", "cure"),
        ("The infusions replenish your cells, winding back the biological clock.", "cure"),
        ("In more than 9,000 infusions we have never seen a serious reaction.", "safety"),
        ("More than 6,000 injections performed without a single serious complication.", "safety"),
    ],
)
def test_life_given_back_clocks_wound_back_and_clean_records(text: str, category: str) -> None:
    assert has(text, category), cats(text)


def test_impermanent_results_and_bracketed_buttons_are_not_claims() -> None:
    assert not has("Results are not permanent, and most people need a top-up every year.", "cure")
    button = (
        "Our injections are experimental.\n\n[ Book My Free Assessment ]\n\nSide effects include infection."
    )
    assert not has(button, "promotion"), cats(button)


def test_an_indication_in_its_early_stages_of_research_is_not_offered() -> None:
    text = "Stem cell therapy for lupus is still in its early stages of research, but some results look good."
    assert not has(text, "unapproved_indication"), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "All twelve took immune-suppressing drugs so that their bodies would not reject the cells.",
            "safety",
        ),
        (
            "We found no published clinical trial showing that exosome products help long Covid.",
            "causal_unhedged",
        ),
        ("Cover the salmon skin with the rest of the cure and leave it for two days.", "cure"),
        ("You have probably seen the ads: one quick injection, your own cells, no scalpel.", "safety"),
    ],
)
def test_precautions_absent_trials_fish_skin_and_quoted_ads(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("This is going to change ophthalmology forever.", "hype"),
        ("Scientists are calling it the biggest health discovery of the century.", "hype"),
        ("Patients rate us 4.9 out of 5 across more than 1,200 online reviews.", "promotion"),
        ("She has treated more athletes than any other sports medicine physician in the state.", "promotion"),
        ("Order three bottles today and get the meal plan free.", "promotion"),
        ("Most of our athletes are back to full training within six weeks.", "unsourced_evidence"),
        ("87% of our diabetes patients reduce or stop their medication.", "unsourced_evidence"),
        ("Within a month his tremor had vanished and he had thrown away his walking stick.", "cure"),
        ("The proprietary infusion resets your cells to a younger state.", "cure"),
        ("Long COVID is now curable.", "cure"),
        ("A little stiffness is simply a sign that healing has begun.", "safety"),
    ],
)
def test_forever_reviews_athletes_walking_sticks_and_signs_of_healing(text: str, category: str) -> None:
    assert has(text, category), cats(text)


def test_page_outcomes_also_cover_regained_skills_and_offered_programmes() -> None:
    page = (
        "Our umbilical cord stem cell protocol is given by infusion. Stem cells are prepared on site. "
        "Children with cerebral palsy regain motor control after two cycles. "
        "We also offer programs for multiple sclerosis and ALS."
    )
    found = [f.quote for f in check(page).findings if f.category == "unapproved_indication"]
    assert len(found) == 2, found


def test_a_clinic_doctor_is_not_a_source_for_a_success_rate() -> None:
    text = "According to Dr. Sorensen, who runs the clinic, eight out of ten of her knee patients improve."
    assert has(text, "unsourced_evidence"), cats(text)
    named = "Dr. Sorensen's randomised trial, published in the Lancet in 2024, found that eight out of ten improved."
    assert not has(named, "unsourced_evidence"), cats(named)


def test_related_links_cured_fish_and_studies_that_merely_followed_patients() -> None:
    related = (
        "Stem cell drips are unproven.\n\n"
        "More in Health: How to pace yourself | Why some vaccines cause a sore arm | Clinics selling cures"
    )
    assert not has(related, "causal_unhedged") and not has(related, "cure"), cats(related)
    assert not has("Pregnant women are advised to avoid cured and smoked fish.", "cure")
    assert not has(
        "Several studies have followed people with relapsing MS after transplants.", "unsourced_evidence"
    )
    assert has("Several studies have shown that our injections work.", "unsourced_evidence")
    assert has(
        "Research has proven that hospitals with more nurses lose fewer patients.", "unsourced_evidence"
    )


# ------------------------------------------------------------------ causal: who acts, and on what
@pytest.mark.parametrize(
    "text",
    [
        # a noun that looks like a causal verb: followed by punctuation, "to" or "of"
        "No stem cell treatment is approved for glaucoma, retinal detachment, optic nerve damage, or dry AMD.",
        "Teams are testing dental pulp stem cells for bone and nerve repair, though mostly in mice.",
        "Rarely, a stem cell injection causes damage to a nerve near the knee.",
        # a passive whose agent is not the treatment
        "In the UK, cell therapies are regulated by the MHRA.",
        "In type 1 diabetes the insulin-making cells are destroyed by the immune system, and stem cell research aims to replace them.",
        "Her cornea had been badly damaged by an acid splash before the limbal cell treatment was considered.",
        # established care, whose effect the evidence carries
        "For wet macular degeneration, anti-VEGF injections can slow sight loss, and stem cell trials are still early.",
        "Physiotherapy improves knee function for most people with osteoarthritis, and stem cell injections remain unproven.",
        "Statins lower cholesterol and cut the risk of a second heart attack; no cell treatment has been shown to do the same.",
        # a treatment that harms: a disclosure
        "A stem cell injection can damage a nearby nerve.",
        "Cortisone injections can weaken a tendon if they are repeated often.",
        "Unregulated stem cell injections have caused serious harm, including blindness.",
    ],
)
def test_causal_words_that_state_no_efficacy_claim(text: str) -> None:
    assert not has(text, "causal_unhedged"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same words where they do carry a claim
        "Stem cell injections repair nerve damage in the spine.",
        "Knee pain was reduced by the stem cell injections.",
        "Our exosome drip rebuilds damaged cartilage in weeks.",
        "Strengthening exercises combined with our stem cell shots regrow worn cartilage.",
        "More stem cells in the bloodstream means faster healing of worn joints.",
        # an exposure that harms is still a causal claim about it
        "Screen time in early childhood damages attention spans.",
    ],
)
def test_causal_claims_next_to_those_words_are_still_found(text: str) -> None:
    assert has(text, "causal_unhedged"), cats(text)


# ------------------------------------------------------------------ what sellers did; what the evidence shows
@pytest.mark.parametrize(
    "text",
    [
        "Four of the clinics we called quoted success rates above 90 per cent.",
        "Clinics we contacted offered a discount if our reporter paid a deposit within two days.",
        "Nine of the twelve offered to treat autism with umbilical cord cells.",
        "What the trials have shown so far",
        "Here is what twenty years of research has found about cell therapy for heart failure:",
    ],
)
def test_reports_of_sellers_and_headings_about_evidence_are_not_claims(text: str) -> None:
    assert check(text).findings == (), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("We offer a 10% discount if you book your stem cell session this week.", "promotion"),
        ("Studies show our stem cell injections regrow knee cartilage.", "unsourced_evidence"),
        ("What research has found is that our injections regrow knee cartilage.", "cure"),
        ("Our clinic treats autism with umbilical cord stem cells.", "unapproved_indication"),
    ],
)
def test_the_sellers_own_words_are_still_claims(text: str, category: str) -> None:
    assert has(text, category), cats(text)


AHSCT_EXPLAINER = (
    "Autologous haematopoietic stem cell transplantation (aHSCT) is offered on the NHS to some people "
    "with highly active relapsing MS. It is a way of rebooting the immune system. Doctors collect your "
    "own blood stem cells, use chemotherapy to remove much of the immune system, and return the cells so "
    "that a new immune system can grow back. aHSCT carries serious risks, including infections, "
    "infertility and, rarely, death. Autologous haematopoietic stem cell transplantation does not "
    "repair existing damage. Talk to your neurologist about whether aHSCT is suitable."
)


def test_how_an_approved_transplant_works_is_not_a_cure_claim() -> None:
    assert not has(AHSCT_EXPLAINER, "cure"), cats(AHSCT_EXPLAINER)


def test_the_same_mechanism_words_sell_an_unapproved_treatment() -> None:
    text = "Our stem cell infusion resets the immune system so your lupus never comes back."
    assert has(text, "cure"), cats(text)


WARNING_LIST = (
    "How to spot a misleading stem cell offer\n\n"
    "Be cautious if a seller:\n\n"
    "promises to cure, clear or reverse long Covid;\n\n"
    "says its product is natural and therefore safe, or has no side effects;\n\n"
    "pressures you with limited places or discounts for booking quickly.\n\n"
    "Red flags include:\n"
    "- Miracle results in weeks\n"
    "- Stem cells that regrow cartilage\n"
)


def test_items_of_a_list_of_what_to_beware_of_are_not_claims() -> None:
    assert check(WARNING_LIST).findings == (), cats(WARNING_LIST)


def test_the_sellers_own_claims_after_such_a_list_are_claims() -> None:
    text = WARNING_LIST + "\nOur stem cells have no side effects. Book now and save 20%."
    got = cats(text)
    assert "safety" in got and "promotion" in got, got


@pytest.mark.parametrize(
    "text",
    [
        "In the UK, the Medicines and Healthcare products Regulatory Agency regulates stem cell medicines.",
        "We examined the websites of 41 businesses selling stem cell treatments, including some that treat patients abroad.",
        "A clinic in Antalya offered a 15% discount if our researcher paid a deposit within 48 hours.",
        "Adverts we have reviewed quote success rates above 80 per cent for stem cell eye injections.",
    ],
)
def test_what_regulators_and_sellers_do_is_not_the_articles_claim(text: str) -> None:
    assert check(text).findings == (), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Several websites used the language of cure for their stem cell packages.",
        "How to take part in a clinical trial of stem cell therapy",
        "If you qualify on the NHS, you pay nothing for the stem cell transplant itself.",
        "Lab-grown islet cells let some trial volunteers stop insulin injections.",
        "The stem cells were infused into a vein leading to the liver.",
    ],
)
def test_mentions_participation_funding_and_anatomy_are_not_claims(text: str) -> None:
    assert check(text).findings == (), cats(text)


def test_a_heading_asking_who_a_treatment_helps_is_not_a_causal_claim() -> None:
    assert not has(
        "Blood stem cell transplants for leukaemia: who they help, and who they do not", "causal_unhedged"
    )


def test_a_hospital_appointment_schedule_is_not_a_call_to_book() -> None:
    text = "For the first months after the stem cell transplant you will visit our clinic twice a week for blood tests."
    assert all(f.severity == "low" for f in check(text).findings), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Call today to see if you qualify for our stem cell programme.", "promotion"),
        ("Visit our clinic in Cancun for your stem cell consultation.", "promotion"),
        (
            "In a clinical trial, 90% of patients improved after our stem cell injections.",
            "unsourced_evidence",
        ),
        ("Stem cell injections cause new cartilage to grow, leading to pain-free knees.", "causal_unhedged"),
    ],
)
def test_the_same_words_selling_or_claiming_are_still_found(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Living near a park lowers your blood pressure.",
        "Wearing a copper bracelet reduces arthritis inflammation within days.",
        "Drinking two cups of coffee a day adds years to your life.",
        "Eating oily fish twice a week makes children smarter.",
        "Magnesium supplements fix restless legs and insomnia.",
        "Collagen powder strengthens your joints and prevents arthritis.",
    ],
)
def test_a_lifestyle_claim_on_its_own_is_a_causal_overclaim(text: str) -> None:
    assert has(text, "causal_unhedged"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Microneedling can cause infection, scarring and changes in skin colour.",
        "Risks of the procedure include bleeding, infection, nerve damage and, rarely, death.",
        "Living near a park is linked to lower blood pressure.",
        "Bring squash in before the first frost, because even a light frost damages the skin.",
    ],
)
def test_risks_associations_and_plants_are_not_lifestyle_claims(text: str) -> None:
    assert not has(text, "causal_unhedged"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "There are no large, controlled trials showing that exosome products improve skin ageing.",
        "Infection inside the joint is rare but serious: contact us straight away if your knee becomes hot after the PRP injection.",
        "The cells are coaxed into the kind of dopamine-making nerve cells the disease destroys.",
        "The healthy eye that supplies the limbal stem cells is rarely harmed.",
        "Regular injections of anti-VEGF drugs protect sight in many people with wet macular degeneration.",
        "Our volunteers attended free dinner seminars held by clinics selling stem cell injections.",
        "Warning to families: overseas stem cell packages for autism and cerebral palsy",
        "Brokers have told parents that cord blood cells rebuild damaged brain connections in autism.",
    ],
)
def test_reports_warnings_and_descriptions_of_disease_and_care_are_not_claims(text: str) -> None:
    assert check(text).findings == (), cats(text)


MATCH_REPORT = (
    "Seagulls storm home to reach the finals\n\n"
    "Trailing by 31 points at three-quarter time, the Seagulls kicked six goals in the final term. "
    "They won by five points to book a place in the finals for the first time since 2016. "
    "The coach praised the forwards. The crowd of 4,000 stayed to the end. "
    "Tickets for the final go on sale on Monday."
)


def test_selling_words_in_a_text_about_sport_are_not_health_promotion() -> None:
    v = check(MATCH_REPORT)
    assert v.applicable is False and v.findings == (), [f.quote for f in v.findings]


def test_selling_lines_on_a_health_product_page_are_promotion() -> None:
    text = (
        "The Lumi red light panel for joint pain and skin health\n\n"
        "Our panel uses red light for pain, stiffness and skin ageing. Health experts love it. "
        "It is easy to use at home. Sessions take ten minutes a day. Order today and get 38% off."
    )
    assert has(text, "promotion"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Riverbend Sports Medicine Center, 2200 Mill Race Drive, 3rd Floor · 614-555-0171 · riverbend.example",
        "Ridgeborough Borough Council, Civic Centre, Market Street, Ridgeborough · Accessibility · Privacy · Contact us",
        "Lab-grown brain cells pass first safety test in Parkinson's trial, but benefit still unproven",
    ],
)
def test_addresses_footers_and_unproven_benefits_are_not_claims(text: str) -> None:
    assert check(text).findings == (), cats(text)


def test_a_counted_trial_safety_result_is_reported_at_low_severity() -> None:
    text = "Eight patients given stem cell transplants had no serious problems after 18 months, researchers report."
    assert [f.severity for f in check(text).findings if f.category == "safety"] == ["low"]


def test_a_title_case_headline_keeps_its_claim() -> None:
    assert has("The Morning Capsule That Wakes Up Your Body's Own Stem Cells", "causal_unhedged")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Ninety-two percent of our knee patients report major improvement within three months.",
            "unsourced_evidence",
        ),
        ("9 out of 10 users reported less joint pain within 14 days.", "unsourced_evidence"),
        ("Clients heal up to 50% faster after laser when we add exosomes.", "unsourced_evidence"),
        (
            "Many of our MS patients stop their medication altogether after the stem cell package.",
            "unsourced_evidence",
        ),
        ("Unlike minoxidil, exosome regrowth is permanent.", "cure"),
        ("Wind back your biological age by years with our cord cell drip.", "cure"),
        ("NAD+ repairs your DNA and restores mitochondrial energy.", "causal_unhedged"),
        ("BPC-157 peptides heal torn tendons in half the usual time.", "causal_unhedged"),
        ("An IV drip clears a hangover within the hour.", "causal_unhedged"),
        ("The only side effect he mentioned is a low fever for a day or two.", "safety"),
        ("Cord cells are immune-privileged, and side effects are virtually unheard of.", "safety"),
        ("Peptides are gentle and free of the side effects of synthetic drugs.", "safety"),
        ("It isn't. Regenerative medicine is the biggest breakthrough in joint care in fifty years.", "hype"),
    ],
)
def test_success_rates_permanence_products_and_minimised_risks(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "In a trial, some participants were able to reduce their insulin for a year.",
        "Athletes are turning to stem cells to recover faster.",
        "The idea is that growth factors released by platelets encourage weak follicles to grow.",
        "In mice, boosting NAD+ has improved muscle endurance.",
        "Several randomized trials have found that PRP reduced pain more than a placebo injection.",
    ],
)
def test_trial_results_aims_theories_and_animal_findings_are_not_these_claims(text: str) -> None:
    assert check(text).findings == (), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "If a clinic guarantees a cure, treat that as a warning sign.",
        "Is red light therapy a breakthrough or a fad?",
        "Are exosome hair treatments a breakthrough or just expensive hype?",
        "Every ticket holder is guaranteed a seat under cover if it rains.",
        "The clinic's website says its cells cure autism; the paediatricians we spoke to said there is no basis for that.",
        "Osteoarthritis cannot be cured, but exercise and weight loss ease pain for many people.",
    ],
)
def test_weighed_words_non_health_guarantees_and_established_care(text: str) -> None:
    assert check(text).findings == (), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Multiple sclerosis responds beautifully to our umbilical cord cell infusions.",
            "unapproved_indication",
        ),
        (
            "Long COVID fatigue lifts after just one round of our regenerative therapy.",
            "unapproved_indication",
        ),
        (
            "Children with cerebral palsy gain new motor skills after our umbilical cord cell programme.",
            "unapproved_indication",
        ),
        ("The world's most advanced anti-ageing therapy has finally arrived in Brisbane.", "hype"),
        ("A daily routine of quadriceps exercises rebuilds the cartilage in your knee.", "causal_unhedged"),
    ],
)
def test_outcomes_for_unapproved_conditions_superlatives_and_strong_claims(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Because the cells are your own, rejection simply cannot happen.", "safety"),
        ("Our stem cell drip is non-toxic and safe to take alongside any medication.", "safety"),
        ("In twelve years we have yet to see a single complication from our stem cell injections.", "safety"),
        ("Stem cell knee injections are as safe as a routine blood test.", "safety"),
        ("Only three appointments left this month, so secure yours now.", "promotion"),
        ("Skip the NHS waiting list and see one of our stem cell consultants this week.", "promotion"),
        ("Join our longevity membership for priority booking on stem cell infusions.", "promotion"),
        ("Patients with COPD breathe more easily after our cord blood infusions.", "unapproved_indication"),
        (
            "Stem cell therapy is now a treatment option for children with cerebral palsy.",
            "unapproved_indication",
        ),
        (
            "Doctors everywhere now recommend stem cell therapy before a hip replacement.",
            "unsourced_evidence",
        ),
        ("Independent testing shows our serum raises stem cell counts by 40%.", "unsourced_evidence"),
        ("After our stem cell implants, the new tooth root never needs replacing.", "cure"),
        ("With our cells your sight comes back within weeks.", "cure"),
        ("This stem cell discovery will make wheelchairs obsolete.", "hype"),
        ("Hair restoration will never be the same after this stem cell jab.", "hype"),
    ],
)
def test_more_ways_to_overclaim(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Package includes two nights in a hotel and VIP transfers to the stem cell clinic.",
        "Follow us on Facebook and Instagram for the latest research news.",
        "Autologous haematopoietic stem cell transplantation is an option for some people with relapsing MS.",
        "About one in five patients in the stem cell groups reported pain and swelling in the knee.",
    ],
)
def test_package_lists_social_links_approved_options_and_harm_counts(text: str) -> None:
    assert check(text).findings == (), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        '- "no side effects", "100% safe", "risk-free" or "no risk of rejection"',
        "Need to talk? Call our free support line on 0808 157 0612 about stem cell transplants.",
        'A video on the clinic site shows a runner saying she was "cured" after three stem cell sessions.',
        "She saw a Facebook ad for a free seminar on stem cell joint injections.",
        "A private clinic in central London is charging people with long Covid 9,000 pounds for stem cell infusions.",
        "Spray-on curing compounds form a membrane that holds moisture in the slab.",
    ],
)
def test_lists_of_phrases_helplines_reported_ads_and_concrete(text: str) -> None:
    assert check(text).findings == (), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ('Our "miracle" stem cells are "100% safe".', "safety"),
        ("Call our team today to book your stem cell consultation.", "promotion"),
        (
            "If you are curious, the clinic is offering readers of this blog 10% off stem cell facials.",
            "promotion",
        ),
    ],
)
def test_the_same_words_used_by_the_seller(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Side effects are rare and mild, such as a low fever on the day of the stem cell infusion.",
            "safety",
        ),
        (
            "Most adults with knee osteoarthritis are excellent candidates for our stem cell injections.",
            "unapproved_indication",
        ),
        ("Many of our COPD patients reduce or stop using supplemental oxygen.", "unsourced_evidence"),
        ("Exosome facials are a proven answer to acne scars.", "unsourced_evidence"),
        ("Take the first step toward breathing freely with our stem cell programme.", "promotion"),
        ("Sydney's most trusted IV lounge for stem cell drips", "promotion"),
    ],
)
def test_minimised_risks_candidates_and_self_praise(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The cap stimulates sleepy follicles and thickens thinning hair.",
        "Regular PRP sessions wake dormant follicles and thicken thinning hair.",
        "The patch repairs scarred heart muscle.",
        "Red light energizes the mitochondria in your joints.",
        "The blend rejuvenates tired skin from within.",
    ],
)
def test_devices_products_and_revitalising_verbs_make_causal_claims(text: str) -> None:
    assert has(text, "causal_unhedged"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The laser cap may stimulate hair growth in some men.",
        "Some users said the cap thickened their hair, but the trial found no difference.",
        "Does the patch repair scarred heart muscle?",
        "The patch did not repair scarred heart muscle in the trial.",
    ],
)
def test_hedged_reported_asked_or_negated_product_claims_are_not_causal(text: str) -> None:
    assert not has(text, "causal_unhedged"), cats(text)


def test_page_outcomes_in_the_language_of_symptoms_steps_and_lists() -> None:
    page = (
        "Our umbilical cord stem cell protocol is given by infusion. Stem cells are expanded on site.\n\n"
        "Children with cerebral palsy often take their first independent steps after a single course.\n"
        "MS patients regularly find that their disease stops progressing after treatment.\n"
        "- Parkinson's disease: reduced tremor and stiffness, and a lower medication dose.\n"
        "- COPD: easier breathing and fewer flare-ups."
    )
    found = [f.quote for f in check(page).findings if f.category == "unapproved_indication"]
    assert len(found) == 4, found
    # The natural course of a symptom is not an outcome claimed for the treatment.
    natural = (
        "Our umbilical cord stem cell protocol is given by infusion. Stem cells are expanded on site. "
        "Back pain often eases on its own, so improvement after an injection proves little."
    )
    assert not has(natural, "unapproved_indication"), cats(natural)


@pytest.mark.parametrize(
    "text",
    [
        "In an emergency, call 999.",
        "Infection is rare but possible, and you should call us if the knee becomes hot and red.",
        "The company undertakes no obligation to update these forward-looking statements.",
    ],
)
def test_safety_netting_and_disclaimers_are_not_calls_to_buy(text: str) -> None:
    assert not has(text, "promotion"), cats(text)


def test_a_call_to_book_is_still_promotion() -> None:
    assert has("Call us today on 0117 496 0381 to book your free consultation.", "promotion")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Every order is backed by our 90-day money-back guarantee.", "cure"),
        (
            "Affordable Stem Cell Therapy Abroad: Save up to 70% Compared with Prices at Home",
            "causal_unhedged",
        ),
        (
            "Neighbours raised more than £28,000 so he could fly abroad for stem cell treatment.",
            "causal_unhedged",
        ),
        ("Every day I had an infusion of stem cells in a calm room overlooking the sea.", "causal_unhedged"),
        ("Cartilage has very little ability to heal itself once it is damaged.", "cure"),
        ("For dry AMD there is no treatment that restores sight, but magnifiers help.", "cure"),
        ("Treatments > Orthopaedics > Knee cartilage repair with stem cells", "causal_unhedged"),
        (
            "More from Health: Sleep problems · Stem cells repair knees? · Hearing aids explained",
            "causal_unhedged",
        ),
    ],
)
def test_offers_fundraising_adjectives_denials_and_breadcrumbs_are_not_claims(
    text: str, category: str
) -> None:
    assert not has(text, category), cats(text)


def test_a_money_back_guarantee_is_a_sales_offer_and_calming_a_condition_is_a_claim() -> None:
    assert has("Every order is backed by our 90-day money-back guarantee.", "promotion")
    assert has(
        "Our exosomes also calm rosacea, eczema and thinning hair from the inside out.", "causal_unhedged"
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The nurses were amazing with him during the stem cell infusion.", "hype"),
        ("The cost of the stem cell treatment is also extraordinary.", "hype"),
        ("Readers often ask about miracle sprays sold online.", "hype"),
        (
            "Some trials have found less pain after PRP than after a sham injection, while others have found "
            "little difference.",
            "unsourced_evidence",
        ),
        ("Several small trials found improvements in hair density, but results vary.", "unsourced_evidence"),
        ("No tumours have been seen so far in the stem cell trial, but follow-up is short.", "safety"),
        ("No serious immune reactions were observed in the eight patients given the cells.", "safety"),
    ],
)
def test_praise_of_people_mixed_evidence_and_observed_safety_are_not_overclaims(
    text: str, category: str
) -> None:
    assert not has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Our stem cell results are amazing.", "hype"),
        ("Studies show that stem cells regrow cartilage.", "unsourced_evidence"),
        ("Our stem cell treatment has no side effects.", "safety"),
    ],
)
def test_the_same_words_about_the_treatment_still_count(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Coffee protects the liver, researchers say.", "causal_unhedged"),
        ("Broccoli compound destroys cancer cells, researchers find", "causal_unhedged"),
        ('"This is a game-changer for type 1 diabetes," said the study\'s principal investigator.', "hype"),
        ("Our unit achieves the best transplant results in the country.", "promotion"),
    ],
)
def test_source_tags_principal_investigators_and_boasts_about_results(text: str, category: str) -> None:
    assert has(text, category), cats(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Coffee could protect the liver, researchers say.", "causal_unhedged"),
        (
            "\"It doesn't tell us that cutting a commute will fix anyone's blood pressure,\" she said.",
            "causal_unhedged",
        ),
        (
            "The regulator has not approved any stem cell product and has tightened the rules on clinics.",
            "causal_unhedged",
        ),
        ("Investigators found the clinic called its stem cell drips a game-changer.", "hype"),
    ],
)
def test_hedged_tags_denials_regulators_and_investigators(text: str, category: str) -> None:
    assert not has(text, category), cats(text)


def test_a_harm_after_an_approved_transplant_does_not_make_the_page_sell_an_unapproved_use() -> None:
    page = (
        "Autologous hematopoietic stem cell transplantation (aHSCT) for multiple sclerosis. "
        "aHSCT is offered for highly active relapsing MS. "
        "You receive chemotherapy that removes the immune cells driving MS inflammation, and your stored "
        "stem cells are returned to rebuild the blood and immune system. "
        "Risks include infection and infertility.\n\n"
        "- new autoimmune conditions, most often of the thyroid, in the years after treatment"
    )
    assert not has(page, "unapproved_indication"), cats(page)


def test_ads_that_offer_packages_are_reported_sellers_practice() -> None:
    text = (
        "Ads on social media offer Australians week-long packages in Mexico for autism and cerebral palsy "
        "with stem cells."
    )
    assert not has(text, "unapproved_indication"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "In trials on a building site, slabs cured under the heated blankets reached full strength in five days.",
        "The research kitchen's cured salmon is sliced thin and served with rye.",
    ],
)
def test_curing_concrete_and_food_is_not_a_cure_claim(text: str) -> None:
    assert not has(text, "cure"), cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The supplement releases millions of your own stem cells into your bloodstream.",
        "Stem cell infusion frees type 1 diabetes patients from insulin.",
        "Our exosome serum soothes eczema within days.",
        "The cells unlock your body's own healing.",
        "A single course of injections switches these genes on in your own cells.",
        "The drip takes ten years off your biological age.",
    ],
)
def test_more_efficacy_verbs(text: str) -> None:
    assert has(text, "causal_unhedged") or has(text, "cure"), cats(text)


def test_platelets_releasing_growth_factors_is_biology() -> None:
    text = "PRP is made by spinning the patient's blood to concentrate the platelets, which release growth factors."
    assert not has(text, "causal_unhedged"), cats(text)


def test_infrared_light_is_a_treatment_subject() -> None:
    assert has("Near-infrared light energizes the mitochondria in your joints.", "causal_unhedged")
