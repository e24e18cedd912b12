"""Claim-strength classifier for one sentence: rule-based, explainable and fast.

Labels follow Yu et al. 2019 ("Detecting causal language use in science findings"):

- ``direct_causal``: X causes / changes / improves / reduces / prevents / leads to Y, or X is
  effective for Y, with no hedge governing the claim;
- ``conditional_causal``: the same claim governed by a hedge (may, might, could, appears to,
  seems to, suggests, likely, potentially, possibly, thought to ...);
- ``correlational``: association, link, correlation, prediction, risk factor, "more likely",
  comparisons between groups ("had lower blood pressure than");
- ``no_relationship``: no X->Y claim (background, methods, recommendations, descriptions,
  questions) and negated effects ("X did not reduce Y", "had no effect on Y"); the ``negated``
  span then marks the negation and ``cue`` the negated verb.

How it decides.  The sentence is tokenised once with a precompiled regex and read left to
right in one pass.  Each clause keeps the hedge, negation and irrealis trigger ("should",
"whether", "needed") that governs it, in the manner of NegEx/ConText triggers: the scope runs
forwards to the end of the clause and stops at ";", ":", brackets, "but", "however", "whereas",
"although" ...; a subordinate clause opened by "although", "while", "if", "because", "which"
... closes at the next comma, so a hedge inside it does not reach the main claim.  Causal cues
are verb forms of a lexicon (every inflection, -ise/-ize), phrasal verbs ("leads to",
"results in", "plays a role in"), efficacy predicates ("is effective for", "proved
beneficial", "is crucial for"), nominal effects after a host verb ("had beneficial effects
on", "provides relief") and cause nouns after "be" ("is a leading cause of").  A light
part-of-speech check keeps only verb uses: "reduced risk", "the benefits", "increases in",
"significantly lower rates", "carry increased odds", "to reduce" (purpose) and "Block
Hospital" (a name) are not claims; passives count with an agent ("was reduced by the drug") but not
with an amount ("by 30%").  Claims inside a relative clause or a trailing participle
(", leading to ...") are background and count only when the sentence makes no other claim.
A trailing reporting hedge (", a study suggests") lowers a direct claim to conditional.

Every decision is a set lookup or a look at a few neighbouring tokens, so the cost is linear
in the sentence length with no backtracking; spans are computed only for reported tokens.

Reported speech ("the clinic claims stem cells cure lupus") keeps the label of the embedded
claim (direct_causal here) and sets ``attributed`` to the reporting verb ("claims", "said",
"according to"), so the caller decides whether an attributed claim is the article's own
overclaim.  Evidential verbs ("suggest", "hint", "appear") are hedges, not attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["LABELS", "ClaimStrength", "classify_claim"]

LABELS = ("direct_causal", "conditional_causal", "correlational", "no_relationship")

Span = tuple[int, int]


@dataclass(frozen=True)
class ClaimStrength:
    """Claim strength of one sentence; spans are (start, end) character offsets into it.

    ``cue``: the word that decided the label (the causal verb, efficacy adjective, association
    word), or the negated causal verb for a negated claim; ``hedge``: the hedge governing the
    cue, if any (also set for a hedged association); ``negated``: the negation that cancelled a
    causal claim; ``attributed``: the reporting verb when the claim is reported speech.
    """

    label: str
    cue: Span | None
    hedge: Span | None
    reason: str
    negated: Span | None = None
    attributed: Span | None = None


# --------------------------------------------------------------------------- lexicons


def _inflect(base: str) -> dict[str, str]:
    """Regular inflections of an English verb: base, 3sg, past/participle, gerund."""
    if base.endswith("e") and not base.endswith("ee"):
        s, ed, ing = base + "s", base + "d", base[:-1] + "ing"
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        s, ed, ing = base + "es", base + "ed", base + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        s, ed, ing = base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    else:
        s, ed, ing = base + "s", base + "ed", base + "ing"
    return {base: "base", s: "s", ed: "ed", ing: "ing"}


# Transitive verbs stating that X changes Y.  -ise/-ize spellings are generated both ways.
_CAUSAL_VERBS = """
reduce lower decrease increase raise improve worsen boost enhance lessen diminish halve double
triple elevate accelerate slow delay prolong extend shorten strengthen weaken alleviate relieve
ease ameliorate attenuate mitigate curb suppress inhibit block stop halt reverse restore
eliminate eradicate cure heal prevent protect cause trigger induce promote stimulate activate
impair damage harm kill destroy affect influence alter modulate benefit fight combat help
tackle save spur fuel drive repair regenerate rejuvenate counteract offset undermine exacerbate
aggravate provoke minimise maximise optimise normalise stabilise jeopardise neutralise
revitalise sensitise immunise shrink deplete increase raise treat outperform aid abolish
abrogate ablate amplify augment blunt dampen decelerate deactivate disrupt enable facilitate
hinder impede lengthen mediate potentiate regulate rescue reprogram resolve
restrict spare speed stunt thwart transform upregulate downregulate weaken worsen elongate
slash reset hasten exacerbate impact pose spark down-regulate up-regulate downregulate upregulate
"""
_IRREGULAR = {
    "cut": {"cut": "base", "cuts": "s", "cutting": "ing"},
    "lead": {"lead": "base", "leads": "s", "led": "ed", "leading": "ing"},
    "drive": {"drives": "s", "drove": "ed", "driven": "ed", "driving": "ing", "drive": "base"},
    "slow": {"slow": "base", "slows": "s", "slowed": "ed", "slowing": "ing"},
    "stop": {"stop": "base", "stops": "s", "stopped": "ed", "stopping": "ing"},
    "shrink": {"shrink": "base", "shrinks": "s", "shrank": "ed", "shrunk": "ed", "shrinking": "ing"},
    "fight": {"fight": "base", "fights": "s", "fought": "ed", "fighting": "ing"},
    "slash": {"slash": "base", "slashes": "s", "slashed": "ed", "slashing": "ing"},
    "reprogram": {
        "reprogram": "base",
        "reprograms": "s",
        "reprogrammed": "ed",
        "reprogrammes": "s",
        "reprogramme": "base",
        "reprogramming": "ing",
    },
    "benefit": {
        "benefit": "base",
        "benefits": "s",
        "benefited": "ed",
        "benefitted": "ed",
        "benefiting": "ing",
        "benefitting": "ing",
    },
    "kill": {"kill": "base", "kills": "s", "killed": "ed", "killing": "ing"},
    "reset": {"reset": "base", "resets": "s", "resetting": "ing"},
    "spur": {"spur": "base", "spurs": "s", "spurred": "ed", "spurring": "ing"},
    "fuel": {
        "fuel": "base",
        "fuels": "s",
        "fuelled": "ed",
        "fueled": "ed",
        "fuelling": "ing",
        "fueling": "ing",
    },
    "curb": {"curb": "base", "curbs": "s", "curbed": "ed", "curbing": "ing"},
    "halt": {"halt": "base", "halts": "s", "halted": "ed", "halting": "ing"},
}

# Phrasal causal cues: head word -> required next word(s).
_PHRASAL = {
    "lead": ("to",),
    "leads": ("to",),
    "led": ("to",),
    "leading": ("to",),
    "result": ("in",),
    "results": ("in",),
    "resulted": ("in",),
    "resulting": ("in",),
    "contribute": ("to",),
    "contributes": ("to",),
    "contributed": ("to",),
    "contributing": ("to",),
    "give": ("rise",),
    "gives": ("rise",),
    "gave": ("rise",),
    "giving": ("rise",),
    "translate": ("into", "to"),
    "translates": ("into", "to"),
    "translated": ("into", "to"),
    "depend": ("on", "upon"),
    "depends": ("on", "upon"),
    "depended": ("on", "upon"),
}
# Intransitive verbs that claim X causes nothing by themselves.
_NOT_CAUSAL_PHRASAL = {"lead", "leads", "led", "leading", "result", "results", "resulted", "resulting"}


def _build_verbs() -> dict[str, str]:
    forms: dict[str, str] = {}
    for base in _CAUSAL_VERBS.split():
        variants = [base]
        if base.endswith("ise"):
            variants.append(base[:-3] + "ize")
        for v in variants:
            if v in _IRREGULAR:
                continue
            forms.update(_inflect(v))
    for table in _IRREGULAR.values():
        forms.update(table)
    # consonant doubling for short stems the simple rules get wrong
    for word, form in (("stopped", "ed"), ("stopping", "ing"), ("rid", "base")):
        forms.setdefault(word, form)
    return forms


_VERB_FORMS = _build_verbs()
for _w in list(_PHRASAL):
    _VERB_FORMS.setdefault(
        _w, "base" if _w in {"lead", "result", "contribute", "give", "translate", "depend"} else "s"
    )
_VERB_FORMS.update({"led": "ed", "resulted": "ed", "contributed": "ed", "gave": "ed", "translated": "ed"})
_VERB_FORMS.update({"resulting": "ing", "leading": "ing", "contributing": "ing", "giving": "ing"})

_HEDGED_ONLY_VERBS = {
    w: f
    for base in (
        "explain",
        "underlie",
        "predispose",
        "offer",
        "provide",
        "serve",
        "act",
        "keep",
        "hold",
        "play",
        "produce",
        "contribute",
    )
    for w, f in _inflect(base).items()
}
_HEDGED_ONLY_VERBS.update({"underlay": "ed", "underlain": "ed", "held": "ed", "kept": "ed", "underlies": "s"})

# Forms whose head is also a common noun or adjective; they count only in verb position.
_NOUNISH = {
    "increase", "increases", "decrease", "decreases", "cut", "cuts", "cause", "causes",
    "benefit", "benefits", "aid", "aids", "block", "blocks", "damage", "damages", "drive",
    "drives", "harm", "harms", "fight", "fights", "fuel", "fuels", "halt", "lead", "leads",
    "limit", "limits", "result", "results", "stop", "stops", "treat", "treats", "cure", "cures",
    "double", "triple", "boost", "boosts", "delay", "delays", "reset", "slow", "spare", "speed",
    "rescue", "protect", "lower", "raise", "raises", "curb", "curbs", "spur", "spurs", "slash",
    "repair", "repairs", "influence", "influences", "promote", "help", "helps", "change",
    "changes", "control", "controls", "effect", "effects", "regulate", "release", "impact",
    "impacts", "shift", "shifts", "reverse", "ease", "extend", "restore",
}  # fmt: skip
_BE = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "'s", "remains", "remained", "become", "became"}
)
_HAVE = frozenset({"has", "have", "had", "having", "'ve"})
_DET = frozenset({
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "your",
    "my", "any", "some", "no", "every", "such", "greater", "significant", "further",
    "small", "large", "modest", "marked", "major", "slight", "substantial", "overall", "net",
    "potential", "possible", "mean", "median", "average", "sustained", "rapid", "dramatic",
    "other", "little", "much", "many", "most", "first", "second", "main",
    "primary", "secondary", "new", "clear", "relative", "absolute", "key", "common", "leading",
})  # fmt: skip
_OBJ_START = _DET | {
    "it",
    "them",
    "him",
    "her",
    "us",
    "you",
    "me",
    "blood",
    "cholesterol",
    "risk",
    "mortality",
    "survival",
    "symptoms",
    "pain",
    "levels",
}
_PREP = frozenset({
    "of", "with", "in", "for", "to", "by", "on", "from", "among", "amongst", "as", "than",
    "at", "into", "between", "about", "and", "or", "nor", "against", "without", "under",
    "over", "via", "despite", "including", "like", "per", "after", "before", "during",
    "following", "toward", "towards", "through", "within", "across", "versus", "vs", "when",
    "until", "since", "throughout", "up", "down", "compared", "relative", "but",
    "whereas", "while", "because", "too",
})  # fmt: skip
_PUNCT = frozenset({",", ";", ":", "?", "!", "(", ")", '"', ""})
# Common verbs that take a noun phrase: a change word right after them is an adjective
# ("the mice showed reduced grip strength", "smokers carry increased odds").
_NP_VERBS = frozenset({
    "show", "shows", "showed", "shown", "display", "displays", "displayed", "had", "have", "has",
    "face", "faces", "faced", "identify", "identifies", "identified", "find", "finds", "found",
    "reveal", "reveals", "revealed", "exhibit", "exhibits", "exhibited", "experience",
    "experiences", "experienced", "present", "presents", "presented", "demonstrate",
    "demonstrates", "demonstrated", "observe", "observed", "see", "sees", "saw", "seen",
    "suffer", "suffers", "suffered", "develop", "develops", "developed", "report", "reports",
    "reported", "carry", "carries", "carried", "noted", "note", "notes", "detected", "detect",
    "showing", "having", "despite", "confer", "confers", "conferred", "indicate", "indicates",
    "indicated", "suggest", "suggests", "suggested", "predict", "predicts", "predicted",
    "cause", "causes", "caused", "produce", "produces", "produced", "mean", "means", "meant",
    "yield", "yields", "yielded", "get", "gets", "got", "achieve", "achieved", "achieves",
    "need", "needs", "require", "requires", "include", "includes", "included", "harbour",
    "harbor", "harbours", "harbors", "bear", "bears", "give", "gives", "gave", "given",
    "receive", "receives", "received", "is", "are", "was", "were", "be", "been", "being",
})  # fmt: skip
_MODAL_HEDGE = frozenset(
    {"may", "might", "could", "possibly", "potentially", "perhaps", "probably", "conceivably"}
)
_MODAL_FIRM = frozenset({"will", "can", "does", "do", "did", "shall", "'ll", "must", "should", "cannot", "would", "not", "never", "also", "further", "often", "usually", "significantly", "substantially", "markedly", "dramatically", "greatly", "effectively", "actually", "really", "indeed", "clearly", "consistently", "directly", "independently", "successfully", "help", "helps", "helped"})  # fmt: skip
_PREP_OK = frozenset(
    {"aid", "aids", "aided", "help", "helps", "helped", "benefit", "benefits", "benefited", "benefitted"}
)
_LOWER_VERB_PREV = frozenset(
    {
        "will",
        "can",
        "does",
        "do",
        "did",
        "shall",
        "'ll",
        "must",
        "should",
        "cannot",
        "would",
        "help",
        "helps",
        "helped",
    }
)
_TO_CLAIM = frozenset({
    "shown", "found", "proven", "proved", "demonstrated", "known", "able", "help", "helps",
    "helped", "seems", "seem", "seemed", "appears", "appear", "appeared", "likely", "thought",
    "believed", "expected", "reported", "tends", "tend", "tended", "said", "claimed", "serve",
    "serves", "served", "set", "continues", "continue", "continued", "failed", "fails", "fail",
    "unable", "unlikely", "go", "goes", "went",
})  # fmt: skip
_NEG = frozenset({
    "not", "no", "never", "neither", "nor", "cannot", "can't", "didn't", "doesn't", "don't",
    "won't", "wasn't", "weren't", "isn't", "aren't", "hasn't", "haven't", "hadn't",
    "wouldn't", "couldn't", "shouldn't", "didnt", "doesnt", "dont", "without", "failed",
    "fails", "fail", "unable", "unlikely", "nothing", "none", "lack", "lacked", "lacks",
})  # fmt: skip
_NEG_NOUNS = frozenset(
    {
        "effect",
        "effects",
        "impact",
        "benefit",
        "benefits",
        "improvement",
        "difference",
        "influence",
        "change",
        "changes",
        "reduction",
        "increase",
    }
)
_HEDGE = frozenset({
    "may", "might", "could", "possibly", "potentially", "perhaps", "probably", "conceivably",
    "likely", "presumably", "plausibly", "putatively", "putative", "suggest", "suggests",
    "suggested", "suggesting", "suggestive", "appear", "appears", "appeared", "seem", "seems",
    "seemed", "would", "tend", "tends", "tended", "hint", "hints", "hinted",
    "imply", "implies", "implied", "thought",
    "believed", "expected", "hypothesised", "hypothesized", "speculate", "speculated",
    "speculative", "maybe", "might've", "could've", "uncertain", "unclear",
    "preliminary", "supposedly", "allegedly",
})  # fmt: skip
# Hedge words that need a particular next word to hedge ("thought to", "seems to").
_HEDGE_NEEDS_TO = frozenset(
    {
        "appear",
        "appears",
        "appeared",
        "seem",
        "seems",
        "seemed",
        "tend",
        "tends",
        "tended",
        "thought",
        "believed",
        "expected",
    }
)
_REPORT = frozenset({
    "says", "said", "say", "claims", "claimed", "claim", "claiming", "states", "stated",
    "according", "announced", "announces", "reports", "promises", "promised", "advertises",
    "advertised", "insists", "insisted", "contends", "asserts", "asserted", "argues",
    "argued", "believes", "maintains", "boasts", "boasted", "touts", "touted",
})  # fmt: skip
_ASSOC_STRONG = frozenset({
    "associated", "association", "associations", "associate", "associates", "correlated",
    "correlation", "correlations", "correlate", "correlates", "correlating", "linked", "link",
    "links", "linking", "related", "relationship", "relationships", "relation", "relations",
    "predict", "predicts", "predicted", "predicting", "predictor", "predictors", "predictive",
    "tied", "connected", "connection", "connections", "inversely", "positively",
    "negatively", "prognostic", "determinant", "determinants", "marker", "markers",
    "biomarker", "biomarkers", "odds", "unrelated", "uncorrelated", "coincides",
    "coincided", "corresponds", "corresponded", "accompanied", "co-occur", "co-occurs",
    "dose-dependent", "dose-response",
})  # fmt: skip
_ASSOC_NEEDS_PREP = {
    "related": ("to", "with"),
    "unrelated": ("to", "with"),
    "connected": ("to", "with"),
    "tied": ("to", "with"),
    "accompanied": ("by", "with"),
    "relationship": ("between", "of", "with", "to", "among"),
    "relationships": ("between", "of", "with", "to", "among"),
    "relation": ("between", "of", "with", "to", "among"),
    "relations": ("between", "of", "with", "to", "among"),
    "link": ("between", "to", "with", "of"),
}
_COMPARATIVE_ER = frozenset(
    {
        "longer",
        "shorter",
        "larger",
        "smaller",
        "faster",
        "slower",
        "stronger",
        "weaker",
        "earlier",
        "later",
        "older",
        "younger",
        "heavier",
        "prone",
        "frequently",
        "often",
        "commonly",
    }
)
_COMPARATIVE = frozenset(
    {
        "higher",
        "lower",
        "greater",
        "fewer",
        "poorer",
        "elevated",
        "increased",
        "decreased",
        "reduced",
        "diminished",
        "impaired",
        "enhanced",
        "worse",
        "better",
        "more",
        "less",
        "raised",
        "lowered",
        "improved",
        "excess",
        "excessive",
    }
)
_COMPARATIVE_NEEDS_THAN = frozenset({"worse", "better", "more", "less"})
_ROLE_ADJ = frozenset({"crucial", "critical", "essential", "vital", "fundamental", "instrumental", "key"})
_EFFICACY_ADJ = frozenset(
    {
        "effective",
        "efficacious",
        "beneficial",
        "protective",
        "curative",
        "superior",
        "harmful",
        "detrimental",
        "responsible",
        "successful",
        "ineffective",
        "unsafe",
    }
)
_HEDGEABLE_ADJ = (
    frozenset(
        {
            "useful",
            "helpful",
            "valuable",
            "promising",
            "dangerous",
            "safe",
            "due",
            "involved",
            "key",
            "crucial",
            "favorable",
            "favourable",
            "important",
            "secret",
            "culprit",
            "culprits",
            "unfavorable",
            "unfavourable",
            "adverse",
        }
    )
    | _EFFICACY_ADJ
)
_ADJ_MODIFIERS = frozenset(
    {
        "more",
        "less",
        "most",
        "least",
        "highly",
        "very",
        "equally",
        "as",
        "particularly",
        "also",
        "similarly",
        "both",
        "and",
        ",",
        "safe",
        "feasible",
        "clinically",
        "therefore",
        "thus",
        "still",
        "even",
        "an",
        "a",
        "the",
        "not",
        "only",
        "partly",
        "partially",
        "largely",
        "fully",
        "at",
        "be",
        "been",
        "cost",
        "well",
        "so",
        "generally",
        "just",
        "far",
        "much",
        "likewise",
        "remarkably",
    }
)
_LINK = _BE | frozenset(
    {
        "proved",
        "proven",
        "proves",
        "prove",
        "seem",
        "seems",
        "seemed",
        "appear",
        "appears",
        "appeared",
        "shown",
        "found",
        "considered",
        "remain",
        "remains",
    }
)

_EFFECT_NOUNS = frozenset(
    {
        "effect",
        "effects",
        "impact",
        "benefit",
        "benefits",
        "benefited",
        "benefitted",
        "influence",
        "relief",
        "protection",
    }
)
_CAUSE_NOUNS = frozenset(
    {
        "cause",
        "causes",
        "contributor",
        "contributors",
        "driver",
        "drivers",
        "reason",
        "culprit",
        "trigger",
        "triggers",
    }
)
_EFFECT_HOSTS = frozenset({
    "has", "have", "had", "having", "show", "shows", "showed", "shown", "demonstrate",
    "demonstrates", "demonstrated", "reveal", "reveals", "revealed", "confirm", "confirms",
    "confirmed", "exert", "exerts", "exerted", "produce", "produces", "produced", "provide",
    "provides", "provided", "offer", "offers", "offered", "yield", "yields", "yielded",
    "bring", "brings", "brought", "deliver", "delivers", "delivered", "exhibit", "exhibits",
    "confer", "confers", "conferred",
})  # fmt: skip
_EFFECT_BLOCK = frozenset(
    {
        "no",
        "similar",
        "comparable",
        "little",
        "minimal",
        "any",
        "not",
        "nor",
        "neither",
        "potential",
        "possible",
        "without",
        "the",
        "of",
        "same",
        "equivalent",
        "differential",
        "different",
        "opposite",
        "mixed",
        "variable",
        "inconsistent",
        "unclear",
        "uncertain",
        "limited",
        "negligible",
        "few",
    }
)
# "had no effect on", "showed little benefit": a (negative) claim about the effect itself.
_NO_EFFECT = frozenset({"no", "little", "negligible", "minimal"})
_TERMINATORS = frozenset(
    {
        ";",
        ":",
        "but",
        "whereas",
        "however",
        "yet",
        "although",
        "though",
        "while",
        "whilst",
        "except",
        "(",
        ")",
        "?",
        "!",
    }
)
_SUBORD = frozenset(
    {
        "although",
        "though",
        "while",
        "whilst",
        "whereas",
        "if",
        "when",
        "because",
        "since",
        "unless",
        "once",
        "which",
        "who",
        "whom",
        "whose",
    }
)
_IRREALIS = frozenset({
    "should", "must", "need", "needs", "needed", "required", "requires", "require",
    "warrant", "warrants", "warranted", "whether", "if", "unless", "hypothesis",
    "hypothesise", "hypothesize", "hope", "hopes", "hoped", "ought", "recommended",
    "recommend", "recommends",
})  # fmt: skip
_RISK_NOUNS = frozenset(
    {"risk", "risks", "odds", "likelihood", "chance", "chances", "rate", "rates", "incidence", "prevalence"}
)
_RISK_MODS = frozenset({
    "heightened", "high", "higher", "highest", "increased", "elevated", "greater", "lower",
    "lowest", "reduced", "excess", "double", "doubled", "triple", "tripled", "quadrupled",
    "twofold", "two-fold", "threefold", "three-fold", "fold", "raised", "decreased",
    "diminished", "substantial", "significant", "times", "increasing", "decreasing",
})  # fmt: skip
_TIMES_NEXT = frozenset({"the", "more", "higher", "greater", "as", "likely", "lower", "less", "increased"})
_QUANT = frozenset({"percent", "per", "cent", "fold", "times", "twofold", "threefold", "%"})
_DIAGNOSTIC = frozenset({
    "predict", "determine", "identify", "diagnose", "detect", "explain", "understand", "guide",
    "inform", "pinpoint", "select", "assess", "estimate", "find", "spot", "distinguish",
    "classify", "screen", "monitor", "measure", "evaluate", "choose", "decide", "clarify",
    "forecast", "recognise", "recognize", "interpret", "plan", "design", "develop",
})  # fmt: skip
_NON_HEALTH_OBJ = frozenset({
    "understanding", "knowledge", "awareness", "insight", "insights", "interest", "debate",
    "concern", "concerns", "questions", "hopes", "hope", "doubts", "possibility", "evidence",
    "research", "science", "literature", "beliefs", "thinking", "views", "discussion",
})  # fmt: skip
_RESEARCH_GERUNDS = frozenset({
    "evaluating", "assessing", "determining", "understanding", "studying", "testing", "developing",
    "designing", "identifying", "monitoring", "measuring", "establishing", "confirming", "validating",
    "investigating", "exploring", "answering", "interpreting", "planning", "documenting", "tracking",
})  # fmt: skip
_WH_HEADING = frozenset({"how", "why", "what", "whether", "when"})
_RELATIVE = frozenset({"which", "who", "whom", "whose"})
_QUESTION_START = frozenset(
    {
        "can",
        "does",
        "do",
        "did",
        "is",
        "are",
        "could",
        "should",
        "will",
        "would",
        "was",
        "were",
        "has",
        "have",
        "how",
        "why",
        "what",
        "which",
    }
)
_RAISE_NOT_CAUSAL = frozenset(
    {
        "concern",
        "concerns",
        "questions",
        "question",
        "awareness",
        "hope",
        "hopes",
        "possibility",
        "doubts",
        "doubt",
        "funds",
        "money",
        "issues",
        "alarm",
        "eyebrows",
        "the",
    }
)

_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:['\u2019][A-Za-z]+)*(?:-[A-Za-z0-9]+)*|\d+(?:[.,]\d+)*%?|[;:,?!()\"]"
)
_ALL_CUES = (
    frozenset(_VERB_FORMS)
    | _HEDGED_ONLY_VERBS.keys()
    | _ASSOC_STRONG
    | _CAUSE_NOUNS
    | _EFFECT_NOUNS
    | _COMPARATIVE_ER
    | {"risk"}
    | _COMPARATIVE
    | _EFFICACY_ADJ
    | _HEDGEABLE_ADJ
    | {"likely", "role", "times", "difference", "prone"}
    | _ROLE_ADJ
    | _RISK_NOUNS
)

_CUE_CANDIDATES = (
    frozenset(_VERB_FORMS)
    | _HEDGED_ONLY_VERBS.keys()
    | _CAUSE_NOUNS
    | _EFFECT_NOUNS
    | _EFFICACY_ADJ
    | _HEDGEABLE_ADJ
    | {"role", "difference"}
    | _ROLE_ADJ
)
_INTERESTING = (
    _CUE_CANDIDATES
    | _TERMINATORS
    | _SUBORD
    | _HEDGE
    | _REPORT
    | _NEG
    | _IRREALIS
    | _ASSOC_STRONG
    | _COMPARATIVE
    | _COMPARATIVE_ER
    | {",", "likely", "risk", "factor", "factors", "times"}
    | _RISK_NOUNS
)
_DRIVE = frozenset({"drive", "drives", "drove", "driven", "driving"})
_DRIVE_NOT_CAUSAL = frozenset(
    {"yourself", "himself", "herself", "themselves", "home", "back", "away", "there", "off"}
)
_NO_CLAIM = "no causal or associative claim found"
_NOTHING = ClaimStrength("no_relationship", None, None, _NO_CLAIM)


def _quote(s: str, span: Span | None) -> str:
    return s[span[0] : span[1]] if span else ""


def classify_claim(sentence: str) -> ClaimStrength:
    """Classify the claim strength of one sentence; never raises (non-strings get no_relationship)."""
    if not isinstance(sentence, str):
        return _NOTHING
    return _classify_cached(sentence)


@lru_cache(maxsize=4096)
def _classify_cached(sentence: str) -> ClaimStrength:
    raw = _TOKEN.findall(sentence)
    if not raw:
        return ClaimStrength("no_relationship", None, None, _NO_CLAIM)
    toks = "\n".join(raw).lower().split("\n")
    if _ALL_CUES.isdisjoint(toks):
        return ClaimStrength("no_relationship", None, None, _NO_CLAIM)
    return _classify(sentence, raw, toks)


class _Clause:
    """Scope state of one clause: the hedge, negation and irrealis trigger that govern it."""

    __slots__ = ("hedge", "irr", "neg", "rel")

    def __init__(self, rel: bool = False) -> None:
        self.rel = rel  # a relative clause ("..., which causes pain"): background, not the claim
        self.hedge: int | None = None
        self.neg: int | None = None
        self.irr: int | None = None


def _conditional(
    s: str, cue: tuple[int, int] | None, hedge: tuple[int, int] | None, att: tuple[int, int] | None
) -> ClaimStrength:
    return ClaimStrength(
        "conditional_causal",
        cue,
        hedge,
        f"'{_quote(s, cue)}' states cause and effect but '{_quote(s, hedge)}' hedges it",
        attributed=att,
    )


def _classify(s: str, raw: list[str], toks: list[str]) -> ClaimStrength:
    n = len(toks)
    tail = s.rstrip(" \t\r\n\"'\u201d\u2019)")
    if tail.endswith("?") or (toks[0] in _QUESTION_START and "?" in toks):
        return ClaimStrength("no_relationship", None, None, "a question asserts no relationship")
    if toks[0] in _WH_HEADING and not tail.endswith((".", "!")):
        # "How X Affects Y" as a heading: an embedded question announcing a topic, not a finding.
        return ClaimStrength("no_relationship", None, None, "a 'how/why' heading announces a topic")
    headline: bool | None = None  # computed on first need

    direct: list[int] = []
    rel_direct: list[int] = []
    hedged: list[tuple[int, int]] = []
    negated: list[tuple[int, int]] = []
    assoc: list[tuple[int, int | None]] = []
    weak: list[tuple[int, int | None]] = []
    attributed: int | None = None

    main = _Clause()
    sub: _Clause | None = None  # subordinate clause open until the next comma

    for i in [j for j, w in enumerate(toks) if w in _INTERESTING]:
        t = toks[i]
        prev = toks[i - 1] if i else ""
        nxt = toks[i + 1] if i + 1 < n else ""
        cl = sub if sub is not None else main

        if t in _TERMINATORS:
            main = _Clause()
            sub = _Clause() if t in _SUBORD else None
            continue
        if t == ",":
            sub = None
            continue
        if t in _SUBORD and (prev == "," or i == 0 or t in {"which", "who", "whom", "whose"}):
            sub = _Clause(t in _RELATIVE)
            if t in _IRREALIS:
                sub.irr = i
            continue

        if t in _HEDGE:
            ok = True
            if t == "likely" and prev in {"more", "less", "as", "most", "least", "times", "fold", "likely"}:
                ok = False
            elif (
                t in _HEDGE_NEEDS_TO
                and nxt != "to"
                and nxt not in _HEDGEABLE_ADJ
                and nxt not in {"that", "be"}
            ):
                ok = t.startswith(("appear", "seem")) and (nxt in _ADJ_MODIFIERS or nxt.endswith("ly"))
            elif t in {"indicated", "suggested", "thought", "expected"} and prev in _BE | {"as"}:
                ok = t != "indicated"
            if ok:
                cl.hedge = i
                continue
        if t in _REPORT and attributed is None and (t != "according" or nxt == "to"):
            attributed = i
        if t in _NEG:
            ok = True
            if (
                (t == "no" and (nxt in {"longer", "doubt", "matter"} or raw[i] == "NO"))
                or (t in {"failed", "fails", "fail", "unable"} and nxt != "to")
                or (t == "without" and nxt not in _NEG_NOUNS and toks[i + 2 : i + 3] != ["effect"])
                or (
                    t in {"lack", "lacked", "lacks"}
                    and (nxt != "of" or toks[i + 2 : i + 3] == [] or toks[i + 2] not in _NEG_NOUNS)
                )
                # "fibre and not fat lowers ...", "not only reduces ... but also"
                or (
                    t == "not"
                    and (prev in {"and", "or", "but"} or nxt in {"only", "just", "merely", "solely"})
                )
            ):
                ok = False
            if ok:
                cl.neg = i
                continue
        if t in _IRREALIS:
            if t == "if" and prev in {"even", "as"}:
                pass
            else:
                cl.irr = i
            continue

        neg = cl.neg if cl.neg is not None and i - cl.neg <= 6 else None
        hedge = cl.hedge
        irr = cl.irr

        # ---- association cues
        if t in _ASSOC_STRONG:
            if t in _ASSOC_NEEDS_PREP and nxt not in _ASSOC_NEEDS_PREP[t]:
                continue
            if irr is None:
                assoc.append((i, hedge))
            continue
        if (
            (t == "likely" and prev in {"more", "less", "times", "as", "fold"})
            or (t == "prone" and nxt == "to")
            or (t == "risk" and prev == "at")
            or (t in {"factor", "factors"} and prev == "risk")
        ):
            if irr is None:
                assoc.append((i, hedge))
            continue

        if t in _CUE_CANDIDATES:
            w = raw[i]
            if i and headline is None and (w[0].isupper() or w.isupper()):
                words = [w for w in raw if w[0].isalpha()]
                headline = sum(1 for w in words if w[0].isupper()) * 2 > len(words) >= 3
            kind = _cue_at(toks, raw, i, bool(headline))
        else:
            kind = 0
        if t in _RISK_NOUNS and irr is None:
            if any(toks[j] in _RISK_MODS and toks[j - 1] != "to" for j in range(max(1, i - 3), i)):
                weak.append((i, hedge))  # "at heightened risk of", "a twofold higher rate"
            continue
        if t == "times" and nxt in _TIMES_NEXT and irr is None:
            weak.append((i, hedge))
            continue
        if kind == 0:
            if (t in _COMPARATIVE or t in _COMPARATIVE_ER) and irr is None and prev != "to":
                if nxt == "than":
                    pass  # a quantity: "more than 40%"
                elif (t not in _COMPARATIVE_NEEDS_THAN and t not in _COMPARATIVE_ER) or "than" in toks[
                    i + 2 : i + 8
                ]:
                    weak.append((i, hedge))
            elif (
                t in _VERB_FORMS
                and nxt == "with"
                and t.startswith(
                    ("increas", "decreas", "declin", "improv", "worsen", "rise", "rose", "fell", "fall")
                )
            ):
                weak.append((i, hedge))  # "risk increases with age": co-variation
            continue
        if prev in _MODAL_HEDGE:
            hedge = i - 1
        elif kind == 2 and hedge is None:
            continue  # hedged-only verbs ("may explain") carry no unhedged claim
        if irr is not None:
            pass
        elif neg is not None:
            negated.append((i, neg))
        elif hedge is not None:
            hedged.append((i, hedge))
        elif cl.rel or prev == "that" or (t.endswith("ing") and prev == ","):
            rel_direct.append(i)  # background or participle: counts only if nothing else does
        else:
            direct.append(i)

    spans: list[Span] = []

    def sp(k: int | None) -> Span | None:
        # Spans are found lazily, only up to the last token reported.  The tokens are the regex's
        # matches in order and the text between them holds no token character, so str.find from
        # the end of the previous token lands exactly on the next one.
        if k is None or k >= n:
            return None
        pos = spans[-1][1] if spans else 0
        for j in range(len(spans), k + 1):
            start = s.find(raw[j], pos)
            pos = start + len(raw[j])
            spans.append((start, pos))
        return spans[k]

    att = sp(attributed)
    if not direct and not hedged and not assoc and not weak:
        direct = rel_direct
    if direct:
        c = direct[0]
        late = None
        for j in range(direct[-1] + 1, n):
            if (
                toks[j] in {"suggests", "suggest", "suggested", "hints", "hint"}
                and (j + 1 >= n or toks[j + 1] not in {"that"})
                and "," in toks[direct[-1] : j]
            ):
                late = j
                break
        if late is None:
            cue = sp(c)
            return ClaimStrength(
                "direct_causal",
                cue,
                None,
                f"'{_quote(s, cue)}' states cause and effect with no hedge",
                attributed=att,
            )
        return _conditional(s, sp(c), sp(late), att)
    if hedged:
        return _conditional(s, sp(hedged[0][0]), sp(hedged[0][1]), att)
    if assoc or weak:
        c, h = (assoc or weak)[0]
        cue, hs = sp(c), sp(h)
        what = "an association" if assoc else "a comparison"
        extra = f" (and '{_quote(s, hs)}' hedges it)" if hs else ""
        return ClaimStrength(
            "correlational",
            cue,
            hs,
            f"'{_quote(s, cue)}' states {what}, not cause and effect{extra}",
            attributed=att,
        )
    if negated:
        cue, ng = sp(negated[0][0]), sp(negated[0][1])
        return ClaimStrength(
            "no_relationship",
            cue,
            None,
            f"'{_quote(s, cue)}' is negated by '{_quote(s, ng)}', so no effect is claimed",
            negated=ng,
            attributed=att,
        )
    return ClaimStrength("no_relationship", None, None, _NO_CLAIM, attributed=att)


def _skip_adverbs(toks: list[str], j: int) -> str:
    n = len(toks)
    while j < n and toks[j].endswith("ly") and toks[j] not in {"only", "early", "daily", "family", "fly"}:
        j += 1
    return toks[j] if j < n else ""


def _cue_at(toks: list[str], raw: list[str], i: int, headline: bool) -> int:
    """0: not a causal cue here; 1: causal cue; 2: cue that only counts when hedged."""
    t = toks[i]
    n = len(toks)
    prev = toks[i - 1] if i else ""
    prev2 = toks[i - 2] if i > 1 else ""
    nxt = toks[i + 1] if i + 1 < n else ""
    w = raw[i]
    if i and not headline and (w[0].isupper() or (len(w) > 1 and w.isupper())):
        return 0  # proper noun or acronym mid-sentence ("Block Hospital", "CURE trial")

    if t in _ROLE_ADJ:
        # "X is crucial for Y", "X proved instrumental in Y"
        if nxt not in {"for", "in", "to"}:
            return 0
        if i + 2 < n and toks[i + 2] in _RESEARCH_GERUNDS:
            return 0  # "trials are crucial for evaluating X": a need of research, not an effect

        for j in range(i - 1, max(-1, i - 4), -1):
            if toks[j] in _LINK:
                return 1 if toks[j - 1] not in _MODAL_HEDGE else 2
            if toks[j] in _PUNCT or toks[j] in _PREP:
                break
        return 0
    if t in _EFFICACY_ADJ or (
        t in _HEDGEABLE_ADJ
        and any(toks[j] in _BE and toks[j - 1] in _MODAL_HEDGE for j in range(max(1, i - 4), i))
    ):
        if t in {"superior"} and nxt != "to":
            return 0
        if t == "responsible" and nxt != "for":
            return 0
        # predicative use: "X is (a safe and) effective (treatment)", "X proved highly effective"
        j = i - 1
        while j >= 0 and i - j <= 6 and toks[j] not in _BE and toks[j] not in _LINK:
            if (toks[j] in _PREP and toks[j] not in {"and", "as"}) or (toks[j] in _PUNCT and toks[j] != ","):
                j = -1
                break
            j -= 1
        if j >= 0 and i - j <= 6 and toks[j] in _LINK:
            return 1 if t in _EFFICACY_ADJ else 2
        if (
            t in {"effective", "efficacious", "beneficial", "protective"}
            and nxt in {"in", "for", "against", "at", "among", "as"}
            and prev not in _DET
            and prev not in {"an", "a", "most", "least", "cost"}
        ):
            return 1  # headline style: "Gene therapy effective in haemophilia"
        return 0

    if (t == "role" and prev2 in {"play", "plays", "played", "playing"}) or (
        t == "role" and i > 2 and toks[i - 3] in {"play", "plays", "played", "playing"}
    ):
        return 1

    if t in _EFFECT_NOUNS:
        # "X has beneficial effects on Y", "the study shows a dramatic impact of X"
        kind = _effect_noun(toks, i)
        if kind is not None:
            return kind
        if t.startswith("benefit") and nxt == "from" and prev not in _DET and prev != "to":
            return 1
        if t not in _VERB_FORMS:
            return 0

    if t == "difference" and not {"make", "makes", "made", "making"}.isdisjoint(toks[max(0, i - 4) : i]):
        return 1  # "makes a real difference to recovery"
    if t in _CAUSE_NOUNS and (nxt in {"of", "to", "behind"} or (nxt == "for" and t == "reason")):
        # "X is a leading cause of Y", "X is the main driver of Y"
        for j in range(i - 1, max(-1, i - 6), -1):
            if toks[j] in _BE:
                return 1
            if toks[j] in _PUNCT:
                break
        return 0

    if t.startswith("help") and (toks[i + 2 : i + 3] and toks[i + 2] in _DIAGNOSTIC):
        return 0  # "helps doctors predict ..."
    if t.startswith("help") and (
        nxt in _DIAGNOSTIC or (nxt == "to" and toks[i + 2 : i + 3] and toks[i + 2] in _DIAGNOSTIC)
    ):
        return 0  # "helps diagnose sepsis": a diagnostic aid, not an effect on health
    form = _VERB_FORMS.get(t)
    hedged_only = False
    if form is None:
        form = _HEDGED_ONLY_VERBS.get(t)
        if form is None:
            return 0
        hedged_only = True
    ph = _PHRASAL.get(t)
    if ph is not None and nxt not in ph:
        return 0
    if (
        t in {"raise", "raises", "raised", "raising"}
        and nxt in _RAISE_NOT_CAUSAL
        and toks[i + 2 : i + 3] != ["risk"]
    ):
        return 0
    if t.startswith("treat") and prev in _BE:
        return 0
    if t in _DRIVE and nxt in _DRIVE_NOT_CAUSAL:
        return 0  # "you can drive yourself home": the car, not a cause
    obj = toks[i + 2] if nxt in _DET and i + 2 < n else nxt
    if t in {"raise", "raises", "raised", "raising"} and obj in {"lot", "lots", "number", "host", "range"}:
        return 0  # "raises a lot of questions", "raised a number of concerns"
    if obj in _NON_HEALTH_OBJ:
        return 0  # "improves our understanding", "raises awareness": about research, not health
    ok = _verb_use(toks, i, form, t, prev, prev2, nxt, ph is not None)
    if not ok:
        return 0
    return 2 if hedged_only else 1


def _effect_noun(toks: list[str], i: int) -> int | None:
    """An effect noun after its host verb: 1 for a claim of effect ("has beneficial effects on",
    "had little effect on", "showed no benefit"), 0 when the noun is not a claim here, None when
    the word may still be a verb ("did not influence")."""
    j = i - 1
    none = False  # "no", "little", "negligible": a claim that there is (almost) no effect
    while j >= 0 and i - j <= 4 and toks[j] not in _EFFECT_HOSTS:
        w = toks[j]
        if w in _NO_EFFECT:
            none = True
        elif none and w in _BE:
            return 1  # "there was no effect on"
        elif w in _EFFECT_BLOCK or w in _PUNCT:
            return None if toks[i] in _VERB_FORMS else 0
        j -= 1
    if j >= 0 and i - j <= 4:
        return 1
    return None if toks[i] in _VERB_FORMS else 0


def _verb_use(
    toks: list[str], i: int, form: str, t: str, prev: str, prev2: str, nxt: str, phrasal: bool
) -> bool:
    """Heuristic part-of-speech check: is this causal word the verb of a claim here?"""
    after = _skip_adverbs(toks, i + 1)
    transitive = (
        phrasal or t in _PREP_OK or (after not in _PREP and after not in _PUNCT and not after[:1].isdigit())
    )
    if form == "ing":
        # "is reducing pain"; ", leading to fewer relapses" continues the main claim
        return ((prev in _BE and prev2 != "of") or prev == ",") and transitive
    if form == "ed":
        if i == 0 or prev in _DET or prev in _NP_VERBS - _BE - _HAVE or prev in _QUANT:
            return False
        if prev.endswith("ly") and i > 1:
            pb = i - 1
            while pb > 0 and toks[pb].endswith("ly"):
                pb -= 1
            if (
                toks[pb] in _DET
                or toks[pb] in _PREP
                or toks[pb] in _QUANT
                or toks[pb] in _NP_VERBS - _BE - _HAVE
            ):
                return False  # "with significantly reduced risk", "a modestly increased risk"
        if prev in {"has", "have", "'ve"}:
            return transitive and (prev == "has" or nxt in _OBJ_START or nxt[:1].isdigit())
        if prev in _HAVE:
            return nxt in _OBJ_START or phrasal
        bi = i - 1
        while bi > 0 and (
            toks[bi].endswith("ly")
            or toks[bi]
            in {"also", "further", "not", "still", "then", "thus", "therefore", "even", "all", "much"}
        ):
            bi -= 1
        if toks[bi] in _BE:
            if phrasal:
                return False
            if nxt == "by":
                return _agent_follows(toks, i)
            return False
        if prev in _PREP or prev in _PUNCT:
            return prev in {",", "and"} and nxt in _OBJ_START and phrasal
        return transitive
    # base and 3sg forms
    if form == "s" and prev in {"and", "or"}:
        return transitive
    if prev in _DET or (prev in _PREP and prev != "to") or prev[:1].isdigit() or prev in _QUANT:
        return False
    if t in _NOUNISH and (nxt in _HEDGE or nxt in _BE or nxt in _MODAL_FIRM or nxt in _ASSOC_STRONG):
        return False
    if (
        t in _NOUNISH
        and nxt
        in {
            "in",
            "of",
            "from",
            "than",
            "is",
            "was",
            "are",
            "were",
            "has",
            "had",
            "for",
            "on",
            "and",
            "or",
            "",
        }
        and not phrasal
    ):
        return False
    if form == "base":
        if prev == "to":
            if prev2 == "likely" and i > 2 and toks[i - 3] in {"more", "less", "most", "least"}:
                return False  # "more likely to develop": a comparison of risk
            return prev2 in _TO_CLAIM
        if t == "lower":
            return (prev in _MODAL_HEDGE or prev in _LOWER_VERB_PREV or prev in _NEG) or (
                prev not in _BE
                and prev not in _HAVE
                and prev not in _NP_VERBS
                and not prev.endswith("ly")
                and nxt in _OBJ_START
            )
        if prev in _MODAL_HEDGE or prev in _MODAL_FIRM or prev in _NEG:
            return transitive or after[:1].isdigit()  # "could save 3 million lives"
        if i == 0 or prev in _BE or prev in _HAVE or prev in _NP_VERBS:
            return False
        return transitive
    # 3sg
    if i == 0:
        return False
    return transitive


_NOT_AGENT = frozenset({
    "about", "approximately", "around", "nearly", "almost", "half", "one", "two", "three",
    "up", "over", "more", "less", "as", "only", "roughly", "some", "at", "between", "the",
    "a", "an", "far", "much", "means", "itself", "themselves", "default", "chance", "contrast",
    "comparison", "design", "age", "sex", "gender", "year", "month", "week", "day",
})  # fmt: skip
_NOT_AGENT_AFTER_DET = frozenset(
    {
        "third",
        "quarter",
        "half",
        "fifth",
        "factor",
        "total",
        "mean",
        "median",
        "margin",
        "similar",
        "further",
        "same",
    }
)


def _agent_follows(toks: list[str], i: int) -> bool:
    """After "<participle> by": is the by-phrase an agent (a cause) rather than an amount?"""
    nx2 = toks[i + 2] if i + 2 < len(toks) else ""
    if not nx2 or nx2[:1].isdigit():
        return False
    if nx2 in {"a", "an", "the"}:
        nx3 = toks[i + 3] if i + 3 < len(toks) else ""
        return (
            bool(nx3) and not nx3[:1].isdigit() and nx3 not in _NOT_AGENT and nx3 not in _NOT_AGENT_AFTER_DET
        )
    return nx2 not in _NOT_AGENT
