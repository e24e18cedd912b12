"""Sample articles for `candor demo`, written for this project (fictional sites and clinics).

They cover the range the checks meet: clinic pages, promotional pieces, balanced explainers,
news of early research, and approved therapies described with their real risks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoArticle:
    external_id: str
    title: str
    content_type: str
    url: str
    body: str


DEMO_ARTICLES: tuple[DemoArticle, ...] = (
    DemoArticle(
        "demo-01-clinic-knee",
        "Say goodbye to knee pain at Evergreen Regenerative Center",
        "text/html",
        "https://evergreen-regen.example/knees",
        """<html><head><title>Evergreen Regenerative Center</title></head><body>
<nav><a href="/">Home</a> | <a href="/book">Book now</a></nav>
<article>
<h1>Say goodbye to knee pain</h1>
<p>At our center we use your own stem cells to regrow cartilage and restore full mobility,
without surgery or drugs. Because the cells come from your own body, there is no chance of
rejection and no downtime.</p>
<p>Our patients tell us the results are permanent. Most walk out of the clinic the same day
and never need a knee replacement. Research has proven that our protocol works for
arthritis, meniscus tears and sports injuries.</p>
<p>We are so confident that we guarantee results or your next session is free.
Call today to book your free consultation.</p>
</article>
<footer>&copy; Evergreen Regenerative Center</footer>
</body></html>""",
    ),
    DemoArticle(
        "demo-02-explainer",
        "Stem cell treatments: what is proven, what is not",
        "text/markdown",
        "https://healthdesk.example/explainers/stem-cells",
        """# Stem cell treatments: what is proven, what is not

Stem cells can renew themselves and turn into other cell types, which is why researchers
hope they may one day repair damaged tissue. For now, the list of approved uses is short.

## What is approved

Transplants of blood-forming stem cells, from bone marrow, blood or umbilical cord blood,
are an established treatment for some blood cancers and some inherited blood and immune
disorders. Regulators such as the FDA have not approved stem cell products for arthritis,
back pain, autism or ageing.

## What the evidence says

Most other uses are experimental. Early trials in heart failure, spinal cord injury and
Parkinson's disease have been small, and the results are mixed.

## The risks

Reported harms include infection, bleeding, tumour formation and, after injections into
the eye, blindness. Cells that are grown or processed outside the body can be contaminated.

## Before you decide

Ask your doctor whether a registered clinical trial would suit you, and check the
clinic's credentials. Unapproved treatments can cost tens of thousands of dollars and are
rarely covered by insurance. Proven alternatives, such as physiotherapy or joint
replacement, may help more.
""",
    ),
    DemoArticle(
        "demo-03-athletes",
        "Why top athletes are switching to cell therapy",
        "text/plain",
        "https://fitlife-weekly.example/cell-therapy-athletes",
        """Why top athletes are switching to cell therapy

Forget months on the sidelines. A new generation of regenerative shots is a game changer
for anyone with a torn tendon or a worn-out joint, and it is completely safe.

Studies show that a single injection speeds healing by weeks. Players who tried it say it
heals damaged tissue completely and brings long-lasting relief, with no side effects.

This revolutionary approach is no longer just for professionals. Our partner clinic,
PeakCell, now offers a weekend package for amateur runners and cyclists. Visit
peakcell.example/offer and use the code FITLIFE for 20% off your first treatment.
""",
    ),
    DemoArticle(
        "demo-04-bmt-leukaemia",
        "Bone marrow transplant for leukaemia: what patients should know",
        "text/plain",
        "https://cityhospital.example/patients/bone-marrow-transplant",
        """Bone marrow transplant for leukaemia: what patients should know

A stem cell transplant, often called a bone marrow transplant, is an approved and widely
used treatment for acute leukaemia and some other blood cancers. High-dose chemotherapy,
sometimes with radiotherapy, destroys the diseased marrow; healthy blood-forming stem cells
from a donor then rebuild it.

The treatment can lead to long-term remission for some patients, but it is demanding and
it does not work for everyone. Serious risks include infections while the immune system
recovers, bleeding, organ damage, and graft-versus-host disease, in which the donor's
immune cells attack the patient's body. Some patients die from complications.

Your haematology team will compare a transplant with other options, such as further
chemotherapy or targeted drugs, and explain the chances in your situation. The cost is
usually covered by public health systems and most insurers, but ask about travel and
accommodation during the weeks of recovery.
""",
    ),
    DemoArticle(
        "demo-05-car-t",
        "CAR-T cell therapy for lymphoma: a careful look",
        "text/markdown",
        "https://healthdesk.example/explainers/car-t",
        """# CAR-T cell therapy for lymphoma: a careful look

CAR-T therapy takes a patient's own immune cells, modifies them in a laboratory to
recognise cancer, and infuses them back. Several CAR-T products are approved by the FDA and
the European Medicines Agency for certain lymphomas, leukaemias and myeloma, usually after
other treatments have failed.

In clinical trials, a substantial share of patients with relapsed lymphoma had lasting
responses, although many did not, and follow-up beyond a few years is still limited.

The side effects can be severe. Cytokine release syndrome causes fever and low blood
pressure; neurological effects range from confusion to seizures. Patients must stay near a
specialist centre for weeks. The list price exceeds $400,000, and coverage varies.

Patients should discuss with their oncologist how CAR-T compares with a stem cell
transplant or other treatments for their cancer.
""",
    ),
    DemoArticle(
        "demo-06-lupus",
        "Can stem cells reset the immune system in lupus?",
        "text/plain",
        "https://wellnesswire.example/lupus-stem-cells",
        """Can stem cells reset the immune system in lupus?

Lupus patients are running out of patience with steroids. That is why a growing number are
travelling abroad for mesenchymal stem cell infusions, which reset the immune system and
treat the disease at its root.

Dr. Ramos, who runs an infusion centre in Cancun, says his patients stop their medication
within months. "It works for nearly everyone," he said. A journal study found that the
cells calm inflammation in the kidneys.

The infusions are natural and safe because they use cells that the body recognises. A
typical course of three infusions costs about $18,000.
""",
    ),
    DemoArticle(
        "demo-07-back-pain",
        "The groundbreaking back pain fix doctors don't talk about",
        "text/plain",
        "https://dailyremedy.example/back-pain-fix",
        """The groundbreaking back pain fix doctors don't talk about

Millions live with chronic back pain, and most of them have never heard of disc
regeneration. This groundbreaking treatment uses concentrated cells to rebuild worn discs,
and it eliminates the pain for good.

It is a miracle for people who have tried everything else. Experts agree that stem cells
are the future of spine care, and research has proven they repair discs better than
surgery. The procedure is minimally invasive and takes under an hour.

No more pain pills, no more physiotherapy appointments. Ask for it by name.
""",
    ),
    DemoArticle(
        "demo-08-parkinsons-trial",
        "Small trial tests cell transplants in Parkinson's disease",
        "text/plain",
        "https://sciencebeat.example/news/parkinsons-cell-trial",
        """Small trial tests cell transplants in Parkinson's disease

Researchers have reported early results from a trial in which twelve people with
Parkinson's disease received nerve cells grown from stem cells. The study was designed to
test safety, not to show whether the treatment works.

After 18 months, no participant had a serious adverse event linked to the cells, although
two had side effects from the brain surgery itself, and the immune-suppressing drugs they
took carry their own risks. Some movement scores improved, but the trial had no control
group, so the researchers cautioned that the change may reflect a placebo effect.

A larger randomised trial is being planned. The treatment is investigational and is not
approved anywhere. Patients should talk to their neurologist about current options,
including medication and deep brain stimulation, and be wary of clinics offering similar
procedures for a fee.
""",
    ),
    DemoArticle(
        "demo-09-youth-spa",
        "Turn back the clock with IV stem cell drips",
        "text/html",
        "https://lumina-spa.example/youth-drip",
        """<!doctype html><html><body>
<header><h1>Lumina Longevity Spa</h1></header>
<main>
<h2>Turn back the clock</h2>
<p>Our signature youth drip delivers millions of young stem cells straight into your
bloodstream. Clients say it feels like finding the fountain of youth: smoother skin, more
energy and a sharper memory after one session.</p>
<p>It's 100% natural and risk-free. We've seen it rejuvenate the body from the inside out,
and science backs it up.</p>
<p><a href="/book">Book your drip today</a> - first-time guests save $500.</p>
</main>
</body></html>""",
    ),
    DemoArticle(
        "demo-10-autism-claims",
        "Parents turn to stem cell clinics for autism",
        "text/plain",
        "https://familyhealth.example/autism-stem-cells",
        """Parents turn to stem cell clinics for autism

Clinics in several countries now advertise umbilical cord cell injections for autism,
promising better speech and eye contact within weeks. One brochure describes the treatment
as a breakthrough that repairs the brain's wiring.

The therapy improves communication in children of every age, according to a clinic
spokesperson, who said hundreds of families have seen dramatic changes.

Sessions are offered as a package with speech therapy and a special diet, at a price of
around $15,000.
""",
    ),
    DemoArticle(
        "demo-11-cord-blood",
        "Should you bank your baby's cord blood?",
        "text/markdown",
        "https://parentguide.example/cord-blood-banking",
        """# Should you bank your baby's cord blood?

Cord blood contains blood-forming stem cells that are used in approved transplants for
some blood cancers and inherited blood disorders. Public cord blood banks collect donated
units for any patient who needs a match.

Private banks store a family's own cord blood for a fee, typically a few thousand dollars
plus yearly storage charges. Professional bodies, including paediatric societies, advise
that private storage is rarely useful: the chance that a child will ever use their own
cord blood is very low, and for inherited diseases a child's own cells may carry the same
genetic fault.

Collection is generally safe for mother and baby, though delaying cord clamping, which
benefits newborns, can reduce how much blood is collected. Talk to your midwife or
obstetrician about public donation as an alternative.
""",
    ),
    DemoArticle(
        "demo-12-regulator-warning",
        "Regulators warn consumers about unapproved stem cell products",
        "text/plain",
        "https://consumerwatch.example/stem-cell-warning",
        """Regulators warn consumers about unapproved stem cell products

Health regulators have again warned that many clinics sell stem cell and exosome products
that have not been approved for any use. Reported harms from such products include
infections, blood clots, tumours and vision loss.

The only stem cell products the FDA has approved consist of blood-forming cells from cord
blood, used for disorders of the blood and immune system. Clinical trials of other uses are
under way, but their results are not yet known.

Before agreeing to any treatment, ask whether it is approved or part of a registered trial,
what the risks are, what it costs, and what your other options are. A qualified doctor who
is not selling the treatment can help you weigh it.
""",
    ),
)
