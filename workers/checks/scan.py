"""Fast multi-pattern matching: run many regexes over a text without scanning it once per regex.

Every pattern in the catalogue starts at a token boundary, so for each pattern we derive, from its parsed
form, the set of tokens (or token prefixes) a match can start with. A document is tokenised once (a bytes
translate + split, all in C); only where one of a pattern's first tokens occurs is the compiled pattern tried
with ``match``. The result is exactly what ``finditer`` would return (same leftmost, non-overlapping
matches), which the tests check against ``finditer`` on random text. Patterns whose first token cannot be
derived (they start with a digit class or punctuation) fall back to a full ``finditer`` over the text.
"""

from __future__ import annotations

import itertools
import re
import string
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, compress

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
# For each exact token, the features that can start with it, as (Feature.key, literal length or 0): a
# document hands each token's positions to those features directly rather than every feature looking
# up every token of the document.
_STARTERS: dict[bytes, list[tuple[int, int]]] = {}
_FEATURE_KEYS = itertools.count()


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
    # Tokens that, when they occur with a boundary on both sides, are the whole match by themselves
    # (only plain-word alternatives start with them), so no regex needs to run there.
    literal: frozenset[bytes] = frozenset()
    hyphen_bound: bool = False
    # Registration number in _STARTERS (never reused, unlike id()).
    key: int = -1


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
    literal: set[bytes] = set()
    regex_exact: set[bytes] = set()
    for alt in expanded:
        toks = first_tokens(alt)
        if toks is None:
            unbounded.append(alt)
            continue
        bounded.append(alt)
        is_literal = _LITERAL_ALT.fullmatch(alt) is not None and all(e for _, e in toks)
        for t, is_exact in toks:
            (exact if is_exact else prefixes).add(t.encode())
            (literal if is_literal else regex_exact).add(t.encode())
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
    fast = {t for t in literal - regex_exact if not any(t.startswith(p) for p in prefixes)}
    key = next(_FEATURE_KEYS)
    for word in exact:
        _STARTERS.setdefault(word, []).append((key, len(word) if word in fast and len(word) < 64 else 0))
    return Feature(
        regex,
        frozenset(exact),
        tuple(sorted(prefixes)),
        tuple(fallback),
        frozenset(fast),
        "-" in boundary,
        key,
    )


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


# A single-token alternative made only of letters, digits, groups, optional marks and classes.
_LITERAL_ALT = re.compile(r"[a-z0-9()?:|\[\]]+")


class Doc:
    """Per-document token index shared by all features."""

    __slots__ = ("_by_feature", "_cache", "_index", "_prefix_hits", "_starts_cache", "_translated", "low")

    _starts_cache: dict[int, list[int]]

    def __init__(self, low: str) -> None:
        self.low = low
        # Same length as low: one byte per character, everything but [a-z0-9] a space.
        self._translated = low.encode("ascii", "replace").translate(_TABLE)
        self._index: dict[bytes, list[int]] | None = None
        self._prefix_hits: dict[bytes, list[bytes]] = {}
        self._cache: dict[int, list[tuple[int, int]]] = {}
        self._starts_cache = {}
        self._by_feature: dict[int, list[int]] | None = None

    def _build_index(self) -> dict[bytes, list[int]]:
        """Positions of every token some feature can start with, each times 64 (see _starts).

        This runs once per document over every token (~2,000 in 10 KB), so each step is a C-level
        iterator rather than a Python loop."""
        parts = self._translated.split(b" ")
        needed: set[bytes] | frozenset[bytes] = _ALL_EXACT
        if _ALL_PREFIXES:
            # One C-level startswith per distinct word against all prefixes at once; only the few
            # words that start with some prefix are then sorted out per prefix.
            every = tuple(_ALL_PREFIXES)
            hits = [w for w in set(parts) if w.startswith(every)]
            prefix_hits = self._prefix_hits
            lengths = sorted({len(p) for p in _ALL_PREFIXES})
            for w in hits:
                for n in lengths:
                    if n > len(w):
                        break
                    if w[:n] in _ALL_PREFIXES:
                        prefix_hits.setdefault(w[:n], []).append(w)
            needed = _ALL_EXACT.union(hits)
        mask = list(map(needed.__contains__, parts))
        # Parts are separated by exactly one space: part k starts at the sum of (length + 1) over earlier parts.
        starts = accumulate(map((1).__add__, map(len, parts)), initial=0)
        index: defaultdict[bytes, list[int]] = defaultdict(list)
        # index[word].append(start) for each needed part, consumed without a Python-level loop.
        codes = map((64).__mul__, compress(starts, mask))
        deque(map(list.append, map(index.__getitem__, compress(parts, mask)), codes), maxlen=0)
        return dict(index)

    def _distribute(self, index: dict[bytes, list[int]]) -> dict[int, list[int]]:
        """Each feature's candidate codes from its exact first tokens (unsorted), keyed by Feature.key."""
        by_feature: defaultdict[int, list[int]] = defaultdict(list)
        for word, codes in index.items():
            for key, n in _STARTERS.get(word, ()):
                by_feature[key].extend([c + n for c in codes] if n else codes)
        return by_feature

    def _starts(self, feature: Feature) -> list[int]:
        """Sorted candidate starts of a feature, each encoded as position * 64 + literal length (0 if the
        regex must run there); plain ints sort much faster than tuples."""
        key = id(feature)
        got = self._starts_cache.get(key)
        if got is not None:
            return got
        index = self._index
        if index is None:
            index = self._index = self._build_index()
        by_feature = self._by_feature
        if by_feature is None:
            by_feature = self._by_feature = self._distribute(index)
        starts = by_feature.get(feature.key, [])
        for p in feature.prefixes:
            for w in self._prefix_hits.get(p, ()):
                starts.extend(index[w])
        low = self.low
        for chars, fb in feature.fallback:
            match = fb.match
            for ch in chars:
                i = low.find(ch)
                while i != -1:
                    if match(low, i):
                        starts.append(i * 64)
                    i = low.find(ch, i + 1)
        starts.sort()
        self._starts_cache[key] = starts
        return starts

    def _match_at(self, feature: Feature, s: int, n: int) -> int:
        """End of the feature's match at s, or -1."""
        low = self.low
        if n:
            e = s + n
            before = low[s - 1] if s else " "
            after = low[e] if e < len(low) else " "
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_") and not (
                feature.hyphen_bound and (before == "-" or after == "-")
            ):
                return e
        m = feature.regex.match(low, s)
        return m.end() if m is not None and m.end() > s else -1

    def spans(self, feature: Feature) -> list[tuple[int, int]]:
        """All matches of feature.regex in the text, as finditer would give them."""
        key = id(feature)
        got = self._cache.get(key)
        if got is not None:
            return got
        out: list[tuple[int, int]] = []
        last = -1
        for code in self._starts(feature):
            s, n = code >> 6, code & 63
            if s < last:
                continue
            e = self._match_at(feature, s, n)
            if e != -1:
                out.append((s, e))
                last = e
        self._cache[key] = out
        return out

    def iter_spans(self, feature: Feature) -> Iterator[tuple[int, int]]:
        """Matches in order, computed lazily (for callers that stop early)."""
        got = self._cache.get(id(feature))
        if got is not None:
            yield from got
            return
        last = -1
        for code in self._starts(feature):
            s, n = code >> 6, code & 63
            if s < last:
                continue
            e = self._match_at(feature, s, n)
            if e != -1:
                yield (s, e)
                last = e

    def any_in(self, feature: Feature, start: int, end: int) -> bool:
        """Does a match of the feature start in [start, end)? Only candidates there are tried."""
        got = self._cache.get(id(feature))
        if got is not None:
            i = bisect_left(got, (start, -1))
            return i < len(got) and got[i][0] < end
        starts = self._starts(feature)
        i = bisect_left(starts, start * 64)
        stop = end * 64
        while i < len(starts) and starts[i] < stop:
            s, n = starts[i] >> 6, starts[i] & 63
            if self._match_at(feature, s, n) != -1:
                return True
            i += 1
        return False
