"""Turn a submitted body (HTML, Markdown or plain text) into the text the checks read and offsets index."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from .model import UnsupportedContentType

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
_PLAIN_TYPES = frozenset({"text/plain"})

# Content of these elements is never text a reader sees.
_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "math",
        "object",
        "embed",
        "head",
        "title",
        "select",
        "button",
        "canvas",
        "audio",
        "video",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "dd",
        "dt",
        "dl",
        "main",
        "aside",
        "nav",
        "figure",
        "figcaption",
        "td",
        "th",
    }
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "param",
    }
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_stack.append(tag)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_stack:
            self.parts.append(data)


_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


def _tidy(text: str) -> str:
    lines = [
        _SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return "\n".join(line for line in lines if line).strip()


def html_to_text(html: str) -> str:
    """Plain HTML-to-text: all visible text, block elements on their own lines, no script/style content."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient; belt and braces
        pass
    return _tidy("".join(parser.parts))


def _clean_tree(html: str) -> object | None:
    """Parse with lxml (trafilatura's own parser) and drop every non-content element before extraction."""
    try:
        import lxml.etree
        import lxml.html

        tree = lxml.html.document_fromstring(html)
        lxml.etree.strip_elements(tree, *sorted(_SKIP - {"head", "title"}), with_tail=False)
        return tree
    except Exception:  # empty or unparsable document: let the plain converter handle it
        return None


def _main_text(html: str) -> str:
    if not html.strip():
        return ""
    tree = _clean_tree(html)
    if tree is None:
        return html_to_text(html)
    try:
        import trafilatura

        # Quiet trafilatura's own warnings about short or odd documents.
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
        extracted = trafilatura.extract(
            tree,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_links=False,
            include_images=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception:  # trafilatura/lxml can raise on hostile markup; the fallback still works
        extracted = None
    if extracted and extracted.strip():
        return _tidy(extracted)
    return html_to_text(html)


def _markdown_text(body: str) -> str:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).render(body)
    return html_to_text(html)


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def extract_text(body: str, content_type: str) -> str:
    """The article text the checks read: main content only for HTML, rendered text for Markdown."""
    if not isinstance(body, str):
        raise TypeError("body must be str")
    mt = media_type(content_type or "")
    if mt in _PLAIN_TYPES:
        return body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if mt in _HTML_TYPES:
        return _main_text(body)
    if mt in _MARKDOWN_TYPES:
        return _markdown_text(body)
    raise UnsupportedContentType(f"unsupported content type: {content_type!r}")
