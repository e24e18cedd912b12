"""Sentence splitting and ConText-style scope of negation, hedges, reported speech, questions and conditionals.

The approach follows NegEx / medspaCy ConText: a trigger term opens a scope in one direction that runs
until a termination term ("but", "however", a semicolon ...) or the end of the sentence, optionally
capped at a number of tokens; pseudo-triggers ("not only", "no doubt") are matched first and block the
trigger they contain. It is implemented with precompiled regexes over a lowercased copy of the text that
keeps every offset, so no NLP pipeline runs in the hot path.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .scan import Doc, Feature, build_feature

# Characters folded in the matching copy; every replacement is one character so offsets never move.
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


# A single line break inside a sentence (hard-wrapped plain text): no blank line follows, and the
# next line goes on in lower case or the line before stops at a comma or semicolon.
_SOFT_WRAP_AFTER = r"(?=[ \t]*[a-z\u00df-\u00ff])|(?<=[,;]\n)(?![ \t]*\n)"
_SOFT_WRAP = re.compile(r"\n(?:" + _SOFT_WRAP_AFTER + ")")


def fold(text: str) -> str:
    """Lowercase copy of ``text`` with the same length (so offsets match) and folded punctuation.

    Soft line wraps become spaces, so patterns match across a hard-wrapped sentence.
    """
    low = _fold_chars(text)
    if "\n" in low:
        wraps = [m.start() for m in _SOFT_WRAP.finditer(text)]
        if wraps:
            chars = list(low)
            for i in wraps:
                chars[i] = " "
            low = "".join(chars)
    return low


def _fold_chars(text: str) -> str:
    low = text.lower()
    if low.isascii():
        return low
    if len(low) != len(text):
        # A few characters (e.g. U+0130) lowercase to two; keep those as they are.
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for a, b in _FOLD_PAIRS:  # str.replace per character is much faster than str.translate
        if a in low:
            low = low.replace(a, b)
    return low


_ABBREVIATIONS = [
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "st",
    "vs",
    "etc",
    "al",
    "fig",
    "figs",
    "approx",
    "dept",
    "inc",
    "ltd",
    "jr",
    "sr",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
    "ph.d",
    "m.d",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "vol",
    "pp",
]


def _not_after() -> str:
    """Look-behinds that fail right after an abbreviation's full stop; one per abbreviation length, since
    a look-behind may hold alternatives of equal width (fewer look-behinds to run at every full stop)."""
    by_len: dict[int, list[str]] = {}
    for a in sorted(set(_ABBREVIATIONS)):
        by_len.setdefault(len(a), []).append(re.escape(a))
    out = []
    for _, alts in sorted(by_len.items()):
        group = "(?:" + "|".join(alts) + ")"
        out.append(rf"(?<![^\w.]{group}\.)(?<!^{group}\.)")
    # A single letter after an apostrophe ends a word ("isn't.", "Tom's."), it is not an initial.
    return "".join(out) + r"(?<![^\w.'\u2019][A-Za-z]\.)(?<!^[A-Za-z]\.)"


# No sentence break after an abbreviation ("Dr.", "e.g.", "et al.") or a single initial ("J. Smith"). The
# look-behinds sit after the full stop so the scan can skip quickly to the next punctuation mark.
_NOT_AFTER = _not_after()
_CLOSE_AND_SPACE = r"[\"')\]\u201d\u2019]*(?:\s+|(?=[A-Z\"\u201c\u2018(\[]))"
# A sentence ends at terminal punctuation (+ closing quotes/brackets) followed by space or a capital,
# or at a line break that is not a soft wrap (headings and list items are sentences of their own).
# Every alternative starts with a literal character, so re skips straight to the candidates in C; the
# empty groups p1..p3 mark where the punctuation ends ("[!?]+" is spelt "![!?]*" and "\?[!?]*").
_BOUNDARY = re.compile(
    r"\.(?i:"
    + _NOT_AFTER
    + r")(?:\.\.)?(?P<p1>)"
    + _CLOSE_AND_SPACE
    + r"|![!?]*(?P<p2>)"
    + _CLOSE_AND_SPACE
    + r"|\?[!?]*(?P<p3>)"
    + _CLOSE_AND_SPACE
    + r"|\n(?!"
    + _SOFT_WRAP_AFTER
    + r")\s*"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences, trimmed of surrounding whitespace; headings/lines count as sentences."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in _BOUNDARY.finditer(text):
        punct = m.lastgroup  # None for a line break
        if punct is None:
            end = m.start()
        else:
            end = m.end(punct)
            # Closing quotes/brackets stay with the sentence they close.
            while end < n and text[end] in "\"')]\u201d\u2019":
                end += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
        start = max(start, m.end())
    end = n
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
    return out


@dataclass(frozen=True)
class ContextLexicon:
    negation_pre: Feature
    negation_clause: Feature  # negates to the end of its clause, however far ("no evidence that ...")
    negation_post: Feature
    pseudo: Feature
    hedge_strong: Feature
    hedge_weak: Feature
    capability: Feature
    attribution: Feature
    distancing: Feature
    conditional: Feature
    terminator: Feature
    embedded_question: Feature
    negation_window: int


def compile_context(spec: dict[str, object]) -> ContextLexicon:
    def terms(key: str) -> list[str]:
        value = spec[key]
        if not isinstance(value, list):
            raise RuntimeError(f"context.{key} must be a list")
        # Longest first so "does not" wins over "not".
        return sorted((str(t) for t in value), key=len, reverse=True)

    def fx(key: str) -> Feature:
        return build_feature(terms(key), boundary=r"\w-")

    window = spec.get("negation_window", 6)
    if not isinstance(window, int):
        raise RuntimeError("context.negation_window must be an integer")
    return ContextLexicon(
        negation_pre=fx("negation_pre"),
        negation_clause=fx("negation_clause"),
        negation_post=fx("negation_post"),
        pseudo=fx("pseudo_negation"),
        hedge_strong=fx("hedge_strong"),
        hedge_weak=fx("hedge_weak"),
        capability=fx("capability"),
        attribution=fx("attribution"),
        distancing=fx("distancing"),
        conditional=fx("conditional"),
        terminator=build_feature([*terms("terminators"), "[;:]", "(?<= )-(?= )"], boundary=r"\w-"),
        # An embedded question ("trials will show whether it is safe") is not an assertion.
        # So is a heading or lead-in that promises to say what the evidence shows ("What trials have
        # shown so far", "Here is what the research says").
        embedded_question=build_feature(
            [
                "whether",
                "if or not",
                # "People ask me if I'm cured", "she wondered if it had worked".
                r"(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering) (?:[\w-]+ ){0,2}if",
                r"what (?:[\w-]+ ){0,4}(?:research|studies|trials|evidence|science|data|scientists|experts)\b",
                # "Stem cell transplants for MS: who they help, and what they take out of you"
                r"who (?:it|they|this|these|the (?:[\w-]+ )?(?:treatments?|therap(?:y|ies)|transplants?)) (?:helps?|benefits?|suits?|works? for|is for|are for)",
            ],
            boundary=r"\w-",
        ),
        negation_window=window,
    )


_TOKEN = re.compile(r"[\w'%-]+")
_OWN_NEGATORS = (
    "no ",
    "zero ",
    "without ",
    "none ",
    "free of ",
    "free from ",
    "virtually no ",
    "hardly any ",
)
_LIST_NEGATORS = frozenset({"no", "without", "zero", "none", "nor", "neither"})


@dataclass(frozen=True)
class Context:
    negated: bool
    hedged: bool  # a strong hedge ("may", "early research suggests")
    weak_hedge: bool  # "associated", "linked" -- enough to make a causal claim conditional, not to excuse a cure claim
    capability: bool  # "can": states what something is able to do, weaker than a plain assertion
    attributed: bool
    distanced: bool  # attribution that distances the writer ("clinics claim", "so-called")
    question: bool
    conditional: bool


class Sentences:
    """Sentence index over one text with cached per-sentence trigger positions."""

    def __init__(self, text: str, low: str, lex: ContextLexicon, doc: Doc) -> None:
        self.text = text
        self.low = low
        self.lex = lex
        self.doc = doc
        self.spans = split_sentences(text)
        self.starts = [s for s, _ in self.spans]
        self._cache: dict[int, _SentenceTriggers] = {}
        self._doc_triggers: _DocTriggers | None = None
        self._flags: dict[tuple[int, bool], set[str]] = {}

    def index_of(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return max(i, 0)

    def span(self, i: int) -> tuple[int, int]:
        if not self.spans:
            return (0, len(self.text))
        return self.spans[i]

    def _all_triggers(self) -> _DocTriggers:
        if self._doc_triggers is None:
            self._doc_triggers = _DocTriggers(self.lex, self.doc)
        return self._doc_triggers

    def triggers(self, i: int) -> _SentenceTriggers:
        t = self._cache.get(i)
        if t is None:
            s, e = self.span(i)
            t = _SentenceTriggers(self.low, s, e, self.lex, self._all_triggers())
            self._cache[i] = t
        return t

    def context(self, start: int, end: int) -> Context:
        i = self.index_of(start)
        return self.triggers(i).context(start, end)

    def sentence_flags(self, i: int, widened: bool) -> set[str]:
        """Context flags that hold for every match in sentence i: a question mark at its end and, when
        ``widened`` (sentence_context applies), a hedge, weak hedge, capability or condition anywhere."""
        key = (i, widened)
        got = self._flags.get(key)
        if got is not None:
            return got
        s, e = self.span(i)
        flags = {"question"} if _is_question(self.low, s, e) else set()
        self._flags[key] = flags
        if widened:
            # The same as the sentence's triggers (t.hedge, t.weak ...) being non-empty, without
            # building them: most sentences asked about here produce no finding.
            triggers = self._all_triggers()
            for flag, kind in (
                ("hedged", _HEDGE),
                ("weak_hedge", _WEAK),
                ("capability", _CAPABILITY),
                ("conditional", _COND),
            ):
                if triggers.any_in(kind, s, e):
                    flags.add(flag)
        return flags

    def sentence_context(self, i: int, ctx: Context) -> Context:
        """Widen hedges and conditionals of ``ctx`` to the whole sentence i."""
        t = self.triggers(i)
        return Context(
            negated=ctx.negated,
            hedged=ctx.hedged or bool(t.hedge),
            weak_hedge=ctx.weak_hedge or bool(t.weak),
            capability=ctx.capability or bool(t.capability),
            attributed=ctx.attributed,
            distanced=ctx.distanced,
            question=ctx.question,
            conditional=ctx.conditional or bool(t.cond),
        )


# Subordinators that open a clause which ends at its comma; "as" and "according to" are left out
# because "As the clinic says, the cells repair nerves" relays the main clause.
_FRONTED = re.compile(
    r"""[\s"'(]*(?:even )?(?:if|when|whenever|although|though|while|whilst|because|since|unless|once|whether)\b[^,;:]*,"""
)


_CLEFT = re.compile(r" (?:is|are|was|were)\b")


def _fronted_clause_end(low: str, s: int, e: int) -> int:
    """End of a fronted subordinate clause (just past its comma), or ``s`` when the sentence has none."""
    m = _FRONTED.match(low, s, e)
    return m.end() if m else s


def _is_question(low: str, s: int, e: int) -> bool:
    """Does the sentence [s, e) end with a question mark (before closing quotes and brackets)?"""
    return low[max(s, e - 3) : e].rstrip("\"') ]").endswith("?")


(
    _PSEUDO,
    _NEG,
    _NEGPOST,
    _HEDGE,
    _WEAK,
    _CAPABILITY,
    _ATTR,
    _DISTANCING,
    _COND,
    _TERM,
    _EMBEDDED_Q,
    _NEGCLAUSE,
) = range(12)
_N_KINDS = 12


class _DocTriggers:
    """Every context trigger of a document in one sorted list (start, end, kind)."""

    __slots__ = ("items", "kind_starts", "starts")

    def __init__(self, lex: ContextLexicon, doc: Doc) -> None:
        features = (
            lex.pseudo,
            lex.negation_pre,
            lex.negation_post,
            lex.hedge_strong,
            lex.hedge_weak,
            lex.capability,
            lex.attribution,
            lex.distancing,
            lex.conditional,
            lex.terminator,
            lex.embedded_question,
            lex.negation_clause,
        )
        spans = [doc.spans(f) for f in features]
        items = [(a, b, kind) for kind, found in enumerate(spans) for a, b in found]
        items.sort()
        self.items = items
        self.starts = [a for a, _, _ in items]
        self.kind_starts = [[a for a, _ in found] for found in spans]

    def any_in(self, kind: int, start: int, end: int) -> bool:
        """Does a trigger of this kind start in [start, end)?"""
        starts = self.kind_starts[kind]
        k = bisect.bisect_left(starts, start)
        return k < len(starts) and starts[k] < end


class _SentenceTriggers:
    __slots__ = (
        "attr",
        "capability",
        "cond",
        "distancing",
        "embedded_q",
        "end",
        "fronted",
        "hedge",
        "low",
        "neg",
        "negclause",
        "negpost",
        "question",
        "start",
        "terms",
        "weak",
        "window",
    )

    def __init__(self, low: str, s: int, e: int, lex: ContextLexicon, triggers: _DocTriggers) -> None:
        self.low = low
        self.start = s
        self.end = e
        found: list[list[tuple[int, int]]] = [[] for _ in range(_N_KINDS)]
        starts, items = triggers.starts, triggers.items
        k = bisect.bisect_left(starts, s)
        while k < len(starts) and starts[k] < e:
            a, b, kind = items[k]
            found[kind].append((a, b))
            k += 1
        pseudo = found[_PSEUDO]

        def keep(span: tuple[int, int]) -> bool:
            return not any(ps <= span[0] < pe for ps, pe in pseudo)

        self.neg = [x for x in found[_NEG] if keep(x)] if pseudo else found[_NEG]
        self.negpost = [x for x in found[_NEGPOST] if keep(x)] if pseudo else found[_NEGPOST]
        self.negclause = found[_NEGCLAUSE]
        self.hedge = found[_HEDGE]
        self.weak = found[_WEAK]
        self.capability = found[_CAPABILITY]
        self.attr = found[_ATTR]
        self.distancing = found[_DISTANCING]
        self.cond = found[_COND]
        self.terms = [a for a, _ in found[_TERM]]
        self.embedded_q = [a for a, _ in found[_EMBEDDED_Q]]
        self.question = _is_question(low, s, e)
        self.window = lex.negation_window
        self.fronted = _fronted_clause_end(low, s, e)

    def _clause(self, ms: int, me: int) -> tuple[int, int]:
        lo, hi = self.start, self.end
        for t in self.terms:
            if t < ms:
                lo = t
            elif t >= me:
                hi = t
                break
        return lo, hi

    def _tokens_between(self, a: int, b: int) -> int:
        if b <= a:
            return 0
        return len(_TOKEN.findall(self.low, a, b))

    def context(self, ms: int, me: int) -> Context:
        lo, hi = self._clause(ms, me)
        low = self.low
        # In a list of denials ("no scarring, no infections and no risk"), an earlier "no" does not
        # negate a match that carries its own: only "not", "never", "n't" ... can ("it is not true
        # that there are no risks").
        own = low.startswith(_OWN_NEGATORS, ms)
        # A fronted clause's negation stays in it: "If it is not listed, contact us" is not negated.
        lo_neg = max(lo, self.fronted) if ms >= self.fronted else lo
        negated = any(
            lo_neg <= a
            and b <= ms
            and self._tokens_between(b, ms) <= self.window
            and not (own and low[a:b] in _LIST_NEGATORS)
            for a, b in self.neg
        ) or any(me <= a and b <= hi and self._tokens_between(me, a) <= 4 for a, b in self.negpost)
        negated = negated or any(lo <= a and b <= ms for a, b in self.negclause)
        hedged = any(lo <= a < hi and not (ms <= a < me) for a, _ in self.hedge)
        # Hedges that frame a whole sentence ("Early research suggests that ...") reach across clauses.
        weak = any(lo <= a < hi and not (ms <= a < me) for a, _ in self.weak)
        capability = any(lo <= a < hi and not (ms <= a < me) for a, _ in self.capability)
        # A fronted subordinate clause ("If you have been told nothing can be done, ...", "Although
        # critics warn ..., ") reports or distances only itself, not the main clause after its comma.
        skip = self.fronted if ms >= self.fronted else self.start
        before_attr = any(skip <= a < ms for a, _ in self.attr)
        after_attr = any(a >= me for a, _ in self.attr)
        attributed = before_attr or after_attr
        distanced = any(not (ms <= a < me) and a >= skip for a, _ in self.distancing)
        conditional = any(lo <= a < ms for a, _ in self.cond) or any(
            self.start <= a < ms and a < self.start + 12 for a, _ in self.cond
        )
        # "What studies show is that ..." is a cleft: what follows its "is" is asserted.
        question = self.question or any(
            lo <= a < ms and not (low.startswith("what", a) and _CLEFT.search(low, a, ms))
            for a in self.embedded_q
        )
        return Context(negated, hedged, weak, capability, attributed, distanced, question, conditional)
