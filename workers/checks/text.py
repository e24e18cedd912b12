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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

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


def fold(text: str) -> str:
    """Lowercase copy of ``text`` with the same length (so offsets match) and folded punctuation."""
    low = text.lower()
    if len(low) != len(text):
        # A few characters (e.g. U+0130) lowercase to two; keep those as they are.
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.translate(_FOLD)


_ABBREV = frozenset(
    [
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
        "no",
        "nos",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
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
        "ca",
    ]
)
# Candidate sentence ends: terminal punctuation (+ closing quotes/brackets) then space or a capital,
# or a line break. Abbreviations and decimals are filtered afterwards.
_BOUNDARY = re.compile(r"""[.!?]+["')\]\u201d\u2019]*(?:\s+|(?=[A-Z"\u201c\u2018(\[]))|\s*\n\s*""")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences, trimmed of surrounding whitespace; headings/lines count as sentences."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        cut = m.start()
        punct = text[cut : m.end()].rstrip()
        if punct and punct[0] == ".":
            # Do not split after common abbreviations or single initials ("Dr.", "e.g.", "J. Smith").
            w = _WORD_BEFORE.search(text, max(start, cut - 12), cut + 1)
            if w:
                word = w.group(1).lower().rstrip(".")
                abbrev = word in _ABBREV or (len(word) == 1 and word.isalpha())
                if abbrev and "\n" not in text[cut : m.end()]:
                    continue
        end = m.end()
        if end <= start:
            continue
        spans.append((start, end))
        start = end
    if start < n:
        spans.append((start, n))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _alt(words: Iterable[str]) -> str:
    # Longest first so "does not" wins over "not"; each term is a regex fragment.
    return "|".join(sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class ContextLexicon:
    negation_pre: re.Pattern[str]
    negation_post: re.Pattern[str]
    pseudo: re.Pattern[str]
    hedge_strong: re.Pattern[str]
    hedge_weak: re.Pattern[str]
    attribution: re.Pattern[str]
    distancing: re.Pattern[str]
    conditional: re.Pattern[str]
    terminator: re.Pattern[str]
    negation_window: int


def compile_context(spec: dict[str, object]) -> ContextLexicon:
    def terms(key: str) -> list[str]:
        value = spec[key]
        if not isinstance(value, list):
            raise RuntimeError(f"context.{key} must be a list")
        return [str(t) for t in value]

    def rx(key: str) -> re.Pattern[str]:
        return re.compile(r"(?<![\w-])(?:" + _alt(terms(key)) + r")(?![\w-])")

    window = spec.get("negation_window", 6)
    assert isinstance(window, int)
    return ContextLexicon(
        negation_pre=rx("negation_pre"),
        negation_post=rx("negation_post"),
        pseudo=rx("pseudo_negation"),
        hedge_strong=rx("hedge_strong"),
        hedge_weak=rx("hedge_weak"),
        attribution=rx("attribution"),
        distancing=rx("distancing"),
        conditional=rx("conditional"),
        terminator=re.compile(r"(?:[;:]|\s-\s|(?<![\w-])(?:" + _alt(terms("terminators")) + r")(?![\w-]))"),
        negation_window=window,
    )


_TOKEN = re.compile(r"[\w'%-]+")
# An embedded question ("trials will show whether it is safe") is not an assertion.
_EMBEDDED_Q = re.compile(r"(?<![\w-])(?:whether|if or not)(?![\w-])")


@dataclass(frozen=True)
class Context:
    negated: bool
    hedged: bool  # a strong hedge ("may", "early research suggests")
    weak_hedge: bool  # "can", "help" -- enough to make a causal claim conditional, not to excuse a cure claim
    attributed: bool
    distanced: bool  # attribution that distances the writer ("clinics claim", "so-called")
    question: bool
    conditional: bool


class Sentences:
    """Sentence index over one text with cached per-sentence trigger positions."""

    def __init__(self, text: str, low: str, lex: ContextLexicon) -> None:
        self.text = text
        self.low = low
        self.lex = lex
        self.spans = split_sentences(text)
        self.starts = [s for s, _ in self.spans]
        self._cache: dict[int, _SentenceTriggers] = {}

    def index_of(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return max(i, 0)

    def span(self, i: int) -> tuple[int, int]:
        if not self.spans:
            return (0, len(self.text))
        return self.spans[i]

    def triggers(self, i: int) -> _SentenceTriggers:
        t = self._cache.get(i)
        if t is None:
            s, e = self.span(i)
            t = _SentenceTriggers(self.low, s, e, self.lex)
            self._cache[i] = t
        return t

    def context(self, start: int, end: int) -> Context:
        i = self.index_of(start)
        return self.triggers(i).context(start, end)

    def sentence_context(self, i: int, ctx: Context) -> Context:
        """Widen hedges and conditionals of ``ctx`` to the whole sentence i."""
        t = self.triggers(i)
        return Context(
            negated=ctx.negated,
            hedged=ctx.hedged or bool(t.hedge),
            weak_hedge=ctx.weak_hedge or bool(t.weak),
            attributed=ctx.attributed,
            distanced=ctx.distanced,
            question=ctx.question,
            conditional=ctx.conditional or bool(t.cond),
        )


class _SentenceTriggers:
    __slots__ = (
        "attr",
        "cond",
        "distancing",
        "embedded_q",
        "end",
        "hedge",
        "low",
        "neg",
        "negpost",
        "question",
        "start",
        "terms",
        "weak",
        "window",
    )

    def __init__(self, low: str, s: int, e: int, lex: ContextLexicon) -> None:
        self.low = low
        self.start = s
        self.end = e
        pseudo = [(m.start(), m.end()) for m in lex.pseudo.finditer(low, s, e)]

        def keep(m: re.Match[str]) -> bool:
            return not any(ps <= m.start() < pe for ps, pe in pseudo)

        self.neg = [(m.start(), m.end()) for m in lex.negation_pre.finditer(low, s, e) if keep(m)]
        self.negpost = [(m.start(), m.end()) for m in lex.negation_post.finditer(low, s, e) if keep(m)]
        self.hedge = [(m.start(), m.end()) for m in lex.hedge_strong.finditer(low, s, e)]
        self.weak = [(m.start(), m.end()) for m in lex.hedge_weak.finditer(low, s, e)]
        self.attr = [(m.start(), m.end()) for m in lex.attribution.finditer(low, s, e)]
        self.distancing = [(m.start(), m.end()) for m in lex.distancing.finditer(low, s, e)]
        self.cond = [(m.start(), m.end()) for m in lex.conditional.finditer(low, s, e)]
        self.terms = [m.start() for m in lex.terminator.finditer(low, s, e)]
        tail = low[max(s, e - 3) : e].rstrip("\"') ]")
        self.question = tail.endswith("?")
        self.embedded_q = [m.start() for m in _EMBEDDED_Q.finditer(low, s, e)]
        self.window = lex.negation_window

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
        negated = any(
            lo <= a and b <= ms and self._tokens_between(b, ms) <= self.window for a, b in self.neg
        ) or any(me <= a and b <= hi and self._tokens_between(me, a) <= 4 for a, b in self.negpost)
        hedged = any(lo <= a < hi and not (ms <= a < me) for a, _ in self.hedge)
        # Hedges that frame a whole sentence ("Early research suggests that ...") reach across clauses.
        weak = any(lo <= a < hi and not (ms <= a < me) for a, _ in self.weak)
        before_attr = any(a < ms for a, _ in self.attr)
        after_attr = any(a >= me for a, _ in self.attr)
        attributed = before_attr or after_attr
        distanced = any(not (ms <= a < me) for a, _ in self.distancing)
        conditional = any(lo <= a < ms for a, _ in self.cond) or any(
            self.start <= a < ms and a < self.start + 12 for a, _ in self.cond
        )
        question = self.question or any(lo <= a < ms for a in self.embedded_q)
        return Context(negated, hedged, weak, attributed, distanced, question, conditional)


@lru_cache(maxsize=1)
def word_re() -> re.Pattern[str]:
    return re.compile(r"[a-z][a-z'-]*")
