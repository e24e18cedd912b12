"""A concrete rewrite of one finding: the finding's own sentence with the offending words replaced.

A rule-level suggestion ("describe the measured outcome") tells an editor what to do; the rewrite
shows it on their text, so the edit can be reviewed and pasted.  Each overclaim rule in rules.yaml
may list ``rewrites``: ``{match, replace}`` pairs tried in order against the words that triggered
the finding (the first whose ``match`` regex fully matches them wins), where ``replace`` is a
``re`` template (``\\1`` refers to a group of ``match``).  Two replacements are built in, because
a table cannot express them:

- ``{hedge}`` turns a verb of cause or efficacy into a hedged one ("reduces" -> "may reduce",
  "reduced" -> "may have reduced", "is effective" -> "may be effective");
- ``{delete}`` removes the words and tidies the spaces and article left behind ("an amazing
  result" -> "a result").

The rewrite is None when no entry matches: a wrong rewrite is worse than none.  Pure string
work, no state; deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Rewrite", "hedge_verb", "rewrite_sentence"]

HEDGE = "{hedge}"
DELETE = "{delete}"

_BE_BEFORE = re.compile(r"\b(is|are|was|were)\s+$", re.IGNORECASE)
_IRREGULAR_BASE = {
    "led": "have led",
    "drove": "have driven",
    "fought": "have fought",
    "cut": "cut",
    "cuts": "cut",
    "does": "do",
    "has": "have",
}
_NOT_VERBS = frozenset({"is", "are", "was", "were", "be", "been", "this", "thus", "its", "his", "less"})


def hedge_verb(words: str) -> str | None:
    """'reduces' -> 'may reduce', 'lowered' -> 'may have lowered', 'leads to' -> 'may lead to'.

    Only the first word is inflected; the rest of a phrasal cue ("leads to", "results in") is kept.
    None when the first word is not a recognisable verb form.
    """
    head, sep, rest = words.partition(" ")
    low = head.lower()
    if low in _NOT_VERBS:
        return None
    if low in _IRREGULAR_BASE:
        base = _IRREGULAR_BASE[low]
        return f"may {base}{sep}{rest}"
    if low.endswith("ed") and len(low) > 4:
        return f"may have {head}{sep}{rest}"
    if low.endswith("ies") and len(low) > 4:
        return f"may {head[:-3]}y{sep}{rest}"
    if low.endswith(("shes", "ches", "sses", "xes", "zes")):
        return f"may {head[:-2]}{sep}{rest}"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return f"may {head[:-1]}{sep}{rest}"
    if low.endswith("ing") or low.endswith("ly") or not low.isalpha():
        return None
    # A base form already ("can reduce" is handled by the rule's context; "they reduce"): hedge it.
    return f"may {head}{sep}{rest}"


@dataclass(frozen=True)
class Rewrite:
    """One ``{match, replace}`` entry of a rule's ``rewrites`` list, compiled."""

    match: re.Pattern[str]
    replace: str

    @classmethod
    def build(cls, match: str, replace: str) -> Rewrite:
        return cls(re.compile(match, re.IGNORECASE), replace)


def _match_case(new: str, old: str) -> str:
    """Keep a capital letter where the replaced words had one (sentence starts, headings)."""
    if new and old[:1].isupper():
        return new[0].upper() + new[1:]
    return new


def _tidy(before: str, after: str) -> str:
    """Join the text around deleted words: one space, 'an' -> 'a' where the next word needs it."""
    before = before.rstrip(" ")
    after = after.lstrip(" ")
    if not before or not after or after[0] in ".,;:!?)":
        joined = before + after
    else:
        joined = before + " " + after
        art = re.search(r"\b(a|an|A|An)$", before)
        if art:
            vowel = after[0].lower() in "aeiou"
            word = art.group(1)
            fixed = ("an" if vowel else "a") if word.islower() else ("An" if vowel else "A")
            joined = before[: art.start()] + fixed + " " + after
    return joined


def rewrite_sentence(sentence: str, start: int, end: int, rewrites: tuple[Rewrite, ...]) -> str | None:
    """The sentence with ``sentence[start:end]`` (the words that triggered a finding) rewritten."""
    words = sentence[start:end]
    for rw in rewrites:
        m = rw.match.fullmatch(words)
        if m is None:
            continue
        before, after = sentence[:start], sentence[end:]
        if rw.replace == DELETE:
            out = _tidy(before, after)
        elif rw.replace == HEDGE:
            be = _BE_BEFORE.search(before)
            if be:  # "is effective" -> "may be effective": the copula moves after the modal
                before = before[: be.start()]
                new = "may be " + words
                new = _match_case(new, be.group(1))
            else:
                hedged = hedge_verb(words)
                if hedged is None:
                    return None
                new = _match_case(hedged, words)
            out = before + new + after
        else:
            out = before + _match_case(m.expand(rw.replace), words) + after
        out = out.strip()
        if out and out[0].islower() and sentence.strip()[:1].isupper():
            out = out[0].upper() + out[1:]
        return out if out != sentence.strip() else None
    return None
