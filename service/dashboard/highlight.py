"""Highlight verdict spans in the extracted text, escaping every piece of the text itself.

Spans may overlap or cross. The text is cut at every span boundary; each piece is wrapped
in one element per span covering it, outermost first (evidence outside findings, then
earlier start, then longer span, then list order), and every element is closed at the end
of the piece. The result is always well-formed HTML, every span keeps its own ``<mark>``
(so each finding's rule and category stay visible wherever it overlaps another), and the
same input always gives the same output. A span's first piece carries its ``id`` so the
findings list and the disclosure checklist can link to it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

SEVERITIES = ("low", "medium", "high")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    anchor: str
    """The ``id`` of the span's first element."""
    kind: str
    """``finding`` (rendered as <mark>) or ``evidence`` (rendered as <span>)."""
    attrs: tuple[tuple[str, str], ...]
    order: int


def _css_token(value: Any) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in str(value).lower()) or "unknown"


def finding_spans(findings: Iterable[Mapping[str, Any]], text_length: int) -> list[Span]:
    """Spans for overclaim findings; findings with offsets outside the text are left out."""
    spans = []
    for i, f in enumerate(findings):
        start, end = f.get("start"), f.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= text_length:
            continue
        category, severity = str(f.get("category", "")), str(f.get("severity", ""))
        spans.append(
            Span(
                start,
                end,
                f"finding-{i}",
                "finding",
                (
                    ("class", f"hl cat-{_css_token(category)} sev-{_css_token(severity)}"),
                    ("data-rule", str(f.get("rule", ""))),
                    ("data-category", category),
                    ("data-severity", severity),
                    ("title", f"{f.get('rule', '')}: {f.get('message', '')}"),
                ),
                i,
            )
        )
    return spans


def evidence_spans(elements: Iterable[Mapping[str, Any]], text_length: int) -> list[Span]:
    """Spans for risk-disclosure evidence, anchored ``evidence-<element>-<n>``."""
    spans = []
    order = 0
    for element in elements:
        name = str(element.get("element", ""))
        for n, ev in enumerate(element.get("evidence") or []):
            start, end = ev.get("start"), ev.get("end")
            if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= text_length:
                continue
            spans.append(
                Span(
                    start,
                    end,
                    f"evidence-{_css_token(name)}-{n}",
                    "evidence",
                    (("class", "evidence"), ("data-element", name)),
                    order,
                )
            )
            order += 1
    return spans


def _open_tag(span: Span, first: bool) -> str:
    tag = "mark" if span.kind == "finding" else "span"
    attrs = list(span.attrs)
    if first:
        attrs.insert(0, ("id", span.anchor))
    rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
    return f"<{tag}{rendered}>"


def _close_tag(span: Span) -> str:
    return "</mark>" if span.kind == "finding" else "</span>"


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """HTML for ``text`` with every span wrapped in place; all text is escaped."""
    spans = list(spans)
    if not spans:
        return Markup(escape(text))
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    nesting = sorted(spans, key=lambda s: (s.kind != "evidence", s.start, -s.end, s.order))
    opened: set[str] = set()
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        covering = [s for s in nesting if s.start <= a and b <= s.end]
        for s in covering:
            out.append(_open_tag(s, s.anchor not in opened))
            opened.add(s.anchor)
        out.append(str(escape(text[a:b])))
        out.extend(_close_tag(s) for s in reversed(covering))
    return Markup("".join(out))
