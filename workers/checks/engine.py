"""The check engine: extracted text in, verdict out. Pure and deterministic."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace as _replace
from typing import cast

from .catalogue import SEVERITIES, Adequacy, Catalogue, ElementRule, OverclaimRule, load_catalogue
from .claims import ClaimStrength, classify_claim
from .model import Element, Evidence, Finding, Policy, Severity, Status, Verdict
from .rewrite import rewrite_sentence
from .scan import Doc, Feature
from .text import Sentences, fold

_DEFAULT_POLICY = Policy()
# Contribution of one finding to the overclaim score, and the most one category may add:
# many weak causal statements must not outweigh one "miracle cure".
_WEIGHT = {"high": 0.30, "medium": 0.12, "low": 0.04}
# Selling is capped like hype: calls to book and offers need an editor; reject is for cures,
# guarantees, safety promises and unapproved uses (DESIGN section 4).
_CATEGORY_CAP = {"causal_unhedged": 0.20, "hype": 0.45, "promotion": 0.45}
_DEFAULT_CAP = 0.70
_DENSITY_SENTENCES = 40
_QUOTE_LIMIT = 300
# A text this long that is still not about a treatment is about something else (a resin guide, club
# notes); a shorter one may be a snippet of a health article, so all its findings stand.
_HEALTH_FILTER_MIN_SENTENCES = 5
# Health words a text not about a treatment needs before its selling lines count as promotion.
_HEALTH_TEXT_MIN = 3
# A bulleted or numbered line; how far back its lead-in may be; how long a subheading may be.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022\u2013]|\d{1,2}[.)])[ \t]+")
_LIST_LOOKBACK_LINES = 30
_SUBHEADING_WORDS = 8
# A line of at least this many short parts split by "|" (or by runs of spaces, as scraped menus come)
# is a menu or share bar.
_CHROME_SPLIT = re.compile(r"\s*[|\u00b7\u2022]\s*|[ \t]{2,}|\s+[>\u203a\u00bb]\s+")
_CHROME_MIN_PARTS = 3
_CHROME_MAX_WORDS = 6
_FOOTER_MIN_PARTS = 4
# A list of links to other articles ("More in Health: ... | ...", "Related articles: ...").
_RELATED = re.compile(
    r"(?i)(?:more (?:in|from)|latest from|related(?: articles| stories| reading| coverage| pages)?|read (?:more|next)|most read|see also|you (?:may|might) also like)\b[^\n|]{0,40}[:|]"
)
# A scraped button: a few words in square brackets on a line of their own ("[ Book My Free Assessment ]").
_BUTTON = re.compile(r"\[\s*[^\]\n]{1,40}?\s*\]")
# A text this long about a treatment offered to patients claims or discloses something about it.
_SILENT_MIN_SENTENCES = 10
# Verbs through which a treatment can be said to bring about a harm, and how far after them to look.
_CAUSE_VERBS = ("caus", "lead", "led ", "trigger", "result", "provok", "induc")
_HARM_REACH = 40
# The first words of a passive's agent ("by [a single infusion]", "with [stem cell injections]").
_AGENT = re.compile(r"(?:[\w'-]+[ ,]+){0,2}[\w'-]+")
_MAX_EVIDENCE = 3
# Characters before an element match searched for its `unless_before` pattern.
_BEFORE_WINDOW = 60


def _lower(sev: str, steps: int) -> str:
    i = max(0, SEVERITIES.index(sev) - steps)
    return SEVERITIES[i]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _window(text: str, s: int, e: int, ms: int, me: int) -> tuple[int, int]:
    """A quote around [ms, me) inside sentence [s, e), at most about _QUOTE_LIMIT characters."""
    if e - s > _QUOTE_LIMIT:
        lo = max(s, ms - 120)
        hi = min(e, max(me, ms) + 180)
        if lo > s:
            sp = text.find(" ", lo, ms)
            lo = sp + 1 if sp != -1 else lo
        if hi < e:
            sp = text.rfind(" ", me, hi)
            hi = sp if sp != -1 else hi
        s, e = lo, hi
    return _trim(text, s, e)


# A causal verb right after one of these is a noun ("common causes", "the benefits", "a cut").
_NOUN_WORDS = (
    "the a an its their his her our your my possible potential underlying of such many other no any some several "
    "various known real true significant important health side long-term short-term to for need needed ways way "
    "aim aims order"
)
_NOUN_BEFORE = frozenset(_NOUN_WORDS.split())
# A word after these is a noun ("many causes", "several effects"), whatever the claim classifier reads.
_QUANTIFIERS = frozenset(
    ["many", "several", "other", "possible", "potential", "underlying", "known", "various", "main", "common"]
)
# A participle after these is an adjective ("a reduced risk", "with improved outcomes") and a gerund after
# a preposition is not an assertion ("explore their role in enhancing").
_ADJ_BEFORE = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "with",
        "of",
        "in",
        "for",
        "by",
        "to",
        "from",
        "at",
        "on",
        "as",
        "than",
        "its",
        "their",
        "your",
        "our",
    ]
)
_PREP_BEFORE = frozenset(
    [
        "in",
        "of",
        "for",
        "by",
        "at",
        "on",
        "from",
        "without",
        "about",
        "towards",
        "toward",
        "to",
        "into",
        "while",
        "when",
    ]
)
# "patients had increased levels", "showed reduced activity": the participle describes, it does not assert.
_SHOW_VERBS = frozenset(
    [
        "had",
        "having",
        "showed",
        "show",
        "shows",
        "shown",
        "exhibited",
        "exhibit",
        "exhibits",
        "displayed",
        "display",
        "experienced",
        "observed",
        "found",
        "reported",
        "higher",
        "greater",
    ]
)
# Causal verbs that are also adjectives, and the words after which they are adjectives.
_ADJ_HOMOGRAPHS = frozenset({"slow", "low", "lower"})
_LINKING = frozenset(
    [
        "feel",
        "feels",
        "felt",
        "seem",
        "seems",
        "seemed",
        "look",
        "looks",
        "looked",
        "remain",
        "remains",
        "remained",
        "sound",
        "sounds",
        "become",
        "becomes",
        "became",
        "get",
        "gets",
        "got",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "too",
        "so",
        "very",
        "rather",
        "quite",
    ]
)
# The last word before a match: what ``([a-z][a-z'-]*)[^a-z]*$`` finds in the 30 characters before it, read
# backwards from the match, so re does one anchored match instead of trying every start position.
_PREV_WORD_REVERSED = re.compile(r"[^a-z]*?([a-z'-]*[a-z])")


def _prev_word(low: str, lo: int, hi: int) -> str | None:
    m = _PREV_WORD_REVERSED.match(low[lo:hi][::-1])
    return m.group(1)[::-1] if m else None


_NOUN_AFTER = (
    " cells",
    " kit",
    " kits",
    " mechanism",
    " mechanisms",
    " process",
    " processes",
    " crew",
    " bill",
    " costs",
)


# Causal verbs that are also nouns. A transitive verb is followed by its object, so one of these
# followed by punctuation or by "to"/"of"/"in" is the noun: "optic nerve damage, glaucoma",
# "bone and nerve repair.", "damage to a nearby nerve", "an increase in pain".
_NOUN_HOMOGRAPHS = frozenset(
    [
        "damage",
        "damages",
        "repair",
        "repairs",
        "harm",
        "harms",
        "benefit",
        "benefits",
        "cut",
        "cuts",
        "increase",
        "increases",
        "decrease",
        "decreases",
        "boost",
        "boosts",
        "block",
        "blocks",
        "delay",
        "delays",
        "halt",
        "cure",
        "cures",
        "fix",
        "fixes",
        "lift",
        "lifts",
        "spur",
        "fuel",
        "rescue",
        "relief",
        "influence",
        "impact",
        "impacts",
        "effect",
        "effects",
    ]
)
_PUNCT_AFTER = re.compile(r"\s*[,.;:)!?]|\s*$")
_NOUN_FOLLOWERS = re.compile(r"\s*[,.;:)!?]|\s*$| (?:to|of|in|from) ")


_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"])
_HAVE = frozenset(["have", "has", "had"])
# What established care does not do: "exercise eases pain" states the evidence, "exercise rebuilds
# cartilage" does not.
_STRONG_VERBS = ("rebuil", "regrow", "regenerat", "repair", "revers", "restor", "cure", "heal", "renew")
# "X can cause infection" and "X has caused blindness" disclose a risk; "X causes depression" claims.
_RISK_MODALS = frozenset(
    [
        "can",
        "may",
        "might",
        "could",
        "sometimes",
        "occasionally",
        "rarely",
        "have",
        "has",
        "had",
        "also",
        "still",
    ]
)
# A sentence about the risks of something ("Risks of the procedure include bleeding, nerve damage ...").
_RISK_TALK = re.compile(r"\b(?:risks?|side[- ]effects?|complications?|adverse)\b")
# How far after a causal verb the health outcome of outcome_claims may start.
_OUTCOME_REACH = 60
_DISEASE_OR_TRIAL = re.compile(
    r"\b(?:disease|condition|syndrome|disorder|illness|infection|virus)\b|\bin (?:the|a|an|this|their) (?:[\w-]+ ){0,3}(?:trial|study)\b"
)
_DISEASE_SUBJECTS = frozenset(
    [
        "disease",
        "condition",
        "illness",
        "virus",
        "infection",
        "injury",
        "disorder",
        "syndrome",
        "cancer",
        "tumour",
        "tumor",
    ]
)
_ADMIN_VERBS = ("regulat", "licens", "licenc", "approv", "authoris", "authoriz")
_PEOPLE = re.compile(
    r" (?:patients|people|clients|customers|children|adults|athletes|them|thousands|hundreds)\b"
)
# Harms too general for the element ("serious harm") that still make "X caused ..." a disclosure.
_HARM_NOUNS = re.compile(r"\b(?:harm|damage|injur(?:y|ies)|tenderness|discomfort|irritation)\b")
# Verbs whose effect is a harm: with a treatment as subject the sentence discloses a risk.
_HARM_VERBS = ("damag", "harm", "hurt", "weaken", "wors", "impair", "exacerbat", "complicat")


# After a harm word: the harm is absent ("pain-free knees", "a scar-less incision").
_ABSENT_AFTER = ("-free", " free", "-less")


def _harm_after(harm: re.Pattern[str], low: str, me: int) -> bool:
    """Is a harm named within reach after a cause verb? Not one that is absent ("pain-free knees")."""
    return any(not low.startswith(_ABSENT_AFTER, m.end()) for m in harm.finditer(low, me, me + _HARM_REACH))


_WORD = re.compile(r"[A-Za-z][\w'-]*")
_STREET_NUMBER = re.compile(r"\b\d+[a-z]? (?:[A-Z][a-z]+ ){1,3}$")


def _in_name(text: str, ss: int, se: int, ms: int) -> bool:
    """Is the capitalised word at ``ms`` part of a name ("2200 Mill Race Drive", "Block Hospital"): a
    capitalised word before it, in a sentence that is not a title-case headline?"""
    if not text[ms : ms + 1].isupper() or ms == ss:
        return False
    before = _WORD.findall(text, max(ss, ms - 40), ms)
    if not before or not before[-1][0].isupper():
        return False
    if _STREET_NUMBER.search(text, max(ss, ms - 30), ms):
        return True  # "2200 Mill Race Drive"
    words = _WORD.findall(text, ss, se)
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised * 2 < len(words)


_QUOTED_SPAN = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d')
_LIST_GLUE = frozenset(["or", "and", "nor", "such", "as", "like", "e", "g", "eg"])


def _quote_list(text: str, ss: int, se: int, ms: int, me: int) -> bool:
    """Is the sentence a list of quoted phrases ('- "no side effects", "100% safe" or "risk-free"'),
    the match among them? Such a line names words to avoid or that were used; it does not use them."""
    spans = [(m.start(), m.end()) for m in _QUOTED_SPAN.finditer(text, ss, se)]
    if len(spans) < 2 or not any(a <= ms and me <= b for a, b in spans):
        return False
    rest, last = [], ss
    for a, b in spans:
        rest.append(text[last:a])
        last = b
    rest.append(text[last:se])
    words = [w for w in _WORD.findall(" ".join(rest)) if w.lower() not in _LIST_GLUE]
    return len(words) <= 2


def _passive(low: str, ss: int, ms: int) -> bool:
    """Is the participle at ``ms`` passive: after a form of "be", perhaps with an adverb between?"""
    prev = _prev_word(low, max(ss, ms - 30), ms)
    if prev is not None and prev.endswith("ly"):
        at = low.rfind(prev, max(ss, ms - 30), ms)
        prev = _prev_word(low, max(ss, at - 30), at)
    return prev in _BE


def _only_within(
    low: str, start: int, end: int, features: tuple[Feature, ...], within: re.Pattern[str]
) -> bool:
    """Does ``within`` match in [start, end) and cover every match of ``features`` there?"""
    covers = [(m.start(), m.end()) for m in within.finditer(low, start, end)]
    if not covers:
        return False
    for f in features:
        for m in f.regex.finditer(low, start, end):
            if any(a <= m.start() and m.end() <= b for a, b in covers):
                continue
            # "regular injections of anti-VEGF drugs": the form of an established medicine.
            if low.startswith(" of ", m.end()) and within.match(low, m.end() + 4):
                continue
            return False
    return True


def _noun_use(low: str, ss: int, ms: int, me: int) -> bool:
    word = low[ms:me]
    if word in _NOUN_HOMOGRAPHS and _NOUN_FOLLOWERS.match(low, me):
        return True
    # "common and treatable causes." is a noun; "the main cause of" stays a causal claim.
    if word in ("cause", "causes") and _PUNCT_AFTER.match(low, me):
        return True
    prev = _prev_word(low, max(ss, ms - 30), ms)
    if prev is None:
        return False
    # "double-blind", "cost-effective": part of a compound, not a verb.
    if (ms and low[ms - 1] == "-") or low[me : me + 1] == "-":
        return True
    if " " in word:
        return False  # multi-word patterns ("effect of X on", "leads to") carry their own syntax
    if prev in _NOUN_BEFORE or prev.endswith("'s"):
        return True
    # "the common causes of joint pain are ...": a noun; but "the most common cause of X" names a cause.
    if prev in _QUANTIFIERS and not low.startswith(" of ", me):
        return True
    # "the body's master repair cells", "a repair kit": the verb form modifies the noun after it.
    if low.startswith(_NOUN_AFTER, me):
        return True
    if word in _ADJ_HOMOGRAPHS:
        if prev.endswith("ly"):  # "feel painfully slow" but not "dramatically slow arthritis"
            at = low.rfind(prev, max(ss, ms - 30), ms)
            prev = _prev_word(low, max(ss, at - 30), at) or ""
        if prev in _LINKING:
            return True  # "progress can feel slow": an adjective
    if word.endswith("ed") and (prev in _ADJ_BEFORE or prev in _SHOW_VERBS):
        return True
    return word.endswith("ing") and (prev in _PREP_BEFORE or prev in _ADJ_BEFORE)


# Straight single quotes used as quotation marks: opening after a space or bracket, closing before a
# space or punctuation, so "the clinic's" never counts.
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[]))'(?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.!?,])'(?=[\s.,;:!?)\]]|$)")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|we're|we've)\b")
_INVESTIGATORS = re.compile(
    r" (?:[\w-]+ )?(?:reporters?|researchers|investigators?|volunteers|callers|journalists|mystery shoppers|"
    r"undercover (?:reporters?|researchers|shoppers))\b"
)


def _own_voice(text: str, low: str, ss: int, se: int, attributions: list[tuple[int, int]]) -> bool:
    """The sentence relays speech in the publisher's own first person ("our patients tell us ..."):
    a first-person word outside any quotation, before the reporting word. Not a quoted speaker's
    words ('"Our patients do well," he said'), and not a journalist's "we" after the report ("the
    clinic says ..., but the families we spoke to ...")."""
    first_report = min((a for a, _ in attributions), default=se)
    return any(
        m.start() < first_report
        and not _quoted(text, ss, se, m.start(), m.end())
        # "our reporters", "our volunteers": investigators reporting what others said or did.
        and not _INVESTIGATORS.match(low, m.end())
        for m in _FIRST_PERSON.finditer(low, ss, se)
    )


_SOURCE_TAG = re.compile(
    r",\s+(?:[a-z-]+\s+){0,3}(?:study|trial|research|scientists|researchers|doctors|experts|team|survey|review|"
    r"analysis)\s+(?:finds|find|found|says|say|shows|show|reveals|reveal|concludes)\s*[.!]?[\"'\u201d\u2019]?\s*$"
)


def _direct_speech(text: str, ss: int, ms: int) -> bool:
    """The sentence opens with the quotation that holds the match: a speaker's own words relayed
    whole ('"Nine in ten of our patients improve," he says'), not a phrase quoted inside a report."""
    head = text[ss:ms].lstrip()
    return bool(head) and head[0] in '"\u201c' and head.count(head[0]) == 1 and "\u201d" not in head


def _quoted(text: str, ss: int, se: int, ms: int, me: int) -> bool:
    """The match [ms, me) lies inside quotation marks within its sentence [ss, se): double quotes,
    curly quotes, or single quotes that open after a space and close before one (not apostrophes)."""
    before = text[ss:ms]
    if before.count('"') % 2 == 1:
        return '"' in text[me:se]
    for opening, closing in (("\u201c", "\u201d"), ("\u2018", "\u2019")):
        opened = before.rfind(opening)
        if opened != -1 and before.rfind(closing) < opened and closing in text[me:se]:
            return True
    opens = sum(1 for m in _SINGLE_OPEN.finditer(text, ss, se) if m.start() < ms)
    closes = sum(1 for m in _SINGLE_CLOSE.finditer(text, ss, se) if m.start() < ms)
    return opens > closes and any(m.start() >= me for m in _SINGLE_CLOSE.finditer(text, me, se))


def _warned_items(text: str, low: str, lead: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Spans of the items after each warning lead-in line: bulleted lines, or lines that go on in lower
    case ("says its product is natural and therefore safe;"), blank lines between them allowed."""
    if lead is None or ":" not in low:
        return []
    out: list[tuple[int, int]] = []
    pos, n, in_list = 0, len(low), False
    while pos < n:
        end = low.find("\n", pos)
        end = n if end == -1 else end
        stripped = text[pos:end].strip()
        if in_list and stripped:
            first = stripped[0]
            if _LIST_ITEM.match(text, pos) or first.islower():
                out.append((pos, end))
            else:
                in_list = False
        if stripped.endswith(":") and not in_list and lead.search(low, pos, end):
            in_list = True
        pos = end + 1
    return out


def _minimised(spans: list[tuple[int, int]], ss: int, ms: int, me: int) -> bool:
    """A minimising phrase ("no side effects") starts in this sentence before the match ends and ends
    at most 40 characters before the match starts."""
    i = bisect.bisect_left(spans, (ss, -1))
    while i < len(spans) and spans[i][0] < me:
        if ms - spans[i][1] < 40:
            return True
        i += 1
    return False


class _Run:
    """State for one check() call."""

    def __init__(self, text: str, cat: Catalogue) -> None:
        self.text = text
        self.low = fold(text)
        self.cat = cat
        self.doc = Doc(self.low, cat.plan)
        self.sents = Sentences(text, self.low, cat.lexicon, self.doc)
        self._claims: dict[int, ClaimStrength] = {}
        self._documents: dict[str, bool] = {}
        self._approved_document: list[bool | None] = [None, None]  # any approved use, curative only
        self._uses: list[re.Pattern[str]] | None = None
        self._warned_spans: list[tuple[int, int]] | None = None
        self._chrome: dict[int, bool] = {}
        self._chrome_marks = any(
            c in text for c in ("|", "  ", "\u00b7", "\u2022", "[", " > ", "\u203a", "\u00bb")
        )

    # ---------------------------------------------------------------- overclaim
    def findings(self) -> list[Finding]:
        out: list[Finding] = []
        for rule in self.cat.rules:
            out.extend(self._rule_findings(rule))
        if self._chrome_marks:
            chrome = {i for i in {self.sents.index_of(f.start) for f in out} if self._chrome_sentence(i)}
            out = [f for f in out if self.sents.index_of(f.start) not in chrome]
        out.sort(key=lambda f: (f.start, f.end, f.rule))
        return out

    def _chrome_sentence(self, i: int) -> bool:
        """_page_chrome, decided once per sentence (elements ask about the same sentences often); a
        text with none of the separators a menu needs has none."""
        if not self._chrome_marks:
            return False
        got = self._chrome.get(i)
        if got is None:
            got = self._chrome[i] = self._page_chrome(i)
        return got

    def _page_chrome(self, i: int) -> bool:
        """Is sentence ``i`` a scraped menu or share bar ("Home | Treatments | Book Now", "Home   Services
        Book Now")? Its words are links, not claims the article makes."""
        ss, se = self.sents.span(i)
        line = self.text[ss:se].strip()
        if _BUTTON.fullmatch(line) or _RELATED.match(line):
            return True
        parts = _CHROME_SPLIT.split(line)
        if len(parts) < _CHROME_MIN_PARTS:
            return False
        long_parts = sum(1 for p in parts if len(p.split()) > _CHROME_MAX_WORDS)
        # A footer may carry one longer part (an address) among its links.
        return long_parts == 0 or (
            len(parts) >= _FOOTER_MIN_PARTS and long_parts == 1 and not line.endswith(".")
        )

    def _claim(self, i: int) -> ClaimStrength:
        """Claim strength of sentence ``i``, classified once per check."""
        claim = self._claims.get(i)
        if claim is None:
            ss, se = self.sents.span(i)
            claim = self._claims[i] = classify_claim(self.text[ss:se])
        return claim

    def _sentence_ok(self, rule: OverclaimRule, i: int, cache: dict[int, bool]) -> bool:
        """The rule's sentence-level conditions (requires / unless), decided once per sentence."""
        ok = cache.get(i)
        if ok is None:
            ss, se = self.sents.span(i)
            doc = self.doc
            ok = (
                (
                    all(doc.any_in(req, ss, se) for req in rule.requires)
                    or self._listed(rule, ss)
                    or self._page_outcome(rule, ss, se)
                )
                and (rule.unless is None or not doc.any_in(rule.unless, ss, se))
                and (
                    rule.unless_article is None
                    or not doc.any_in(rule.unless_article, ss, se)
                    or (
                        rule.unless_article_except is not None
                        and doc.any_in(rule.unless_article_except, ss, se)
                    )
                )
            )
            cache[i] = ok
        return ok

    def _page_outcome(self, rule: OverclaimRule, ss: int, se: int) -> bool:
        """Does the sentence claim an outcome (see requires_page_outcome) on a page that names the
        first ``requires`` feature often enough?"""
        outcome = rule.requires_page_outcome
        if outcome is None or not rule.requires or outcome.search(self.low, ss, se) is None:
            return False
        return self._named_often(rule)

    def _named_often(self, rule: OverclaimRule) -> bool:
        return self._at_least(rule.requires[0], rule.requires_document_min)

    def _at_least(self, feature: Feature, n: int) -> bool:
        """Does the text match ``feature`` at least ``n`` times? Stops counting at ``n``."""
        return n <= 0 or any(k >= n for k, _ in enumerate(self.doc.iter_spans(feature), 1))

    def _listed(self, rule: OverclaimRule, ss: int) -> bool:
        """Is the sentence at ``ss`` an item of a list the page introduces as what it treats (see
        OverclaimRule.requires_list_heading)?"""
        heading = rule.requires_list_heading
        if heading is None or not rule.requires:
            return False
        low = self.low
        line = low.rfind("\n", 0, ss) + 1
        if not _LIST_ITEM.match(low, line):
            return False
        # Back over the list, blank lines and short subheadings to the lead-in.
        start = line
        for _ in range(_LIST_LOOKBACK_LINES):
            if start == 0:
                break
            prev = low.rfind("\n", 0, start - 1) + 1
            text = low[prev : start - 1]
            start = prev
            if not text.strip() or _LIST_ITEM.match(text):
                continue
            if heading.search(text):
                break
            if len(text.split()) > _SUBHEADING_WORDS:
                return False
        else:
            return False
        if not heading.search(low, start, line):
            return False
        return self._named_often(rule)

    def _dropped(self, rule: OverclaimRule, i: int, drops: frozenset[str]) -> bool:
        """Would _finding drop any match in sentence i, whatever its position? (``drops``: the flags
        the rule drops on.) Asked before the costlier sentence conditions and the claim classifier."""
        return bool(drops) and not drops.isdisjoint(
            self.sents.sentence_flags(i, rule.hedge_scope == "sentence")
        )

    def _sentences_meeting(self, rule: OverclaimRule) -> list[int]:
        """Sentences holding every ``requires`` feature, found from the features' matches
        rather than by testing each sentence."""
        if not rule.requires:
            return list(range(len(self.sents.spans)))
        sets = [{self.sents.index_of(ms) for ms, _ in self.doc.spans(req)} for req in rule.requires]
        return sorted(set.intersection(*sets))

    def _rule_findings(self, rule: OverclaimRule) -> list[Finding]:
        low, sents = self.low, self.sents
        found: list[Finding] = []
        seen_sentences: set[int] = set()
        sentence_ok: dict[int, bool] = {}
        causal = rule.category == "causal_unhedged"
        drops = frozenset(f for f, action in rule.context.items() if action == "drop")
        for ms, me in self.doc.spans(rule.pattern):
            i = sents.index_of(ms)
            ss, _ = sents.span(i)
            if rule.span == "sentence" and i in seen_sentences:
                continue
            if rule.noun_guard and (
                _noun_use(low, ss, ms, me) or _in_name(self.text, ss, sents.span(i)[1], ms)
            ):
                continue
            if self._dropped(rule, i, drops) or not self._sentence_ok(rule, i, sentence_ok):
                continue
            # The claim classifier reads the whole clause structure: when it finds the causal
            # statement hedged ("may reduce") or merely associational, the keyword hit is not a claim.
            if causal and self._claim(i).label in ("conditional_causal", "correlational"):
                continue
            if causal and not self._treatment_acts(rule, ss, ms, me):
                continue
            if self._excused_by_document(rule, ms, me):
                continue
            if rule.unless_approved_document and self.approved_document(rule.approved_curative_only):
                continue
            if (
                rule.approved_mechanism is not None
                and rule.approved_mechanism.fullmatch(low, ms, me)
                and self.approved_document()
            ):
                continue
            if (
                rule.needs_health is not None
                # A long text is covered by check(): about a treatment, the words are medical; if not,
                # health_findings keeps only sentences with a health word anyway.
                and len(sents.spans) < _HEALTH_FILTER_MIN_SENTENCES
                and rule.needs_health.search(low, ms, me)
                and self.cat.health.search(low, ss, sents.span(i)[1]) is None
            ):
                continue
            finding = self._finding(rule, i, ms, me)
            if finding is not None:
                found.append(finding)
                if rule.span == "sentence":
                    seen_sentences.add(i)
        if causal:
            # Recall: sentences the classifier reads as a direct causal claim whose verb the
            # rule's word list does not know ("X slashes Y" forms, idioms), same conditions.
            # The classifier goes first here: it turns most of these sentences down and costs about
            # as much as the two unless searches. The keyword loop above keeps its order: until
            # _sentences_meeting caches the requires matches, any_in answers from candidates, so the
            # conditions of the sentences decided there must be decided at the same point as before.
            for i in self._sentences_meeting(rule):
                if i in seen_sentences or self._dropped(rule, i, drops):
                    continue
                claim = self._claim(i)
                if claim.label != "direct_causal" or claim.cue is None:
                    continue
                if not self._sentence_ok(rule, i, sentence_ok):
                    continue
                ss, _ = sents.span(i)
                cs, ce = ss + claim.cue[0], ss + claim.cue[1]
                if low.startswith(_NOUN_AFTER, ce) or _prev_word(low, max(ss, cs - 30), cs) in _QUANTIFIERS:
                    continue  # "the body's master repair cells", "hair loss has many causes"
                if not self._treatment_acts(rule, ss, cs, ce):
                    continue
                if rule.unless_approved_document and self.approved_document(rule.approved_curative_only):
                    continue
                finding = self._finding(rule, i, ss + claim.cue[0], ss + claim.cue[1])
                if finding is not None:
                    found.append(finding)
        return found

    def approved_document(self, curative_only: bool = False) -> bool:
        """Is the whole text about an approved therapy for its approved use? Then "the transplant
        replaces the failing marrow" or "a transplant can cure the disease" state standard care.
        ``curative_only`` leaves out approved uses that control rather than cure (aHSCT for MS)."""
        key = 1 if curative_only else 0
        got = self._approved_document[key]
        if got is None:
            cat = self.cat
            got = self._approved_document[key] = self._at_least(
                cat.approved, cat.approved_mentions
            ) and not any(self._offered(ms, me, curative_only) for ms, me in self.doc.spans(cat.unapproved))
        return got

    def _offered(self, pos: int, end: int, curative_only: bool = False) -> bool:
        """Does the unapproved condition at [pos, end) stand in a sentence without a caveat or harm,
        and is it not an approved use of a therapy the document names?"""
        low = self.low
        if not curative_only and any(c.fullmatch(low, pos, end) for c in self._approved_uses()):
            return False
        caveat = self.cat.approved_caveat
        if caveat is None:
            return True
        ss, se = self.sents.span(self.sents.index_of(pos))
        return caveat.search(low, ss, se) is None

    def _approved_uses(self) -> list[re.Pattern[str]]:
        """The conditions that are approved uses of a therapy this document names (approved_for)."""
        if self._uses is None:
            self._uses = [c for therapy, c in self.cat.approved_for if therapy.search(self.low)]
        return self._uses

    def _excused_by_document(self, rule: OverclaimRule, ms: int, me: int) -> bool:
        if rule.unless_document is None or rule.unless_document_match is None:
            return False
        if rule.unless_document_match.fullmatch(self.low, ms, me) is None:
            return False
        cited = self._documents.get(rule.id)
        if cited is None:
            cited = self._documents[rule.id] = rule.unless_document.search(self.low) is not None
        return cited

    def _treatment_acts(self, rule: OverclaimRule, ss: int, ms: int, me: int) -> bool:
        """In an article, a causal claim is about a treatment when the treatment comes before the
        verb (its subject: "stem cells repair cartilage") or after it as the agent of a passive
        ("pain was reduced by the injections").  "The immune system destroys these cells" and
        "arthritis affects millions" describe a disease, not a treatment's effect."""
        low = self.low
        if not rule.requires:
            return rule.outcome_after is None or self._outcome_acts(rule, rule.outcome_after, ss, ms, me)
        # Regulating or licensing a treatment, and treating people ("clinics that treat patients
        # abroad"), say what someone does, not what the treatment does.
        if low.startswith(_ADMIN_VERBS, ms) or (low.startswith("treat", ms) and _PEOPLE.match(low, me)):
            return False
        # "the nerve cells the disease destroys": the disease acts, not the treatment.
        if _prev_word(low, max(ss, ms - 30), ms) in _DISEASE_SUBJECTS:
            return False
        passive = low.startswith(" by ", me) and _passive(low, ss, ms)
        if not passive and all(self.doc.any_in(req, ss, ms) for req in rule.requires):
            # ... unless what it causes is a harm: "radiotherapy causes infertility" and "an injection
            # can damage a nearby nerve" are disclosures,
            if self._discloses_harm(rule, ss, ms, me):
                return False
            # ... or the treatments before the verb are all established care ("anti-VEGF injections can
            # slow sight loss", "physiotherapy helps"): the evidence carries those statements.
            return not self._established(rule, ss, ms, only=True)
        # The agent of a passive names the treatment within its first few words ("was reduced by the
        # injections"); "is caused by the loss of brain cells", "cells destroyed by the immune system"
        # and "medicines are regulated by the MHRA" do not.
        if not self.low.startswith((" by ", " with "), me):
            return False
        agent = _AGENT.match(self.low, me + 4)
        return agent is not None and all(self.doc.any_in(req, me, agent.end()) for req in rule.requires)

    def _outcome_acts(self, rule: OverclaimRule, outcome: re.Pattern[str], ss: int, ms: int, me: int) -> bool:
        """A claim in a text not about a treatment (outcome_claims) is about the health outcome that
        follows its verb ("causes depression"). Not a passive ("affected by the disease"), a harm
        disclosed ("can cause infection"), talk of risks, established care, background about a disease
        ("the common causes of joint pain", "graft-versus-host disease can damage the skin") or a
        trial's result ("In the SUMMIT trial, MACI improved knee pain")."""
        low = self.low
        if low.startswith(" by ", me) and _passive(low, ss, ms):
            return False
        if outcome.search(low, me, me + _OUTCOME_REACH) is None:
            return False
        if _prev_word(low, max(ss, ms - 30), ms) in _RISK_MODALS and self._discloses_harm(rule, ss, ms, me):
            return False
        if _RISK_TALK.search(low, ss, ms) is not None or self._established(rule, ss, ms, only=False):
            return False
        if _noun_use(low, ss, ms, me) or low.startswith(" of ", me):
            return False
        return _DISEASE_OR_TRIAL.search(low, ss, ms) is None

    def _established(self, rule: OverclaimRule, ss: int, ms: int, *, only: bool) -> bool:
        """Is established care (rule.unless_subject) the subject before the verb at ``ms``, and the verb
        a modest one ("exercise eases pain", not "exercise rebuilds cartilage")? ``only``: every
        treatment the rule requires before the verb must be such care, not just one of them."""
        subject = rule.unless_subject
        if subject is None or self.low.startswith(_STRONG_VERBS, ms):
            return False
        if only:
            return _only_within(self.low, ss, ms, rule.requires, subject)
        return subject.search(self.low, ss, ms) is not None

    def _discloses_harm(self, rule: OverclaimRule, ss: int, ms: int, me: int) -> bool:
        """Does the verb at [ms, me) cause a harm ("can cause infection") or is it a harm verb with a
        treatment as subject ("an injection can damage a nerve")?"""
        low = self.low
        return (
            low.startswith(_CAUSE_VERBS, ms)
            and (
                _harm_after(self.cat.harm, low, me)
                or _HARM_NOUNS.search(low, me, me + _HARM_REACH) is not None
            )
        ) or self._harm_verb(rule, ss, ms, me)

    def _harm_verb(self, rule: OverclaimRule, ss: int, ms: int, me: int) -> bool:
        """A verb whose effect is a harm ("an injection can damage a nerve", "cortisone can weaken
        tendons") with a treatment as its subject: a risk, not an efficacy claim. Not a participle
        used as an adjective ("regenerate damaged tissue"), and not an exposure ("screen time damages
        attention"), which is a causal claim about a harm."""
        low = self.low
        if rule.harm_subject is None or not low.startswith(_HARM_VERBS, ms):
            return False
        if low.endswith("ed", ms, me):
            # "the healthy eye is rarely harmed": a passive harm is a risk, whoever causes it.
            if _passive(low, ss, ms):
                return True
            if _prev_word(low, max(ss, ms - 30), ms) not in _HAVE:
                return False
        return self.doc.any_in(rule.harm_subject, ss, ms)

    def _warned(self, pos: int) -> bool:
        """Is ``pos`` in an item of a list introduced as what to beware of (Catalogue.warning_lead)?"""
        if self._warned_spans is None:
            self._warned_spans = _warned_items(self.text, self.low, self.cat.warning_lead)
        i = bisect.bisect_right(self._warned_spans, (pos, len(self.low))) - 1
        return i >= 0 and self._warned_spans[i][0] <= pos < self._warned_spans[i][1]

    def _finding(self, rule: OverclaimRule, i: int, ms: int, me: int) -> Finding | None:
        """A finding for the match [ms, me) in sentence ``i``, or None when its context drops it."""
        text, low, sents, doc = self.text, self.low, self.sents, self.doc
        ss, se = sents.span(i)
        ctx = sents.context(ms, me)
        if rule.hedge_scope == "sentence":
            ctx = sents.sentence_context(i, ctx)
        if not ctx.distanced and (self._warned(ms) or _quote_list(text, ss, se, ms, me)):
            ctx = _replace(ctx, attributed=True, distanced=True)
        # "Our patients say ..." is the publisher's own voice relaying a testimonial, not reported
        # speech; a claim quoted word for word from someone else ('said its cells "regrow cartilage"')
        # is reported at arm's length.
        attributed = ctx.attributed and not _own_voice(text, low, ss, se, sents.triggers(i).attr)
        # "X cuts dementia risk, study finds": a headline-style source tag at the end states the finding
        # as fact (Yu et al.'s direct causal claims in press releases), it does not report it.
        if (
            attributed
            and not ctx.distanced
            and _SOURCE_TAG.search(low, ss, se)
            and len(sents.triggers(i).attr) == 1
        ):
            attributed = False
        # Hype keeps reported speech (HealthNewsReview counts sensational quotes), so a quote does not
        # distance it; for the other rules a word-for-word quote inside reported speech does.
        # A quoted phrase the sentence itself distances ("the court listed phrases such as 'miracle
        # cells'") is mentioned, not used, whoever says it.
        # A rule with relays_direct_speech reads a speaker's words quoted whole ('"Nine in ten of our
        # patients improve," he says') as relayed: attributed, not held at arm's length.
        quoted = (
            (attributed or ctx.distanced)
            and _quoted(text, ss, se, ms, me)
            and not (
                rule.relays_direct_speech
                and attributed
                and not ctx.distanced
                and _direct_speech(text, ss, ms)
            )
        )
        distanced = (attributed and (ctx.distanced or (quoted and rule.context["attributed"] != "keep"))) or (
            ctx.distanced and quoted
        )
        flags = {
            "negated": ctx.negated,
            "distanced": distanced,
            "question": ctx.question,
            "hedged": ctx.hedged,
            "weak_hedge": ctx.weak_hedge,
            "capability": ctx.capability,
            "attributed": attributed,
            "conditional": ctx.conditional,
        }
        if any(on and rule.context[f] == "drop" for f, on in flags.items()):
            return None
        severity = rule.severity
        for o in rule.overrides:
            hit = doc.any_in(o.when_feature, ss, se) if o.scope == "sentence" else o.when.search(low, ms, me)
            if hit:
                severity = o.severity
                break
        steps = (
            max(
                (2 if rule.context[f] == "lower2" else 1 if rule.context[f] == "lower" else 0)
                for f, on in flags.items()
                if on
            )
            if any(flags.values())
            else 0
        )
        severity = _lower(severity, steps)
        ws, we = _window(text, ss, se, ms, me)
        qs, qe = (ws, we) if rule.span == "sentence" else (ms, me)
        rewrite = (
            rewrite_sentence(text[ws:we], ms - ws, me - ws, rule.rewrites)
            if rule.rewrites and ws <= ms and me <= we
            else None
        )
        return Finding(
            rule=rule.id,
            category=rule.category,
            severity=cast(Severity, severity),
            start=qs,
            end=qe,
            quote=text[qs:qe],
            message=rule.message,
            suggestion=rule.suggestion,
            rewrite=rewrite,
            hedged=ctx.hedged or (ctx.weak_hedge and rule.context["weak_hedge"] != "keep"),
            negated=ctx.negated,
            attributed=attributed,
            reference=rule.reference,
        )

    # ---------------------------------------------------------------- risk disclosure
    def safety_spans(self, findings: list[Finding]) -> list[tuple[int, int]]:
        return sorted((f.start, f.end) for f in findings if f.category == "safety")

    def element(
        self,
        rule: ElementRule,
        minimising: list[tuple[int, int]],
        findings: list[Finding] | tuple[Finding, ...] = (),
    ) -> Element:
        text, low, sents = self.text, self.low, self.sents
        claimed = {sents.index_of(f.start) for f in findings if f.category in rule.unless_finding}
        adequacy = rule.adequacy
        evidence: list[Evidence] = []
        used: set[int] = set()
        hits: list[tuple[int, int, int]] = []
        # Sentence -> distinct terms it names (only kept when the element has a notion of adequacy).
        named: dict[int, set[str]] = {}
        named_spans: list[tuple[int, int]] = []  # one harm named twice ("tumour" in "tumour formation")
        for matcher in rule.matchers:
            found = 0
            for ms, me in self.doc.iter_spans(matcher.pattern):
                if found >= _MAX_EVIDENCE and adequacy is None:
                    break  # only the first few sentences are quoted
                i = sents.index_of(ms)
                # "pain-free ever since" names no harm.
                if low.startswith(_ABSENT_AFTER, me):
                    continue
                if (i in used and adequacy is None) or i in claimed:
                    continue
                # A menu or "Most read" list ("The hidden cost of hospital parking") discloses nothing.
                if self._chrome_sentence(i):
                    continue
                ss, se = sents.span(i)
                if matcher.requires is not None and not self.doc.any_in(matcher.requires, ss, se):
                    continue
                if matcher.unless is not None and self.doc.any_in(matcher.unless, ss, se):
                    continue
                if matcher.question == "drop" and sents.sentence_flags(i, False):
                    continue
                # "no side effects", "minimal risk of rejection": a minimised harm is not a disclosure.
                if matcher.minimised == "drop" and _minimised(minimising, ss, ms, me):
                    continue
                # "reduces the risk of death", "relief from pain": an outcome, not a disclosure.
                if matcher.unless_before is not None and matcher.unless_before.search(
                    low, max(ss, ms - _BEFORE_WINDOW), ms
                ):
                    continue
                ctx = sents.context(ms, me) if matcher.negated == "drop" or adequacy is not None else None
                if matcher.negated == "drop" and ctx is not None and ctx.negated:
                    continue
                # Adequacy reads only harms stated as such, not asked about or supposed.
                if adequacy is not None and ctx is not None and not (ctx.question or ctx.conditional):
                    terms = named.setdefault(i, set())
                    if matcher.specific and not any(a < me and ms < b for a, b in named_spans):
                        terms.add(low[ms:me].rstrip("s"))
                        named_spans.append((ms, me))
                if i in used:
                    continue
                used.add(i)
                hits.append((ms, me, i))
                found += 1
        adequate: bool | None = None
        if adequacy is not None:
            adequate = self._adequate(adequacy, named)
            if adequate and not hits:
                # Study-style adverse-event reporting with no specific harm named ("no serious
                # adverse events occurred in either group") is a disclosure too; a seller's
                # minimising line ("side effects are rare and mild") is not.
                # (A study's own "no serious adverse events were reported" is a low-severity finding.)
                selling = sorted(
                    (f.start, f.end) for f in findings if f.category == "safety" and f.severity != "low"
                )
                hits = [
                    (ms, me, i)
                    for ms, me, i in self._reports(adequacy)
                    if not _minimised(selling, sents.span(i)[0], ms, me)
                ]
        hits.sort()
        for ms, me, i in hits[:_MAX_EVIDENCE]:
            ss, se = sents.span(i)
            qs, qe = _window(text, ss, se, ms, me)
            evidence.append(Evidence(qs, qe, text[qs:qe]))
        return Element(rule.element, bool(hits), tuple(evidence), adequate)

    def _adequate(self, adequacy: Adequacy, named: dict[int, set[str]]) -> bool:
        """Named harms that are also explained: quantified or graded in a disclosing sentence, several
        distinct harms, or study-style reporting of adverse-event results."""
        low, sents = self.low, self.sents
        for i in named:
            ss, se = sents.span(i)
            if adequacy.quantified.search(low, ss, se):
                return True
        if len(set().union(*named.values()) if named else ()) >= adequacy.distinct:
            return True
        return bool(self._reports(adequacy, first=True))

    def _reports(self, adequacy: Adequacy, first: bool = False) -> list[tuple[int, int, int]]:
        """Adverse-event reporting sentences (not negated by the writer's own voice: "no serious
        adverse events were observed" is a result, so negation is kept)."""
        low, sents = self.low, self.sents
        out: list[tuple[int, int, int]] = []
        seen: set[int] = set()
        for feature, need_quant in ((adequacy.reports, False), (adequacy.reports_if_quantified, True)):
            if feature is None:
                continue
            for ms, me in self.doc.iter_spans(feature):
                i = sents.index_of(ms)
                if i in seen:
                    continue
                ss, se = sents.span(i)
                if need_quant and not adequacy.quantified.search(low, ss, se):
                    continue
                ctx = sents.context(ms, me)
                if ctx.question or ctx.conditional:
                    continue
                seen.add(i)
                out.append((ms, me, i))
                if first or len(out) >= _MAX_EVIDENCE:
                    return out
        return out

    def applicable(self, title: str | None) -> bool:
        cat = self.cat
        return (
            self._mentions(cat.treatment, cat.min_mentions, title)
            and self._mentions(cat.medical, cat.min_medical, title)
            and (cat.intervention is None or self._mentions(cat.intervention, cat.min_intervention, title))
        )

    def _mentions(self, feature: Feature, least: int, title: str | None) -> bool:
        """Does the text (title mentions count double) name ``feature`` at least ``least`` times?
        Short texts (an editor's preview of a paragraph) need proportionally fewer mentions."""
        need = max(1, min(least, len(self.sents.spans)))
        if self._at_least(feature, need):
            return True
        if not title:
            return False
        n = len(self.doc.spans(feature)) + 2 * sum(1 for _ in feature.regex.finditer(fold(title)))
        return n >= need

    def health_findings(self, findings: list[Finding]) -> list[Finding]:
        """Findings whose sentence speaks of health, for an article that is not about a treatment.
        Selling is selling in a text about health (a product page): promotion findings stay there. A
        sports report that "books a place in the finals" or a column whose readers "send us photos"
        sells no health product: there promotion needs a health word in its sentence too."""
        sents, low, health = self.sents, self.low, self.cat.health_long
        selling_health = any(k >= _HEALTH_TEXT_MIN for k, _ in enumerate(health.finditer(low), 1))
        out = []
        for f in findings:
            ss, se = sents.span(sents.index_of(f.start))
            if (f.category == "promotion" and selling_health) or health.search(low, ss, se) is not None:
                out.append(f)
        return out

    def outcome_claims(self, findings: list[Finding]) -> list[Finding]:
        """In a text not about a treatment (a policy piece, a lifestyle column), a causal claim needs no
        treatment as its subject: "ultra-processed food causes depression", "the levy has cut childhood
        obesity". Such a claim counts when what it causes is a health outcome (cat.outcome), with the
        rule's hedges, negation, sources and reported speech as for any causal claim."""
        rule = next(r for r in self.cat.rules if r.category == "causal_unhedged")
        short = len(self.sents.spans) < _HEALTH_FILTER_MIN_SENTENCES
        outcome = self.cat.outcome_short if short else self.cat.outcome
        if outcome is None:
            return findings
        seen = {self.sents.index_of(f.start) for f in findings if f.category == rule.category}
        bare = _replace(
            rule, requires=(), unless_article=None, unless_approved_document=False, outcome_after=outcome
        )
        # The text's main claims, not asides: as serious as a causal claim about a regenerative treatment.
        extra = [
            _replace(f, severity="medium")
            for f in self._rule_findings(bare)
            if self.sents.index_of(f.start) not in seen
        ]
        if not extra:
            return findings
        return sorted(findings + extra, key=lambda f: (f.start, f.end, f.rule))

    def causal_claim(self) -> bool:
        """True when any sentence states an unhedged causal/efficacy effect (the OC-CAUSAL detector)."""
        rule = next(r for r in self.cat.rules if r.category == "causal_unhedged")
        # Claim strength is about certainty, not polarity: "X did not reduce Y" is a direct causal claim.
        bare = _replace(
            rule,
            requires=(),
            unless_article=None,
            context={**rule.context, "negated": "keep", "capability": "keep", "attributed": "keep"},
        )
        if self._rule_findings(bare):
            return True
        return any(self._claim(i).negated is not None for i in range(len(self.sents.spans)))


def causal_sentence(sentence: str) -> bool:
    """Sentence-level causal_unhedged detector (used by bench/checks.py on labelled claim sentences).

    Same patterns, noun guard, correlational exclusions and hedge handling as OC-CAUSAL, without the
    article-level requirement that the sentence names a treatment.
    """
    return _Run(sentence, load_catalogue()).causal_claim()


def overclaim_score(findings: list[Finding], n_sentences: int) -> float:
    """0..1. High-severity findings count in full; medium and low ones by density, so a long careful
    article with a few loose phrases does not score like a short advert full of them."""
    dilution = max(1.0, (n_sentences / _DENSITY_SENTENCES) ** 0.5)
    per_cat: dict[str, float] = {}
    for f in findings:
        w = _WEIGHT[f.severity] if f.severity == "high" else _WEIGHT[f.severity] / dilution
        per_cat[f.category] = per_cat.get(f.category, 0.0) + w
    total = sum(min(v, _CATEGORY_CAP.get(c, _DEFAULT_CAP)) for c, v in per_cat.items())
    return round(min(1.0, total), 3)


def decide(
    policy: Policy,
    applicable: bool,
    disclosure: float | None,
    overclaim: float,
    n_high: int,
    n_medium_plus: int = 0,
    n_low: int = 0,
) -> str:
    # A balanced article (it discloses harms, evidence, status ...) is not rejected on its overclaim
    # score alone: loose lines in a careful text need an editor, not a refusal. Many high-severity
    # findings still reject it.
    balanced = applicable and disclosure is not None and disclosure >= policy.balanced_min_disclosure
    if (
        overclaim >= policy.reject_min_overclaim and not balanced
    ) or n_high >= policy.reject_min_high_findings:
        return "reject"
    if (
        applicable
        and disclosure is not None
        and disclosure <= policy.reject_max_disclosure
        and overclaim >= policy.reject_low_disclosure_min_overclaim
    ):
        return "reject"
    if (
        overclaim <= policy.approve_max_overclaim
        and n_medium_plus <= policy.approve_max_medium_findings
        and n_low <= policy.approve_max_low_findings
        and (not applicable or (disclosure is not None and disclosure >= policy.approve_min_disclosure))
    ):
        return "approve"
    return "needs_review"


def check(text: str, policy: Policy | None = None, *, title: str | None = None) -> Verdict:
    """Check already-extracted text; every offset in the verdict indexes ``text``."""
    if not isinstance(text, str):
        raise TypeError("check() takes the extracted text as str")
    policy = policy or _DEFAULT_POLICY
    cat = load_catalogue()
    run = _Run(text, cat)
    applicable = run.applicable(title)
    findings = run.findings()
    if not applicable:
        findings = run.outcome_claims(findings)
    if not applicable and len(run.sents.spans) >= _HEALTH_FILTER_MIN_SENTENCES:
        findings = run.health_findings(findings)
    minimising = run.safety_spans(findings)
    elements = tuple(run.element(rule, minimising, findings) for rule in cat.elements)
    disclosure: float | None = None
    if applicable:
        total = sum(r.weight for r in cat.elements)
        got = sum(r.weight for r, e in zip(cat.elements, elements, strict=True) if e.present)
        disclosure = round(got / total, 3) if total else 0.0
        # Treatment words alone do not make a text about a treatment offered to patients: a text long
        # enough to tell that names treatments but discloses next to nothing about any and claims
        # nothing (a donor-register appeal, a report on staffing or funding) is not applicable rather
        # than a disclosure failure. A short note about a treatment keeps its failing disclosure.
        long_text = len(run.sents.spans) >= _SILENT_MIN_SENTENCES
        if long_text and not findings and disclosure <= cat.silent_max_disclosure:
            applicable, disclosure = False, None
    if disclosure is not None:
        d_status: Status = (
            "pass"
            if disclosure >= policy.disclosure_pass
            else "warn"
            if disclosure >= policy.disclosure_warn
            else "fail"
        )
    else:
        d_status = "not_applicable"
    oc = overclaim_score(findings, len(run.sents.spans))
    o_status: Status = (
        "pass" if oc < policy.overclaim_warn else "warn" if oc < policy.overclaim_fail else "fail"
    )
    n_high = sum(1 for f in findings if f.severity == "high")
    n_medium_plus = sum(1 for f in findings if f.severity != "low")
    n_low = len(findings) - n_medium_plus
    decision = decide(policy, applicable, disclosure, oc, n_high, n_medium_plus, n_low)
    return Verdict(
        ruleset=cat.version,
        decision=decision,  # type: ignore[arg-type]
        applicable=applicable,
        risk_disclosure_score=disclosure,
        risk_disclosure_status=d_status,
        elements=elements,
        overclaim_score=oc,
        overclaim_status=o_status,
        findings=tuple(findings),
    )
