"""A saved web page's article: its lines, and its metadata, by trafilatura and htmldate.

trafilatura finds the article's text and metadata (headline, author, canonical address);
htmldate its publication date. The page's own lines between the first and the last line
trafilatura kept are returned, each marked ``dropped`` when trafilatura left it out (a byline, a
share bar, a caption), so that the curator sees them fenced as furniture rather than lost.
Lines outside that span (the site's menus and footer) are not the article and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.curate.furniture_lines import Line

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "time", "dt", "dd",
           "pre", "td", "th", "caption", "div", "section", "article", "header", "footer", "aside", "span", "address"}
_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "title", "meta", "link", "button", "form", "nav"}


@dataclass(frozen=True)
class PageArticle:
    lines: tuple[Line, ...]
    headline: str | None
    byline: str | None
    published: str | None
    url: str | None
    left_out: int
    """How many of the page's lines lie outside the article (menus, footers)."""


def _page_lines(html: str) -> list[Line]:
    """The text of each innermost block of the page's body, in document order."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    lines: list[Line] = []

    def has_block_child(element: lxml.html.HtmlElement) -> bool:
        return any(isinstance(child.tag, str) and child.tag in _BLOCKS and child.tag not in ("span", "time")
                   for child in element.iter() if child is not element)

    def visit(element: lxml.html.HtmlElement) -> None:
        if not isinstance(element.tag, str) or element.tag in _SKIPPED:
            return
        if element.tag in _BLOCKS and not has_block_child(element):
            text = " ".join(element.text_content().split())
            if text:
                lines.append(Line(text, element.tag))
            return
        for child in element:
            visit(child)

    body = root.find("body")
    visit(body if body is not None else root)
    return lines


def read_page(html: str) -> PageArticle:
    """The article of a saved page; ``lines`` is empty when trafilatura finds no article."""
    import htmldate
    import trafilatura
    from trafilatura.settings import Document

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                            favor_recall=True, deduplicate=False)
    document = extracted if isinstance(extracted, Document) else None  # a dict only when asked for one (as_dict)
    kept = [" ".join(line.split()) for line in (document.text or "").split("\n")] if document is not None else []
    kept = [line for line in kept if line]
    page = _page_lines(html)
    keys = [line.text for line in page]
    matched: list[int] = []
    cursor = 0
    for text in kept:
        at = next((i for i in range(cursor, len(keys)) if keys[i] == text), None)
        if at is not None:
            matched.append(at)
            cursor = at + 1
    lines: list[Line] = []
    if matched:
        found = set(matched)
        first, last = matched[0], matched[-1]
        lines = [Line(page[i].text, page[i].tag, dropped=i not in found) for i in range(first, last + 1)]
    elif kept:  # the extractor's lines match none of the page's blocks: take its text as it is
        lines = [Line(text) for text in kept]
    published = htmldate.find_date(html, extensive_search=True, original_date=True, outputformat="%Y-%m-%d",
                                   min_date="1990-01-01", max_date="2099-12-31")
    return PageArticle(tuple(lines), getattr(document, "title", None), getattr(document, "author", None), published,
                       getattr(document, "url", None), len(page) - len(lines) if matched else 0)
