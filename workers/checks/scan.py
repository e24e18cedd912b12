"""Fast multi-pattern matching: run many regexes over a text without scanning it once per regex.

Every pattern in the catalogue starts at a token boundary, so for each pattern we derive, from its parsed
form, the set of tokens (or token prefixes) a match can start with. A document is tokenised once (a bytes
translate + split, all in C); only where one of a pattern's first tokens occurs is the compiled pattern tried
with ``match``. The result is exactly what ``finditer`` would return (same leftmost, non-overlapping
matches), which the tests check against ``finditer`` on random text. Patterns whose first token cannot be
derived (they start with a digit class or punctuation) fall back to a full ``finditer`` over the text.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from dataclasses import dataclass

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_TOKEN_CHARS = frozenset(string.ascii_lowercase + string.digits)
_TOKEN_BYTES = frozenset((string.ascii_lowercase + string.digits).encode())
_TABLE = bytes(i if i in _TOKEN_BYTES else 32 for i in range(256))
_MAX_PARTIALS = 4000


class _Unbounded(Exception):
    """The pattern can start with something other than a token character."""


def _charset_chars(items: list[tuple[object, object]]) -> set[str] | None:
    chars: set[str] = set()
    negate = False
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))  # type: ignore[call-overload]
        elif op is _c.RANGE:
            lo, hi = av  # type: ignore[misc]
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


def _walk(ops: list[tuple[object, object]], partials: set[str]) -> set[tuple[str, bool]]:
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
            ch = chr(av)  # type: ignore[call-overload]
            if ch in _TOKEN_CHARS:
                partials = {p + ch for p in partials}
            else:
                return results | _close(partials)
        elif op is _c.IN:
            chars = _charset_chars(av)  # type: ignore[arg-type]
            if chars is None:
                return results | _open(partials)
            tok = {c for c in chars if c in _TOKEN_CHARS}
            if len(tok) != len(chars):
                results |= _close(partials)
            if not tok:
                return results
            partials = {p + c for p in partials for c in tok}
        elif op is _c.BRANCH:
            for alt in av[1]:  # type: ignore[index]
                results |= _walk(list(alt) + rest, partials)
            return results
        elif op is _c.SUBPATTERN:
            sub = av[-1]  # type: ignore[index]
            return results | _walk(list(sub) + rest, partials)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av  # type: ignore[misc]
            if lo == 0 and hi == 1:
                results |= _walk(rest, partials)
                return results | _walk(list(sub) + rest, partials)
            if lo == 0:
                return results | _walk(rest, partials) | _open(partials)
            # One mandatory copy, then anything: keep what the first copy gives as prefixes.
            first = _walk(list(sub), partials)
            return results | {(t, False) for t, _ in first if t} | _check_empty(first)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            pass  # zero-width: a superset of first tokens is still correct
        else:  # ANY, NOT_LITERAL, GROUPREF, CATEGORY ...
            return results | _open(partials)
        i += 1
    return results | _close(partials)


def _check_empty(found: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    if any(not t for t, _ in found):
        raise _Unbounded
    return set()


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
    fallback: re.Pattern[str] | None


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
    for alt in alternatives:
        toks = first_tokens(alt)
        if toks is None:
            unbounded.append(alt)
            continue
        bounded.append(alt)
        for t, is_exact in toks:
            (exact if is_exact else prefixes).add(t.encode())
    parts = []
    if bounded:
        parts.append(rf"(?<![{boundary}])(?:" + "|".join(bounded) + ")")
    if unbounded:
        parts.append("(?:" + "|".join(unbounded) + ")")
    regex = re.compile("(?:" + "|".join(parts) + rf")(?![{boundary}])")
    fallback = re.compile("|".join(unbounded)) if unbounded else None
    # A prefix makes any exact token it covers redundant.
    exact = {e for e in exact if not any(e.startswith(p) for p in prefixes)}
    return Feature(regex, frozenset(exact), tuple(sorted(prefixes)), fallback)


class Doc:
    """Per-document token index shared by all features."""

    __slots__ = ("_cache", "_padded", "_prefix_hits", "_vocab", "low")

    def __init__(self, low: str) -> None:
        self.low = low
        # Same length as low: one byte per character, everything but [a-z0-9] a space; padded by one space.
        self._padded = b" " + low.encode("ascii", "replace").translate(_TABLE) + b" "
        self._vocab: set[bytes] | None = None
        self._prefix_hits: dict[bytes, list[bytes]] = {}
        self._cache: dict[int, list[tuple[int, int]]] = {}

    def vocab(self) -> set[bytes]:
        if self._vocab is None:
            self._vocab = set(self._padded.split())
        return self._vocab

    def _positions(self, token: bytes, out: list[int]) -> None:
        b = self._padded
        needle = b" " + token + b" "
        i = b.find(needle)
        while i != -1:
            out.append(i)  # i is the padded index of the space, i.e. the text index of the token
            i = b.find(needle, i + 1)

    def spans(self, feature: Feature) -> list[tuple[int, int]]:
        """All matches of feature.regex in the text, as finditer would give them."""
        key = id(feature)
        got = self._cache.get(key)
        if got is not None:
            return got
        vocab = self.vocab()
        tokens = feature.exact & vocab
        starts: list[int] = []
        for t in tokens:
            self._positions(t, starts)
        if feature.prefixes:
            for p in feature.prefixes:
                hits = self._prefix_hits.get(p)
                if hits is None:
                    hits = [w for w in vocab if w.startswith(p)]
                    self._prefix_hits[p] = hits
                for w in hits:
                    self._positions(w, starts)
        low = self.low
        if feature.fallback is not None:
            starts.extend(m.start() for m in feature.fallback.finditer(low))
        starts.sort()
        out: list[tuple[int, int]] = []
        last = -1
        match = feature.regex.match
        for s in starts:
            if s < last:
                continue
            m = match(low, s)
            if m is not None and m.end() > s:
                out.append((s, m.end()))
                last = m.end()
        self._cache[key] = out
        return out

    def any_in(self, feature: Feature, start: int, end: int) -> bool:
        spans = self.spans(feature)
        i = bisect_left(spans, (start, -1))
        return i < len(spans) and spans[i][0] < end
