"""The highlighter: escaping, overlapping and crossing spans, bad offsets, determinism."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from service.dashboard.highlight import evidence_spans, finding_spans, highlight


def f(
    start: int, end: int, rule: str = "OC-X", category: str = "cure", severity: str = "high"
) -> dict[str, object]:
    return {
        "rule": rule,
        "category": category,
        "severity": severity,
        "start": start,
        "end": end,
        "message": "m",
    }


class _Checker(HTMLParser):
    """Parses the output back: tags must nest properly; collects the text and each mark's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ("mark", "span"), tag
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert not checker.stack
    return checker


def test_plain_text_is_escaped() -> None:
    text = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    html = str(highlight(text, []))
    assert "<script" not in html and "<img" not in html
    assert parse(html).text == [text]


def test_single_finding_wraps_its_span_with_rule_and_category() -> None:
    text = "Stem cells cure arthritis."
    html = str(highlight(text, finding_spans([f(11, 15, "OC-CURE", "cure")], len(text))))
    assert html == (
        'Stem cells <mark id="finding-0" class="hl cat-cure sev-high" data-rule="OC-CURE" '
        'data-category="cure" data-severity="high" title="OC-CURE: m">cure</mark> arthritis.'
    )


def simplify(html: str) -> str:
    return re.sub(r'<mark ((?:id="[^"]+" )?)class="[^"]*" (data-rule="[^"]+")[^>]*>', r"<mark \1\2>", html)


def test_overlapping_findings_nest_and_keep_every_rule() -> None:
    text = "abcdefghij"
    html = str(highlight(text, finding_spans([f(2, 6, "A"), f(4, 9, "B")], len(text))))
    assert simplify(html) == (
        'ab<mark id="finding-0" data-rule="A">cd</mark>'
        '<mark data-rule="A"><mark id="finding-1" data-rule="B">ef</mark></mark>'
        '<mark data-rule="B">ghi</mark>j'
    )
    assert "".join(parse(html).text) == text


def test_contained_and_identical_spans_are_deterministic() -> None:
    text = "one two three four"
    findings = [f(4, 13, "OUTER"), f(8, 13, "INNER"), f(8, 13, "SAME")]
    first = str(highlight(text, finding_spans(findings, len(text))))
    again = str(highlight(text, finding_spans(findings, len(text))))
    assert first == again
    # Outer first, then equal spans in list order.
    assert (
        first.index('data-rule="OUTER"') < first.index('data-rule="INNER"') < first.index('data-rule="SAME"')
    )
    assert "".join(parse(first).text) == text


def test_bad_offsets_are_ignored() -> None:
    text = "short"
    spans = finding_spans(
        [f(-1, 2), f(3, 99), f(4, 4), {"rule": "X", "start": "1", "end": 2}, f(0, 5, "OK")], len(text)
    )
    assert [s.anchor for s in spans] == ["finding-4"]


def test_attribute_values_are_escaped() -> None:
    text = "abc"
    html = str(highlight(text, finding_spans([f(0, 3, 'R"><script>', 'c"><x')], len(text))))
    assert "<script>" not in html and "<x" not in html
    assert 'data-rule="R&#34;&gt;&lt;script&gt;"' in html
    assert "cat-c---x" in html  # class tokens are reduced to safe characters


def test_evidence_wraps_outside_findings() -> None:
    text = "Risks include infection and bleeding."
    elements = [{"element": "harms", "present": True, "evidence": [{"start": 14, "end": 36, "quote": "x"}]}]
    spans = finding_spans([f(14, 23, "R")], len(text)) + evidence_spans(elements, len(text))
    html = str(highlight(text, spans))
    assert html.index('<span id="evidence-harms-0"') < html.index('<mark id="finding-0"')
    assert "".join(parse(html).text) == text


@given(
    st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
)
def test_any_spans_give_wellformed_html_with_the_exact_text(text: str, pairs: list[tuple[int, int]]) -> None:
    findings = [f(min(a, b), max(a, b), f"R{i}") for i, (a, b) in enumerate(pairs)]
    spans = finding_spans(findings, len(text))
    html = str(highlight(text, spans))
    checker = parse(html)
    assert "".join(checker.text) == text
    for span in spans:
        assert html.count(f'id="{span.anchor}"') == 1
