"""Fast multi-pattern matching: run many regexes over a text without scanning it once per regex.

Every pattern in the catalogue starts at a token boundary, so for each pattern we derive, from its parsed
form, the set of tokens (or token prefixes) a match can start with. A document is tokenised once (a bytes
translate + split, all in C); only where one of a pattern's first tokens occurs is the compiled pattern tried
with ``match``. The result is exactly what ``finditer`` would return (same leftmost, non-overlapping
matches), which the tests check against ``finditer`` on random text. Patterns whose first token cannot be
derived (they start with a digit class or punctuation) fall back to a full ``finditer`` over the text.

Two things keep the per-candidate cost low. At a token only the alternatives that can start with it are
tried, as one smaller regex per set of alternatives: a catalogue pattern joins hundreds of them and re
tries each in turn. And a word's positions are handed to that regex in bulk (``map`` over the
positions, in C), rather than one Python call per candidate; most candidates do not match.
"""

from __future__ import annotations

import itertools
import re
import string
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, repeat
from operator import add

# The regex parser is private but stable across 3.11+ (requires-python >= 3.11).
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

_TOKEN_CHARS = frozenset(string.ascii_lowercase + string.digits)
_TOKEN_BYTES = frozenset((string.ascii_lowercase + string.digits).encode())
_TABLE = bytes(i if i in _TOKEN_BYTES else 32 for i in range(256))
_MAX_PARTIALS = 4000
# Every token any feature can start with; a document indexes the positions of just these, in one pass.
_ALL_EXACT: set[bytes] = set()
_ALL_PREFIXES: set[bytes] = set()
# For each exact token, the features that can start with it, as (Feature.key, sub-regex number): a
# document hands each token's positions to those features directly rather than every feature looking
# up every token of the document.
_STARTERS: dict[bytes, list[tuple[int, int]]] = {}
_FEATURE_KEYS = itertools.count()
# Words found through a prefix (numbers, mostly) whose sub-regex number a feature remembers.
_MAX_WORD_SUBS = 10_000
_WHOLE = -1  # "sub-regex" number of the feature's whole regex (fallback positions)

# any_in() on a feature not yet matched tries only its candidates in the asked range, this many
# times; after that the feature is matched over the whole text once.
_LOCAL_ASKS = 12

_PREFIX_WORDS: tuple[int, re.Pattern[bytes] | None] = (0, None)


def _prefix_words() -> re.Pattern[bytes]:
    """A regex whose findall over " " + a translated document gives every word starting with one of
    _ALL_PREFIXES (rebuilt when a feature adds prefixes; the set only grows)."""
    global _PREFIX_WORDS
    n, regex = _PREFIX_WORDS
    if regex is None or n != len(_ALL_PREFIXES):
        # A prefix that starts with a shorter one finds no further words; single characters (the
        # digits) go into one class, so re tries few alternatives at each space.
        minimal = sorted(
            p for p in _ALL_PREFIXES if not any(q != p and p.startswith(q) for q in _ALL_PREFIXES)
        )
        single = b"".join(p for p in minimal if len(p) == 1)
        alts = [p for p in minimal if len(p) > 1] + ([b"[" + single + b"]"] if single else [])
        regex = re.compile(b" ((?:" + b"|".join(alts) + b")[a-z0-9]*)")
        _PREFIX_WORDS = (len(_ALL_PREFIXES), regex)
    return regex


class _Unbounded(Exception):
    """The pattern can start with something other than a token character."""


def _charset_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    negate = False
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE:
            lo, hi = av
            if hi - lo > 30:
                return None
            chars.update(chr(x) for x in range(lo, hi + 1))
        elif op is _c.NEGATE:
            negate = True
        else:  # CATEGORY (\w, \d, \s ...) and anything else: too broad to enumerate
            return None
    if negate:
        return None
    return chars


def _walk(ops: list[tuple[Any, Any]], partials: set[str]) -> set[tuple[str, bool]]:
    """Possible first tokens of ops, continuing each of ``partials``. (token, exact) pairs;
    exact=False means "any token starting with this"."""
    results: set[tuple[str, bool]] = set()
    i = 0
    while i < len(ops):
        if len(partials) > _MAX_PARTIALS:
            raise _Unbounded
        op, av = ops[i]
        rest = ops[i + 1 :]
        if op is _c.LITERAL:
            ch = chr(av)
            if ch in _TOKEN_CHARS:
                partials = {p + ch for p in partials}
            else:
                return results | _close(partials)
        elif op is _c.IN:
            chars = _charset_chars(av)
            if chars is None:
                return results | _open(partials)
            tok = {c for c in chars if c in _TOKEN_CHARS}
            if len(tok) != len(chars):
                results |= _close(partials)
            if not tok:
                return results
            partials = {p + c for p in partials for c in tok}
        elif op is _c.BRANCH:
            for alt in av[1]:
                results |= _walk(list(alt) + rest, partials)
            return results
        elif op is _c.SUBPATTERN:
            sub = av[-1]
            return results | _walk(list(sub) + rest, partials)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            if lo == 0 and hi == 1:
                results |= _walk(rest, partials)
                return results | _walk(list(sub) + rest, partials)
            if lo == 0:
                # No copy, or a first copy and then anything: "no(?: \w+)* risk" keeps "no" exact.
                return results | _walk(rest, partials) | _walk([*sub, (_c.ANY, None)], partials)
            # One mandatory copy, then anything. A token the first copy closes itself ("discuss" in
            # "discuss(?: \w+){1,4}") stays exact; one still open at the copy's end becomes a prefix.
            return results | _walk([*sub, (_c.ANY, None)], partials)
        elif op is _c.AT and av is _c.AT_BOUNDARY and partials and all(partials):
            # "risk\b[^.;]..." : after token characters, \b means the token ends here.
            return results | _close(partials)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            pass  # zero-width: a superset of first tokens is still correct
        else:  # ANY, NOT_LITERAL, GROUPREF, CATEGORY ...
            return results | _open(partials)
        i += 1
    return results | _close(partials)


def _close(partials: set[str]) -> set[tuple[str, bool]]:
    if any(not p for p in partials):
        raise _Unbounded
    return {(p, True) for p in partials}


def _open(partials: set[str]) -> set[tuple[str, bool]]:
    if any(not p for p in partials):
        raise _Unbounded
    return {(p, False) for p in partials}


def first_tokens(pattern: str) -> set[tuple[str, bool]] | None:
    """First tokens a match of ``pattern`` can start with, or None if they cannot be bounded."""
    try:
        parsed = _p.parse(pattern)
        return _walk(list(parsed), {""})
    except (_Unbounded, RecursionError):
        return None


@dataclass
class Feature:
    """One pattern registered with a Scanner."""

    regex: re.Pattern[str]
    exact: frozenset[bytes]
    prefixes: tuple[bytes, ...]
    # Alternatives that cannot be found through tokens: (possible first characters, regex). The first
    # characters are located with str.find, much faster than a regex scan of the whole text.
    fallback: tuple[tuple[str, re.Pattern[str]], ...]
    # Registration number in _STARTERS (never reused, unlike id()).
    key: int = -1
    # For the sub-regexes: the token-bounded alternatives in order, the exact first tokens and the
    # prefixes of each (as parsed, before a prefix makes an exact token redundant), the unbounded
    # alternatives joined, and the boundary class.
    alternatives: tuple[str, ...] = ()
    alt_exact: tuple[frozenset[bytes], ...] = ()
    alt_prefixes: tuple[tuple[bytes, ...], ...] = ()
    unbounded: str = ""
    boundary: str = r"\w"
    # Sub-regexes, compiled on first use, by number; the alternatives of each, and the number of each
    # set of alternatives.
    subs: list[re.Pattern[str] | None] = field(default_factory=list)
    sub_alts: list[tuple[int, ...]] = field(default_factory=list)
    sub_ids: dict[tuple[int, ...], int] = field(default_factory=dict)
    word_subs: dict[bytes, int] = field(default_factory=dict)
    # The sub-regex number of each exact first token (what _STARTERS holds for this feature).
    exact_subs: dict[bytes, int] = field(default_factory=dict)

    def sub_for(self, word: bytes) -> int:
        """Number of the sub-regex of just the alternatives that can start with the token ``word``."""
        k = self.word_subs.get(word)
        if k is None:
            alts = tuple(
                i
                for i, (ex, pre) in enumerate(zip(self.alt_exact, self.alt_prefixes, strict=True))
                if word in ex or (pre and word.startswith(pre))
            )
            k = self.sub_ids.get(alts)
            if k is None:
                k = self.sub_ids[alts] = len(self.subs)
                self.subs.append(None)
                self.sub_alts.append(alts)
            if len(self.word_subs) >= _MAX_WORD_SUBS:
                self.word_subs.clear()
            self.word_subs[word] = k
        return k

    def compile_subs(self) -> None:
        """Compile every sub-regex of the exact first tokens now (a service compiles them at start-up,
        rather than on the first document that has each word)."""
        for k in range(len(self.subs)):
            self.sub(k)

    def sub(self, k: int) -> re.Pattern[str]:
        """Sub-regex k: its alternatives in their original order, then the unbounded ones. At a token
        it matches exactly what the whole regex matches there, since no other alternative can."""
        if k == _WHOLE:
            return self.regex
        rx = self.subs[k]
        if rx is None:
            bounded = "|".join(self.alternatives[i] for i in self.sub_alts[k])
            parts = [rf"(?<![{self.boundary}])(?:{bounded})"]
            if self.unbounded:
                parts.append(self.unbounded)
            rx = self.subs[k] = re.compile("(?:" + "|".join(parts) + rf")(?![{self.boundary}])")
        return rx


def split_alternatives(pattern: str) -> list[str]:
    """Top-level alternatives of a pattern, unwrapping one enclosing (?:...) group."""

    def top_split(p: str) -> list[str]:
        parts: list[str] = []
        depth = 0
        in_class = False
        cur: list[str] = []
        i = 0
        while i < len(p):
            ch = p[i]
            if ch == "\\" and i + 1 < len(p):
                cur.append(p[i : i + 2])
                i += 2
                continue
            if in_class:
                if ch == "]":
                    in_class = False
            elif ch == "[":
                in_class = True
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            elif ch == "|" and depth == 0:
                parts.append("".join(cur))
                cur = []
                i += 1
                continue
            cur.append(ch)
            i += 1
        parts.append("".join(cur))
        return parts

    parts = top_split(pattern)
    if len(parts) == 1 and pattern.startswith("(?:") and pattern.endswith(")"):
        inner = pattern[3:-1]
        # Only unwrap when the opening group really closes at the very end.
        try:
            re.compile(inner)
        except re.error:
            return parts
        if top_split("(?:" + inner + ")") == [pattern]:
            inner_parts = top_split(inner)
            if all(_balanced(x) for x in inner_parts):
                return inner_parts
    return parts


def _balanced(p: str) -> bool:
    try:
        re.compile(p)
    except re.error:
        return False
    return True


def build_feature(alternatives: list[str], boundary: str = r"\w") -> Feature:
    """Compile alternatives into one pattern matched only at token boundaries.

    Alternatives that start with a token character get a ``(?<![boundary])`` guard and are found through
    their first tokens; the others (punctuation, digit classes) are found by a fallback scan. Every
    alternative must end at a boundary: ``(?![boundary])``.
    """
    exact: set[bytes] = set()
    prefixes: set[bytes] = set()
    bounded: list[str] = []
    unbounded: list[str] = []
    expanded: list[str] = []
    for alt in alternatives:
        expanded.extend(split_alternatives(alt))
    alt_exact: list[frozenset[bytes]] = []
    alt_prefixes: list[tuple[bytes, ...]] = []
    for alt in expanded:
        toks = first_tokens(alt)
        if toks is None:
            unbounded.append(alt)
            continue
        bounded.append(alt)
        alt_exact.append(frozenset(t.encode() for t, is_exact in toks if is_exact))
        alt_prefixes.append(tuple(sorted(t.encode() for t, is_exact in toks if not is_exact)))
        for t, is_exact in toks:
            (exact if is_exact else prefixes).add(t.encode())
    parts = []
    if bounded:
        parts.append(rf"(?<![{boundary}])(?:" + "|".join(bounded) + ")")
    if unbounded:
        parts.append("(?:" + "|".join(unbounded) + ")")
    regex = re.compile("(?:" + "|".join(parts) + rf")(?![{boundary}])")
    # One regex per alternative: each starts with a literal or a character class, which lets re skip
    # quickly to candidate positions (a joined alternation would not).
    fallback = []
    for alt in unbounded:
        chars = _first_chars(alt)
        if chars is None:
            raise ValueError(
                f"pattern must start with a token, a literal or a small character class: {alt!r}"
            )
        fallback.append((chars, re.compile(alt)))
    # A prefix makes any exact token it covers redundant.
    exact = {e for e in exact if not any(e.startswith(p) for p in prefixes)}
    _ALL_EXACT.update(exact)
    _ALL_PREFIXES.update(prefixes)
    feature = Feature(
        regex,
        frozenset(exact),
        tuple(sorted(prefixes)),
        tuple(fallback),
        next(_FEATURE_KEYS),
        tuple(bounded),
        tuple(alt_exact),
        tuple(alt_prefixes),
        "(?:" + "|".join(unbounded) + ")" if unbounded else "",
        boundary,
    )
    for word in sorted(exact):
        k = feature.exact_subs[word] = feature.sub_for(word)
        _STARTERS.setdefault(word, []).append((feature.key, k))
    return feature


def _first_chars(pattern: str) -> str | None:
    """The characters a match of ``pattern`` can start with, if they are a small literal set."""
    ops = list(_p.parse(pattern))
    while ops:
        op, av = ops[0]
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            ops.pop(0)
        elif op is _c.SUBPATTERN:
            ops = list(av[-1]) + ops[1:]
        elif op is _c.LITERAL:
            return chr(av)
        elif op is _c.IN:
            chars = _charset_chars(av)
            return "".join(sorted(chars)) if chars and len(chars) <= 8 else None
        else:
            return None
    return None


class Plan:
    """Features a document matches all at once, in one pass over its indexed words.

    Most catalogue features are read over the whole text in nearly every check (the rule patterns, the
    element patterns, the context lexicon ...). Matched one at a time, each gathers its own candidates
    from the token index: a dict of groups per feature per document, most of it Python-level work on
    words that occur once. In one pass, every indexed word's positions go straight to the sub-regex of
    each planned feature that can start with it. The matches are the same (the same sub-regex at the
    same candidates); features not in the plan are matched on demand as before.
    """

    def __init__(self, features: list[Feature]) -> None:
        by_key: dict[int, Feature] = {}
        for f in features:
            by_key.setdefault(f.key, f)
        self.by_key = by_key
        # For each exact first token: (feature key, its compiled sub-regex), in registration order.
        self.words: dict[bytes, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        for word, starters in _STARTERS.items():
            runs = tuple((key, by_key[key].sub(k)) for key, k in starters if key in by_key)
            if runs:
                self.words[word] = runs
        self.prefixed = tuple(f for f in by_key.values() if f.prefixes)
        self.fallback = tuple(f for f in by_key.values() if f.fallback)

    def covers(self, feature: Feature) -> bool:
        return self.by_key.get(feature.key) is feature


def _match_at(rx: re.Pattern[str], low: str, positions: list[int], out: list[tuple[int, int]]) -> None:
    """Append the non-empty match of ``rx`` at each position (the positions handed to re in bulk,
    ``map`` in C, rather than one Python call per candidate: most candidates do not match)."""
    for m in filter(None, map(rx.match, repeat(low), positions)):
        s, e = m.span()
        if e > s:
            out.append((s, e))


class Doc:
    """Per-document token index shared by all features."""

    __slots__ = (
        "_all",
        "_cache",
        "_index",
        "_left",
        "_local",
        "_plan",
        "_positions",
        "_prefix_hits",
        "_translated",
        "_words",
        "low",
    )

    def __init__(self, low: str, plan: Plan | None = None) -> None:
        self.low = low
        # Matched all at once on the first request for any of its features (None: none planned).
        self._plan = plan
        # Same length as low: one byte per character, everything but [a-z0-9] a space.
        self._translated = low.encode("ascii", "replace").translate(_TABLE)
        self._index: dict[bytes, list[int]] | None = None
        # The indexed tokens in text order: their positions, and the tokens.
        self._positions: list[int] = []
        self._words: list[bytes] = []
        self._prefix_hits: dict[bytes, list[bytes]] = {}
        # Leftmost non-overlapping matches, once spans() has been asked for them.
        self._cache: dict[int, list[tuple[int, int]]] = {}
        # The match at every candidate, overlapping ones included.
        self._all: dict[int, list[tuple[int, int]]] = {}
        # The leftmost non-overlapping matches, once computed (spans() also makes any_in() use them).
        self._left: dict[int, list[tuple[int, int]]] = {}
        # How often any_in() was answered for a feature from the candidates in the asked range alone.
        self._local: dict[int, int] = {}

    def _build_index(self) -> dict[bytes, list[int]]:
        """Positions of every token some feature can start with.

        This runs once per document over every token (~2,000 in 10 KB), so each step is a C-level
        iterator rather than a Python loop. The document's distinct words (a few hundred) are looked up
        first: the catalogue's first tokens among them, and, by one regex pass over them rather than
        over the whole text, those that start with a prefix; every token is then tested against that
        small set, whose words have their hashes cached by then."""
        parts = self._translated.split(b" ")
        distinct = set(parts)
        needed = distinct.intersection(_ALL_EXACT)
        if _ALL_PREFIXES:
            # The words that start with some prefix, sorted out per prefix: a handful per document.
            hits = _prefix_words().findall(b" " + b" ".join(distinct))
            prefix_hits = self._prefix_hits
            lengths = sorted({len(p) for p in _ALL_PREFIXES})
            for w in hits:
                for n in lengths:
                    if n > len(w):
                        break
                    if w[:n] in _ALL_PREFIXES:
                        prefix_hits.setdefault(w[:n], []).append(w)
            needed.update(hits)
        mask = list(map(needed.__contains__, parts))
        # Parts are separated by exactly one space: part k starts at k plus the lengths of the parts
        # before it (the additions only for the needed parts).
        starts = self._positions = list(
            map(add, compress(accumulate(map(len, parts), initial=0), mask), compress(count(), mask))
        )
        words = self._words = list(compress(parts, mask))
        index: defaultdict[bytes, list[int]] = defaultdict(list)
        # index[word].append(start) for each needed part, consumed without a Python-level loop.
        deque(map(list.append, map(index.__getitem__, words), starts), maxlen=0)
        return dict(index)

    def _ensure_index(self) -> dict[bytes, list[int]]:
        index = self._index
        if index is None:
            index = self._index = self._build_index()
        return index

    def _prefix_candidates(self, feature: Feature) -> list[tuple[int, list[int]]]:
        """The feature's candidates among words found through its prefixes (numbers, mostly), and
        its fallback positions, grouped by the regex to try there."""
        index = self._ensure_index()
        groups = [
            (feature.sub_for(w), index[w]) for p in feature.prefixes for w in self._prefix_hits.get(p, ())
        ]
        if feature.fallback:
            low = self.low
            found: list[int] = []
            for chars, fb in feature.fallback:
                match = fb.match
                for ch in chars:
                    i = low.find(ch)
                    while i != -1:
                        if match(low, i):
                            found.append(i)
                        i = low.find(ch, i + 1)
            groups.append((_WHOLE, found))
        return groups

    def _candidates(self, feature: Feature) -> list[tuple[int, list[int]]]:
        """The feature's candidate positions, grouped by the regex to try there (in no particular
        order: the matches are sorted)."""
        index = self._ensure_index()
        subs = feature.exact_subs
        if len(index) < len(subs):
            groups = [(subs[w], ps) for w, ps in index.items() if w in subs]
        else:
            groups = [(k, index[w]) for w, k in subs.items() if w in index]
        if feature.prefixes or feature.fallback:
            groups.extend(self._prefix_candidates(feature))
        return groups

    def _matches(self, feature: Feature) -> list[tuple[int, int]]:
        """The match at every candidate (what ``feature.regex.match`` gives there), sorted; a candidate
        found twice gives the same match twice."""
        key = id(feature)
        got = self._all.get(key)
        if got is not None:
            return got
        plan = self._plan
        if plan is not None and plan.covers(feature):
            self._match_plan(plan)
            return self._all[key]
        out: list[tuple[int, int]] = []
        for k, positions in self._candidates(feature):
            _match_at(feature.sub(k), self.low, positions, out)
        out.sort()
        self._all[key] = out
        return out

    def _match_plan(self, plan: Plan) -> None:
        """Match every planned feature: each indexed word's positions go to the sub-regex of each
        planned feature that can start with it, then the prefix and fallback candidates."""
        index = self._ensure_index()
        low = self.low
        found: dict[int, list[tuple[int, int]]] = {key: [] for key in plan.by_key}
        words = plan.words
        for word, positions in index.items():
            runs = words.get(word)
            if runs is None:
                continue
            if len(positions) == 1:  # most words occur once: skip setting up the iterators
                pos = positions[0]
                for key, rx in runs:
                    m = rx.match(low, pos)
                    if m is not None:
                        s, e = m.span()
                        if e > s:
                            found[key].append((s, e))
            else:
                for key, rx in runs:
                    _match_at(rx, low, positions, found[key])
        for feature in {f.key: f for f in (*plan.prefixed, *plan.fallback)}.values():
            out = found[feature.key]
            for k, positions in self._prefix_candidates(feature):
                _match_at(feature.sub(k), low, positions, out)
        all_ = self._all
        for key, feature in plan.by_key.items():
            out = found[key]
            out.sort()
            all_[id(feature)] = out

    def _leftmost(self, feature: Feature) -> list[tuple[int, int]]:
        """Leftmost non-overlapping matches, as finditer would give them."""
        got = self._left.get(id(feature))
        if got is not None:
            return got
        out: list[tuple[int, int]] = []
        self._left[id(feature)] = out
        last = -1
        for s, e in self._matches(feature):
            if s >= last:
                out.append((s, e))
                last = e
        return out

    def spans(self, feature: Feature) -> list[tuple[int, int]]:
        """All matches of feature.regex in the text, as finditer would give them."""
        key = id(feature)
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = self._leftmost(feature)
        return got

    def iter_spans(self, feature: Feature) -> Iterator[tuple[int, int]]:
        """Matches in order (for callers that stop early). Unlike spans(), this does not make any_in()
        answer from the non-overlapping matches."""
        got = self._cache.get(id(feature))
        yield from got if got is not None else self._leftmost(feature)

    def any_in(self, feature: Feature, start: int, end: int) -> bool:
        """Does a match of the feature start in [start, end)? Once spans() has been asked, only its
        non-overlapping matches count; before, a match at any candidate does."""
        key = id(feature)
        got = self._cache.get(key)
        if got is None:
            got = self._all.get(key)
            if got is None:
                # A feature asked about in a few sentences only (the rules' ``unless`` conditions)
                # is tried at its candidates in those sentences; asked often, it is matched once
                # over the whole text. Both answer the same: is there a match at some candidate.
                asked = self._local.get(key, 0)
                if asked < _LOCAL_ASKS:
                    self._local[key] = asked + 1
                    return self._any_local(feature, start, end)
                got = self._matches(feature)
        i = bisect_left(got, (start, -1))
        return i < len(got) and got[i][0] < end

    def _any_local(self, feature: Feature, start: int, end: int) -> bool:
        """any_in() from the feature's candidates in [start, end) alone (its matches not computed):
        the indexed tokens there that are one of its first tokens or start with one of its prefixes,
        and its fallback positions."""
        self._ensure_index()
        low, positions, words = self.low, self._positions, self._words
        exact, prefixes = feature.exact, feature.prefixes
        i = bisect_left(positions, start)
        n = len(positions)
        while i < n and positions[i] < end:
            w = words[i]
            if w in exact or (prefixes and w.startswith(prefixes)):
                m = feature.sub(feature.sub_for(w)).match(low, positions[i])
                if m is not None and m.end() > m.start():
                    return True
            i += 1
        for chars, fb in feature.fallback:
            for ch in chars:
                i = low.find(ch, start, end)
                while i != -1:
                    if fb.match(low, i):
                        m = feature.regex.match(low, i)
                        if m is not None and m.end() > m.start():
                            return True
                    i = low.find(ch, i + 1, end)
        return False
