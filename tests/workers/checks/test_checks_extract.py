"""extract_text for HTML, Markdown and plain text, including hostile markup."""

from __future__ import annotations

import pytest

from workers.checks import UnsupportedContentType, extract_text

ARTICLE_HTML = """<!doctype html><html><head><title>Site title</title>
<style>body { color: red } .secret-style {}</style>
<script>var secretScript = "do not show";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/shop">Shop</a></li></ul></nav>
<article>
<h1>Stem cell injections for knee pain: what the evidence says</h1>
<p>Stem cell injections for knee osteoarthritis are offered by many private clinics, but the treatment is
still experimental and no product has been approved for this use by regulators.</p>
<p>Small trials have reported modest improvements in pain, while others found no difference from a
placebo injection. Side effects include swelling and pain at the injection site, and infection is a rare
but serious risk.</p>
<p>Doctors advise patients to ask about the evidence, the cost and the alternatives, such as physiotherapy
and weight loss, before paying for any injection.</p>
</article>
<aside><h3>Related News</h3><ul><li><a href="/a">Ten foods for your joints</a></li>
<li><a href="/b">Celebrity knee surgery</a></li></ul></aside>
<footer>Copyright 2026 Example Health Media. All rights reserved. Privacy policy.</footer>
</body></html>"""

HOSTILE = """<html><body><p>Visible text about a treatment.</p>
<script>alert('xss-script')</script><style>.x{background:url(xss-style)}</style>
<img src=x onerror="alert('xss-onerror')"><svg><script>alert('xss-svg')</script></svg>
<iframe src="javascript:alert('xss-iframe')">xss-iframe-body</iframe>
<noscript>xss-noscript</noscript><template>xss-template</template>
<p onclick="alert('xss-onclick')">Second paragraph.</p><scr<script>ipt>alert('xss-nested')</script>
</body></html>"""


def test_html_main_text_only() -> None:
    text = extract_text(ARTICLE_HTML, "text/html; charset=utf-8")
    assert "still experimental" in text
    assert "Side effects include swelling" in text
    assert "secretScript" not in text and "do not show" not in text
    assert "color: red" not in text
    assert "Celebrity knee surgery" not in text
    assert "All rights reserved" not in text


@pytest.mark.parametrize("content_type", ["text/html", "TEXT/HTML; charset=UTF-8"])
def test_hostile_html_never_leaks_script_or_style(content_type: str) -> None:
    text = extract_text(HOSTILE, content_type)
    assert "Visible text" in text
    for bad in [
        "xss-script",
        "xss-style",
        "xss-onerror",
        "xss-svg",
        "xss-iframe",
        "xss-noscript",
        "xss-template",
        "xss-onclick",
        "<script",
        "onerror",
    ]:
        assert bad not in text, bad


def test_html_fallback_when_main_text_is_empty() -> None:
    text = extract_text("<div>Short note.</div><script>evil()</script>", "text/html")
    assert text == "Short note."


def test_empty_html() -> None:
    assert extract_text("", "text/html") == ""


def test_markdown_to_plain_text() -> None:
    md = (
        "# Stem cells and arthritis\n\nThe treatment is **experimental** and costs [a lot](https://x.example).\n\n"
        "- infection\n- swelling\n\n<script>alert('md-xss')</script>\n\n`code` stays."
    )
    text = extract_text(md, "text/markdown")
    assert "Stem cells and arthritis" in text
    assert "The treatment is experimental and costs a lot." in text
    assert "infection" in text and "swelling" in text
    assert "**" not in text and "](" not in text and "#" not in text
    assert "md-xss" not in text and "<script" not in text


def test_plain_text_is_kept_with_normalised_newlines() -> None:
    assert extract_text("Line one.\r\nLine two.  ", "text/plain; charset=utf-8") == "Line one.\nLine two."


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "", "text/csv"])
def test_unsupported_content_types(content_type: str) -> None:
    with pytest.raises(UnsupportedContentType):
        extract_text("x", content_type)


def test_unsupported_content_type_is_a_value_error() -> None:
    assert issubclass(UnsupportedContentType, ValueError)
