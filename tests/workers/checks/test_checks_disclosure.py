"""Risk-disclosure elements, applicability and scores."""

from __future__ import annotations

import pytest

from workers.checks import check

BALANCED = (
    "Stem cell therapy for knee osteoarthritis is still experimental. "
    "Only small clinical trials have been done, and results are mixed. "
    "Side effects include pain and swelling at the injection site; rare risks include infection. "
    "No stem cell product is approved by the FDA for knee arthritis. "
    "Talk to your doctor before considering treatment and check the clinic's credentials. "
    "Clinics charge $5,000 or more per injection and insurance rarely covers it. "
    "Alternatives such as physiotherapy, weight loss and knee replacement have stronger evidence."
)


def present(text: str) -> dict[str, bool]:
    return {e.element: e.present for e in check(text).elements}


def test_balanced_article_has_every_element() -> None:
    v = check(BALANCED)
    assert v.applicable is True
    assert all(e.present for e in v.elements), present(BALANCED)
    assert v.risk_disclosure_score == 1.0
    assert v.risk_disclosure_status == "pass"
    assert v.decision == "approve"


def test_element_order_and_names_are_stable() -> None:
    assert [e.element for e in check(BALANCED).elements] == [
        "harms",
        "evidence_status",
        "regulatory_status",
        "professional_advice",
        "cost",
        "alternatives",
    ]


def test_evidence_spans_point_at_the_text() -> None:
    v = check(BALANCED)
    for e in v.elements:
        for ev in e.evidence:
            assert BALANCED[ev.start : ev.end] == ev.quote
            assert ev.quote


@pytest.mark.parametrize(
    "text",
    [
        "Side effects of the injection include fever, headache and nausea.",
        "One patient developed a tumour after the stem cell treatment.",
        "Graft-versus-host disease is a serious complication of donor transplants.",
        "Three women lost their vision after the clinic injected cells into their eyes.",
        "The main risks are infection and bleeding at the injection site.",
        "The main risks are infection and bleeding at the injection site; the tumor risk is low.",
    ],
)
def test_specific_harms_are_a_disclosure(text: str) -> None:
    assert present(text)["harms"], text


@pytest.mark.parametrize(
    "text",
    [
        "Like any treatment, stem cell therapy has risks.",
        "The treatment has no side effects.",
        "The therapy is free of complications such as infection.",
        "Patients never experience pain or swelling after the stem cell injection.",
        "Symptoms of lupus include fatigue and joint pain.",
    ],
)
def test_vague_negated_or_disease_symptoms_are_not_harms(text: str) -> None:
    assert not present(text)["harms"], text


@pytest.mark.parametrize(
    ("element", "text"),
    [
        ("evidence_status", "The treatment is experimental and being tested in clinical trials."),
        ("evidence_status", "Evidence is limited to small studies in 20 patients."),
        ("regulatory_status", "The therapy is not approved by the FDA."),
        ("regulatory_status", "The product is licensed by the MHRA for this use only."),
        ("regulatory_status", "The product is licenced in the UK for this use only."),
        ("professional_advice", "Speak with your GP before starting any stem cell treatment."),
        ("professional_advice", "Ask a qualified healthcare professional whether the treatment suits you."),
        ("cost", "A course of injections costs around £3,000 and is not covered by the NHS."),
        ("cost", "Most insurance plans do not pay for this therapy."),
        ("alternatives", "Physical therapy and anti-inflammatory drugs are alternatives to the injection."),
        ("alternatives", "Compared with standard care, the treatment showed no extra benefit."),
    ],
)
def test_each_element(element: str, text: str) -> None:
    assert present(text)[element], (element, text)


def test_regulate_as_a_verb_is_not_regulatory_status() -> None:
    assert not present("These cells help regulate the immune response during treatment.")["regulatory_status"]


def test_article_not_about_a_treatment_is_not_applicable() -> None:
    text = (
        "The city council approved a new budget on Tuesday. Residents will see road repairs next spring. "
        "The mayor said the plan costs less than last year's. Football fans celebrated a late win. "
        "Weather will stay mild through the weekend."
    )
    v = check(text)
    assert v.applicable is False
    assert v.risk_disclosure_status == "not_applicable"
    assert v.risk_disclosure_score is None
    assert v.decision == "approve"
    assert v.to_dict()["checks"][0]["status"] == "not_applicable"


def test_treatment_article_without_disclosures_fails() -> None:
    text = (
        "Stem cell therapy is a new treatment for knee pain. Patients receive an injection of cells. "
        "The procedure takes an hour and patients go home the same day. Many patients choose it."
    )
    v = check(text)
    assert v.applicable is True
    assert v.risk_disclosure_status == "fail"
    assert v.decision == "needs_review"


def test_title_counts_towards_applicability() -> None:
    text = "It takes an hour. You go home the same day. Results vary from person to person. Many choose it."
    assert check(text).applicable is False
    assert check(text, title="Stem cell injections for knee pain: the treatment explained").applicable is True


@pytest.mark.parametrize(
    "text",
    [
        "Evidence comes from case reports of the stem cell treatment.",
        "The stem cell treatment was tested in mice.",
    ],
)
def test_weak_evidence_sources_are_evidence_status(text: str) -> None:
    assert present(text)["evidence_status"], text


def test_disease_symptoms_after_therapy_words_are_not_harms() -> None:
    assert not present("Many patients seek relief from pain with physiotherapy or stem cell therapy.")[
        "harms"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Stem cell transplants carry risks, including infections and some cancers.",
        "The immune-suppressing drugs raise the risk of serious infections after a stem cell transplant.",
        "Two volunteers died during the stem cell trial.",
    ],
)
def test_risks_introduced_or_raised_are_harms(text: str) -> None:
    assert present(text)["harms"]


def test_a_risk_the_treatment_lowers_is_not_a_harm() -> None:
    assert not present("Stem cell transplants reduce the risk of infection after chemotherapy.")["harms"]


@pytest.mark.parametrize(
    "text",
    [
        "Your haematologist can explain whether a stem cell transplant suits you.",
        "Families should ask their transplant team about stem cell trials.",
        "Anyone considering stem cell eye drops should first be assessed by an ophthalmologist.",
    ],
)
def test_the_clinician_who_explains_or_assesses_is_professional_advice(text: str) -> None:
    assert present(text)["professional_advice"]


def test_a_clinic_calling_back_is_not_professional_advice() -> None:
    assert not present("Our stem cell team will call you back within a day.")["professional_advice"]


@pytest.mark.parametrize(
    "text",
    [
        "For most people with knee arthritis, physiotherapy and weight loss remain the first options to try.",
        "Inhalers and pulmonary rehabilitation remain the proven treatments for emphysema.",
        "Stem cell injections are offered instead of surgery.",
    ],
)
def test_other_options_presented_as_options_are_alternatives(text: str) -> None:
    assert present(text + " Stem cell treatment is offered in clinics.")["alternatives"]


@pytest.mark.parametrize(
    "text",
    [
        "She also had six months of physiotherapy after the stem cell injections.",
        "The stem cell shot has none of the side effects of steroids.",
    ],
)
def test_a_treatment_named_in_passing_is_not_an_alternative(text: str) -> None:
    assert not present(text)["alternatives"]


def test_the_clinics_own_team_and_sales_desk_are_not_professional_advice() -> None:
    got = present(
        "Our board-certified team delivers stem cell injections. Ask about our spring discount on stem cells."
    )
    assert not got["professional_advice"]


def test_trial_participants_not_being_charged_is_cost_information() -> None:
    assert present("Participants in the stem cell trial are not charged for the cells.")["cost"]


@pytest.mark.parametrize(
    "text",
    [
        "Less commonly there is infection where the stem cells were injected.",
        "Three patients in the stem cell group had bleeding after the catheter procedure.",
        "Two patients of the stem cell clinic were admitted to hospital with infections.",
    ],
)
def test_harms_reported_by_frequency_count_or_hospital_admission(text: str) -> None:
    assert present(text)["harms"]


def test_patients_who_had_the_disease_are_not_a_harm_report() -> None:
    assert not present("The stem cell trial enrolled patients who had lupus for years.")["harms"]


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ("Before any stem cell infusion, talk to your gastroenterologist.", "professional_advice"),
        ("Discuss any stem cell trial with your diabetes team.", "professional_advice"),
        (
            "We ask patients to keep their own specialist involved throughout the stem cell course.",
            "professional_advice",
        ),
        (
            "The FDA pointed to past reports of blindness and tumours after unapproved stem cell products.",
            "harms",
        ),
        ("After the stem cell injection he needed hospital treatment for a joint infection.", "harms"),
        ("Stem cell transplant for myeloma is recommended in national guidelines.", "regulatory_status"),
        ("NICE does not recommend stem cell injections for arthritis outside research.", "regulatory_status"),
        (
            "Is stem cell transplantation available on the NHS? Yes, it is funded by the NHS for leukaemia.",
            "regulatory_status",
        ),
    ],
)
def test_more_ways_to_disclose(text: str, element: str) -> None:
    assert present(text)[element]


@pytest.mark.parametrize(
    "text",
    [
        "Many of our clients had tried physiotherapy and steroid injections without lasting success.",
        "Painkillers can help for a while, but the benefits fade as the years go by.",
        "Our cells are the natural alternative to knee replacement.",
        "Has your surgeon told you that a new hip is the only option left?",
        "You get none of the side effects of conventional treatment.",
    ],
)
def test_a_dismissed_or_questioned_option_is_not_an_alternative(text: str) -> None:
    assert not present(text)["alternatives"]


@pytest.mark.parametrize(
    "text",
    [
        "Newer options such as gene therapy are offered when the disease returns.",
        "For hip arthritis, exercise, weight management and joint replacement have much stronger evidence.",
        "Conservative treatment with rest and bracing comes first.",
    ],
)
def test_options_named_as_options_are_alternatives(text: str) -> None:
    assert present(text)["alternatives"]


@pytest.mark.parametrize(
    "text",
    [
        "We take a small sample of fat from your abdomen and concentrate the cells.",
        "The serum is made from plant stem cell cultures and hyaluronic acid.",
        "Your package includes a follow-up video call at three months.",
    ],
)
def test_tissue_samples_product_cultures_and_aftercare_calls_are_not_evidence(text: str) -> None:
    assert not present(text)["evidence_status"]


@pytest.mark.parametrize(
    "text",
    [
        "The effect was tested in skin cell cultures, not in people.",
        "After two years of follow-up, half of the patients still had pain.",
        "A small sample of 20 volunteers took part.",
    ],
)
def test_laboratory_work_follow_up_and_small_samples_are_evidence(text: str) -> None:
    assert present(text)["evidence_status"]


def test_aftercare_calls_and_approved_credit_are_not_evidence_or_status() -> None:
    assert not present("Your package includes a six-week follow-up appointment.")["evidence_status"]
    assert not present("Financing is available with approved credit.")["regulatory_status"]
    assert present("After three years of follow-up, most grafts still worked.")["evidence_status"]


def test_more_harms_and_large_trials() -> None:
    assert present("Side effects of high doses include confusion and kidney stones.")["harms"]
    assert present("Large trials of vitamin D found little effect on falls.")["evidence_status"]


@pytest.mark.parametrize(
    "text",
    [
        "What are my other options?",
        "Depending on the injury, physical therapy, bracing or surgery may be a better choice.",
        "People with COPD can ask their doctor about pulmonary rehabilitation and inhaled medicines.",
    ],
)
def test_an_faq_about_options_and_options_to_ask_about_are_alternatives(text: str) -> None:
    assert present(text)["alternatives"]


@pytest.mark.parametrize(
    "text",
    [
        "It is reasonable to discuss PRP with a sports medicine doctor before paying for it.",
        "A specialist who isn't selling you a package is the best person to talk this through with.",
        "If you are curious about cell therapy, start with your endocrinologist.",
        "Ask their diabetes care team about trials that are recruiting.",
    ],
)
def test_more_ways_to_send_readers_to_a_clinician(text: str) -> None:
    assert present(text)["professional_advice"]


@pytest.mark.parametrize(
    "text",
    [
        "Most people have pain and swelling at the injection site for a few days.",
        "Less common problems include infection and bruising.",
        "Less often, injections cause infection, bleeding or bruising.",
        "After the operation you will have swelling of the forehead for three to five days.",
    ],
)
def test_harms_stated_as_what_most_people_have_or_what_injections_cause(text: str) -> None:
    assert present(text)["harms"]


def test_a_disease_that_causes_pain_is_not_a_harm_disclosure() -> None:
    assert not present("Arthritis causes pain and swelling in the joints.")["harms"]


def test_a_clinic_licence_is_not_the_treatments_regulatory_status() -> None:
    assert not present("Our clinic is fully licensed by the Ministry of Health.")["regulatory_status"]
    assert not present("We operate under a sanitary licence from the national health authority.")[
        "regulatory_status"
    ]
    assert present("The treatment is not approved by the FDA for knee arthritis.")["regulatory_status"]


@pytest.mark.parametrize(
    "text",
    [
        "Talk with your dentist or orthodontist before paying to bank your child's stem cells.",
        "Discuss the stem cell trip with your own cardiologist before you fly.",
        "Before any stem cell injection, get a proper diagnosis from a sports medicine doctor.",
        "Do not stop any medication without speaking with your own neurologist.",
        "Take the stem cell clinic's brochure to your own doctor and ask what they think.",
        "Parents should talk to their child's paediatrician before any stem cell treatment abroad.",
        "Ask your optometrist or hospital eye specialist before paying for stem cell eye injections.",
        "Talk to your midwife about cord blood banking well before your due date.",
        "Anyone considering stem cells abroad should talk to their own kidney team first.",
    ],
)
def test_advice_to_see_any_kind_of_clinician_is_professional_advice(text: str) -> None:
    assert present(text)["professional_advice"]


@pytest.mark.parametrize(
    "text",
    [
        "Our stem cell team will help you set up your crowdfunding page.",
        "Our doctors will tell you within a day whether stem cells can help.",
        "Thousands of patients walk again after stem cells without ever seeing a surgeon.",
    ],
)
def test_the_sellers_own_clinicians_are_not_professional_advice(text: str) -> None:
    assert not present(text)["professional_advice"]


@pytest.mark.parametrize(
    "text",
    [
        "For knee arthritis, the treatments with the best evidence are exercise, weight loss and painkillers.",
        "People with heart failure are usually treated with medications, pacemakers and cardiac rehabilitation.",
        "Low-vision aids and sight-loss charities can help people make the most of the sight they have.",
        "What to do instead",
        "Long Covid services offer rehabilitation and help with pacing.",
    ],
)
def test_established_care_offered_as_an_option_is_an_alternative(text: str) -> None:
    assert present(text + " Stem cell injections are sold for this in private clinics.")["alternatives"]


def test_established_care_the_patient_also_had_is_not_an_alternative() -> None:
    text = "He had cardiac rehabilitation after the stem cell infusion in Mexico."
    assert not present(text)["alternatives"]


@pytest.mark.parametrize(
    "text",
    [
        "The research is mixed, and most of the trials were small.",
        "There is little good evidence that stem cell injections help Achilles tendon problems.",
        "The evidence for PRP in hair loss is still thin.",
        "The full results of the stem cell trial have not yet been published.",
        "No stem cell treatment has yet been proven to work for long Covid.",
    ],
)
def test_how_good_the_evidence_is_said_in_a_clause_is_evidence_status(text: str) -> None:
    assert present(text)["evidence_status"]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of published studies prove that our stem cell therapy reverses arthritis.",
        "Is our stem cell treatment FDA approved?",
        "Our physicians follow all applicable FDA guidelines for stem cell procedures.",
        "Even patients told they are legally blind have benefited from our stem cell eye injections.",
    ],
)
def test_claimed_evidence_questions_and_evasions_are_not_disclosures(text: str) -> None:
    got = present(text)
    assert not got["evidence_status"] and not got["regulatory_status"], got


@pytest.mark.parametrize(
    "text",
    [
        "The supplement can cause an upset stomach and nausea; it can cause trouble sleeping too.",
        "Some people feel nausea or a headache during the stem cell infusion.",
        "There is a small chance of bruising or infection where the needle goes in.",
        "After the injection you may notice mild swelling or a headache.",
        "Infection and scarring are rare but possible.",
        "She was told about the risks: infection, blood clots and stiffness.",
        "The consent form listed infection, bleeding and nerve irritation.",
        "A week after the stem cell infusion abroad he spent five days in hospital with a fever.",
    ],
)
def test_harms_told_as_chances_risks_and_what_happened(text: str) -> None:
    assert present(text + " Stem cell clinics sell these injections for knee pain.")["harms"]


@pytest.mark.parametrize(
    "text",
    [
        "Knee arthritis causes pain and swelling that get worse over the years.",
        "Our stem cell injections relieve pain and swelling within weeks.",
    ],
)
def test_symptoms_of_the_disease_and_relief_from_them_are_not_harms(text: str) -> None:
    assert not present(text)["harms"]


@pytest.mark.parametrize(
    "text",
    [
        "All our stem cell peptides are prepared by a licensed compounding pharmacy.",
        "Stem cell treatment takes place in a licensed private medical facility in Cyprus.",
        "Our physicians follow FDA guidance for same-day stem cell procedures.",
        "Mesenchymal stem cells are the body's master regulators of repair.",
        "We arrange airline medical clearance for every family travelling for stem cell treatment.",
    ],
)
def test_a_sellers_licences_and_words_like_regulator_are_not_regulatory_status(text: str) -> None:
    assert not present(text)["regulatory_status"]


def test_supervision_by_the_sellers_own_director_is_not_professional_advice() -> None:
    text = "Stem cell facials are performed under the supervision of our medical director."
    assert not present(text)["professional_advice"]


@pytest.mark.parametrize(
    "text",
    [
        "Side effects are rare and mild, such as a low-grade fever on the day of the stem cell infusion.",
        "Every stem cell infusion is 100% natural and completely safe, with no side effects.",
        "Six weeks after my stem cell injection my hip has been pain-free ever since.",
    ],
)
def test_a_sellers_minimised_or_absent_harm_is_not_a_harms_disclosure(text: str) -> None:
    assert not present(text)["harms"]


def test_a_studys_adverse_event_report_is_still_a_harms_disclosure() -> None:
    assert present("No serious adverse events were reported among the 80 stem cell trial volunteers.")[
        "harms"
    ]


def test_a_most_read_list_discloses_nothing() -> None:
    text = (
        "Stem cell knee injections are sold by private clinics.\n"
        "MOST READ: Measles cases climb | The hidden cost of hospital parking | Why your pharmacy is out of stock\n"
    )
    assert not present(text)["cost"]


@pytest.mark.parametrize(
    "text",
    [
        "The operation has risks, as any eye surgery does: infection, raised pressure and bleeding.",
        "Some people report nausea, bloating or headaches after the NAD+ drip.",
        "Any skin product can cause irritation, redness or an allergic reaction.",
        "Nausea was reported by 19 per cent of people on the tablet.",
        "Cell infusions given outside trials have caused fevers and serious infections.",
        "One patient had a small bleed in the brain during the transplant surgery.",
        "Bruising at the IV site is common after the drip.",
        "He ran a fever the first night after the stem cell infusion.",
        "With gene therapy you can get strong immune reactions and inflammation of the liver.",
        "Two people needed hospital treatment after taking the stem cell capsules.",
    ],
)
def test_harms_told_as_reports_rates_and_experiences(text: str) -> None:
    assert present(text)["harms"], text


@pytest.mark.parametrize(
    "text",
    [
        "Most of the people who come to us have spent years on cortisone shots and physical therapy.",
        "Unlike minoxidil and finasteride, which only slow hair loss down, our stem cell treatment reverses it.",
        "For now, people with knee osteoarthritis rely on exercise, pain medication and joint replacement.",
        "He still attends speech therapy twice a week alongside the stem cell infusions.",
    ],
)
def test_named_options_the_reader_could_turn_to_are_alternatives(text: str) -> None:
    assert present(text)["alternatives"], text


def test_years_of_experience_is_not_an_alternative() -> None:
    text = "Our stem cell physicians have more than 20 years of experience in internal medicine."
    assert not present(text)["alternatives"]
