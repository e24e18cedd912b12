"""A concrete rewrite of one finding: the finding's own sentence with the offending words replaced.

A rule-level suggestion ("describe the measured outcome") tells an editor what to do; the rewrite
shows it on their text, so the edit can be reviewed and pasted.  Each overclaim rule in rules.yaml
may list ``rewrites``: ``{match, replace, next?}`` entries tried in order against the words that
triggered the finding (the first whose ``match`` regex fully matches them, and whose optional
``next`` regex matches the start of the text after them, wins), where ``replace`` is a ``re``
template (``\\1`` refers to a group of ``match``).  ``next`` tells an adjective before a noun
("a groundbreaking therapy", which loses the word) from one after a verb ("it is groundbreaking"),
and ``prev`` (a regex that must match the end of the text before them) a noun from a verb ("a cure"
against "injections cure").  Two replacements are built in, because
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
_MODAL_BEFORE = re.compile(r"\b(can|will|would|could|does|do|did|shall|should)\s+$", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
_ADVERB_BEFORE = re.compile(r"\b([a-z]+ly)\s+$", re.IGNORECASE)
# Predicates that need a copula to be hedged ("is effective" -> "may be effective").
_ADJECTIVES = frozenset(
    {"effective", "efficacious", "beneficial", "superior", "protective", "safe", "detrimental", "harmful"}
)
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
    next: re.Pattern[str] | None = None
    prev: re.Pattern[str] | None = None  # searched in the text before the words; must end there

    @classmethod
    def build(cls, match: str, replace: str, next: str | None = None, prev: str | None = None) -> Rewrite:
        return cls(
            re.compile(match, re.IGNORECASE),
            replace,
            re.compile(next, re.IGNORECASE) if next else None,
            re.compile(f"(?:{prev})\\s*$", re.IGNORECASE) if prev else None,
        )


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
        if rw.next is not None and not rw.next.match(after.lstrip()):
            continue
        if rw.prev is not None and not rw.prev.search(before):
            continue
        if rw.replace == DELETE:
            out = _tidy(before, after)
        elif rw.replace == HEDGE:
            be = _BE_BEFORE.search(before)
            modal = _MODAL_BEFORE.search(before)
            if _TO_BEFORE.search(before):
                return None  # "shown to reduce": the hedge belongs earlier than the verb
            if be:  # "is effective" -> "may be effective": the copula moves after the modal
                before = before[: be.start()]
                new = _match_case("may be " + words, be.group(1))
            elif modal:  # "can repair", "will reduce" -> "may repair", "may reduce"
                before = before[: modal.start()]
                new = _match_case("may " + words, modal.group(1))
            elif words.split(" ", 1)[0].lower() in _ADJECTIVES:
                return None
            else:
                hedged = hedge_verb(words)
                if hedged is None:
                    return None
                adv = _ADVERB_BEFORE.search(before)
                if adv and adv.group(1).lower() not in {"only", "early", "family", "daily"}:
                    # "dramatically improved" -> "may have dramatically improved"
                    before = before[: adv.start()]
                    aux = "may have " if hedged.startswith("may have ") else "may "
                    hedged = aux + adv.group(1) + " " + hedged[len(aux) :]
                    new = _match_case(hedged, adv.group(1))
                else:
                    new = _match_case(hedged, words)
            out = before + new + after
        else:
            # A replacement without a group reference is its own expansion (expand() parses it again each call).
            new = m.expand(rw.replace) if "\\" in rw.replace else rw.replace
            modal = _MODAL_BEFORE.search(before)
            if modal and new.startswith("may "):  # "will reset" -> "may modulate", not "will may"
                before = before[: modal.start()]
                new = _match_case(new, modal.group(1))
            out = before + _match_case(new, words) + after
        out = out.strip()
        if out and out[0].islower() and sentence.strip()[:1].isupper():
            out = out[0].upper() + out[1:]
        return out if out != sentence.strip() else None
    return None
